import { Field, SingleSelect, SingleSelectOption } from '@strapi/design-system';

/** The option value that stands for "not set" (a select cannot hold ''). */
const NONE = '__none__';

/** Props of Choice; `value` '' or undefined means not set. */
export interface ChoiceProps {
  label: string;
  /** field name: `id="solidarity-embed-<name>"` and `data-field="<name>"` (the end-to-end tests find it by its label) */
  name: string;
  value: string | undefined;
  /** called with '' when the "none" option is picked */
  onChange: (v: string) => void;
  options: { value: string; label: string }[];
  /** the label of a first "none" option; no such option when undefined */
  noneLabel?: string;
  hint?: string;
}

/** A select of the Embed settings, with an optional "none" option; '' means not set. */
export const Choice = ({ label, name, value, onChange, options, noneLabel, hint }: ChoiceProps) => (
  <Field.Root name={name} id={`solidarity-embed-${name}`} hint={hint}>
    <Field.Label>{label}</Field.Label>
    <SingleSelect value={value || NONE} onChange={(v) => onChange(v === NONE ? '' : String(v))} data-field={name}>
      {noneLabel !== undefined && <SingleSelectOption value={NONE}>{noneLabel}</SingleSelectOption>}
      {options.map((o) => (
        <SingleSelectOption key={o.value} value={o.value}>
          {o.label}
        </SingleSelectOption>
      ))}
    </SingleSelect>
    <Field.Hint />
  </Field.Root>
);
