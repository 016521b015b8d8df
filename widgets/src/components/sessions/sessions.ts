import { SolidaritySessions } from './sessions.component.js';

export { SolidaritySessions };
export default SolidaritySessions;

// Guarded: including the script twice (or two versions of it) does not throw.
if (!customElements.get('solidarity-sessions')) customElements.define('solidarity-sessions', SolidaritySessions);

declare global {
  interface HTMLElementTagNameMap {
    'solidarity-sessions': SolidaritySessions;
  }
}
