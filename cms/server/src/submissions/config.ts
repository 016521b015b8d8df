import { createHmac } from 'node:crypto';
import type { Core } from '@strapi/strapi';
import { submissionsConfigSchema, type SubmissionsConfig } from '../config';
import { configuredPublicOrigin } from '../http/origin';

/**
 * The plugin's submission settings with defaults applied (the app sets them
 * in config/plugins.ts; README "Submissions and privacy").
 */
export const submissionsConfig = (strapi: Core.Strapi): SubmissionsConfig => {
  const plugin = strapi.plugin('solidarity');
  const raw: Record<string, unknown> = {};
  for (const key of Object.keys(submissionsConfigSchema.shape)) raw[key] = plugin.config(key);
  return submissionsConfigSchema.parse(raw);
};

/**
 * The HMAC key of ALTCHA challenges: plugin config `altcha.hmacKey`, else one
 * derived from the app's first key, so every instance of the app agrees
 * without another secret to manage.
 */
export const altchaHmacKey = (strapi: Core.Strapi, config: SubmissionsConfig): string => {
  if (config.altcha.hmacKey) return config.altcha.hmacKey;
  const keys = strapi.config.get('server.app.keys') as string[] | string | undefined;
  const first = (Array.isArray(keys) ? keys[0] : keys) ?? '';
  if (!first) throw new Error('ALTCHA needs a key: set ALTCHA_HMAC_KEY or APP_KEYS');
  return createHmac('sha256', first).update('solidarity:altcha:v1').digest('hex');
};

/** Normalised origin (`scheme://host[:port]`), or null for something that is not one. */
export const normalizeOrigin = (value: string): string | null => {
  if (value === 'null') return 'null';
  try {
    const url = new URL(value);
    if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
    return url.origin.toLowerCase();
  } catch {
    return null;
  }
};

/**
 * Origins allowed to send submissions: the configured list, else the app's
 * own (PUBLIC_URL, and the origin the request was addressed to: a page the
 * app serves itself, such as the widget demo).
 */
export const allowedOrigins = (strapi: Core.Strapi, config: SubmissionsConfig, requestOrigin: string | null): Set<string> => {
  const configured = config.allowedOrigins.map(normalizeOrigin).filter((o): o is string => o !== null);
  if (configured.length) return new Set(configured);
  const own = [normalizeOrigin(configuredPublicOrigin(strapi) ?? ''), requestOrigin === null ? null : normalizeOrigin(requestOrigin)];
  return new Set(own.filter((o): o is string => o !== null && o !== 'null'));
};

/**
 * The HMAC key of completion links (./completion/token.ts): plugin config `completion.hmacKey`
 * (env `COMPLETION_HMAC_KEY`), else one derived from the app's first key (`APP_KEYS`), so every
 * instance agrees without another secret to manage. Changing it invalidates every link sent.
 */
export const completionKey = (strapi: Core.Strapi, config: SubmissionsConfig): string => {
  if (config.completion.hmacKey) return config.completion.hmacKey;
  const keys = strapi.config.get('server.app.keys') as string[] | string | undefined;
  const first = (Array.isArray(keys) ? keys[0] : keys) ?? '';
  if (!first) throw new Error('Completion links need a key: set COMPLETION_HMAC_KEY or APP_KEYS');
  return createHmac('sha256', first).update('solidarity:completion:v1').digest('hex');
};
