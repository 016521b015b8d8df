import { FICHE_FIELDS } from '../../../../../../cms/shared/fiche';
import { ficheWords } from '../../../../../../cms/shared/fiche-labels';
import { HISTORY_EVENTS, type HistoryEventType } from '../../../../../../cms/shared/history';

/** `t(key, defaultMessage)` of utils/useT.ts. */
type Translate = (key: string, defaultMessage: string) => string;

/**
 * The label of each kind of review-history event (cms/shared/history.ts), through `t`. A `Record`
 * over every kind: an event the server writes (its types take their `action` from the same list)
 * without a label here fails the typecheck; historyLabels.test.ts checks each has a translation.
 * To add an event: add it to HISTORY_EVENTS, then a line here and its key in translations/*.json.
 */
export const historyLabels = (t: Translate): Record<HistoryEventType, string> => ({
  submit: t('history.submit', 'Submitted through the form'),
  'start-review': t('action.start-review', 'Start review'),
  'request-info': t('action.request-info', 'Request information'),
  approve: t('action.approve', 'Approve'),
  reject: t('action.reject', 'Reject'),
  assess: t('history.assess', 'Scored by a commission member'),
  'assessment-conflict': t('history.assessment-conflict', 'Conflict of interest recorded'),
  decide: t('history.decide', 'Commission’s decision'),
  'assessment-open': t('history.assessment-open', 'Assessment of the call opened'),
  'completion-sent': t('history.completionSent', 'Completion link sent to the contact'),
  'completion-revoked': t('history.completionRevoked', 'Completion link revoked'),
  'completion-saved': t('history.completionSaved', 'The contact saved the fiche'),
  'completion-completed': t('history.completionCompleted', 'The contact sent the completed fiche'),
});

/** Whether `action` is a kind of event this admin knows (a newer server may write others). */
export const isHistoryEvent = (action: string): action is HistoryEventType => (HISTORY_EVENTS as readonly string[]).includes(action);

/**
 * Who an event is by, in words: the admin user's name; else, for the contact's own steps through the
 * completion link (`completion-saved`, `completion-completed`: the server records them with `by: null`,
 * submissions/completion/service.ts), the contact; else (the submission itself) the submission form.
 */
export const historyAuthor = (t: Translate, event: { action: string; by: { name: string } | null }): string =>
  event.by?.name ??
  (event.action === 'completion-saved' || event.action === 'completion-completed'
    ? t('history.contactLink', 'the contact, through the completion link')
    : t('history.form', 'the submission form'));

/** `t(key, defaultMessage, values)` of utils/useT.ts (ICU messages: plurals). */
type TranslateWith = (key: string, defaultMessage: string, values?: Record<string, string | number>) => string;

/** The notes the server writes on an `assess` event (assessment/service.ts `score`), in English. */
const SCORED = /^Scored (\d+) criteria$/;
const RESCORED = /^Scores revised \((\d+) criteria\)$/;

/**
 * The note of a history event in the admin's language: the server's English note of an `assess`
 * event ("Scored 2 criteria", "Scores revised (2 criteria)") through `t` with an ICU plural; any
 * other note (what an editor or the contact wrote) as it is.
 */
export const historyNote = (t: TranslateWith, event: { action: string; note?: string }): string | undefined => {
  const note = event.note;
  if (event.action !== 'assess' || !note) return note;
  const scored = SCORED.exec(note);
  if (scored) return t('history.scoredCriteria', 'Scored {count, plural, one {# criterion} other {# criteria}}', { count: Number(scored[1]) });
  const rescored = RESCORED.exec(note);
  if (rescored) return t('history.rescoredCriteria', 'Scores revised ({count, plural, one {# criterion} other {# criteria}})', { count: Number(rescored[1]) });
  return note;
};

/**
 * A value of a field the contact changed (a `completion-saved` event's `changes`), in words: for an
 * enumeration of the fiche (cms/shared/fiche.ts, `kind: 'enum'`: the budget range) the value's words
 * in `locale` (cms/shared/fiche-labels.ts, English when the app has none for it) instead of its raw
 * value ("from-5k-to-20k"); anything else (the server's short summaries, "—" for empty) as it is.
 */
export const changeValue = (field: string, value: string, locale: string): string => {
  const spec = FICHE_FIELDS.find((f) => f.key === field);
  if (spec?.kind !== 'enum') return value;
  const words: Record<string, string> = field === 'budgetRange' ? ficheWords(locale).budget : {};
  return words[value] ?? value;
};
