import { createRequire } from 'node:module';
import path from 'node:path';
import type { Alias, UserConfig } from 'vite';

/**
 * Strapi 5's admin offers in Profile > Interface language only the locales of `config.locales` (src/admin/app.ts)
 * that have an entry in its own table of language names (`languageNativeNames` in @strapi/admin), and that
 * table has no Greek, so `el` was silently dropped. The table is a module of @strapi/admin that neither the
 * admin's API nor its package exports let us extend; this swaps the import of it in @strapi/admin's
 * StrapiApp for ./languageNativeNames.mjs, which adds Greek to Strapi's own table.
 *
 * Strapi calls this with its Vite config for `strapi build` and `strapi develop` (the file name is Strapi's
 * convention: src/admin/vite.config.ts).
 */
const require = createRequire(path.join(process.cwd(), 'package.json'));
/** Where @strapi/admin's own table is (its `exports` do not list it, so it is found from the package's main file). */
const strapiAdminDist = path.dirname(require.resolve('@strapi/admin/strapi-admin'));
const CORE_NAMES = path.join(strapiAdminDist, 'admin', 'src', 'translations', 'languageNativeNames.mjs');

export default (config: UserConfig): UserConfig => {
  const current = config.resolve?.alias ?? {};
  const aliases: Alias[] = Array.isArray(current)
    ? [...(current as Alias[])]
    : Object.entries(current as Record<string, string>).map(([find, replacement]) => ({ find, replacement }));
  return {
    ...config,
    resolve: {
      ...config.resolve,
      alias: [
        // Only StrapiApp imports the table, as `./translations/languageNativeNames.mjs`.
        { find: /^\.\/translations\/languageNativeNames\.mjs$/, replacement: path.join(process.cwd(), 'src', 'admin', 'languageNativeNames.mjs') },
        { find: /^solidarity-core-language-names$/, replacement: CORE_NAMES },
        ...aliases,
      ],
    },
  };
};
