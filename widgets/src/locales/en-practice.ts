/** English UI strings: a practice's full view (internal/practice-view.ts: <solidarity-practice>, and the list's open practice). Every locale's table (ca.ts...) has them all (locales/en.ts). */
export default {
  since: 'Since {date}',
  criteria: 'Criteria',
  'crisis-response': 'Crisis response',
  'inter-cooperation': 'Inter-cooperation',
  'public-procurement': 'Public procurement',
  youth: 'Youth',
  'ecological-transition': 'Ecological transition',
  'feminist-perspective': 'Feminist perspective',
  licence: 'Licence: {name}',
  call: 'Call: {title}',
  source: 'Original page',
};
