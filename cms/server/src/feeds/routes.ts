import { DEADLINES_PARAMS, FEED_REJECTED, WALK_REJECTED } from './query';
import { open, type PublicRoute } from '../http/routes';
import { REST_KEYS, shortcutKeys } from '../reads/params';

const route = (path: string, handler: string, summary: string, description?: string): PublicRoute => ({
  method: 'GET',
  path,
  handler: `feeds.${handler}`,
  config: open,
  info: { summary, ...(description ? { description } : {}) },
  rejects: /\.(ics|csv)$/.test(path) || path.startsWith('/export/') ? WALK_REJECTED : FEED_REJECTED,
});

/** How to subscribe, said on every calendar route. */
const SUBSCRIBE =
  'Subscribe with the same URL and the `webcal://` scheme instead of `https://` (e.g. `webcal://host/api/solidarity/sessions.ics?locale=ca`): calendar apps then refresh it (REFRESH-INTERVAL and X-PUBLISHED-TTL say every hour). The calendar\'s name is in the requested language.';

/** Parameters the deadlines calendar refuses: every one of the calls' but `locale` and `topic`. */
const DEADLINES_REJECTED = [...shortcutKeys('call'), ...REST_KEYS].filter(
  (k) => !(DEADLINES_PARAMS as readonly string[]).includes(k)
);

/** Feed, calendar, export and JSON-LD routes (owned by the feeds module). */
export const feedRoutes: PublicRoute[] = [
  route('/feeds/practices.rss', 'practicesRss', 'Good practices as RSS 2.0'),
  route('/feeds/practices.atom', 'practicesAtom', 'Good practices as Atom 1.0'),
  route('/feeds/practices.json', 'practicesJson', 'Good practices as JSON Feed 1.1'),
  route('/feeds/statements.rss', 'statementsRss', 'Statements as RSS 2.0'),
  route('/feeds/statements.atom', 'statementsAtom', 'Statements as Atom 1.0'),
  route('/feeds/statements.json', 'statementsJson', 'Statements as JSON Feed 1.1'),
  route(
    '/sessions.ics',
    'sessionsCalendar',
    'Online sessions as an iCalendar subscription',
    `${SUBSCRIBE} Each event's URL is the session's public page; SEQUENCE grows with every change of its time, join link or status; a moved session says so in SUMMARY and DESCRIPTION, a cancelled one is STATUS:CANCELLED and stays for \`calendar.noticeDays\` days (plugin config, 30 by default) after its start. Past sessions carry their recording and minutes links. No ORGANIZER: organisers are named in DESCRIPTION and X-SOLIDARITY-ORGANISER.`
  ),
  route('/sessions/:idOrSlug.ics', 'sessionCalendar', 'One online session as iCalendar', SUBSCRIBE),
  {
    ...route(
      '/calls.ics',
      'deadlinesCalendar',
      'Deadlines of calls for practices and open-call statements as iCalendar',
      `${SUBSCRIBE} One all-day event (DTSTART;VALUE=DATE, the day in UTC) per published call (its closing time) and open-call statement with a deadline, the exact time in DESCRIPTION, and an alarm a week before (TRIGGER:-P7D). Takes \`locale\` and \`topic\` only.`
    ),
    rejects: DEADLINES_REJECTED,
  },
  route('/export/practices.csv', 'exportPracticesCsv', 'Open data: every published practice as CSV'),
  route('/export/practices.json', 'exportPracticesJson', 'Open data: every published practice as JSON'),
];
