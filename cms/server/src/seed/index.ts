import type { Core } from '@strapi/strapi';
import { UID, type SolidarityUID } from '../content-types/uids';
import { markupToBlocks } from './blocks';
import { dayFromNow, zonedToUtc } from './time';
import type {
  CallSeed,
  FicheSeed,
  L10n,
  Locale,
  OrganisationSeed,
  PracticeSeed,
  SessionSeed,
  StatementSeed,
  TopicSeed,
} from './types';

export interface SeedData {
  topics: TopicSeed[];
  organisations: OrganisationSeed[];
  calls: CallSeed[];
  practices: PracticeSeed[];
  sessions: SessionSeed[];
  statements: StatementSeed[];
}

export interface SeedReport {
  created: Record<string, number>;
  skipped: Record<string, number>;
}

type Data = Record<string, unknown>;

/** A thin, loosely typed view over the document service for the seeder. */
interface Docs {
  create(params: Data): Promise<{ documentId: string }>;
  update(params: Data): Promise<unknown>;
}

const pick = <T>(value: L10n<T>, locale: string): T | undefined =>
  (value as Record<string, T | undefined>)[locale];

/**
 * Loads seed records idempotently: a record whose slug already exists is left
 * alone (nothing added, nothing lost), a missing one is created in the default
 * locale and then translated into every locale it has text for.
 */
