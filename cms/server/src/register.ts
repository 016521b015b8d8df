import type { Core } from '@strapi/strapi';
import { phaseMiddleware } from './assessment/phase';
import { registerComponents } from './components';
import { applyFichePrivacy } from './content-types/fiche';
import { registerCustomFields } from './content-types/custom-fields';
import { uncachedErrors } from './http/cache';
import { answerClientErrors } from './http/client-errors';
import { compression } from './http/compression';
import { configuredSecurity, withHeadersOnEarlyAnswers } from './http/security-headers';
import { hostGuard, publicUrlWarning } from './http/origin';
import { createSearchIndex } from './search';
import { acquireStartupLock, holdStartupLockThroughAdmin } from './setup/startup-lock';
import { submissionsGuard } from './submissions/guard';
import { partnerSitesMiddleware } from './submissions/partner-sites';
import { guardBulkPublish, reviewRulesMiddleware } from './submissions/review/rules';
import { uploadHeaders } from './uploads/serve';
import { dateRules } from './content-types/dates';
import { sessionRules } from './content-types/session/rules';
import { callRules } from './content-types/call/rules';
import { UID } from './content-types/uids';
import { getService } from './services/get-service';

const OUR_UIDS = new Set<string>(Object.values(UID));
/**
 * Whether a document-service action can change what the public sees. Public answers hold published
 * rows only, so publishing, unpublishing and deleting can, and so can a create, update or clone that
 * publishes at once (`status: 'published'`). Everything else writes drafts only (saving, discarding,
 * a new locale's draft, a submission): it neither touches the search index (published rows only) nor
 * gives public caches a new content version, so that a draft leaves no trace in any public answer,
 * not even as a changed ETag (issue #10), and the response cache survives editors' saves.
 * Strapi's document service actions: https://docs.strapi.io/cms/api/document-service
 */
const changesPublicContent = (action: string, params: Record<string, unknown>): boolean =>
  action === 'publish' ||
  action === 'unpublish' ||
  action === 'delete' ||
  ((action === 'create' || action === 'update' || action === 'clone') && params.status === 'published');

/**
 * Whether `documentId` has a published version in `locale` (a locale code), or in any locale when
 * `locale` is not one (undefined, `*`): the conservative answer, so a public change is never missed.
 */
const hasPublishedVersion = async (strapi: Core.Strapi, uid: string, documentId: string, locale: unknown): Promise<boolean> => {
  const where = {
    documentId,
    publishedAt: { $notNull: true },
    ...(typeof locale === 'string' && locale !== '*' ? { locale } : {}),
  };
  return (await strapi.db.query(uid).count({ where })) > 0;
};

interface DocumentContext {
  uid: string;
  action: string;
  params: { documentId?: string } & Record<string, unknown>;
}

