import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { parseSubmission } from '../cms/server/src/submissions/validation';
import { COUNTRIES, PHONE_PATTERN, SUBMISSION_LIMITS as L } from '../cms/shared/limits';
import { EMAIL, empty, fieldOf, payload, validate, type Data } from '../widgets/src/components/submit-practice/validate';

/**
 * The form (<solidarity-submit-practice>) and the server validate a submission with the limits of
 * cms/shared/limits.ts. Here both judge the same fiches, at each limit and one past it: a field the
 * form lets through the server accepts, and what it refuses the server refuses too.
 */

const valid = (): Data => ({
  ...empty(),
  title: 'Rebost solidari',
  summary: 'A community pantry run by neighbours.',
  topics: ['food-sovereignty'],
  promoters: [{ name: 'Xarxa', website: '', country: '' }],
  country: 'ES',
  name: 'Marta Puig',
  email: 'marta@example.cat',
  role: 'Coordinator',
  consent: true,
});

/** The fields the form finds invalid. */
const form = (d: Data): string[] => Object.keys(validate(d)).sort();

/** The fields (the form's names) the server finds invalid, for the body the form would send. */
const server = (d: Data): string[] => {
  try {
    parseSubmission(payload(d, { locale: 'en', honeypot: '', altcha: 'proof' }));
    return [];
  } catch (e) {
    const list = (e as { details?: { errors?: { path: unknown }[] } }).details?.errors ?? [];
    return [...new Set(list.map((x) => fieldOf(x.path)))].sort();
  }
};

const a = (n: number) => 'a'.repeat(n);
const cases: [string, (d: Data) => void, string[]][] = [
  ['title at its minimum', (d) => (d.title = a(L.title[0])), []],
  ['title below its minimum', (d) => (d.title = a(L.title[0] - 1)), ['title']],
  ['title at its maximum', (d) => (d.title = a(L.title[1])), []],
  ['title past its maximum', (d) => (d.title = a(L.title[1] + 1)), ['title']],
  ['summary at its minimum', (d) => (d.summary = a(L.summary[0])), []],
  ['summary below its minimum', (d) => (d.summary = a(L.summary[0] - 1)), ['summary']],
  ['summary at its maximum', (d) => (d.summary = a(L.summary[1])), []],
  ['summary past its maximum', (d) => (d.summary = a(L.summary[1] + 1)), ['summary']],
  ['body at its maximum', (d) => (d.body = a(L.body)), []],
  ['body past its maximum', (d) => (d.body = a(L.body + 1)), ['body']],
  ['the most topics', (d) => (d.topics = Array.from({ length: L.topics[1] }, (_, i) => `t${i}`)), []],
  ['one topic too many', (d) => (d.topics = Array.from({ length: L.topics[1] + 1 }, (_, i) => `t${i}`)), ['topics']],
  ['no topic', (d) => (d.topics = []), ['topics']],
  ['promoter name at its minimum', (d) => (d.promoters[0].name = a(L.promoterName[0])), []],
  ['promoter name below its minimum', (d) => (d.promoters[0].name = a(L.promoterName[0] - 1)), ['p0-name']],
  ['promoter name past its maximum', (d) => (d.promoters[0].name = a(L.promoterName[1] + 1)), ['p0-name']],
  ['the most promoters', (d) => (d.promoters = Array.from({ length: L.promoters[1] }, (_, i) => ({ name: `Org ${i}`, website: '', country: '' }))), []],
  ['website at its maximum', (d) => (d.promoters[0].website = `https://x.example/${a(L.url - 18)}`), []],
  ['website past its maximum', (d) => (d.promoters[0].website = `https://x.example/${a(L.url - 17)}`), ['p0-website']],
  ['municipality at its maximum', (d) => (d.municipality = a(L.place)), []],
  ['municipality past its maximum', (d) => (d.municipality = a(L.place + 1)), ['municipality']],
  ['region past its maximum', (d) => (d.region = a(L.place + 1)), ['region']],
  ['contact name below its minimum', (d) => (d.name = a(L.contactName[0] - 1)), ['name']],
  ['contact name past its maximum', (d) => (d.name = a(L.contactName[1] + 1)), ['name']],
  ['role at its maximum', (d) => (d.role = a(L.role[1])), []],
  ['role past its maximum', (d) => (d.role = a(L.role[1] + 1)), ['role']],
  ['phone at its maximum', (d) => (d.phone = '+' + '1'.repeat(L.phone - 1)), []],
  ['phone past its maximum', (d) => (d.phone = '1'.repeat(L.phone + 1)), ['phone']],
  ['phone past its maximum with a +', (d) => (d.phone = '+' + '1'.repeat(L.phone)), ['phone']],
  ['phone too short', (d) => (d.phone = '12'), ['phone']],
  ['phone with letters', (d) => (d.phone = '600 ABC 123'), ['phone']],
  ['email at its maximum', (d) => (d.email = `${a(64)}@${a(L.email - 64 - 1 - 4)}.org`), []],
  ['email past its maximum', (d) => (d.email = `${a(64)}@${a(L.email - 64 - 4)}.org`), ['email']],
  ['Kosovo', (d) => (d.country = 'XK'), []],
  ['the European Union as a country', (d) => (d.country = 'EU'), ['country']],
  ['UK (GB is the code)', (d) => (d.country = 'UK'), ['country']],
  ['the unknown region', (d) => (d.country = 'ZZ'), ['country']],
];

describe('the form and the server apply the same limits (cms/shared/limits.ts)', () => {
  it('accepts the same complete fiche', () => {
    expect(form(valid())).toEqual([]);
    expect(server(valid())).toEqual([]);
  });

  it.each(cases)('%s', (_, change, invalid) => {
    const d = valid();
    change(d);
    expect(form(d)).toEqual(invalid);
    expect(server(d)).toEqual(invalid);
  });

  it('offers exactly the countries the server accepts', () => {
    const d = valid();
    for (const c of COUNTRIES) {
      d.country = c;
      expect(server(d), c).toEqual([]);
    }
    expect(COUNTRIES).toHaveLength(250);
    expect(PHONE_PATTERN.test('+34 938 50 00 00')).toBe(true);
  });

  it("checks email addresses with the server's rule (zod's)", () => {
    expect(EMAIL.source).toBe(z.regexes.email.source);
    expect(EMAIL.flags).toBe(z.regexes.email.flags);
  });
});
