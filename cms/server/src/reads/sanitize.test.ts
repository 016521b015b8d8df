import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startStrapi, type TestApp } from '../../../../test/helpers/strapi';
import { UID, type ContentTypeName } from '../content-types/uids';
import { createOutputSanitizer, KNOWN_OUTPUT_SANITIZERS, sanitizeEntry, type GetSanitizeModel, type SanitizeModel } from './sanitize';

/**
 * The public routes' output sanitizer (./sanitize.ts) is Strapi's own
 * (`strapi.contentAPI.sanitize.output`) in one synchronous walk: on generated
 * entries of every public type (every attribute or a random part of them,
 * private and password ones included, relations, media and components nested
 * with arbitrary values, keys that are no attribute, arrays where an object is
 * expected and the other way round), both give the same result, and neither
 * changes its input.
 */
let app: TestApp;
let getModel: GetSanitizeModel;

beforeAll(async () => {
  app = await startStrapi();
  // any uid the generated entries name (never: Strapi types getModel by its registered uids); the schema is read as SanitizeModel, its structural subset
  getModel = (uid) => app.strapi.getModel(uid as never) as unknown as SanitizeModel | undefined;
});

afterAll(async () => {
  await app?.stop();
});

const scalar = fc.oneof(
  fc.string({ maxLength: 8 }),
  fc.integer(),
  fc.boolean(),
  fc.constant(null),
  fc.constant(undefined),
  fc.date({ noInvalidDate: true }),
  fc.array(fc.string({ maxLength: 4 }), { maxLength: 3 })
);

/** An entry of `uid` as a loader or a client-facing query could produce it, `depth` levels of relations deep. */
const entryOf = (uid: string, depth: number): fc.Arbitrary<Record<string, unknown>> => {
  const model = getModel(uid);
  const names = Object.keys(model?.attributes ?? {});
  const valueOf = (name: string): fc.Arbitrary<unknown> => {
    const a = model?.attributes[name];
    const nestedUid =
      a?.type === 'relation' ? a.target : a?.type === 'media' ? 'plugin::upload.file' : a?.type === 'component' ? a.component : undefined;
    if (!nestedUid || depth <= 0) return scalar;
    const nested = entryOf(nestedUid, depth - 1);
    return fc.oneof(nested, fc.array(nested, { maxLength: 3 }), fc.constant(null), scalar);
  };
  const record: Record<string, fc.Arbitrary<unknown>> = {};
  for (const name of names) record[name] = valueOf(name);
  return fc
    .tuple(
      fc.record(record, { requiredKeys: [] }),
      fc.dictionary(fc.string({ minLength: 1, maxLength: 6 }).filter((k) => !names.includes(k) && k !== '__proto__'), scalar, { maxKeys: 3 })
    )
    .map(([attributes, extra]) => ({ ...extra, ...attributes }));
};

const TYPES: ContentTypeName[] = ['practice', 'session', 'statement', 'organisation', 'call', 'topic'];

describe('output sanitizer', () => {
  it("removes private attributes the way Strapi's does (a practice's contact, a nested organisation's private fields)", async () => {
    const model = getModel(UID.practice) as SanitizeModel;
    const privateNames = Object.entries(model.attributes).filter(([, a]) => a?.private === true).map(([n]) => n);
    expect(privateNames.length).toBeGreaterThan(0);
    const entry = Object.fromEntries(privateNames.map((n) => [n, 'secret']));
    const out = sanitizeEntry({ ...entry, title: 'T' }, model, getModel) as Record<string, unknown>;
    expect(out).toEqual({ title: 'T' });
    expect(out).toEqual(await app.strapi.contentAPI.sanitize.output({ ...entry, title: 'T' }, model as never, {}));
  });

  for (const type of TYPES) {
    it(`equals Strapi's sanitize.output on generated ${type} entries`, async () => {
      expect((app.strapi.sanitizers.get('content-api.output') as unknown[]).length).toBe(KNOWN_OUTPUT_SANITIZERS);
      const model = getModel(UID[type]) as SanitizeModel;
      await fc.assert(
        fc.asyncProperty(entryOf(UID[type], 2), async (entry) => {
          const before = structuredClone(entry);
          const fast = sanitizeEntry(entry, model, getModel);
          const strapis = await app.strapi.contentAPI.sanitize.output(entry as never, model as never, {});
          expect(fast).toEqual(strapis);
          expect(entry).toEqual(before);
        }),
        { numRuns: 150 }
      );
    });
  }

  it("stands down for Strapi's own sanitizer when another plugin adds an output sanitizer", async () => {
    const registry = app.strapi.sanitizers.get('content-api.output') as unknown[];
    const saved = [...registry];
    const sanitize = createOutputSanitizer(app.strapi);
    try {
      app.strapi.sanitizers.add('content-api.output', (() => async (entry: Record<string, unknown>) => ({ ...entry, stamped: true })) as never);
      const out = await sanitize({ title: 'T' }, UID.practice);
      expect(out).toEqual({ title: 'T', stamped: true });
    } finally {
      app.strapi.sanitizers.set('content-api.output', saved as never);
    }
    expect(await sanitize({ title: 'T' }, UID.practice)).toEqual({ title: 'T' });
  });
});
