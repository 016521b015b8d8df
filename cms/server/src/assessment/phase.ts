import type { Core } from '@strapi/strapi';
import { UID } from '../content-types/uids';
import { getService } from '../services/get-service';

type Middleware = Parameters<Core.Strapi['documents']['use']>[0];

interface DocumentContext {
  uid: string;
  action: string;
  params: { documentId?: string; data?: Record<string, unknown> } & Record<string, unknown>;
}

interface RequestUser {
  id?: number | string;
  firstname?: string | null;
  lastname?: string | null;
  username?: string | null;
}

/**
 * The document-service middleware that notices a call's assessment opening: an update that moves
 * a call's phase from open (or none) to assessment, whoever makes it (the Content Manager, the
 * assessment page's `openAssessment`, other plugins). The stored phase is read in the caller's
 * transaction (strapi.db.query joins it); the commission is told once that transaction commits
 * (never if it rolls back), after the answer (assessment/service.ts `assessmentOpened`).
 */
export const phaseMiddleware = (strapi: Core.Strapi): Middleware => {
  return async (context, next) => {
    const ctx: DocumentContext = context;
    if (ctx.uid !== UID.call || ctx.action !== 'update' || !ctx.params.documentId || ctx.params.data?.phase !== 'assessment') return next();
    const documentId = ctx.params.documentId;
    const calls: { findMany(p: object): Promise<{ phase: string | null }[]> } = strapi.db.query(UID.call);
    const [before] = await calls.findMany({ where: { documentId, publishedAt: { $null: true } }, select: ['phase'], orderBy: { id: 'asc' }, limit: 1 });
    const result = await next();
    if (before && before.phase !== 'assessment' && before.phase !== 'results') {
      const user = (strapi.requestContext.get()?.state as { user?: RequestUser } | undefined)?.user;
      const by = user?.id
        ? { id: Number(user.id), name: [user.firstname, user.lastname].filter(Boolean).join(' ').trim() || user.username || `admin #${String(user.id)}` }
        : null;
      getService(strapi, 'notifications').afterCommit('Assessment notices', () => getService(strapi, 'assessment').assessmentOpened(documentId, by));
    }
    return result;
  };
};
