/**
 * Every English UI string (the type of a locale's table, and what ca, es, el and fr translate).
 * Plurals: Intl.PluralRules categories. The widgets do not import this file: each part comes with
 * the code that shows it (en-common.ts in the shared chunk, en-<widget>.ts in each widget's chunk, en-few.ts with the few that use it,
 * en-practice.ts with a practice's full view), so a page loads the English of its widgets only.
 */
import common from './en-common.js';
import few from './en-few.js';
import practice from './en-practice.js';
import practices from './en-practices.js';
import sessions from './en-sessions.js';
import statements from './en-statements.js';

const en = { ...common, ...few, ...practices, ...practice, ...sessions, ...statements };

export default en;
