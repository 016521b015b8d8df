import * as React from 'react';
import { Field, SingleSelect, SingleSelectOption } from '@strapi/design-system';
import { useStatusLabel } from '../pages/Submissions/StatusBadge';
import { STATUSES } from '../pages/Submissions/types';
import type { CustomFieldInputProps } from './inputProps';

/**
 * The review status custom field (`plugin::solidarity.review-status`): the enumeration's values with
 * the translated labels of the Submissions page; stores the same strings (`needs-info`...).
 */
const ReviewStatusInput = React.forwardRef<HTMLDivElement, CustomFieldInputProps>(
  ({ name, label, hint, labelAction, required, disabled, error, value, onChange }, ref) => {
    const statusLabel = useStatusLabel();
    return (
      <Field.Root name={name} id={name} hint={hint} error={error} required={required}>
        <Field.Label action={labelAction}>{label}</Field.Label>
        <SingleSelect
          ref={ref}
          value={value ?? undefined}
          disabled={disabled}
          placeholder={statusLabel(null)}
          onChange={(next: string | number) => onChange(name, String(next))}
          onClear={required ? undefined : () => onChange(name, null)}
        >
          {STATUSES.map((status) => (
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
ReviewStatusInput.displayName = 'ReviewStatusInput';

export default ReviewStatusInput;
