import { z } from 'zod';
import { FICHE_CONFIGURABLE, FICHE_DEFAULT_PRIVATE, parseFichePrivate } from '../../../../cms/shared/fiche';
import { SHIPPED_LOCALES } from '../../../../cms/shared/locales';

const localeCode = z
  .string()
  .regex(/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/, 'a locale code such as en, ca or pt-BR');

export const demoAdminSchema = z.object({
  email: z.email(),
  password: z.string().min(8),
  /** true when the printed default credentials are in use */
  isDefault: z.boolean().default(false),
});

const rateRule = (points: number, duration: number) =>
  z
    .object({
      /** requests allowed per window */
      points: z.number().int().min(1).default(points),
      /** window, in seconds */
      duration: z.number().int().min(1).default(duration),
    })
    .default({ points, duration });

/** Anti-spam and notification settings of public submissions (issue 5). */
export const submissionsConfigSchema = z.object({
  /** Origins whose pages may send submissions; empty: the app's own (PUBLIC_URL, else the request's). */
  allowedOrigins: z
    .array(z.string().regex(/^https?:\/\/[^\s/?#]+\/?$/, 'an origin such as https://xmess.cat (scheme and host, no path)'))
    .default([]),
  /** Accept requests without an Origin header (curl, server-side forms); browsers always send one. */
  allowNoOrigin: z.boolean().default(true),
  submissions: z
    .object({ maxBodyBytes: z.number().int().min(1024).default(64 * 1024) })
    .default({ maxBodyBytes: 64 * 1024 }),
  altcha: z
    .object({
      enabled: z.boolean().default(true),
      /** HMAC key of challenges; empty: derived from the app keys (stable across instances). */
      hmacKey: z.string().default(''),
      maxNumber: z.number().int().min(10).default(100_000),
      /** lifetime of a challenge, in seconds */
      expiresSeconds: z.number().int().min(10).default(600),
    })
    .default({ enabled: true, hmacKey: '', maxNumber: 100_000, expiresSeconds: 600 }),
  rateLimit: z
    .object({
      /** stored submissions per client IP */
      ip: rateRule(5, 600),
      /** stored submissions per Origin (a partner site) */
      origin: rateRule(60, 3600),
      /** any POST per client IP, valid or not */
      attempts: rateRule(30, 600),
      /** Redis for limits and used proofs shared by every instance; empty: process memory */
      redisUrl: z.string().default(''),
      keyPrefix: z.string().min(1).max(100).default('solidarity'),
    })
    .default({
      ip: { points: 5, duration: 600 },
      origin: { points: 60, duration: 3600 },
      attempts: { points: 30, duration: 600 },
      redisUrl: '',
      keyPrefix: 'solidarity',
    }),
  notifications: z
    .object({
      /** editors told of each new submission */
      editors: z.array(z.email()).default([]),
      /** 'auto': send when the email plugin has a real provider (SMTP), else only log */
      delivery: z.enum(['auto', 'email', 'log']).default('auto'),
      /** admin panel URL for links in mails; default PUBLIC_URL + admin.url */
      adminUrl: z.string().default(''),
    })
    .default({ editors: [], delivery: 'auto', adminUrl: '' }),
  /** The link that lets a submission's contact complete its fiche (submissions/completion/). */
  completion: z
    .object({
      /** days a new link stays valid */
      expiryDays: z.number().int().min(1).max(365).default(14),
      /** HMAC key of the links' signatures; empty: derived from the app keys (stable across instances). */
      hmacKey: z.string().default(''),
    })
    .default({ expiryDays: 14, hmacKey: '' }),
});

export type SubmissionsConfig = z.infer<typeof submissionsConfigSchema>;

export const pluginConfigSchema = z
  .object({
    ...submissionsConfigSchema.shape,
    locales: z.array(localeCode).min(1).default([...SHIPPED_LOCALES]),
    defaultLocale: localeCode.default('en'),
    /**
     * Fallback chain per requested locale (locales/fallback.ts): where to look, in order, when a
     * document has no published version in the requested locale, e.g. `{ ca: ['es', 'en'], el: ['en'] }`.
     * Every chain then goes on with the default locale and ends with any language the document has,
     * so a document is never hidden for want of a translation. Unlisted locales: the default locale, then any.
     */
    fallbacks: z.record(localeCode, z.array(localeCode).max(20)).default({}),
    /** Name of the network, in feed and calendar titles. */
    networkName: z.string().trim().min(1).max(200).default('Solidarity Commons'),
    /**
     * Calendars: a cancelled session stays in them (STATUS:CANCELLED), and a moved one keeps its note,
     * until `noticeDays` days after its start; then a cancelled session leaves them.
     */
    calendar: z
      .object({ noticeDays: z.number().int().min(0).max(3650).default(30) })
      .default({ noticeDays: 30 }),
    /** Public page of a document, for feeds and widgets: {origin}, {slug}, {locale}, {documentId}. */
    urlTemplates: z
      .object({
        practice: z.string().optional(),
        session: z.string().optional(),
        statement: z.string().optional(),
        organisation: z.string().optional(),
        call: z.string().optional(),
        topic: z.string().optional(),
      })
      .default({}),
    /**
     * The systematisation fiche (cms/shared/fiche.ts): which of the fields the network decides on
     * (`FICHE_CONFIGURABLE`: resources, budget range and details, figures, partners) stay private,
     * i.e. out of every public answer, page, feed, export and the search index. Default: the budget
     * details only. Env `SOLIDARITY_FICHE_PRIVATE` (comma-separated; empty: none).
     */
    fiche: z
      .object({
        privateFields: z
          .array(z.string().refine((k) => FICHE_CONFIGURABLE.includes(k), { message: `a fiche field the network can make private (${FICHE_CONFIGURABLE.join(', ')})` }))
          .optional(),
      })
      .default({}),
    /**
     * PostgreSQL: whether the public reads' statements are prepared by name, parsed and planned once
     * per connection (reads/sql.ts). false behind a pooler in transaction mode that does not track
     * prepared statements (pgbouncer before 1.21, or without `max_prepared_statements`). Env
     * `DATABASE_PREPARED_STATEMENTS`. No effect on SQLite, whose statements are always kept.
     */
    database: z.object({ preparedStatements: z.boolean().default(true) }).default({ preparedStatements: true }),
    /** Where the widgets package is (its dist/ and demo/ are served); default <app>/widgets. */
    widgets: z.object({ dir: z.string().optional() }).default({}),
    demo: z
      .object({
        content: z.boolean().default(false),
        admin: demoAdminSchema.nullable().default(null),
      })
      .default({ content: false, admin: null }),
  })
  .refine((c) => c.locales.includes(c.defaultLocale), {
    message: 'defaultLocale must be one of locales',
    path: ['defaultLocale'],
  })
  .superRefine((c, ctx) => {
    for (const [from, chain] of Object.entries(c.fallbacks)) {
      if (chain.includes(from)) {
        ctx.addIssue({ code: 'custom', message: `the chain of "${from}" names "${from}" itself`, path: ['fallbacks', from] });
      }
    }
  });

export type PluginConfig = z.infer<typeof pluginConfigSchema>;

export default {
  default: {
    locales: [...SHIPPED_LOCALES],
    defaultLocale: 'en',
    fallbacks: {},
    networkName: 'Solidarity Commons',
    calendar: { noticeDays: 30 },
    urlTemplates: {},
    // no default list here: Strapi fills a shorter user list from the default's items (lodash defaultsDeep); see fichePrivateFields
    fiche: {},
    widgets: {},
    database: { preparedStatements: true },
    demo: { content: false, admin: null },
    allowedOrigins: [],
    allowNoOrigin: true,
    submissions: { maxBodyBytes: 64 * 1024 },
    altcha: { enabled: true, hmacKey: '', maxNumber: 100_000, expiresSeconds: 600 },
    rateLimit: {
      ip: { points: 5, duration: 600 },
      origin: { points: 60, duration: 3600 },
      attempts: { points: 30, duration: 600 },
      redisUrl: '',
      keyPrefix: 'solidarity',
    },
    notifications: { editors: [], delivery: 'auto', adminUrl: '' },
    completion: { expiryDays: 14, hmacKey: '' },
  },
  validator(config: unknown) {
    const result = pluginConfigSchema.safeParse(config);
    if (!result.success) {
      const issue = result.error.issues[0];
      throw new Error(
        `Invalid config of plugin "solidarity" at ${issue?.path.join('.') || '(root)'}: ${issue?.message ?? 'invalid'}`
      );
    }
  },
};

/**
 * The fiche fields the network keeps private (plugin option `fiche.privateFields`; unset: the
 * defaults of cms/shared/fiche.ts, the budget details), as `ficheVisibility` takes them. `fiche` is
 * the plugin's `config('fiche')`. Throws on an unknown key (the validator refused it already at start).
 */
export const fichePrivateFields = (fiche: unknown): string[] => {
  const listed = fiche && typeof fiche === 'object' ? (fiche as { privateFields?: unknown }).privateFields : undefined;
  return Array.isArray(listed) ? parseFichePrivate(listed.map(String)) : [...FICHE_DEFAULT_PRIVATE];
};
