// Strapi's table of admin interface languages, plus Greek (see vite.config.ts in this folder).
// `solidarity-core-language-names` is an alias (vite.config.ts) for @strapi/admin's own table.
import { languageNativeNames as core } from 'solidarity-core-language-names';

export const languageNativeNames = { ...core, el: 'Ελληνικά' };
