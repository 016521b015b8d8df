import { SESSION_STATUSES, type SessionStatus } from '../../../server/src/content-types/vocabulary';
import { useT } from '../utils/useT';
import { enumerationInput } from './EnumerationInput';

/**
 * The translated label of a session's status (`session-status.<status>` of the admin translations).
 * A Record over the vocabulary: a status added there without a label here does not compile.
 */
export const useSessionStatusLabel = () => {
  const { t } = useT();
  const labels: Record<SessionStatus, string> = {
    scheduled: t('session-status.scheduled', 'Scheduled'),
    moved: t('session-status.moved', 'Moved (new time or place)'),
    cancelled: t('session-status.cancelled', 'Cancelled'),
  };
  return (status: SessionStatus): string => labels[status];
};

/**
 * The session status custom field (`plugin::solidarity.session-status`): the enumeration's values
 * with translated labels; stores the same strings. Calendars mark moved and cancelled sessions.
 */
const SessionStatusInput = enumerationInput({
  displayName: 'SessionStatusInput',
  values: SESSION_STATUSES,
  useLabels: () => ({ label: useSessionStatusLabel() }),
  defaultValue: 'scheduled',
});

export default SessionStatusInput;
