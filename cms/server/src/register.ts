import type { Core } from '@strapi/strapi';
import { registerComponents } from './components';
import { createSearchIndex } from './search';
import { submissionsGuard } from './submissions/guard';
import { UID } from './content-types/uids';
import { getService } from './services/get-service';

const OUR_UIDS = new Set<string>(Object.values(UID));
const WRITES = new Set(['create', 'update', 'delete', 'publish', 'unpublish', 'discardDraft', 'clone']);

interface DocumentContext {
  uid: string;
  action: string;
  params: { documentId?: string } & Record<string, unknown>;
}

const register = ({ strapi }: { strapi: Core.Strapi }) => {
  registerComponents(strapi);

  // Repeated public reads and revalidations are answered before Strapi's middleware stack.
  strapi.server.use(
    getService(strapi, 'cache').fastPath()
  );

  // Submissions: CORS for allowed origins only, origin, content type and size checked before the body is read.
  strapi.server.use(submissionsGuard(strapi));

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
