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

/** Lower case without diacritics, so that "cote" finds "Côte d’Ivoire" and "ελλ" finds "Ελλάδα". */
const fold = (text: string, locale: string): string => text.normalize('NFD').replace(/\p{M}/gu, '').toLocaleLowerCase(locale);

/** The option's text, `Greece (GR)`; a code outside the list is shown as itself. */
const optionText = (code: string, name: string | undefined): string => (name ? `${name} (${code})` : code);

/**
 * The country custom field (`plugin::solidarity.country`): a searchable list of countries named in the
 * admin's language; stores the ISO 3166-1 alpha-2 code, as the plain string attribute did.
 *
 * The text box is controlled here rather than left to the Combobox: the Combobox only learns an option's
 * text once the list has been opened, so a stored code showed the placeholder until then, and its own
 * "list" filtering then narrowed the list to the stored country. Here the stored country's name is shown
 * from the start, and the list is filtered only by what the editor types (all countries when the picker
 * opens). The Content Manager's hint ("max. 2 characters", from the string attribute) is not shown: the
 * picker only offers valid codes.
 */
const CountryInput = React.forwardRef<HTMLInputElement, CustomFieldInputProps>(
  ({ name, label, labelAction, required, disabled, error, value, onChange }, ref) => {
    const { locale } = useIntl();
    const options = React.useMemo(() => countryOptions(locale), [locale]);
    const names = React.useMemo(() => new Map(options), [options]);
    const known = !value || names.has(value);
    const selectedText = value ? optionText(value, names.get(value)) : '';
    const [text, setText] = React.useState(selectedText);
    const [query, setQuery] = React.useState('');
    // A new stored value (a save, a reload, another locale) or language: show its name, offer every country.
    React.useEffect(() => {
      setText(selectedText);
      setQuery('');
    }, [selectedText]);
    const shown = React.useMemo(() => {
      const wanted = fold(query.trim(), locale);
      if (!wanted) return options;
      return options.filter(([code, countryName]) => fold(countryName, locale).includes(wanted) || code.toLowerCase() === wanted);
    }, [options, query, locale]);
    return (
      <Field.Root name={name} id={name} error={error} required={required}>
        <Field.Label action={labelAction}>{label}</Field.Label>
        <Combobox
          ref={ref}
          value={value ?? undefined}
          textValue={text}
          onTextValueChange={setText}
          onInputChange={(event: React.ChangeEvent<HTMLInputElement>) => setQuery(event.currentTarget.value)}
          onOpenChange={(open: boolean) => {
            if (!open) {
              setQuery('');
              setText(selectedText);
            }
          }}
          disabled={disabled}
          autocomplete="none"
          onChange={(code?: string) => onChange(name, code ?? null)}
          onClear={required ? undefined : () => onChange(name, null)}
        >
          {/* A stored code outside the list (from before this field) stays visible until changed. */}
          {known ? null : (
            <ComboboxOption key={value} value={value as string}>
              {value}
            </ComboboxOption>
          )}
          {shown.map(([code, countryName]) => (
            <ComboboxOption key={code} value={code}>
              {optionText(code, countryName)}
            </ComboboxOption>
          ))}
        </Combobox>
        <Field.Error />
      </Field.Root>
    );
  }
);
CountryInput.displayName = 'CountryInput';

export default CountryInput;
