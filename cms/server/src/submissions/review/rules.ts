import { AsyncLocalStorage } from 'node:async_hooks';
import { isDeepStrictEqual } from 'node:util';
import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { UID } from '../../content-types/uids';
import { fieldError } from '../../http/errors';
import { requestLanguage, WORDS, type MessageLanguage } from './messages';
import type { ReviewStatus } from '../../content-types/vocabulary';

/**
 * The review decides what a submission becomes (issue #9).
 *
 * Rule 1, publication: a practice whose review status is submitted, in review,
 * needs info or rejected (or a submission with no status at all) cannot be
 * published by any caller of the document service (Content Manager single and
 * bulk publish, create-and-publish, `create`/`update` with `status:
 * 'published'`, other plugins). Only the review's `approve` action publishes
 * submissions. Editors' own practices (`source: 'editor'`, the default, with no
 * review status) publish as any document does.
 *
 * Rule 2, review fields ({@link REVIEW_FIELDS}): they are written only by the
 * review actions, the submission form and the seeder. A write made while
 * serving an HTTP request (the Content Manager, the content API, any route)
 * that CHANGES one of them is refused with a 400 ValidationError naming the
 * field and the Submissions page. Sending the stored value unchanged is
 * accepted, because the Content Manager's edit form always sends every field.
 * A refused write stores nothing (the whole request's transaction is rolled
 * back). Server code running outside a request (bootstrap, `npm run seed`,
 * migrations) is the operator's own and is not restricted by rule 2.
 *
 * The plugin's own writers run inside {@link asReviewProcess}, an
 * AsyncLocalStorage context: it covers exactly their own async call chain, so
 * it is safe under concurrency (a Content Manager request running at the same
 * moment is not covered) and with several instances (nothing is shared).
 */

/** Private fields that only the review process writes (see the practice schema). */
export const REVIEW_FIELDS = ['reviewStatus', 'reviewHistory', 'reviewNotes', 'submittedAt', 'source'] as const;
/** One of REVIEW_FIELDS. */
export type ReviewField = (typeof REVIEW_FIELDS)[number];

/** Statuses from which a practice must not be published. */
export const UNPUBLISHABLE_STATUSES: readonly ReviewStatus[] = ['submitted', 'in-review', 'needs-info', 'rejected'];

/** Who is writing review fields in a {@link asReviewProcess} context. */
export type ReviewProcess = 'review' | 'submission' | 'seed';

const running = new AsyncLocalStorage<{ by: ReviewProcess }>();

/**
 * Runs `fn` as the review process: inside it (and everything it awaits), the
 * document service lets `fn` write review fields and publish submissions.
 * Only the plugin's review actions, submission service and seeder use it.
 */
export const asReviewProcess = <T>(by: ReviewProcess, fn: () => Promise<T>): Promise<T> => running.run({ by }, fn);

/** The review process running in this async context, if any. */
export const currentReviewProcess = (): ReviewProcess | undefined => running.getStore()?.by;

/** Where editors act on submissions (the plugin's admin page), in English. */
export const SUBMISSIONS_PAGE = WORDS.en.page(WORDS.en.menu);

interface ReviewState {
  reviewStatus: ReviewStatus | null;
  source: string;
}

interface StoredRow extends Partial<Record<ReviewField, unknown>> {
  title?: string | null;
  publishedAt?: string | Date | null;
}

/** Defaults of a new practice: what a Content Manager create may send. */
const NEW_PRACTICE: Record<ReviewField, unknown> = {
  reviewStatus: null,
  reviewHistory: null,
  reviewNotes: null,
  submittedAt: null,
  source: 'editor',
};

/** A comparable form of a review field's value (database rows and admin forms spell empty and dates differently). */
const normalize = (field: ReviewField, value: unknown): unknown => {
  if (value === undefined || value === '') value = null;
  switch (field) {
    case 'source':
      return value ?? 'editor';
    case 'submittedAt': {
      if (value === null) return null;
      const time = new Date(value as string | number | Date).getTime();
      return Number.isNaN(time) ? String(value) : time;
    }
    case 'reviewHistory': {
      let parsed = value;
      if (typeof value === 'string') {
        try {
          parsed = JSON.parse(value) as unknown;
        } catch {
          return value;
        }
      }
      return parsed === null ? null : (JSON.parse(JSON.stringify(parsed)) as unknown);
    }
    default:
      return value;
  }
};

/** Whether a practice in this state may be published. */
export const isPublishable = (state: ReviewState): boolean =>
  !(state.reviewStatus && UNPUBLISHABLE_STATUSES.includes(state.reviewStatus)) &&
  !(state.source === 'submission' && state.reviewStatus !== 'approved');

/** The 400 answer to publishing a submission the review has not approved, in the editor's language. */
export const notPublishable = (state: ReviewState, title?: string | null, lang: MessageLanguage = 'en'): errors.ApplicationError => {
  const words = WORDS[lang];
  const what = title ? `“${title}”` : words.thisPractice;
  const page = words.page(words.menu);
  const message =
    state.reviewStatus === 'rejected'
      ? words.rejected(what, page)
      : words.underReview(what, state.reviewStatus ? words.status[state.reviewStatus] : words.noStatus, page);
  return new errors.ApplicationError(message, {
    reviewStatus: state.reviewStatus,
    submissionsPage: '/admin/plugins/solidarity/submissions',
  });
};

