import { randomBytes } from 'node:crypto';
import fc from 'fast-check';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { documents, startStrapi, type TestApp, type TestDoc } from '../../../../test/helpers/strapi';
import { testDatabaseClient } from '../../../../test/helpers/db';
import { UID } from '../content-types/uids';
import { postgresLower } from './sqlite-functions';

/**
 * Search through the public API (`q=`) and Strapi's case-insensitive filters,
 * with real words in the five configured languages (issue #12): one behaviour
 * on SQLite and on PostgreSQL.
 */

let app: TestApp;
const docs = (uid: string) => documents(app, uid);
const get = (path: string) => request(app.url).get(`/api/solidarity${path}`);

const paragraph = (text: string) => [{ type: 'paragraph', children: [{ type: 'text', text }] }];

const topicId = async (slug: string, locale: string) => {
  const rows = (await app.strapi.db.query(UID.topic as never).findMany({ where: { slug, locale }, select: ['documentId'] })) as TestDoc[];
  return rows[0]?.documentId as string;
};

/** Slugs of the practices a search returns, in order. */
const search = async (q: string, locale: string, extra = ''): Promise<string[]> => {
  const res = await get(`/practices?locale=${locale}&pageSize=50&q=${encodeURIComponent(q)}${extra}`);
  expect(res.status, `${locale} q=${q}: ${JSON.stringify(res.body).slice(0, 300)}`).toBe(200);
  return (res.body.data as { slug: string }[]).map((p) => p.slug);
};
const filtered = async (locale: string, filter: string): Promise<string[]> => {
  const res = await get(`/practices?locale=${locale}&pageSize=50&${filter}`);
  expect(res.status, `${locale} ${filter}: ${JSON.stringify(res.body).slice(0, 300)}`).toBe(200);
  return (res.body.data as { slug: string }[]).map((p) => p.slug).sort();
};

/**
 * A published practice's row as a bulk import writes it (`db.query(...).createMany`, no document
 * service), with `fields` (documentId, title, summary, body, slug; locale defaults to English).
 */
const bulkRow = (fields: { documentId: string; title: string; summary: string; body: unknown; slug: string; locale?: string }, publishedAt: Date) => ({
  country: 'ES',
  licence: 'CC-BY-SA-4.0',
  source: 'editor',
  reviewStatus: 'approved',
  locale: 'en',
  publishedAt,
  ...fields,
});

const practice = async (locale: string, data: Record<string, unknown>) =>
  docs(UID.practice).create({ locale, status: 'published', data: { country: 'ES', ...data } });

beforeAll(async () => {
  app = await startStrapi();
  const teixit = await docs(UID.organisation).create({
    locale: 'ca',
    status: 'published',
    data: { name: 'Cooperativa Teixit', slug: 'teixit', kind: 'cooperative', country: 'ES' },
  });
  await practice('ca', {
    title: 'Menjador cooperatiu de l’Eixample',
    slug: 'menjador-eixample',
    summary: 'Cuina col·lectiva amb productes de proximitat a Sant Adrià.',
    body: paragraph('Cada dia cuinen per al veïnat.'),
    municipality: 'Barcelona',
    topics: [{ documentId: await topicId('food-and-basic-goods', 'ca') }],
    promoters: [{ documentId: teixit.documentId }],
  });
  await practice('ca', { title: 'Horts urbans', slug: 'horts-urbans', summary: 'Veïns que conreen al barri.', municipality: 'Girona' });
  await practice('el', {
    title: 'Κοινωνική κουζίνα αλληλεγγύης στην Αθήνα',
    slug: 'kouzina-athina',
    summary: 'Εθελοντές μαγειρεύουν καθημερινά για τη γειτονιά.',
    country: 'GR',
    topics: [{ documentId: await topicId('food-and-basic-goods', 'el') }],
  });
  await practice('el', {
    title: 'Ενεργειακή κοινότητα',
    slug: 'energeiaki-koinotita',
    summary: 'Φωτοβολταϊκά στις στέγες του χωριού.',
    country: 'GR',
  });
  await practice('es', {
    title: 'Cooperativa de energía solar en Sevilla',
    slug: 'energia-sevilla',
    summary: 'Los vecinos comparten la energía de los tejados.',
    municipality: 'Sevilla',
  });
  await practice('es', { title: 'Banco de alimentos', slug: 'banco-alimentos', summary: 'Recogida de comida fresca.', municipality: 'Madrid' });
  await practice('fr', {
    title: 'Épicerie solidaire du quartier',
    slug: 'epicerie-solidaire',
    summary: 'Des produits frais à prix réduit pour les familles.',
    country: 'FR',
  });
  await practice('fr', { title: 'Atelier vélo', slug: 'atelier-velo', summary: 'Réparer ensemble.', country: 'FR' });
  await practice('en', {
    title: 'Volunteer food bank in Sants',
    slug: 'sants-food-bank',
    summary: 'Neighbours collect and share fresh food every week.',
  });
  // ranking: the same word once, in the title, the summary or the body
  await practice('en', { title: 'Orchard of the commons', slug: 'rank-title', summary: 'Trees for all.', body: paragraph('Planted together.') });
  await practice('en', { title: 'Trees for all', slug: 'rank-summary', summary: 'An orchard of the commons.', body: paragraph('Planted together.') });
  await practice('en', { title: 'Planted together', slug: 'rank-body', summary: 'Trees for all.', body: paragraph('An orchard of the commons.') });
  await practice('en', { title: 'A draft orchard', slug: 'draft-orchard', summary: 'Not yet.' }).then((d) =>
    docs(UID.practice).unpublish({ documentId: d.documentId, locale: 'en' })
  );
}, 240_000);
afterAll(async () => {
  await app?.stop();
});