const register = async ({ strapi }: { strapi: Core.Strapi }) => {
  // PostgreSQL: one instance at a time runs the schema sync, migrations and first seeding (released once the admin's bootstrap has run).
  await acquireStartupLock(strapi);
  // ... and the admin's bootstrap, which creates its roles after the plugins' bootstraps.
  holdStartupLockThroughAdmin(strapi);
  registerComponents(strapi);
  // the fiche fields the network keeps private (plugin option fiche.privateFields) are private in the schema
  applyFichePrivacy(strapi);
  registerCustomFields(strapi);

  // Requests Node's HTTP server refuses before Koa (a 20 KB URL: 431) are answered in Strapi's error format.
  answerClientErrors(strapi.server.httpServer);

  // Error answers (a draft's slug, a bad parameter) are never cached as they are: no-cache, no ETag (http/cache.ts).
  strapi.server.use(uncachedErrors() as Parameters<typeof strapi.server.use>[0]);

  // Without PUBLIC_URL, links are built from the request's Host: a malformed one is refused first (http/origin.ts).
  // Its refusals carry the security headers too.
  strapi.server.use(
    withHeadersOnEarlyAnswers(hostGuard(strapi), configuredSecurity(strapi, ['strapi::security'])) as Parameters<typeof strapi.server.use>[0]
  );
  const warning = publicUrlWarning(strapi);
  if (warning) strapi.log.warn(warning);

  // Files under /uploads are served inert: sandboxing CSP, nosniff, attachment unless an image, audio or video.
  strapi.server.use(uploadHeaders());

  // gzip or brotli for every answer the client accepts it for (JSON, feeds, calendars, exports, files),
  // the cache's fast path included, so mounted before it (see http/compression.ts).
  strapi.server.use(compression() as Parameters<typeof strapi.server.use>[0]);

  // Repeated public reads and revalidations are answered before Strapi's middleware stack.
  // They carry the same security headers as answers through the stack (the app's strapi::security, as configured).
  strapi.server.use(getService(strapi, 'cache').fastPath(configuredSecurity(strapi)) as Parameters<typeof strapi.server.use>[0]);

  // Submissions: CORS for allowed origins only, origin, content type and size checked before the body is read;
  // its refusals carry the security headers too (not strapi::cors: the guard answers CORS itself).
  strapi.server.use(
    withHeadersOnEarlyAnswers(submissionsGuard(strapi), configuredSecurity(strapi, ['strapi::security'])) as Parameters<typeof strapi.server.use>[0]
  );

  // The review decides what a submission becomes: no publication before approval, review fields only from the review.
  strapi.documents.use(reviewRulesMiddleware(strapi));
  // Partner sites: written by admins with the partners permission only; origins stored normalised, or refused (submissions/partner-sites.ts).
  strapi.documents.use(partnerSitesMiddleware(strapi));
  guardBulkPublish(strapi);
  // A call's assessment opening (phase open → assessment) tells its commission, after the commit (assessment/phase.ts).
  strapi.documents.use(phaseMiddleware(strapi));

  // After every write to the plugin's public content: keep the search index in step
  // and give public caches a new content version.
  const search = createSearchIndex(strapi);
  strapi.documents.use(async (context, next) => {
    const ctx: DocumentContext = context;
    // A delete or unpublish changes public content only when a published version was there: removing a
    // draft that never was public must leave no trace, not even a new ETag. Read in the caller's
    // transaction (strapi.db.query joins it), before the action.
    const removesPublished =
      OUR_UIDS.has(ctx.uid) && (ctx.action === 'delete' || ctx.action === 'unpublish') && ctx.params.documentId
        ? await hasPublishedVersion(strapi, ctx.uid, ctx.params.documentId, ctx.params.locale)
        : true;
    // The documents that show a topic's or an organisation's names, read before an unpublish or delete
    // takes their links to its published version away: they are re-indexed without it afterwards.
    const linkedBefore =
      removesPublished && ctx.params.documentId && (ctx.action === 'delete' || ctx.action === 'unpublish')
        ? await search.linkedDocuments(ctx.uid, ctx.params.documentId)
        : undefined;
    const result = await next();
    if (OUR_UIDS.has(ctx.uid) && removesPublished && changesPublicContent(ctx.action, ctx.params)) {
      const documentId =
        ctx.params.documentId ?? (result as { documentId?: string } | null | undefined)?.documentId;
      if (documentId) await search.indexDocument(ctx.uid, documentId, linkedBefore);
      await getService(strapi, 'cache').bump();
    }
    return result;
  });
  // Sessions: no end before the start; SEQUENCE (calendars) grows with each change of time, place or status.
  // Registered after the middleware above, so inside it: the schedule it shares with the other published
  // locales is written before the search index and the caches are told of the change.
  strapi.documents.use(sessionRules(strapi));
  // Calls: no closing before the opening (content-types/call/rules.ts).
  strapi.documents.use(callRules(strapi));
  // Sessions', calls' and statements' calendar dates: readable, years 1–9999 (content-types/dates.ts).
  strapi.documents.use(dateRules());
};

export default register;
