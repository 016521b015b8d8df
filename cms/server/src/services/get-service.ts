import type { Core } from '@strapi/strapi';
import type services from '.';

/** The plugin's services registry (services/index.ts): name → factory `({ strapi }) => service`. */
type Registry = typeof services;

/** Names of the plugin's services (`'public-api'`, `'review'`, `'topic'`, ...). */
export type ServiceName = keyof Registry;

/** The service Strapi builds from the registry entry `N`: what its factory returns. */
export type Service<N extends ServiceName> = Registry[N] extends (...args: never[]) => infer S ? S : Registry[N];

/**
 * One of the plugin's services, typed from the registry (as the i18n plugin's
 * and VirtusLab's navigation plugin's `getService` do). Strapi types every
 * service as `{ [key]: any }`; the registry is what tells us its shape.
 */
export const getService = <N extends ServiceName>(strapi: Core.Strapi, name: N): Service<N> =>
  strapi.plugin('solidarity').service(name) as Service<N>;
