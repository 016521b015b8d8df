import { define } from '../../internal/define.js';
import { SolidarityStatements } from './statements.component.js';

export { SolidarityStatements };
export default SolidarityStatements;

// Guarded: including the script twice does not throw; a tag defined by something else is warned about.
define('solidarity-statements', SolidarityStatements);

declare global {
  interface HTMLElementTagNameMap {
    'solidarity-statements': SolidarityStatements;
  }
}
