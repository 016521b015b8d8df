import type { Core } from '@strapi/strapi';
import type { CmContentTypes } from '../setup/admin-layout';
import type { AdminUserService } from '../setup/demo-admin';

/** A locale as Strapi's i18n plugin stores it. */
export interface I18nLocale {
  code: string;
  name: string;
  isDefault?: boolean;
}

/** Strapi's own services the plugin calls, with the part of each one's API it uses (Strapi types them as `{ [key]: any }`). */
export interface StrapiServices {
  /** RBAC actions (Settings > Roles). */
  'admin::permission': { actionProvider: { registerMany(actions: object[]): Promise<void> } };
  /** The admin's content-type helpers: the field paths a role's Content Manager permission can list (setup/role-fields.ts). */
  'admin::content-type': {
    getNestedFields(model: unknown, options: { components: unknown; nestingLevel?: number }): string[];
  };
  /** Admin users. */
  'admin::user': AdminUserService;
  /** The i18n plugin's locales; read them through locales/service.ts. */
  'plugin::i18n.locales': {
    find(params?: Record<string, unknown>): Promise<I18nLocale[]>;
    create(locale: { code: string; name: string }): Promise<I18nLocale>;
    setDefaultLocale(params: { code: string }): Promise<void>;
    getDefaultLocale(): Promise<string>;
  };
  /** The Content Manager's list and edit view settings. */
  'plugin::content-manager.content-types': CmContentTypes;
  /** The email plugin (nodemailer provider when SMTP is configured). */
  'plugin::email.email': {
    send(options: { to: string | string[]; subject: string; text: string; html: string }): Promise<unknown>;
  };
}

/** One of Strapi's own services by its UID, typed with the part of its API the plugin uses. */
export const strapiService = <N extends keyof StrapiServices>(strapi: Core.Strapi, name: N): StrapiServices[N] =>
  strapi.service(name) as StrapiServices[N];