export const createSeeder = (strapi: Core.Strapi, locales: string[], defaultLocale: string) => {
  const docs = (uid: SolidarityUID): Docs => strapi.documents(uid);
  const ids: Record<string, Map<string, string>> = {};
  /** which locales a created or found document has, per type and slug */
  const present: Record<string, Map<string, Set<string>>> = {};
  const report: SeedReport = { created: {}, skipped: {} };
  const createdNow = new Set<string>();

  const idOf = (type: keyof typeof UID, slug: string): string => {
    const id = ids[type]?.get(slug);
    if (!id) throw new Error(`Seed data refers to unknown ${type} "${slug}"`);
    return id;
  };
  const connect = (type: keyof typeof UID, slugs: string[], locale?: string) =>
    slugs
      .filter((slug) => !locale || present[type]?.get(slug)?.has(locale) !== false)
      .map((slug) => ({ documentId: idOf(type, slug) }));

  const remember = (type: keyof typeof UID, slug: string, documentId: string, localesOf: string[]) => {
    (ids[type] ??= new Map()).set(slug, documentId);
    (present[type] ??= new Map()).set(slug, new Set(localesOf));
  };

  /**
   * Creates one document unless its slug exists. `build(locale)` returns the
   * data for a locale, or null when the record has no text in that locale.
   */
  const upsert = async (
    type: keyof typeof UID,
    slug: string,
    published: boolean,
    build: (locale: string) => Data | null
  ): Promise<void> => {
    const uid = UID[type];
    // Any locale or status with this slug means the record is there: leave it as it is.
    const existing = (await strapi.db.query(uid).findMany({
      where: { slug },
      select: ['documentId', 'locale'],
    })) as { documentId: string; locale: string }[];
    if (existing.length) {
      report.skipped[type] = (report.skipped[type] ?? 0) + 1;
      const documentId = (existing.find((r) => r.locale === defaultLocale) ?? existing[0])?.documentId as string;
      const locales = existing.filter((r) => r.documentId === documentId).map((r) => r.locale);
      remember(type, slug, documentId, [...new Set(locales)]);
      return;
    }
    const status = published ? 'published' : 'draft';
    const first = build(defaultLocale);
    if (!first) throw new Error(`Seed ${type} "${slug}" has no ${defaultLocale} text`);
    const created = await docs(uid).create({ locale: defaultLocale, status, data: { ...first, slug } });
    const done = [defaultLocale];
    remember(type, slug, created.documentId, done);
    for (const locale of locales) {
      if (locale === defaultLocale) continue;
      const data = build(locale);
      if (!data) continue;
      done.push(locale);
      remember(type, slug, created.documentId, done);
      await docs(uid).update({ documentId: created.documentId, locale, status, data: { ...data, slug } });
    }
    report.created[type] = (report.created[type] ?? 0) + 1;
    createdNow.add(`${type}:${slug}`);
  };

  /** For reference types every locale must exist so that relations can reach them; English text is used where no translation was written. */
  const orEnglish = <T>(value: L10n<T>, locale: string): T => pick(value, locale) ?? value.en;

  const topics = async (list: TopicSeed[]) => {
    for (const t of list) {
      await upsert('topic', t.slug, true, (locale) => ({
        name: t.name[locale as Locale] ?? t.name.en,
        description: t.description[locale as Locale] ?? t.description.en,
      }));
    }
  };

  const organisations = async (list: OrganisationSeed[]) => {
    for (const o of list) {
      await upsert('organisation', o.slug, true, (locale) => ({
        name: o.name,
        kind: o.kind,
        country: o.country,
        city: o.city,
        website: o.website ?? null,
        description: orEnglish(o.description, locale),
        latitude: o.latitude ?? null,
        longitude: o.longitude ?? null,
      }));
    }
    // memberOf needs every organisation to exist first.
    for (const o of list) {
      // Only organisations created by this run: existing ones keep what editors set.
      if (!o.memberOf?.length || !createdNow.has(`organisation:${o.slug}`)) continue;
      const documentId = idOf('organisation', o.slug);
      for (const locale of present.organisation?.get(o.slug) ?? []) {
        await docs(UID.organisation).update({
          documentId,
          locale,
          status: 'published',
          data: { memberOf: connect('organisation', o.memberOf, locale) },
        });
      }
    }
  };

  const calls = async (list: CallSeed[]) => {
    for (const c of list) {
      await upsert('call', c.slug, true, (locale) => ({
        title: orEnglish(c.title, locale),
        description: orEnglish(c.description, locale),
        opensAt: new Date(`${dayFromNow(c.opensInDays)}T08:00:00Z`).toISOString(),
        closesAt: new Date(`${dayFromNow(c.closesInDays)}T21:59:00Z`).toISOString(),
        criteria: orEnglish(c.criteria, locale).map((label) => ({ label })),
        topics: connect('topic', c.topics, locale),
      }));
    }
  };

  /** A practice's fiche in one locale: its texts (English where not translated), figures and partners. */
  const ficheData = (f: FicheSeed | undefined, locale: string) => {
    if (!f) return {};
    const t = (v: L10n<string> | undefined) => (v ? orEnglish(v, locale) : null);
    return {
      context: t(f.context),
      objectives: t(f.objectives),
      beneficiaries: t(f.beneficiaries),
      activities: t(f.activities),
      resources: t(f.resources),
      budgetRange: f.budgetRange ?? null,
      budgetDetails: t(f.budgetDetails),
      results: t(f.results),
      figures: (f.figures ?? []).map((x) => ({ label: orEnglish(x.label, locale), value: x.value, unit: t(x.unit) })),
      replicability: t(f.replicability),
      lessons: t(f.lessons),
      partners: (f.partners ?? []).map((x) => ({ name: x.name, website: x.website ?? null, role: t(x.role) })),
    };
  };

  const practices = async (list: PracticeSeed[]) => {
    for (const p of list) {
      await upsert('practice', p.slug, p.published, (locale) => {
        const title = pick(p.title, locale);
        if (!title) return null;
        return {
          title,
          summary: pick(p.summary, locale) ?? p.summary.en,
          body: markupToBlocks(pick(p.body, locale) ?? p.body.en),
          topics: connect('topic', p.topics, locale),
          promoters: connect('organisation', p.promoters, locale),
          municipality: p.municipality,
          region: p.region,
          country: p.country,
          latitude: p.latitude ?? null,
          longitude: p.longitude ?? null,
          startedOn: p.startedOn,
          endedOn: p.endedOn ?? null,
          criteria: p.criteria.map((value) => ({ value })),
          links: p.links.map((l) => ({ label: orEnglish(l.label, locale), url: l.url })),
          licence: p.licence ?? 'CC-BY-SA-4.0',
          call: p.call ? { documentId: idOf('call', p.call) } : null,
          contact: p.contact ?? null,
          reviewStatus: p.reviewStatus,
          reviewNotes: p.reviewNotes ?? null,
          submittedAt:
            p.submittedInDays === undefined
              ? null
              : new Date(`${dayFromNow(p.submittedInDays)}T10:30:00Z`).toISOString(),
          source: p.source,
          ...ficheData(p.fiche, locale),
        };
      });
    }
  };

  const sessions = async (list: SessionSeed[]) => {
    for (const s of list) {
      const day = dayFromNow(s.startsInDays);
      const startsAt = zonedToUtc(day, s.startTime, s.timezone);
      const endsAt = new Date(startsAt.getTime() + s.durationMinutes * 60_000);
      await upsert('session', s.slug, s.published, (locale) => {
        const title = pick(s.title, locale);
        if (!title) return null;
        const minutes = s.minutes ? (pick(s.minutes, locale) ?? s.minutes.en) : undefined;
        return {
          title,
          summary: pick(s.summary, locale) ?? s.summary.en,
          description: markupToBlocks(pick(s.description, locale) ?? s.description.en),
          minutes: minutes ? markupToBlocks(minutes) : null,
          kind: s.kind,
          startsAt: startsAt.toISOString(),
          endsAt: endsAt.toISOString(),
          timezone: s.timezone,
          spokenLanguages: s.spokenLanguages,
          registrationUrl: s.registrationUrl ?? null,
          joinUrl: s.joinUrl ?? null,
          recordingUrl: s.recordingUrl ?? null,
          speakers: s.speakers.map((sp) => ({ ...sp, role: pick(sp.role, locale) ?? sp.role.en })),
          organisers: connect('organisation', s.organisers, locale),
          topics: connect('topic', s.topics, locale),
          practices: connect('practice', s.practices, locale),
        };
      });
    }
  };

  const statements = async (list: StatementSeed[]) => {
    for (const s of list) {
      await upsert('statement', s.slug, s.published, (locale) => {
        const title = pick(s.title, locale);
        if (!title) return null;
        return {
          title,
          summary: pick(s.summary, locale) ?? s.summary.en,
          body: markupToBlocks(pick(s.body, locale) ?? s.body.en),
          kind: s.kind,
          issuedOn: dayFromNow(s.issuedInDays),
          deadline:
            s.deadlineInDays === undefined
              ? null
              : new Date(`${dayFromNow(s.deadlineInDays)}T21:59:00Z`).toISOString(),
          issuers: connect('organisation', s.issuers, locale),
          signatories: connect('organisation', s.signatories, locale),
          topics: connect('topic', s.topics, locale),
        };
      });
    }
  };

  return {
    report,
    topics,
    async all(data: SeedData): Promise<SeedReport> {
      await topics(data.topics);
      await organisations(data.organisations);
      await calls(data.calls);
      await practices(data.practices);
      await sessions(data.sessions);
      await statements(data.statements);
      return report;
    },
  };
};
