import { define } from '../../internal/define.js';
import { SolidaritySubmitPractice } from './submit-practice.component.js';

export { SolidaritySubmitPractice };
export default SolidaritySubmitPractice;

// Guarded: including the script twice does not throw; a tag defined by something else is warned about.
define('solidarity-submit-practice', SolidaritySubmitPractice);

declare global {
  interface HTMLElementTagNameMap {
    'solidarity-submit-practice': SolidaritySubmitPractice;
  }
}
