/** English UI strings: <solidarity-statements>' own (its chunk). Every locale's table (ca.ts...) has them all (locales/en.ts). */
export default {
  noStatements: 'No statements match these filters.',
  statements: { one: '{n} statement', other: '{n} statements' },
  'sector-statement': 'Sector statement',
  'policy-reaction': 'Policy reaction',
  'open-call': 'Open call',
  'position-paper': 'Position paper',
  'press-release': 'Press release',
  issuers: 'Issued by {list}',
  signatories: { one: 'Signed by {n} organisation', other: 'Signed by {n} organisations' },
  closed: 'Closed',
};