describe(`search as people type it (${testDatabaseClient()})`, () => {
  it.each([
    // [locale, query, expected slug]
    ['el', 'αλληλεγγύης', 'kouzina-athina'],
    ['el', 'ΑΛΛΗΛΕΓΓΥΗΣ', 'kouzina-athina'],
    ['el', 'αλληλεγγυης', 'kouzina-athina'],
    ['el', 'Αλληλεγγύη', 'kouzina-athina'], // another case of the word (stemmed)
    ['el', 'κουζινα ΑΘΗΝΑ', 'kouzina-athina'],
    ['el', 'αλληλεγ', 'kouzina-athina'], // prefix
    ['el', 'ΦΩΤΟΒΟΛΤΑΙΚΑ', 'energeiaki-koinotita'], // dialytika
    ['el', 'φωτοβολταϊκά', 'energeiaki-koinotita'],
    ['ca', 'col·lectiva', 'menjador-eixample'],
    ['ca', 'COL·LECTIVA', 'menjador-eixample'],
    ['ca', 'collectiva', 'menjador-eixample'],
    // the "l·l" as people type it: full stop, bullet, bullet operator, hyphen, hyphenation point, ŀ
    ['ca', 'col.lectiva', 'menjador-eixample'],
    ['ca', 'col•lectiva', 'menjador-eixample'],
    ['ca', 'col∙lectiva', 'menjador-eixample'],
    ['ca', 'col-lectiva', 'menjador-eixample'],
    ['ca', 'COL-LECTIVA', 'menjador-eixample'],
    ['ca', 'col‧lectiva', 'menjador-eixample'],
    ['ca', 'coŀlectiva', 'menjador-eixample'],
    ['ca', 'VEÏNAT', 'menjador-eixample'],
    ['ca', 'veinat', 'menjador-eixample'],
    ['ca', 'adria', 'menjador-eixample'],
    ['ca', 'cooperat', 'menjador-eixample'], // prefix
    ['es', 'energía', 'energia-sevilla'],
    ['es', 'energia', 'energia-sevilla'],
    ['es', 'ENERGÍAS', 'energia-sevilla'], // plural, stemmed
    ['es', 'cooperativas', 'energia-sevilla'],
    ['es', 'coop', 'energia-sevilla'],
    ['fr', 'épicerie', 'epicerie-solidaire'],
    ['fr', 'EPICERIE', 'epicerie-solidaire'],
    ['fr', 'épiceries', 'epicerie-solidaire'],
    ['fr', 'réduit', 'epicerie-solidaire'],
    ['fr', 'REDUIT', 'epicerie-solidaire'],
    ['fr', 'velo', 'atelier-velo'],
    ['en', 'volunteers', 'sants-food-bank'],
    ['en', 'VOLUNTEERING', 'sants-food-bank'],
    ['en', 'neighbour', 'sants-food-bank'],
    ['en', 'volunt', 'sants-food-bank'],
  ])('%s: %s', async (locale, q, slug) => {
    const found = await search(q, locale);
    expect(found).toContain(slug);
    // NFD (decomposed accents, as macOS keyboards produce) finds the same
    expect(await search(q.normalize('NFD'), locale)).toEqual(found);
  });

  it('a word that is not there finds nothing, whatever its spelling', async () => {
    for (const [locale, q] of [
      ['el', 'ΘΑΛΑΣΣΑ'],
      ['ca', 'platja'],
      ['es', 'montaña'],
      ['fr', 'château'],
      ['en', 'castle'],
    ]) {
      expect(await search(q, locale)).toEqual([]);
    }
    // every word is required
    expect(await search('energía montaña', 'es')).toEqual([]);
    expect(await search('menjador platja', 'ca')).toEqual([]);
  });

  it('finds practices by the names of their topics, organisations and places, in the visitor’s language', async () => {
    // topic "Alimentació i béns bàsics", also of the Greek kitchen, which Catalan pages show in Greek
    // (the locale fallback): its Catalan name finds it there too
    for (const q of ['alimentació', 'ALIMENTACIO', 'alimentacio', 'Alimentació'.normalize('NFD')]) {
      expect((await search(q, 'ca')).sort(), q).toEqual(['kouzina-athina', 'menjador-eixample']);
    }
    // as a prefix it also finds "Banco de alimentos", which has no Catalan version and shows on
    // Catalan pages in Spanish through the fallback chain (matched with Spanish stemming)
    expect((await search('aliment', 'ca')).sort()).toEqual(['banco-alimentos', 'kouzina-athina', 'menjador-eixample']);
    // topic "Τρόφιμα και βασικά αγαθά", and the Catalan canteen, shown in Catalan on Greek pages
    expect((await search('τρόφιμα', 'el')).sort()).toEqual(['kouzina-athina', 'menjador-eixample']);
    expect((await search('ΤΡΟΦΙΜΑ', 'el')).sort()).toEqual(['kouzina-athina', 'menjador-eixample']);
    // organisation (promoter)
    expect(await search('teixit', 'ca')).toEqual(['menjador-eixample']);
    // municipality, and the country's name in the locale's language
    expect(await search('barcelona', 'ca')).toEqual(['menjador-eixample']);
    expect((await search('ελλάδα', 'el')).sort()).toEqual(['energeiaki-koinotita', 'kouzina-athina']);
    expect((await search('ΕΛΛΑΔΑ', 'el')).sort()).toEqual(['energeiaki-koinotita', 'kouzina-athina']);
    expect((await search('france', 'fr')).sort()).toEqual(['atelier-velo', 'epicerie-solidaire']);
    // "Espagne": the practices in Spain, which French pages show in their own language (no French version)
    const inSpain = await filtered('fr', 'country=ES');
    expect(inSpain.length).toBeGreaterThan(0);
    expect((await search('espagne', 'fr')).sort()).toEqual(inSpain);
    expect(await search('espagne épicerie', 'fr')).toEqual([]);
  });

  it('finds a practice shown through the locale fallback by the visitor’s language’s names of its topics, organisations and country', async () => {
    const org = await docs(UID.organisation).create({
      locale: 'en',
      status: 'published',
      data: { name: 'Flimbrux Collective', slug: 'flimbrux-collective', kind: 'cooperative', country: 'DE' },
    });
    // only in English, shown on Greek and Catalan pages in English
    await practice('en', {
      title: 'Flimbrux youth centre',
      slug: 'flimbrux-youth',
      summary: 'A place for young people.',
      country: 'DE',
      topics: [{ documentId: await topicId('youth', 'en') }],
      promoters: [{ documentId: org.documentId }],
    });
    for (const q of ['Νεολαία', 'νεολαια', 'ΝΕΟΛΑΊΑ', 'Γερμανία', 'γερμανια', 'Νεολαία Γερμανία', 'Νεολ']) {
      expect(await search(q, 'el'), q).toContain('flimbrux-youth');
    }
    expect(await search('flimbrux Γερμανία', 'el')).toEqual(['flimbrux-youth']);
    expect(await search('flimbrux Alemanya joventut', 'ca')).toEqual(['flimbrux-youth']);
    expect(await search('flimbrux collective', 'el')).toEqual(['flimbrux-youth']);
    // and in its own language as before; a country it is not in finds nothing
    expect(await search('flimbrux youth germany', 'en')).toEqual(['flimbrux-youth']);
    expect(await search('flimbrux Ελλάδα', 'el')).toEqual([]);
  });

  it('ranks a match in the title above one in the summary above one in the body', async () => {
    expect(await search('orchard', 'en')).toEqual(['rank-title', 'rank-summary', 'rank-body']);
    expect(await search('ORCHARDS', 'en')).toEqual(['rank-title', 'rank-summary', 'rank-body']);
  });

  it('any spelling that folds to the same words (case, accents, NFC or NFD) finds the same practices', async () => {
    const words: [string, string][] = [
      ['el', 'Κοινωνική κουζίνα αλληλεγγύης'],
      ['el', 'φωτοβολταϊκά στέγες'],
      ['ca', 'Alimentació'],
      ['ca', 'col·lectiva veïnat'],
      ['es', 'Cooperativa energía'],
      ['fr', 'Épicerie réduit'],
      ['en', 'Volunteer food'],
    ];
    const expected = new Map<string, string[]>();
    for (const [locale, q] of words) expected.set(`${locale}:${q}`, (await search(q, locale)).sort());
    for (const found of expected.values()) expect(found.length).toBeGreaterThan(0);
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...words),
        fc.array(fc.record({ upper: fc.boolean(), dropMarks: fc.boolean() }), { minLength: 40, maxLength: 40 }),
        fc.boolean(),
        async ([locale, q], choices, nfd) => {
          // letter by letter: upper or lower case, accents kept or dropped
          const variant = [...q.normalize('NFD')]
            .reduce<string[]>((out, ch) => {
              const c = choices[out.length % choices.length] ?? { upper: false, dropMarks: false };
              if (/\p{M}/u.test(ch)) return c.dropMarks ? out : [...out.slice(0, -1), (out[out.length - 1] ?? '') + ch];
              return [...out, c.upper ? ch.toUpperCase() : ch.toLowerCase()];
            }, [])
            .join('');
          const typed = nfd ? variant.normalize('NFD') : variant.normalize('NFC');
          expect((await search(typed, locale)).sort(), typed).toEqual(expected.get(`${locale}:${q}`));
        }
      ),
      { numRuns: 60 }
    );
  });

  it('a Catalan "l·l" written with a full stop or a hyphen is found however it is typed; other hyphenated words by their parts', async () => {
    await practice('ca', { title: 'Espai col.lectiu Vorxa', slug: 'vorxa-dot', summary: 'Grup de col-laboradors.' });
    await practice('en', { title: 'A well-liked Zumbrel shed', slug: 'zumbrel-shed', summary: 'Tools.' });
    for (const q of ['col·lectiu vorxa', 'collectiu vorxa', 'col.lectiu vorxa', 'col•lectiu vorxa', 'col-lectiu vorxa', 'coŀlectiu vorxa', 'vorxa col·lectiu']) {
      expect(await search(q, 'ca'), q).toEqual(['vorxa-dot']);
    }
    expect(await search('col·laboradors vorxa', 'ca')).toEqual(['vorxa-dot']);
    for (const q of ['well zumbrel', 'liked zumbrel', 'well-liked zumbrel', 'zumbrel well-liked']) {
      expect(await search(q, 'en'), q).toEqual(['zumbrel-shed']);
    }
  });

  it('never shows drafts', async () => {
    expect(await search('draft orchard', 'en')).toEqual([]);
  });
});

