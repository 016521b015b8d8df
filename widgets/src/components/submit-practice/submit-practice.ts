import { SolidaritySubmitPractice } from './submit-practice.component.js';

export { SolidaritySubmitPractice };
export default SolidaritySubmitPractice;

// Guarded: including the script twice (or two versions of it) does not throw.
if (!customElements.get('solidarity-submit-practice')) customElements.define('solidarity-submit-practice', SolidaritySubmitPractice);

declare global {
  interface HTMLElementTagNameMap {
    'solidarity-submit-practice': SolidaritySubmitPractice;
  }
}
