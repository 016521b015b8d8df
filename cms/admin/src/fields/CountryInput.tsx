import * as React from 'react';
import { Combobox, ComboboxOption, Field } from '@strapi/design-system';
import { useIntl } from 'react-intl';
import { COUNTRY_CODES } from '../../../server/src/content-types/countries';
import type { CustomFieldInputProps } from './inputProps';

/** `[code, name]` pairs named in `locale` (Intl.DisplayNames, CLDR data), sorted by name in that language. */
export const countryOptions = (locale: string): [string, string][] => {
  let names: Intl.DisplayNames;
  try {
    names = new Intl.DisplayNames([locale, 'en'], { type: 'region', fallback: 'code' });
  } catch {
    names = new Intl.DisplayNames(['en'], { type: 'region', fallback: 'code' });
  }
  const collator = new Intl.Collator(locale);
  return COUNTRY_CODES.map((code): [string, string] => [code, names.of(code) ?? code]).sort((a, b) => collator.compare(a[1], b[1]));
};

/**
 * The country custom field (`plugin::solidarity.country`): a searchable list of countries named in the
 * admin's language; stores the ISO 3166-1 alpha-2 code, as the plain string attribute did.
 */
const CountryInput = React.forwardRef<HTMLInputElement, CustomFieldInputProps>(
  ({ name, label, hint, labelAction, required, disabled, error, value, onChange }, ref) => {
    const { locale } = useIntl();
    const options = React.useMemo(() => countryOptions(locale), [locale]);
    const known = !value || options.some(([code]) => code === value);
    return (
      <Field.Root name={name} id={name} hint={hint} error={error} required={required}>
        <Field.Label action={labelAction}>{label}</Field.Label>
        <Combobox
          ref={ref}
          value={value ?? undefined}
          disabled={disabled}
          autocomplete={{ type: 'list', filter: 'contains' }}
          onChange={(code?: string) => onChange(name, code ?? null)}
          onClear={required ? undefined : () => onChange(name, null)}
        >
          {/* A stored code outside the list (from before this field) stays visible until changed. */}
          {known ? null : (
            <ComboboxOption key={value} value={value as string}>
              {value}
            </ComboboxOption>
          )}
          {options.map(([code, countryName]) => (
            <ComboboxOption key={code} value={code}>
              {`${countryName} (${code})`}
            </ComboboxOption>
          ))}
        </Combobox>
        <Field.Hint />
        <Field.Error />
      </Field.Root>
    );
  }
);
CountryInput.displayName = 'CountryInput';

export default CountryInput;