describe(`queries that are not words (${testDatabaseClient()})`, () => {
  const hostile = [
    '"',
    "'",
    "''",
    "'a':*",
    'a & b | !c',
    '!!!',
    'a <-> b',
    'a:*B',
    'orchard:*',
    '(orchard',
    'orchard)',
    'NEAR(orchard commons)',
    'orchard OR commons',
    'orchard AND NOT commons',
    'title:orchard',
    '{title summary}:orchard',
    '^orchard',
    '-orchard',
    '*',
    'orchard*',
    '\\',
    '\\\\\'',
    '\u0301\u0301',
    '🍎 orchard 🍏',
    'ا لتضامن',
    '%',
    '_',
    '%_%',
    'a'.repeat(150) + ' orchard',
    Array.from({ length: 60 }, (_, i) => `w${i}`).join(' '),
  ];
  it.each(hostile)('%j is searched as words, never a 500', async (q) => {
    const res = await get(`/practices?locale=en&q=${encodeURIComponent(q)}`);
    expect([200, 400]).toContain(res.status);
    if (res.status === 400) expect(res.body.error.status).toBe(400);
  });

  it('operators are words, not syntax: they neither widen nor break a search', async () => {
    expect(await search('orchard OR castle', 'en')).toEqual([]); // "or" and "castle" are required words
    expect(await search('"orchard" commons', 'en')).toEqual(['rank-title', 'rank-summary', 'rank-body']);
    expect(await search("orchard:* & !commons", 'en')).toEqual(['rank-title', 'rank-summary', 'rank-body']);
  });

  it('too long a query is a 400 in Strapi’s format', async () => {
    const res = await get(`/practices?locale=en&q=${'x'.repeat(201)}`);
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ data: null, error: { status: 400, name: 'ValidationError' } });
  });

  it('any text gives 200 or 400', async () => {
    await fc.assert(
      fc.asyncProperty(fc.string({ unit: 'binary', maxLength: 80 }), async (q) => {
        const res = await get(`/practices?locale=el&q=${encodeURIComponent(q)}`);
        expect([200, 400], JSON.stringify(q)).toContain(res.status);
      }),
      { numRuns: 80 }
    );
  });
});

