import { FEED_REJECTED, WALK_REJECTED } from './query';
import { open, type PublicRoute } from '../http/routes';

const route = (path: string, handler: string, summary: string): PublicRoute => ({
  method: 'GET',
  path,
  handler: `feeds.${handler}`,
  config: open,
  info: { summary },
  rejects: /\.(ics|csv)$/.test(path) || path.startsWith('/export/') ? WALK_REJECTED : FEED_REJECTED,
});

/** Feed, calendar, export and JSON-LD routes (owned by the feeds module). */
export const feedRoutes: PublicRoute[] = [
  route('/feeds/practices.rss', 'practicesRss', 'Good practices as RSS 2.0'),
  route('/feeds/practices.atom', 'practicesAtom', 'Good practices as Atom 1.0'),
  route('/feeds/practices.json', 'practicesJson', 'Good practices as JSON Feed 1.1'),
  route('/feeds/statements.rss', 'statementsRss', 'Statements as RSS 2.0'),
  route('/feeds/statements.atom', 'statementsAtom', 'Statements as Atom 1.0'),
  route('/feeds/statements.json', 'statementsJson', 'Statements as JSON Feed 1.1'),
  route('/sessions.ics', 'sessionsCalendar', 'Online sessions as an iCalendar subscription'),
  route('/sessions/:idOrSlug.ics', 'sessionCalendar', 'One online session as iCalendar'),
  route('/calls.ics', 'deadlinesCalendar', 'Deadlines of calls for practices and open-call statements as iCalendar'),
  route('/export/practices.csv', 'exportPracticesCsv', 'Open data: every published practice as CSV'),
  route('/export/practices.json', 'exportPracticesJson', 'Open data: every published practice as JSON'),
];
