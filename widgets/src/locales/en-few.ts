/**
 * English UI strings of a few widgets, not of every one: a practice's promoters (the practices list and a
 * practice, internal/practice-meta.ts), a call's deadline (statements and the form) and the form's country.
 * Not in en-common.ts, so that <solidarity-sessions>' own build (src/loader.ts `pick`) does not carry them.
 * Every locale's table (ca.ts...) has them all (locales/en.ts).
 */
export default {
  country: 'Country',
  promoters: 'Promoted by {list}',
  deadline: 'Deadline: {date}',
};
