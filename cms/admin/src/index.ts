import { createElement } from 'react';
import { Code, Earth, SealCheck, Check, Clock, Star } from '@strapi/icons';
import { CountryCell } from './fields/CountryCell';
import { LocalesCell } from './fields/LocalesCell';
import { ReviewStatusCell } from './fields/reviewStatus';
import type { CustomFieldInputProps } from './fields/inputProps';
import { SlugFollowsTitle } from './fields/slugFollowsTitle';
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
  customFields: {
    register(field: {
      name: string;
      pluginId: string;
      type: string;
      intlLabel: { id: string; defaultMessage: string };
      intlDescription: { id: string; defaultMessage: string };
      icon?: React.ComponentType;
      components: { Input: () => Promise<{ default: React.ComponentType<CustomFieldInputProps> }> };
    }): void;
  };
}

/** A column of the Content Manager's list view, as its `inject-column-in-table` hook passes it. */
interface ListHeader {
  name: string;
  attribute?: { type?: string; customField?: string };
  cellFormatter?: (row: Record<string, unknown>, header: unknown, meta: unknown) => React.ReactNode;
}

interface AdminAppAtBootstrap {
  registerHook(name: string, fn: (args: { displayedHeaders: ListHeader[]; layout: unknown }) => unknown): void;
  getPlugin(id: 'content-manager'): { apis: { addEditViewSidePanel(panels: (() => null)[]): void } };
}

/** List cells of the plugin's custom fields: names and labels instead of codes. */
const CELLS: Record<string, React.ComponentType<{ value: unknown }>> = {
  'plugin::solidarity.country': CountryCell,
  'plugin::solidarity.review-status': ReviewStatusCell,
};

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
      to: `plugins/${PLUGIN_ID}/assessment`,
      icon: Star,
      intlLabel: { id: tid('menu.assessment'), defaultMessage: 'Assessment' },
      permissions: PERMISSIONS.assessment,
      Component: () => import('./pages/Assessment'),
    });
    app.addMenuLink({
      to: `plugins/${PLUGIN_ID}/embed`,
      icon: Code,
      intlLabel: { id: tid('menu.embed'), defaultMessage: 'Embed' },
      permissions: PERMISSIONS.embed,
      Component: () => import('./pages/Embed'),
    });
    app.registerPlugin({ id: PLUGIN_ID, name: 'Solidarity Commons' });

    // Same stored values as a string / an enumeration; an input with names (see server custom-fields.ts).
    app.customFields.register({
      name: 'country',
      pluginId: PLUGIN_ID,
      type: 'string',
      intlLabel: { id: tid('field.country.label'), defaultMessage: 'Country' },
      intlDescription: { id: tid('field.country.description'), defaultMessage: 'An ISO 3166-1 country, picked by name' },
      icon: Earth,
      components: { Input: () => import('./fields/CountryInput') },
    });
    app.customFields.register({
      name: 'review-status',
      pluginId: PLUGIN_ID,
      type: 'enumeration',
      intlLabel: { id: tid('field.review-status.label'), defaultMessage: 'Review status' },
      intlDescription: { id: tid('field.review-status.description'), defaultMessage: 'Where a submitted practice is in the review' },
      icon: Check,
      components: { Input: () => import('./fields/ReviewStatusInput') },
    });
    app.customFields.register({
      name: 'session-status',
      pluginId: PLUGIN_ID,
      type: 'enumeration',
      intlLabel: { id: tid('field.session-status.label'), defaultMessage: 'Session status' },
      intlDescription: { id: tid('field.session-status.description'), defaultMessage: 'Scheduled, moved or cancelled: calendar subscribers see it' },
      icon: Clock,
      components: { Input: () => import('./fields/SessionStatusInput') },
    });
  },

  bootstrap(app: AdminAppAtBootstrap) {
    app.registerHook('Admin/CM/pages/ListView/inject-column-in-table', ({ displayedHeaders, layout }) => ({
      layout,
      displayedHeaders: displayedHeaders.map((header) => {
        // i18n's "Available in" (added by i18n's own hook, which runs first): the same menu, narrower.
        if (header.name === 'locales' && typeof header.cellFormatter === 'function') {
          const locales = header.cellFormatter;
          return {
            ...header,
            cellFormatter: (row: Record<string, unknown>, cell: unknown, meta: unknown) =>
              createElement(LocalesCell, null, locales(row, cell, meta)),
          };
        }
        const Cell = header.attribute?.customField ? CELLS[header.attribute.customField] : undefined;
        if (!Cell) return header;
        const field = header.name.split('.')[0];
        return { ...header, cellFormatter: (row: Record<string, unknown>) => createElement(Cell, { value: row[field] }) };
      }),
    }));
    // The slug follows the title while an editor writes (Strapi 5.54's uid input does not): see the component.
    app.getPlugin('content-manager').apis.addEditViewSidePanel([SlugFollowsTitle]);
  },

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
