/**
 * Solidarity Commons widgets: the entry module (dist/solidarity.js). Registers every read widget.
 * UI strings other than English load on demand, each in its own small chunk; so does the
 * <solidarity-submit-practice> form (with its strings and ALTCHA), only when one is on the page.
 */
export { SolidarityPractices } from './components/practices/practices.js';
export { SolidarityPractice } from './components/practice/practice.js';
export { SolidaritySessions } from './components/sessions/sessions.js';
export { SolidarityStatements } from './components/statements/statements.js';
import './components/submit-practice/submit-practice.loader.js';