describe(`Strapi's case-insensitive filters on non-ASCII text (${testDatabaseClient()})`, () => {
  it('$containsi, $eqi and $startsWithi fold Greek and accented capitals', async () => {
    expect(await filtered('el', `filters[title][$containsi]=${encodeURIComponent('ΑΛΛΗΛΕΓΓΎ')}`)).toEqual(['kouzina-athina']);
    // a capital final sigma is σ, not the stored ς, on both databases (PostgreSQL's lower()); q= finds it
    expect(await filtered('el', `filters[title][$containsi]=${encodeURIComponent('ΑΛΛΗΛΕΓΓΎΗΣ')}`)).toEqual([]);
    expect(await search('ΑΛΛΗΛΕΓΓΥΗΣ', 'el')).toEqual(['kouzina-athina']);
    expect(await filtered('el', `filters[title][$containsi]=${encodeURIComponent('αλληλεγγύης')}`)).toEqual(['kouzina-athina']);
    expect(await filtered('el', `filters[title][$eqi]=${encodeURIComponent('ΚΟΙΝΩΝΙΚΉ ΚΟΥΖΊΝΑ ΑΛΛΗΛΕΓΓΎΗς ΣΤΗΝ ΑΘΉΝΑ')}`)).toEqual([
      'kouzina-athina',
    ]);
    expect(await filtered('el', `filters[title][$startsWithi]=${encodeURIComponent('ΕΝΕΡΓΕΙΑΚΉ')}`)).toEqual(['energeiaki-koinotita']);
    expect(await filtered('ca', `filters[summary][$containsi]=${encodeURIComponent('SANT ADRIÀ')}`)).toEqual(['menjador-eixample']);
    expect(await filtered('ca', `filters[summary][$containsi]=${encodeURIComponent('VEÏNS')}`)).toEqual(['horts-urbans']);
    expect(await filtered('fr', `filters[title][$startsWithi]=${encodeURIComponent('ÉPICERIE')}`)).toEqual(['epicerie-solidaire']);
    expect(await filtered('fr', `filters[title][$eqi]=${encodeURIComponent('ATELIER VÉLO')}`)).toEqual(['atelier-velo']);
    // and they stay what they are: case-insensitive, not accent-insensitive (as PostgreSQL's ILIKE)
    expect(await filtered('fr', `filters[title][$eqi]=${encodeURIComponent('ATELIER VELO')}`)).toEqual([]);
    expect(await filtered('el', `filters[title][$containsi]=${encodeURIComponent('ΘΑΛΑΣΣΑ')}`)).toEqual([]);
    // the negated forms as well
    expect(await filtered('fr', `country=FR&filters[title][$notContainsi]=${encodeURIComponent('ÉPICERIE')}`)).toEqual(['atelier-velo']);
  });

  it('answer alike on both databases where Unicode case mapping has special cases: final sigma, dotted capital I', async () => {
    await practice('el', { title: 'Σπίτι Ζουμπρέλ', slug: 'spiti-zoumprel', summary: 'Σπίτι.', country: 'GR' });
    await practice('en', { title: 'Istanbul tool library', slug: 'istanbul-tools', summary: 'Tools.', municipality: 'Istanbul', country: 'TR' });
    // ς is only ever the stored ς: a σ or Σ is not one (lower('Σ') is σ)
    expect(await filtered('el', `filters[title][$containsi]=${encodeURIComponent('ς')}`)).toEqual(['kouzina-athina']);
    expect(await filtered('el', `filters[title][$containsi]=${encodeURIComponent('σπίτι ζ')}`)).toEqual(['spiti-zoumprel']);
    // İ (U+0130) is i: lower() maps one letter to one letter
    expect(await filtered('en', `country=TR&filters[municipality][$eqi]=${encodeURIComponent('İSTANBUL')}`)).toEqual(['istanbul-tools']);
    expect(await filtered('en', `country=TR&filters[municipality][$containsi]=${encodeURIComponent('İ')}`)).toEqual(['istanbul-tools']);
    expect(await filtered('en', `country=TR&filters[municipality][$startsWithi]=${encodeURIComponent('İst')}`)).toEqual(['istanbul-tools']);
  });

  it('SQLite’s lower() is PostgreSQL’s, letter for letter', async () => {
    const alphabet = [...'AaIiİıΣσςΆάΐΰΪϊΌόΏώÀàÇçÉéÏïÑñŒœẞßǄǅǆĲĳŸÿЁёЖжΩKÅ·l -1'];
    await fc.assert(
      fc.asyncProperty(fc.array(fc.constantFrom(...alphabet), { maxLength: 24 }), async (letters) => {
        const text = letters.join('');
        const res = (await app.strapi.db.connection.raw('SELECT lower(?) AS l', [text])) as { rows?: { l: string }[] } | { l: string }[];
        const lowered = Array.isArray(res) ? res[0]?.l : res.rows?.[0]?.l;
        expect(lowered, JSON.stringify(text)).toBe(postgresLower(text));
      }),
      { numRuns: 300 }
    );
  });
});

