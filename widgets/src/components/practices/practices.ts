import { define } from '../../internal/define.js';
import { SolidarityPractices } from './practices.component.js';

export { SolidarityPractices };
export default SolidarityPractices;

// Guarded: including the script twice does not throw; a tag defined by something else is warned about.
define('solidarity-practices', SolidarityPractices);

declare global {
  interface HTMLElementTagNameMap {
    'solidarity-practices': SolidarityPractices;
  }
}
