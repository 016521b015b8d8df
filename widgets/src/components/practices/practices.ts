import { SolidarityPractices } from './practices.component.js';

export { SolidarityPractices };
export default SolidarityPractices;

// Guarded: including the script twice (or two versions of it) does not throw.
if (!customElements.get('solidarity-practices')) customElements.define('solidarity-practices', SolidarityPractices);

declare global {
  interface HTMLElementTagNameMap {
    'solidarity-practices': SolidarityPractices;
  }
}