describe(`the index follows the content (${testDatabaseClient()})`, () => {
  it('a renamed topic is searched under its new name', async () => {
    const id = await topicId('housing', 'ca');
    const p = await practice('ca', { title: 'Masoveria urbana', slug: 'masoveria', summary: 'Cases buides cedides.', topics: [{ documentId: id }] });
    expect(await search('habitatge', 'ca')).toEqual(['masoveria']);
    const topic = (await docs(UID.topic).findOne({ documentId: id, locale: 'ca' })) as TestDoc;
    await docs(UID.topic).update({ documentId: id, locale: 'ca', status: 'published', data: { name: 'Llars i barris', slug: topic.slug } });
    expect(await search('barris', 'ca')).toEqual(['masoveria']);
    expect(await search('habitatge', 'ca')).toEqual([]);
    await docs(UID.practice).delete({ documentId: p.documentId, locale: 'ca' });
    expect(await search('masoveria', 'ca')).toEqual([]);
  });
});

describe(`a very long document (${testDatabaseClient()})`, () => {
  it('publishes and is found by its first words, although its terms exceed what one PostgreSQL tsvector holds (1 MB)', async () => {
    // 70,000 distinct words of 11 letters (840 KB): the index caps each field's terms (MAX_TERMS)
    const bytes = randomBytes(70_000 * 11);
    const words = Array.from({ length: 70_000 }, (_, w) =>
      Array.from(bytes.subarray(w * 11, w * 11 + 11), (b) => String.fromCharCode(97 + (b % 26))).join('')
    );
    expect(new Set(words).size).toBeGreaterThan(69_000);
    const doc = await practice('en', { title: 'Bigbody register', summary: 'A long register.', body: paragraph(`bigbodyzz ${words.join(' ')}`), slug: 'bigbody-register' });
    expect(doc.documentId).toBeTruthy();
    expect(await search('bigbodyzz', 'en')).toEqual(['bigbody-register']);
    expect(await search(words[10] as string, 'en')).toEqual(['bigbody-register']);
  });
});

