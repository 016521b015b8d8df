import * as React from 'react';
import { Field, SingleSelect, SingleSelectOption } from '@strapi/design-system';
import { SESSION_STATUSES, type SessionStatus } from '../../../server/src/content-types/vocabulary';
import { useT } from '../utils/useT';
import type { CustomFieldInputProps } from './inputProps';

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
const SessionStatusInput = React.forwardRef<HTMLDivElement, CustomFieldInputProps>(
  ({ name, label, hint, labelAction, required, disabled, error, value, onChange }, ref) => {
    const statusLabel = useSessionStatusLabel();
    return (
      <Field.Root name={name} id={name} hint={hint} error={error} required={required}>
        <Field.Label action={labelAction}>{label}</Field.Label>
        <SingleSelect
          ref={ref}
          value={value ?? 'scheduled'}
          disabled={disabled}
          onChange={(next: string | number) => onChange(name, String(next))}
        >
          {SESSION_STATUSES.map((status) => (
            <SingleSelectOption key={status} value={status}>
              {statusLabel(status)}
            </SingleSelectOption>
          ))}
        </SingleSelect>
        <Field.Hint />
        <Field.Error />
      </Field.Root>
    );
  }
);
SessionStatusInput.displayName = 'SessionStatusInput';

export default SessionStatusInput;
