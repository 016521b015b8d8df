import { define } from '../../internal/define.js';
import { SolidarityPractice } from './practice.component.js';

export { SolidarityPractice };
export default SolidarityPractice;

// Guarded: including the script twice does not throw; a tag defined by something else is warned about.
define('solidarity-practice', SolidarityPractice);

declare global {
  interface HTMLElementTagNameMap {
    'solidarity-practice': SolidarityPractice;
  }
}
