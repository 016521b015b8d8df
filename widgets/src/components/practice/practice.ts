import { SolidarityPractice } from './practice.component.js';

export { SolidarityPractice };
export default SolidarityPractice;

// Guarded: including the script twice (or two versions of it) does not throw.
if (!customElements.get('solidarity-practice')) customElements.define('solidarity-practice', SolidarityPractice);

declare global {
  interface HTMLElementTagNameMap {
    'solidarity-practice': SolidarityPractice;
  }
}
