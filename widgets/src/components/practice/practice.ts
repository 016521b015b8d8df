import { define } from '../../internal/define.js';
import { SolidarityPractice } from './practice.component.js';

export { SolidarityPractice };
/**
 * A practice's full view, for the open practice of a <solidarity-practices> list (./practices/open.ts):
 * imported from here so that the view is in this element's chunk, not in a chunk of its own; a page with
 * <solidarity-practice> then loads one file fewer (about 130 B gzip less: each chunk costs its own
 * import lines and a fresh compression window). Opening a practice in a list thus also defines
 * <solidarity-practice> (guarded by define(), as for any page that has the tag).
 */
export { practiceView } from '../../internal/practice-view.js';
export default SolidarityPractice;

// Guarded: including the script twice does not throw; a tag defined by something else is warned about.
define('solidarity-practice', SolidarityPractice);

declare global {
  interface HTMLElementTagNameMap {
    'solidarity-practice': SolidarityPractice;
  }
}
