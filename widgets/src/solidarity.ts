/**
 * Every read widget at once, from the sources (for the tests and for bundlers that import the
 * package's sources); the form is imported when one is on the page. Not the built entry: that is
 * src/loader.ts (dist/solidarity.js), which imports each widget's chunk when its tag appears.
 */
export { SolidarityPractices } from './components/practices/practices.js';
export { SolidarityPractice } from './components/practice/practice.js';
export { SolidaritySessions } from './components/sessions/sessions.js';
export { SolidarityStatements } from './components/statements/statements.js';
import './components/submit-practice/submit-practice.loader.js';
