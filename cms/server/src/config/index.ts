import { z } from 'zod';

const localeCode = z
  .string()
  .regex(/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/, 'a locale code such as en, ca or pt-BR');

export const demoAdminSchema = z.object({
  email: z.email(),
  password: z.string().min(8),
  /** true when the printed default credentials are in use */
  isDefault: z.boolean().default(false),
});

export const pluginConfigSchema = z
  .object({
    locales: z.array(localeCode).min(1).default(['en', 'ca', 'es', 'el', 'fr']),
    defaultLocale: localeCode.default('en'),
    /** Name of the network, in feed and calendar titles. */
    networkName: z.string().trim().min(1).max(200).default('Solidarity Commons'),
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
  });

export type PluginConfig = z.infer<typeof pluginConfigSchema>;

export default {
  default: {
    locales: ['en', 'ca', 'es', 'el', 'fr'],
    defaultLocale: 'en',
    networkName: 'Solidarity Commons',
    urlTemplates: {},
    widgets: {},
    demo: { content: false, admin: null },
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
