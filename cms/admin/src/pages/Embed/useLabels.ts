import type { PracticeCriterion, SessionKind, StatementKind } from '../../../../server/src/content-types/vocabulary';
import type { FeedLink, PracticeControl, WidgetName } from '../../embed/snippet';
import { useT } from '../../utils/useT';

/** A value's label in `labels`, or the value itself when it has none. */
const labelOr = (labels: Partial<Record<string, string>>, value: string): string => labels[value] ?? value;

/**
 * Translated labels of the Embed page's fixed vocabularies: widgets, session and statement kinds,
 * practice criteria, visitor controls and feed formats. Each map covers its whole vocabulary (`satisfies Record<…>`:
 * a new kind, criterion or control without a label does not compile); a value without a label shows as itself.
 */
export const useLabels = () => {
  const { t } = useT();
  const widget = (w: WidgetName) =>
    ({
      practices: t('embed.widget.practices', 'Good practices (list)'),
      practice: t('embed.widget.practice', 'One good practice'),
      sessions: t('embed.widget.sessions', 'Online sessions'),
      statements: t('embed.widget.statements', 'Statements'),
      submit: t('embed.widget.submit', 'Submission form'),
    })[w];
  const kind = (k: string) =>
    labelOr(
      {
        webinar: t('embed.kind.webinar', 'Webinar'),
        'peer-review': t('embed.kind.peer-review', 'Peer review'),
        seminar: t('embed.kind.seminar', 'Seminar'),
        workshop: t('embed.kind.workshop', 'Workshop'),
        assembly: t('embed.kind.assembly', 'Assembly'),
        'sector-statement': t('embed.kind.sector-statement', 'Sector statement'),
        'policy-reaction': t('embed.kind.policy-reaction', 'Policy reaction'),
        'open-call': t('embed.kind.open-call', 'Open call'),
        'position-paper': t('embed.kind.position-paper', 'Position paper'),
        'press-release': t('embed.kind.press-release', 'Press release'),
      } satisfies Record<SessionKind | StatementKind, string>,
      k
    );
  const criteria = (c: string) =>
    labelOr(
      {
        'crisis-response': t('embed.criteria.crisis-response', 'Crisis response'),
        'inter-cooperation': t('embed.criteria.inter-cooperation', 'Inter-cooperation'),
        'public-procurement': t('embed.criteria.public-procurement', 'Public procurement'),
        youth: t('embed.criteria.youth', 'Youth'),
        'ecological-transition': t('embed.criteria.ecological-transition', 'Ecological transition'),
        'feminist-perspective': t('embed.criteria.feminist-perspective', 'Feminist perspective'),
      } satisfies Record<PracticeCriterion, string>,
      c
    );
  const control = (c: string) =>
    labelOr(
      {
        topic: t('embed.control.topic', 'Topic filter'),
        country: t('embed.control.country', 'Country filter'),
        organisation: t('embed.control.organisation', 'Organisation filter'),
        call: t('embed.control.call', 'Call filter'),
        search: t('embed.control.search', 'Search box'),
      } satisfies Record<PracticeControl, string>,
      c
    );
  const feed = (f: FeedLink['format']) =>
    ({
      rss: t('embed.feed.rss', 'RSS'),
      atom: t('embed.feed.atom', 'Atom'),
      json: t('embed.feed.json', 'JSON Feed'),
      ics: t('embed.feed.ics', 'iCalendar file (.ics)'),
      webcal: t('embed.feed.webcal', 'Calendar subscription (webcal://)'),
    })[f];
  return { widget, kind, criteria, control, feed };
};

/** The label functions of useLabels. */
export type Labels = ReturnType<typeof useLabels>;
