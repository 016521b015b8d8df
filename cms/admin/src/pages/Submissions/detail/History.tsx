import { Box, Divider, Typography } from '@strapi/design-system';
import { absoluteTime, relativeTime } from '../../../utils/dates';
import { useT } from '../../../utils/useT';
import { useStatusLabel } from '../StatusBadge';
import { useAssessmentLabels } from '../../Assessment/labels';
import type { Decision } from '../../Assessment/types';
import type { HistoryEvent } from '../types';
import { useFicheLabels } from './Fiche';
import { changeValue, historyAuthor, historyLabels, historyNote, isHistoryEvent } from './historyLabels';

/** The label of a history event's kind in the admin's language (./historyLabels.ts); an unknown kind shows as its name. */
export const useHistoryLabel = () => {
  const { t } = useT();
  const labels = historyLabels(t);
  return (action: string): string => (isHistoryEvent(action) ? labels[action] : action);
};

/** The words for a mail's delivery state (server: notifications.ts Delivery); an unknown state shows as itself. */
export const useMailLabel = () => {
  const { t } = useT();
  return (state: string): string =>
    ({
      sent: t('mail.sent', 'sent'),
      failed: t('mail.failed', 'failed (the mail server refused it or did not answer)'),
      'not-configured': t('mail.notConfigured', 'not sent: no mail server is configured'),
      skipped: t('mail.skipped', 'not sent: nobody to send it to'),
    })[state] ?? state;
};

/**
 * The submission's history, newest first: what was done (→ the status it led to), by whom (or the
 * submission form) and when, and the note. An action this page does not know shows as its name.
 */
export const History = ({ events }: { events: HistoryEvent[] }) => {
  const { t, locale } = useT();
  const statusLabel = useStatusLabel();
  const mailLabel = useMailLabel();
  const actionLabel = useHistoryLabel();
  const assessment = useAssessmentLabels();
  if (!events.length) return <Typography textColor="neutral600">{t('history.empty', 'No event yet.')}</Typography>;
  const label = (e: HistoryEvent) =>
    e.action === 'completion-sent' && e.resent
      ? t('history.completionResent', 'New completion link sent (the previous one no longer works)')
      : actionLabel(e.action);
  /** Completion events keep the status: no arrow for them. */
  const moves = (e: HistoryEvent) => Boolean(e.to) && !e.action.startsWith('completion-');
  const ficheLabels = useFicheLabels();
  /** The heading of a field the contact changed (the fiche's as on the fiche section); an unknown one shows as its key. */
  const fieldLabels: Record<string, string> = {
    summary: t('history.field.summary', 'Summary'),
    body: t('history.field.body', 'Description'),
    links: t('history.field.links', 'Links'),
    startedOn: t('history.field.startedOn', 'Start date'),
    endedOn: t('history.field.endedOn', 'End date'),
    ...ficheLabels,
  };
  return (
    <Box tag="ol">
      {[...events].reverse().map((e, i) => (
        <Box tag="li" key={`${e.at}-${i}`} paddingBottom={3} marginBottom={3}>
          <Typography variant="omega" fontWeight="bold" tag="div">
            {label(e)}
            {moves(e) && e.to ? ` → ${statusLabel(e.to)}` : ''}
            {e.decision ? `: ${assessment.decision(e.decision as Decision)}` : ''}
          </Typography>
          <Typography variant="pi" textColor="neutral600" tag="div">
            {t('history.byAt', '{who}, {relative} ({absolute})', {
              who: historyAuthor(t, e),
              relative: relativeTime(e.at, locale),
              absolute: absoluteTime(e.at, locale),
            })}
          </Typography>
          {e.note ? (
            <Typography variant="pi" tag="p" style={{ whiteSpace: 'pre-wrap', marginTop: '0.25rem' }}>
              {historyNote(t, e)}
            </Typography>
          ) : null}
          {e.changes?.length ? (
            <Box tag="ul" marginTop={1} data-testid="solidarity-history-changes">
              {e.changes.map((c) => (
                <Typography key={c.field} tag="li" variant="pi" textColor="neutral700">
                  {fieldLabels[c.field] ?? c.field}: {changeValue(c.field, c.before, locale)} → {changeValue(c.field, c.after, locale)}
                </Typography>
              ))}
            </Box>
          ) : null}
          {e.mail ? (
            <Typography variant="pi" tag="p" textColor={e.mail === 'sent' ? 'neutral600' : 'warning600'} data-mail={e.mail}>
              {t('history.mailContact', 'Mail to the contact: {status}', { status: mailLabel(e.mail) })}
            </Typography>
          ) : null}
          {e.mailEditors ? (
            <Typography variant="pi" tag="p" textColor={e.mailEditors === 'sent' || e.mailEditors === 'skipped' ? 'neutral600' : 'warning600'}>
              {t('history.mailEditors', 'Notice to the editors: {status}', { status: mailLabel(e.mailEditors) })}
            </Typography>
          ) : null}
          {(e.commission ?? []).map((m) => (
            <Typography key={m.id} variant="pi" tag="p" textColor={m.mail === 'sent' ? 'neutral600' : 'warning600'} data-mail={m.mail}>
              {t('history.mailMember', 'Notice to {name}: {status}', { name: m.name, status: mailLabel(m.mail) })}
            </Typography>
          ))}
          {i < events.length - 1 ? <Divider marginTop={3} /> : null}
        </Box>
      ))}
    </Box>
  );
};
