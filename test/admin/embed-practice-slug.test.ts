import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { elementHtml, practiceSlugIn, type LocalizedPractice } from '../../cms/admin/src/embed/snippet';
import { UID } from '../../cms/server/src/content-types/uids';
import { documents, startStrapi, type TestApp } from '../helpers/strapi';

/**
 * The embed builder's single-practice snippet when the editor picks another language (issue #13
 * item 8): the practice is read again in that language by its documentId from the real public API,
 * and the snippet names it by that language's slug. The English slug would name another practice
 * in Catalan here, as slugs are unique per locale only.
 */
let app: TestApp;
let bakery: string;

beforeAll(async () => {
  app = await startStrapi({ env: { ALTCHA_ENABLED: 'false' } });
  const docs = documents(app, UID.practice);
  const created = await docs.create({
    locale: 'en',
    status: 'published',
    data: { title: 'Cooperative bakery', slug: 'forn', summary: 'A bakery owned by its workers.', country: 'ES' },
  });
  bakery = created.documentId;
  await docs.update({ documentId: bakery, locale: 'ca', status: 'published', data: { title: 'Forn cooperatiu', slug: 'forn-cooperatiu', summary: 'Un forn dels seus treballadors.' } });
  // another practice whose Catalan slug is the bakery's English one
  await docs.create({ locale: 'ca', status: 'published', data: { title: 'Forn de calç', slug: 'forn', summary: 'Un forn de calç restaurat.', country: 'ES' } });
});
afterAll(async () => {
  await app?.stop();
});

/** The public API's answer for one document, as the builder reads it (publicRead). */
const read = async (path: string, params: { locale: string }): Promise<LocalizedPractice | null> => {
  const res = await fetch(`${app.url}/api/solidarity${path}?${new URLSearchParams(params)}`);
  if (!res.ok) throw new Error(`${res.status}`);
  return ((await res.json()) as { data: LocalizedPractice }).data;
};

describe('a single-practice snippet in another language', () => {
  it('names the practice by that language’s slug, which the widget then shows', async () => {
    const slug = await practiceSlugIn('forn', bakery, 'ca', read);
    expect(slug).toBe('forn-cooperatiu');
    expect(elementHtml({ widget: 'practice', slug, locale: 'ca' }, app.url)).toBe(
      `<solidarity-practice slug="forn-cooperatiu" locale="ca"><a href="${app.url}/embed/ca/practices/forn-cooperatiu">Mostra-ho a Solidarity Commons</a></solidarity-practice>`
    );
    // what <solidarity-practice> fetches with these attributes: the bakery, in Catalan
    expect(await read(`/practices/${slug}`, { locale: 'ca' })).toMatchObject({ documentId: bakery, title: 'Forn cooperatiu' });
    // the English slug in Catalan is the other practice: why the snippet cannot keep it
    expect(await read('/practices/forn', { locale: 'ca' })).toMatchObject({ title: 'Forn de calç' });
    // and back to English
    expect(await practiceSlugIn(slug, bakery, 'en', read)).toBe('forn');
  });

  it('keeps the slug for a language the practice has no text in, and when the document is unknown or unreadable', async () => {
    // French: the API answers the default locale's text (localeFallback), whose slug the widget finds as well
    expect(await practiceSlugIn('forn', bakery, 'fr', read)).toBe('forn');
    expect(await practiceSlugIn('forn', undefined, 'ca', read)).toBe('forn');
    expect(await practiceSlugIn('forn', 'no-such-document', 'ca', read)).toBe('forn');
    expect(await practiceSlugIn('', bakery, 'ca', read)).toBe('');
  });
});
