import { SolidarityStatements } from './statements.component.js';

export { SolidarityStatements };
export default SolidarityStatements;

// Guarded: including the script twice (or two versions of it) does not throw.
if (!customElements.get('solidarity-statements')) customElements.define('solidarity-statements', SolidarityStatements);

declare global {
  interface HTMLElementTagNameMap {
    'solidarity-statements': SolidarityStatements;
  }
}
