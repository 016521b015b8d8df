import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import type { Context } from 'koa';
import { z } from 'zod';
import { PERMISSION_ACTIONS } from '../../../../cms/shared/permissions';
import { fieldError, invalidField } from '../http/errors';
import { requestOriginOrNull } from '../http/origin';
import { answeringProblems, HttpProblem } from '../http/problems';
import { requestBody } from '../http/request';
import { adminCan } from '../http/routes';
import { allowedOrigins, submissionsConfig } from './config';
import { PARTNER_SITE_UID, parsePartnerOrigin, partnerSitesWithOrigin } from './partner-sites';

/**
 * Admin routes of the embed builder for partner sites (mounted under
 * /solidarity, admin JWT): asking whether a website may send submissions
 * needs the embed builder's permission; registering one needs
 * `plugin::solidarity.partners`. Editors also manage partner sites in the
 * Content Manager: reading needs its own permissions, every write needs
 * `plugin::solidarity.partners` too (partner-sites.ts partnerSitesMiddleware).
 */
export const PARTNERS_ACTION = PERMISSION_ACTIONS.partners;

export const partnerRoutes = [
  { method: 'GET', path: '/partner-sites/status', handler: 'partners.status', config: adminCan(PERMISSION_ACTIONS.embed) },
  { method: 'POST', path: '/partner-sites', handler: 'partners.create', config: adminCan(PARTNERS_ACTION) },
];

/** Body of POST /solidarity/partner-sites. */
const createSchema = z.strictObject({
  name: z.string().trim().min(1).max(200),
  origin: z.string().max(2048),
  contact: z.email().max(254).optional(),
});

/** What GET /partner-sites/status answers about one website. */
export interface PartnerStatus {
  /** the normalised origin */
  origin: string;
  /** whether a form on it may send submissions now */
  allowed: boolean;
  /** allowed by the server's configuration (SUBMISSIONS_ALLOWED_ORIGINS, or the app's own origin) */
  byConfig: boolean;
  /** the partner sites that list it, active or not */
  sites: { documentId: string; name: string; active: boolean }[];
}

const partnersController = ({ strapi }: { strapi: Core.Strapi }) => {
  const status = async (ctx: Context, origin: string): Promise<PartnerStatus> => {
    const byConfig = allowedOrigins(strapi, submissionsConfig(strapi), requestOriginOrNull(strapi, ctx)).has(origin);
    const sites = (await partnerSitesWithOrigin(strapi, origin)).map((s) => ({
      documentId: s.documentId,
      name: s.name,
      active: s.active !== false,
    }));
    return { origin, allowed: byConfig || sites.some((s) => s.active), byConfig, sites };
  };

  const parse = (value: unknown, path: string[]): string => {
    const parsed = parsePartnerOrigin(value);
    if ('error' in parsed) throw invalidField(path, `origin ${parsed.error}`);
    return parsed.origin;
  };

  return {
    /** `?origin=https://member.example`: whether the form will work there, and which partner sites list it. */
    status: answeringProblems(async (ctx: Context) => {
      ctx.set('Cache-Control', 'no-store');
      ctx.body = { data: await status(ctx, parse(ctx.query.origin, ['origin'])) };
    }),

    /**
     * Registers a website as an active partner site: `{ name, origin, contact? }`.
     * 201 with the new site; 409 when an active partner site already lists
     * the origin (an inactive one is left for an editor to reactivate: 409 too,
     * naming it); 400 for a bad field.
     */
    create: answeringProblems(async (ctx: Context) => {
      ctx.set('Cache-Control', 'no-store');
      const parsed = createSchema.safeParse(requestBody(ctx));
      if (!parsed.success) {
        const list = parsed.error.issues.map((i) => fieldError(i.path.map((p) => (typeof p === 'number' ? p : String(p))), i.message));
        throw new errors.ValidationError(list[0]?.message ?? 'invalid partner site', { errors: list });
      }
      const origin = parse(parsed.data.origin, ['origin']);
      const now = await status(ctx, origin);
      if (now.sites.length) {
        const [site] = now.sites;
        throw new HttpProblem(
          409,
          'ConflictError',
          `${origin} is already listed by the partner site "${site?.name}"${site?.active ? '' : ' (inactive: reactivate it in the Content Manager)'}`,
          { origin, sites: now.sites }
        );
      }
      // The document service types its answers from the app's generated types, which this plugin does not have.
      const documents = strapi.documents(PARTNER_SITE_UID as never) as unknown as {
        create(p: object): Promise<{ documentId: string; name: string; origins: string[]; active: boolean }>;
      };
      const created = await documents.create({
        data: { name: parsed.data.name, origins: [origin], contact: parsed.data.contact ?? null, active: true },
      });
      strapi.log.info(`Partner site ${created.documentId} registered for ${origin}`);
      ctx.status = 201;
      ctx.body = { data: { documentId: created.documentId, name: created.name, origins: created.origins, active: created.active } };
    }),
  };
};

export default partnersController;
