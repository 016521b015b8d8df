import * as React from 'react';
import { Field, SingleSelect, SingleSelectOption } from '@strapi/design-system';
import type { CustomFieldInputProps } from './inputProps';

/** The labels an enumeration input shows, from a hook (translations are read in render). */
export interface EnumerationLabels<V extends string> {
  /** the translated label of one of the values */
  label: (value: V) => string;
  /** the placeholder when nothing is chosen (and no `defaultValue`) */
  empty?: string;
}

/** What makes one enumeration custom field's input. */
export interface EnumerationInputOptions<V extends string> {
  /** React's displayName of the component */
  displayName: string;
  /** the enumeration's values, in the order offered (the vocabulary's, shared with the server) */
  values: readonly V[];
  /** a hook giving the labels, called on every render */
  useLabels: () => EnumerationLabels<V>;
  /**
   * the value shown when none is stored (the attribute's default); without one the input shows the
   * `empty` placeholder and can be cleared when the field is not required
   */
  defaultValue?: V;
}

/**
 * A custom field `Input` for a translated enumeration: a design-system select of `values` with their
 * translated labels, storing the same strings (`onChange(name, value)`; `null` when cleared). Serves
 * the review status and the session status custom fields (./ReviewStatusInput.tsx, ./SessionStatusInput.tsx).
 */
export const enumerationInput = <V extends string>({ displayName, values, useLabels, defaultValue }: EnumerationInputOptions<V>) => {
  const Input = React.forwardRef<HTMLDivElement, CustomFieldInputProps>(
    ({ name, label, hint, labelAction, required, disabled, error, value, onChange }, ref) => {
      const labels = useLabels();
      const clearable = !required && defaultValue === undefined;
      return (
        <Field.Root name={name} id={name} hint={hint} error={error} required={required}>
          <Field.Label action={labelAction}>{label}</Field.Label>
          <SingleSelect
            ref={ref}
            value={value ?? defaultValue ?? undefined}
            disabled={disabled}
            placeholder={defaultValue === undefined ? labels.empty : undefined}
            onChange={(next: string | number) => onChange(name, String(next))}
            onClear={clearable ? () => onChange(name, null) : undefined}
          >
            {values.map((v) => (
              <SingleSelectOption key={v} value={v}>
                {labels.label(v)}
              </SingleSelectOption>
            ))}
          </SingleSelect>
          <Field.Hint />
          <Field.Error />
        </Field.Root>
      );
    }
  );
  Input.displayName = displayName;
  return Input;
};
