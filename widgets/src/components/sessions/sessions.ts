import { define } from '../../internal/define.js';
import { SolidaritySessions } from './sessions.component.js';

export { SolidaritySessions };
export default SolidaritySessions;

// Guarded: including the script twice does not throw; a tag defined by something else is warned about.
define('solidarity-sessions', SolidaritySessions);

declare global {
  interface HTMLElementTagNameMap {
    'solidarity-sessions': SolidaritySessions;
  }
}