describe(`counting a search with the locale fallback (${testDatabaseClient()})`, () => {
  it('total counts the matches of the locale and of the default locale’s documents without a version in it, each once', async () => {
    // only in English: shown (and counted) in French through the fallback
    await practice('en', { title: 'Zorblax pantry', summary: 'Food.', slug: 'zorblax-en-only' });
    // in both, both matching: counted once, in French
    const both = await practice('en', { title: 'Zorblax kitchen', summary: 'Meals.', slug: 'zorblax-both' });
    await docs(UID.practice).update({ documentId: both.documentId, locale: 'fr', status: 'published', data: { title: 'Cuisine zorblax', summary: 'Repas.', slug: 'zorblax-both', country: 'ES' } });
    // in both, only the English one matching: its French version is what French shows, so not counted
    const englishOnly = await practice('en', { title: 'Zorblax garden', summary: 'Vegetables.', slug: 'zorblax-not-in-fr' });
    await docs(UID.practice).update({ documentId: englishOnly.documentId, locale: 'fr', status: 'published', data: { title: 'Jardin', summary: 'Potager.', slug: 'zorblax-not-in-fr', country: 'ES' } });
    const page = async (locale: string) => {
      const res = await get(`/practices?locale=${locale}&pageSize=1&q=zorblax`);
      expect(res.status).toBe(200);
      return res.body.meta.pagination as { total: number; pageCount: number };
    };
    expect(await page('en')).toMatchObject({ total: 3, pageCount: 3 });
    expect(await page('fr')).toMatchObject({ total: 2, pageCount: 2 });
    expect((await search('zorblax', 'fr')).sort()).toEqual(['zorblax-both', 'zorblax-en-only']);
  });

  it('ranks the locale’s matches and its fallback’s together, title before summary, and pages through that order', async () => {
    // English only (shown in French through the fallback): one in the title, one in the summary
    await practice('en', { title: 'Quendle pantry', summary: 'Food for all.', slug: 'quendle-en-title' });
    await practice('en', { title: 'Shared pantry', summary: 'Quendle food for all.', slug: 'quendle-en-summary' });
    // French: one in the title, one in the summary
    await practice('fr', { title: 'Atelier quendle', summary: 'Réparer ensemble.', slug: 'quendle-fr-title' });
    await practice('fr', { title: 'Atelier partagé', summary: 'Réparer quendle ensemble.', slug: 'quendle-fr-summary' });
    const all = await search('quendle', 'fr');
    expect(all).toHaveLength(4);
    expect(all.slice(0, 2).sort()).toEqual(['quendle-en-title', 'quendle-fr-title']);
    expect(all.slice(2).sort()).toEqual(['quendle-en-summary', 'quendle-fr-summary']);
    const pages: string[] = [];
    for (let n = 1; n <= 5; n += 1) {
      const res = await get(`/practices?locale=fr&pageSize=1&page=${n}&q=quendle`);
      expect(res.status).toBe(200);
      expect(res.body.meta.pagination).toMatchObject({ total: 4, pageCount: 4 });
      pages.push(...(res.body.data as { slug: string }[]).map((p) => p.slug));
    }
    expect(pages).toEqual(all);
  });
});

describe(`paging a search (${testDatabaseClient()})`, () => {
  it('every page is its slice of the whole ranked list (own and fallback entries), with the same total', async () => {
    // the word in the title, the summary or the body of English practices, a French version of some
    // (matching or not), so that French pages show own and fallback entries; equal ranks by newest first
    const fields = ['title', 'summary', 'body'] as const;
    for (let i = 0; i < 9; i += 1) {
      const field = fields[i % 3] as (typeof fields)[number];
      const text = (mark: boolean) => (mark ? `Quillwort meadow ${i}` : `Meadow ${i}`);
      const data = (mark: boolean) => ({
        title: field === 'title' ? text(mark) : `Meadow ${i}`,
        summary: field === 'summary' ? text(mark) : 'Grass.',
        body: paragraph(field === 'body' ? text(mark) : 'Grass.'),
        slug: `quillwort-${i}`,
      });
      const doc = await practice('en', data(true));
      if (i % 3 === 1) {
        await docs(UID.practice).update({ documentId: doc.documentId, locale: 'fr', status: 'published', data: { ...data(i % 2 === 0), country: 'ES' } });
      }
    }
    for (const locale of ['en', 'fr']) {
      const whole = await search('quillwort', locale);
      expect(whole.length, locale).toBeGreaterThan(5);
      for (const pageSize of [1, 2, 4]) {
        const paged: string[] = [];
        for (let page = 1; paged.length < whole.length + pageSize; page += 1) {
          const res = await get(`/practices?locale=${locale}&q=quillwort&page=${page}&pageSize=${pageSize}`);
          expect(res.status).toBe(200);
          expect(res.body.meta.pagination.total, `${locale} page ${page} of ${pageSize}`).toBe(whole.length);
          const slugs = (res.body.data as { slug: string }[]).map((p) => p.slug);
          if (!slugs.length) break;
          paged.push(...slugs);
        }
        expect(paged, `${locale}, pages of ${pageSize}`).toEqual(whole);
      }
    }
  });
});

