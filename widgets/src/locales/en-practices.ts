/** English UI strings: <solidarity-practices>' own (its chunk). Every locale's table (ca.ts...) has them all (locales/en.ts). */
export default {
  noPractices: 'No practices match these filters.',
  practices: { one: '{n} practice', other: '{n} practices' },
  back: 'Back to the list',
};
