import type { Core } from '@strapi/strapi';
import { registerComponents } from './components';
import { registerCustomFields } from './content-types/custom-fields';
import { configuredSecurity, withHeadersOnEarlyAnswers } from './http/security-headers';
import { createSearchIndex } from './search';
import { acquireStartupLock } from './setup/startup-lock';
import { submissionsGuard } from './submissions/guard';
import { guardBulkPublish, reviewRulesMiddleware } from './submissions/review/rules';
import { uploadHeaders } from './uploads/serve';
import { UID } from './content-types/uids';
import { getService } from './services/get-service';

const OUR_UIDS = new Set<string>(Object.values(UID));
const WRITES = new Set(['create', 'update', 'delete', 'publish', 'unpublish', 'discardDraft', 'clone']);

interface DocumentContext {
  uid: string;
  action: string;
  params: { documentId?: string } & Record<string, unknown>;
}

const register = async ({ strapi }: { strapi: Core.Strapi }) => {
  // PostgreSQL: one instance at a time runs the schema sync, migrations and first seeding (released at the end of bootstrap).
  await acquireStartupLock(strapi);
  registerComponents(strapi);
  registerCustomFields(strapi);

  // Files under /uploads are served inert: sandboxing CSP, nosniff, attachment unless an image, audio or video.
  strapi.server.use(uploadHeaders());

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
  guardBulkPublish(strapi);

  // After every write to the plugin's content: keep the search index in step
  // and give public caches a new content version.
  const search = createSearchIndex(strapi);
  strapi.documents.use(async (context, next) => {
    const ctx: DocumentContext = context;
    const result = await next();
    if (OUR_UIDS.has(ctx.uid) && WRITES.has(ctx.action)) {
      const documentId =
        ctx.params.documentId ?? (result as { documentId?: string } | null | undefined)?.documentId;
      if (documentId) await search.indexDocument(ctx.uid, documentId);
      await getService(strapi, 'cache').bump();
    }
    return result;
  });
};

export default register;
