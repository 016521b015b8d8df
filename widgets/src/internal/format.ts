/**
 * Date helpers on Intl.DateTimeFormat, each in the module of the widget that shows it (so a page
 * loads only its own): format-day.ts (statements), format-when.ts (sessions), format-months.ts (a
 * practice's full view), on dtf.ts. This module gathers them (for the unit tests); the widgets
 * import the modules themselves.
 */
export { day, past } from './format-day.js';
export { localZone, when, whenLocal } from './format-when.js';
export { months } from './format-months.js';
