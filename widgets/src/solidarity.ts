/**
 * Solidarity Commons widgets: the entry module (dist/solidarity.js). Registers every read widget.
 * UI strings other than English load on demand, each in its own small chunk.
 */
export { SolidarityPractices } from './components/practices/practices.js';
export { SolidarityPractice } from './components/practice/practice.js';
export { SolidaritySessions } from './components/sessions/sessions.js';
export { SolidarityStatements } from './components/statements/statements.js';
