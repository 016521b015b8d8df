import { Code, SealCheck } from '@strapi/icons';
import { PERMISSIONS, PLUGIN_ID, tid } from './pluginId';

type Messages = Record<string, string>;

interface AdminApp {
  addMenuLink(link: {
    to: string;
    icon: React.ElementType;
    intlLabel: { id: string; defaultMessage: string };
    permissions: { action: string; subject: null }[];
    Component: () => Promise<{ default: React.ComponentType }>;
    position?: number;
  }): void;
  registerPlugin(plugin: { id: string; name: string }): void;
}

// Every locale the plugin ships, loaded on demand (each its own chunk).
const TRANSLATIONS: Record<string, () => Promise<{ default: Messages }>> = {
  en: () => import('./translations/en.json'),
  ca: () => import('./translations/ca.json'),
  es: () => import('./translations/es.json'),
  el: () => import('./translations/el.json'),
  fr: () => import('./translations/fr.json'),
};

export default {
  register(app: AdminApp) {
    app.addMenuLink({
      to: `plugins/${PLUGIN_ID}/submissions`,
      icon: SealCheck,
      intlLabel: { id: tid('menu.submissions'), defaultMessage: 'Submissions' },
      permissions: PERMISSIONS.review,
      Component: () => import('./pages/Submissions'),
    });
    app.addMenuLink({
      to: `plugins/${PLUGIN_ID}/embed`,
      icon: Code,
      intlLabel: { id: tid('menu.embed'), defaultMessage: 'Embed' },
      permissions: PERMISSIONS.embed,
      Component: () => import('./pages/Embed'),
    });
    app.registerPlugin({ id: PLUGIN_ID, name: 'Solidarity Commons' });
  },

  bootstrap() {},

  async registerTrads({ locales }: { locales: string[] }) {
    return Promise.all(
      locales.map(async (locale) => {
        // `pt-BR` falls back to `pt`, an unknown locale to nothing (English defaults from the code).
        const load = TRANSLATIONS[locale] ?? TRANSLATIONS[locale.split('-')[0]];
        if (!load) return { data: {}, locale };
        try {
          return { data: (await load()).default, locale };
        } catch {
          return { data: {}, locale };
        }
      })
    );
  },
};