describe(`a search sorted by a field, with more matches than are ranked (${testDatabaseClient()})`, () => {
  it('pages through every match in the sort’s order, each once (not only the newest ranked candidates)', async () => {
    // RANKED_CANDIDATES + 20 published English practices with the word, written in bulk (as an import
    // would) and indexed by the app's own rebuild; their titles' order is not their ids' order
    const n = 320;
    const now = new Date();
    const rows = Array.from({ length: n }, (_, i) => {
      const k = (i * 7919) % n; // a permutation of 0..n-1
      return bulkRow(
        {
          documentId: `zebrawort${String(i).padStart(15, '0')}`,
          title: `Zebrawort ${String(k).padStart(3, '0')}`,
          summary: 'Grass.',
          body: paragraph('Grass.'),
          slug: `zebrawort-${i}`,
        },
        now
      );
    });
    for (let i = 0; i < n; i += 40) await app.strapi.db.query(UID.practice as never).createMany({ data: rows.slice(i, i + 40) as never });
    await app.strapi.plugin('solidarity').service('public-api').repository.search.reindexAll();
    await app.strapi.plugin('solidarity').service('cache').bump();
    const titles = rows.map((r) => r.title).sort();
    for (const [sort, expected] of [
      ['title:asc', titles],
      ['title:desc', [...titles].reverse()],
    ] as const) {
      const paged: string[] = [];
      for (let page = 1; page <= Math.ceil(n / 50) + 1; page += 1) {
        const res = await get(`/practices?locale=en&q=zebrawort&sort=${sort}&page=${page}&pageSize=50`);
        expect(res.status).toBe(200);
        expect(res.body.meta.pagination.total, `${sort} page ${page}`).toBe(n);
        paged.push(...(res.body.data as { title: string }[]).map((p) => p.title));
      }
      expect(paged, sort).toEqual(expected);
    }
  });
});

describe.runIf(testDatabaseClient() === 'postgres')('a common word’s newest matches read from a window of the newest rows (postgres)', () => {
  it('gives every page exactly as reading all its matches does, and reads them again when the window falls short', async () => {
    // 3,000 English practices written in bulk (as an import would) and indexed by the app's own rebuild;
    // 2,850 have the word (the window applies to a word in most documents: its newest 600 rows hold
    // the 300 ranked candidates twice over, at most a quarter of the matches), in the title, the
    // summary or the body, so that ranks differ among the newest
    const n = 3000;
    const isMarked = (i: number) => i % 20 !== 7;
    const now = new Date();
    const fields = ['title', 'summary', 'body'] as const;
    const rows = Array.from({ length: n }, (_, i) => {
      const marked = isMarked(i);
      const field = fields[i % 5 === 0 ? 0 : i % 5 === 1 ? 1 : 2];
      const text = (f: (typeof fields)[number]) => (marked && f === field ? `Wolfsbane ${f} ${i}` : `Heath ${i}`);
      return bulkRow(
        {
          documentId: `wolfsbane${String(i).padStart(16, '0')}`,
          title: text('title'),
          summary: text('summary'),
          body: paragraph(text('body')),
          slug: `wolfsbane-${i}`,
        },
        now
      );
    });
    // written interleaved with 1,000 French practices, so that their ids alternate between the locales
    const french = Array.from({ length: 1000 }, (_, i) =>
      bulkRow(
        { documentId: `heathfr${String(i).padStart(18, '0')}`, title: `Lande ${i}`, summary: 'Herbe.', body: paragraph('Herbe.'), slug: `lande-${i}`, locale: 'fr' },
        now
      )
    );
    const written = rows.flatMap((row, i) => (i % 2 === 0 && french[i / 2] ? [row, french[i / 2]] : [row]));
    for (let i = 0; i < written.length; i += 100) {
      await app.strapi.db.query(UID.practice as never).createMany({ data: written.slice(i, i + 100) as never });
    }
    const repository = app.strapi.plugin('solidarity').service('public-api').repository as {
      search: { reindexAll(): Promise<void>; windowFloors(...args: unknown[]): Promise<Map<number, number>> };
    };
    await repository.search.reindexAll();
    await app.strapi.plugin('solidarity').service('cache').bump();

    // The rebuild stores the rows type by type and locale by locale (what the count of a search
    // reads): stored in id order they would alternate between English and French thousands of times.
    // (A few rows may land in space freed earlier in the table, hence not exactly one run each.)
    const runsOf = async (order: string) => {
      const { rows: stored } = (await app.strapi.db.connection.raw(`SELECT uid, locale FROM solidarity_search ORDER BY ${order}`)) as {
        rows: { uid: string; locale: string }[];
      };
      const runs = stored.filter((r, i) => i === 0 || r.uid !== stored[i - 1]?.uid || r.locale !== stored[i - 1]?.locale);
      return { runs: runs.length, scopes: new Set(runs.map((r) => `${r.uid} ${r.locale}`)).size };
    };
    expect((await runsOf('uid, entry_id')).runs, 'ids alternate between locales').toBeGreaterThan(1000);
    const stored = await runsOf('ctid');
    expect(stored.runs, 'rows stored by type and locale').toBeLessThanOrEqual(stored.scopes + 5);

    const original = repository.search.windowFloors.bind(repository.search);
    const used: Map<number, number>[] = [];
    const pages = async (label: string) => {
      const out: string[] = [];
      for (const [page, pageSize] of [[1, 25], [2, 25], [7, 13], [12, 50], [40, 25]] as const) {
        const res = await get(`/practices?locale=en&q=wolfsbane&page=${page}&pageSize=${pageSize}`);
        expect(res.status, label).toBe(200);
        expect(res.body.meta.pagination.total, `${label}: total`).toBe(rows.filter((_, i) => isMarked(i)).length);
        out.push(`${page}/${pageSize}: ${(res.body.data as { slug: string }[]).map((p) => p.slug).join(' ')}`);
      }
      return out;
    };
    try {
      repository.search.windowFloors = async (...args: unknown[]) => {
        const floors = await original(...args);
        used.push(floors);
        return floors;
      };
      const windowed = await pages('windowed');
      expect(used.some((f) => f.size > 0), 'the window was used').toBe(true);
      // the reference: every match read, no window
      repository.search.windowFloors = async () => new Map();
      await app.strapi.plugin('solidarity').service('cache').bump();
      const whole = await pages('all matches');
      expect(windowed).toEqual(whole);
      expect(whole[0]?.split(' ').length).toBe(26); // "1/25:" and 25 slugs
      // a window far too small (the newest 20 rows): detected, read again without it
      const { rows: newest } = (await app.strapi.db.connection.raw(
        `SELECT entry_id FROM solidarity_search WHERE uid = ? AND locale = 'en' ORDER BY entry_id DESC OFFSET 20 LIMIT 1`,
        [UID.practice]
      )) as { rows: { entry_id: number }[] };
      repository.search.windowFloors = async () => new Map([[0, Number(newest[0]?.entry_id)]]);
      await app.strapi.plugin('solidarity').service('cache').bump();
      expect(await pages('too small a window')).toEqual(whole);
    } finally {
      repository.search.windowFloors = original;
    }
  });
});