const reviewFieldsChanged = (fields: ReviewField[], lang: MessageLanguage = 'en'): errors.ValidationError => {
  const words = WORDS[lang];
  const page = words.page(words.menu);
  const message = words.fieldsChanged(fields.map((f) => words.field[f]).join(', '), fields.length > 1, page);
  return new errors.ValidationError(message, {
    errors: fields.map((f) => fieldError([f], words.fieldError(page))),
  });
};

interface DocumentContext {
  uid: string;
  action: string;
  params: {
    documentId?: string;
    data?: Record<string, unknown>;
    status?: string;
  } & Record<string, unknown>;
}

type Middleware = Parameters<Core.Strapi['documents']['use']>[0];

/**
 * The document-service middleware enforcing both rules on practices. It reads
 * the stored rows with `strapi.db.query`, which joins the caller's transaction.
 */
export const reviewRulesMiddleware = (strapi: Core.Strapi): Middleware => {
  // Looked up per call: the middleware is made in the register phase, before the models are loaded.
  const practices = (): { findMany(p: object): Promise<StoredRow[]> } => strapi.db.query(UID.practice);
  const rows = (documentId: string) =>
    practices().findMany({
      where: { documentId },
      select: [...REVIEW_FIELDS, 'title', 'publishedAt'],
      orderBy: { id: 'asc' },
    });

  const stateOf = (values: Partial<Record<ReviewField, unknown>>): ReviewState => ({
    reviewStatus: (normalize('reviewStatus', values.reviewStatus) as ReviewStatus | null) ?? null,
    source: normalize('source', values.source) as string,
  });

  return async (context, next) => {
    const ctx: DocumentContext = context;
    if (ctx.uid !== UID.practice || currentReviewProcess()) return next();
    const { action, params } = ctx;

    if (action === 'publish') {
      if (!params.documentId) return next();
      const drafts = (await rows(params.documentId)).filter((r) => !r.publishedAt);
      for (const row of drafts) {
        const state = stateOf(row);
        if (!isPublishable(state)) throw notPublishable(state, row.title, requestLanguage(strapi));
      }
      return next();
    }

    if (action !== 'create' && action !== 'update' && action !== 'clone') return next();
    const data = params.data ?? {};
    const stored: StoredRow | undefined =
      action === 'create'
        ? NEW_PRACTICE
        : params.documentId
          ? ((await rows(params.documentId))[0] ?? NEW_PRACTICE)
          : NEW_PRACTICE;

    const sent = REVIEW_FIELDS.filter((f) => Object.prototype.hasOwnProperty.call(data, f));
    if (sent.length && strapi.requestContext.get()) {
      const changed = sent.filter((f) => !isDeepStrictEqual(normalize(f, data[f]), normalize(f, stored[f])));
      if (changed.length) throw reviewFieldsChanged(changed, requestLanguage(strapi));
    }

    if (params.status === 'published' && action !== 'clone') {
      const state = stateOf({
        ...stored,
        ...Object.fromEntries(sent.map((f) => [f, data[f]])),
      });
      if (!isPublishable(state)) throw notPublishable(state, (data.title as string | undefined) ?? stored.title, requestLanguage(strapi));
    }
    return next();
  };
};

interface AdminRoute {
  method: string;
  path: string;
  config?: { middlewares?: unknown[] } & Record<string, unknown>;
}

interface KoaContext {
  params: Record<string, string | undefined>;
  request: { body?: unknown };
}

/**
 * The Content Manager's bulk publish publishes its documents concurrently
 * inside one transaction; when one of them is refused, Strapi rolls back but
 * the others may still finish outside it. So that a bulk publish with one
 * unapproved submission publishes nothing, the whole list is checked before
 * the controller starts (the document-service rule above still applies to each
 * document). Added to the route's own middlewares: after authentication, the
 * permission policies and the body parser.
 */
export const guardBulkPublish = (strapi: Core.Strapi): void => {
  // Strapi types a plugin's routes loosely (an array or a record of router configs); the content manager's are a record.
  const plugin = strapi.plugin('content-manager') as unknown as { routes: Record<string, { routes?: AdminRoute[] }> };
  const route = Object.values(plugin.routes)
    .flatMap((r) => r.routes ?? [])
    .find((r) => r.method === 'POST' && r.path === '/collection-types/:model/actions/bulkPublish');
  if (!route) throw new Error('Content Manager bulk publish route not found: the review rules cannot guard it');
  route.config ??= {};
  route.config.middlewares = [
    ...(route.config.middlewares ?? []),
    async (ctx: KoaContext, next: () => Promise<unknown>) => {
      const documentIds = (ctx.request.body as { documentIds?: unknown } | undefined)?.documentIds;
      if (ctx.params.model === UID.practice && Array.isArray(documentIds) && documentIds.length && !currentReviewProcess()) {
        const practices: { findMany(p: object): Promise<StoredRow[]> } = strapi.db.query(UID.practice);
        const drafts = (await practices.findMany({
          where: { documentId: { $in: documentIds.filter((id): id is string => typeof id === 'string') }, publishedAt: { $null: true } },
          select: ['reviewStatus', 'source', 'title'],
          orderBy: { id: 'asc' },
        })) as StoredRow[];
        for (const row of drafts) {
          const state = {
            reviewStatus: (normalize('reviewStatus', row.reviewStatus) as ReviewStatus | null) ?? null,
            source: normalize('source', row.source) as string,
          };
          if (!isPublishable(state)) throw notPublishable(state, row.title, requestLanguage(strapi));
        }
      }
      return next();
    },
  ];
};
