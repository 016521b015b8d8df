import { describe, expect, it } from 'vitest';
import { countryOptions } from './countries';

describe('countryOptions', () => {
  it('lists each country once, upper-case, named in the admin language and sorted by name', () => {
    const items = [{ country: 'es' }, { country: 'ES' }, { country: 'GR' }, { country: 'FR' }, { country: null }, {}];
    expect(countryOptions(items, 'en')).toEqual([
      { value: 'FR', label: 'France (FR)' },
      { value: 'GR', label: 'Greece (GR)' },
      { value: 'ES', label: 'Spain (ES)' },
    ]);
    expect(countryOptions(items, 'es').map((o) => o.label)).toEqual(['España (ES)', 'Francia (FR)', 'Grecia (GR)']);
  });

  it('ignores what is not a two-letter code', () => {
    expect(countryOptions([{ country: 'ESP' }, { country: 'E' }, { country: '1A' }, { country: ' ES' }], 'en')).toEqual([]);
  });

  it('falls back to the bare code when the language tag is not valid', () => {
    expect(countryOptions([{ country: 'ES' }], 'not a locale!')).toEqual([{ value: 'ES', label: 'ES (ES)' }]);
  });
});