describe.runIf(testDatabaseClient() === 'postgres')('the index’s per-locale full-text indexes (postgres)', () => {
  it('every configured locale has its partial GIN index, so that a search reads only its locale’s matches', async () => {
    const { rows } = (await app.strapi.db.connection.raw(
      `SELECT indexname, indexdef FROM pg_indexes WHERE tablename = 'solidarity_search' AND indexdef LIKE '%USING gin%'`
    )) as { rows: { indexname: string; indexdef: string }[] };
    for (const locale of ['en', 'ca', 'es', 'el', 'fr']) {
      const index = rows.find((r) => r.indexname === `solidarity_search_terms_${locale}_idx`);
      expect(index?.indexdef, locale).toContain(`WHERE ((locale)::text = '${locale}'::text)`);
    }
  });
});

describe.runIf(testDatabaseClient() === 'postgres')('the tsquery a search matches with (postgres)', () => {
  it("matches exactly what the ranked form matches, for any words and any document's terms", async () => {
    const { queryWords, tsqueryText } = await import('./text');
    const k = app.strapi.db.connection;
    const letters = fc.constantFrom(...'abcdefghíàéïλογοςmnoprst'.split(''));
    const word = fc.string({ unit: letters, minLength: 1, maxLength: 7 });
    await fc.assert(
      fc.asyncProperty(
        fc.array(word, { minLength: 1, maxLength: 3 }),
        fc.array(word, { minLength: 0, maxLength: 12 }),
        fc.constantFrom('en', 'ca', 'es', 'el', 'fr'),
        async (query, terms, locale) => {
          const words = queryWords(query.join(' '), locale);
          const ranked = tsqueryText(words);
          const matching = tsqueryText(words, { matching: true });
          expect(matching === null).toBe(ranked === null);
          if (ranked === null || matching === null) return;
          // the document's terms as the index holds them: its words folded and stemmed for the locale,
          // plus every term of the query itself and longer words that begin with them
          const own = [...terms, ...words.flatMap((w) => [w.exact, `${w.exact}x`, ...(w.prefix ? [w.prefix, `${w.prefix}y`] : [])])];
          const sample = own.filter((_, i) => (i * 7 + terms.length) % 3 !== 0);
          const { rows } = (await k.raw(
            `SELECT array_to_tsvector(?::text[]) @@ to_tsquery('simple', ?) AS a, array_to_tsvector(?::text[]) @@ to_tsquery('simple', ?) AS b`,
            [sample, ranked, sample, matching]
          )) as { rows: { a: boolean; b: boolean }[] };
          expect(rows[0]?.b).toBe(rows[0]?.a);
        }
      ),
      { numRuns: 300 }
    );
    // and it is the shorter form where it can be
    expect(tsqueryText([{ exact: 'market', prefix: 'market' }], { matching: true })).toBe("'market':*");
    expect(tsqueryText([{ exact: 'train', prefix: 'training' }], { matching: true })).toBe("('train' | 'training':*)");
  });
});
