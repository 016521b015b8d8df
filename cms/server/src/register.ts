import type { Core } from '@strapi/strapi';
import { registerComponents } from './components';
import { createSearchIndex } from './search';
import { acquireStartupLock } from './startup-lock';
import { submissionsGuard } from './submissions/guard';
import { guardBulkPublish, reviewRulesMiddleware } from './submissions/review-rules';
import { UID } from './uids';

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

  // Repeated public reads and revalidations are answered before Strapi's middleware stack.
  strapi.server.use(
    (strapi.plugin('solidarity').service('cache') as unknown as { fastPath(): Parameters<typeof strapi.server.use>[0] }).fastPath()
  );

  // Submissions: CORS for allowed origins only, origin, content type and size checked before the body is read.
  strapi.server.use(submissionsGuard(strapi));

  // The review decides what a submission becomes: no publication before approval, review fields only from the review.
  strapi.documents.use(reviewRulesMiddleware(strapi));
  guardBulkPublish(strapi);

  // After every write to the plugin's content: keep the search index in step
  // and give public caches a new content version.
  const search = createSearchIndex(strapi);
  strapi.documents.use(async (context, next) => {
    const ctx = context as unknown as DocumentContext;
    const result = await next();
    if (OUR_UIDS.has(ctx.uid) && WRITES.has(ctx.action)) {
      const documentId =
        ctx.params.documentId ?? (result as { documentId?: string } | null | undefined)?.documentId;
      if (documentId) await search.indexDocument(ctx.uid, documentId);
      await (strapi.plugin('solidarity').service('cache') as unknown as { bump(): Promise<void> }).bump();
    }
    return result;
  });
};

export default register;
