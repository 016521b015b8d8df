import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { UID } from '../../content-types/uids';
import { getService } from '../../services/get-service';
import type { HistoryEvent } from '../service';
import { historyOf } from '../review/service';
import type { Reviewer } from '../review/service';
import { asReviewProcess } from '../review/rules';
import { completionKey, submissionsConfig } from '../config';
import type { Delivery } from '../notifications';
import { formFields, type FormField } from './fields';
import { hashToken, newToken, signLink, verifyLink } from './token';
import { changes as diff, toData, toForm, type FieldChange, type FormValues } from './values';
import { longDate, pageTexts, type LinkRefusal } from './texts';
import type { CompletionLinkState } from '../../../../../cms/shared/completion';

/** The completion links' private content type (content-types/completion-link). */
export const COMPLETION_LINK_UID = 'plugin::solidarity.completion-link';

/** Path of the public completion page; the credential follows (`/complete/<credential>`). */
export const COMPLETION_PATH = '/complete';

/** The history events of completion links (besides the review's own). */
export const COMPLETION_ACTIONS = ['completion-sent', 'completion-revoked', 'completion-saved', 'completion-completed'] as const;
/** One of COMPLETION_ACTIONS. */
export type CompletionAction = (typeof COMPLETION_ACTIONS)[number];

interface LinkRow {
  id: number;
  practiceDocumentId: string;
  practiceLocale: string;
  tokenHash: string;
  expiresAt: string | Date;
  sentTo: string | null;
  revokedAt: string | Date | null;
  completedAt: string | Date | null;
  lastSavedAt: string | Date | null;
  createdAt: string | Date;
  createdBy?: { id: number; firstname?: string | null; lastname?: string | null; username?: string | null } | null;
}

interface DraftRow {
  id: number;
  documentId: string;
  locale: string;
  title: string;
  reviewStatus: string | null;
  reviewHistory: unknown;
  source: string | null;
  contact?: { name: string; email: string } | null;
  [key: string]: unknown;
}

/** A link's state as the review page shows it (never the token): cms/shared/completion.ts. */
export type LinkState = CompletionLinkState;

/** A link opened by the contact: either refused (and why, in which language), or the draft to complete. */
export type Opened =
  | { ok: false; refusal: LinkRefusal; locale: string | null }
  | { ok: true; link: LinkRow; draft: DraftRow; fields: FormField[]; values: FormValues; tokenHash: string };

const iso = (d: string | Date | null | undefined): string | null => (d ? new Date(d).toISOString() : null);
const isDocumentId = (id: string): boolean => /^[A-Za-z0-9_-]{1,128}$/.test(id);
const reviewerName = (u: Reviewer) =>
  [u.firstname, u.lastname].filter(Boolean).join(' ').trim() || u.username || `admin #${String(u.id)}`;

/**
 * Completing a submission's fiche with its contact (issue 15): an editor sends a private link
 * (./token.ts) by mail; the contact opens it (./page.ts), sees the draft as it stands in their
 * language and fills in what is missing; each save goes to the draft (never the published version)
 * with a record of what changed in the review history; "send it to the network" closes the link and
 * tells the editors. All state is in the database (several instances agree).
 */
const completionService = ({ strapi }: { strapi: Core.Strapi }) => {
  const links = () => strapi.db.query(COMPLETION_LINK_UID as never);
  const practices = () => strapi.db.query(UID.practice);
  const config = () => submissionsConfig(strapi);
  const key = () => completionKey(strapi, config());
  const fields = () => formFields(strapi.contentType(UID.practice).attributes as Record<string, unknown>);
  const requiredKeys = (): Set<string> => {
    const attributes = strapi.contentType(UID.practice).attributes as Record<string, { required?: boolean }>;
    return new Set(Object.entries(attributes).filter(([, a]) => a.required).map(([k]) => k));
  };

  const stateOf = (row: LinkRow, now = Date.now()): LinkState => ({
    state: row.completedAt ? 'completed' : row.revokedAt ? 'revoked' : new Date(row.expiresAt).getTime() <= now ? 'expired' : 'active',
    locale: row.practiceLocale,
    sentTo: row.sentTo,
    createdAt: iso(row.createdAt) ?? '',
    expiresAt: iso(row.expiresAt) ?? '',
    revokedAt: iso(row.revokedAt),
    completedAt: iso(row.completedAt),
    lastSavedAt: iso(row.lastSavedAt),
    createdBy: row.createdBy ? reviewerName(row.createdBy) : null,
  });

  /** The submission's first draft (the language it was sent in), with its contact. */
  const submission = async (documentId: string): Promise<DraftRow | null> => {
    if (!isDocumentId(documentId)) return null;
    const [row] = (await practices().findMany({
      where: { documentId, source: 'submission', publishedAt: { $null: true } },
      select: ['id', 'documentId', 'locale', 'title', 'reviewStatus', 'reviewHistory', 'source'],
      populate: { contact: true },
      orderBy: { id: 'asc' },
      limit: 1,
    })) as DraftRow[];
    return row ?? null;
  };

  const latest = async (documentId: string): Promise<LinkRow | null> =>
    ((await links().findOne({
      where: { practiceDocumentId: documentId },
      orderBy: { id: 'desc' },
      populate: { createdBy: { select: ['id', 'firstname', 'lastname', 'username'] } },
    })) as LinkRow | null) ?? null;

  /**
   * Adds `event` to the history of every row of the submission, in the caller's transaction when
   * there is one (rows locked on PostgreSQL, so that a review action at the same moment is kept).
   * `patch` instead rewrites the events it returns (a delivery state recorded after the fact).
   */
  const record = async (documentId: string, change: (history: HistoryEvent[]) => HistoryEvent[]): Promise<void> => {
    await strapi.db.transaction(async () => {
      const qb = strapi.db.entityManager.createQueryBuilder(UID.practice);
      qb.select(['id', 'reviewHistory', 'publishedAt', 'source']);
      qb.where({ documentId });
      qb.orderBy({ id: 'asc' });
      if (strapi.db.dialect.client === 'postgres') qb.forUpdate();
      const rows = await qb.execute<{ id: number; reviewHistory: unknown; publishedAt: string | null; source: string | null }[]>();
      const current = rows.find((r) => r.publishedAt === null);
      if (!current) return;
      await practices().updateMany({ where: { documentId }, data: { reviewHistory: change(historyOf(current.reviewHistory)) } });
    });
  };

  const notFound = (documentId: string) => new errors.NotFoundError(`No submission "${documentId}"`);

  /** The absolute URL of a credential: PUBLIC_URL (server.url), else the admin request's origin. */
  const urlOf = (origin: string, credential: string) => `${origin.replace(/\/+$/, '')}${COMPLETION_PATH}/${credential}`;

  return {
    /** The link's page path prefix, for the public routes. */
    path: COMPLETION_PATH,

    /** The latest link of a submission (or null), for the review page. 404: no such submission. */
    async state(documentId: string): Promise<{ data: LinkState | null; meta: { expiryDays: number; mail: { configured: boolean } } }> {
      const row = await submission(documentId);
      if (!row) throw notFound(documentId);
      const link = await latest(documentId);
      return {
        data: link ? stateOf(link) : null,
        meta: { expiryDays: config().completion.expiryDays, mail: { configured: getService(strapi, 'notifications').configured() } },
      };
    },

    /**
     * Sends (or sends again) the link: a new token, any older link of the submission revoked, the mail
     * to the contact in the submission's language, the event (with the mail's delivery) in the history.
     * Answers the state and, once, the link itself (`meta.url`: for an editor to pass it on by hand when
     * mail is not configured). 404: no submission; 400: rejected, or no contact address.
     */
    async send(documentId: string, user: Reviewer, origin: string) {
      const row = await submission(documentId);
      if (!row) throw notFound(documentId);
      if (row.reviewStatus === 'rejected') {
        throw new errors.ValidationError('A rejected submission cannot be completed', { errors: [] });
      }
      const email = row.contact?.email;
      if (!email) throw new errors.ValidationError('The submission has no contact address to send the link to', { errors: [] });
      const token = newToken();
      const now = new Date();
      const expiresAt = new Date(now.getTime() + config().completion.expiryDays * 86_400_000);
      expiresAt.setUTCMilliseconds(0);
      const credential = signLink(key(), { token, expiresAt: expiresAt.getTime(), locale: row.locale });
      const url = urlOf(origin, credential);
      const event: HistoryEvent = {
        at: now.toISOString(),
        action: 'completion-sent',
        from: (row.reviewStatus ?? 'submitted') as HistoryEvent['from'],
        to: (row.reviewStatus ?? 'submitted') as HistoryEvent['to'],
        by: { id: user.id, name: reviewerName(user) },
        locale: row.locale,
        expiresAt: expiresAt.toISOString(),
      };
      await strapi.db.transaction(async () => {
        const revoked = await links().updateMany({
          where: { practiceDocumentId: documentId, revokedAt: { $null: true }, completedAt: { $null: true } },
          data: { revokedAt: now },
        });
        if (revoked.count) event.resent = true;
        await links().create({
          data: {
            practiceDocumentId: documentId,
            practiceLocale: row.locale,
            tokenHash: hashToken(token),
            expiresAt,
            sentTo: email,
            createdBy: user.id,
          },
        });
        await record(documentId, (history) => [...history, event]);
      });
      const texts = pageTexts(row.locale);
      const mail: Delivery = await getService(strapi, 'notifications').completionLink({
        to: email,
        subject: texts.mailSubject(row.title),
        text: texts.mail({ name: row.contact?.name ?? '', title: row.title, network: String(strapi.plugin('solidarity').config('networkName') ?? 'Solidarity Commons'), url, until: longDate(row.locale, expiresAt), id: documentId }),
      });
      await record(documentId, (history) => history.map((e) => (e.at === event.at && e.action === event.action ? { ...e, mail } : e)));
      strapi.log.info(`Submission ${documentId}: completion link ${event.resent ? 're-sent' : 'sent'} by admin #${String(user.id)} (mail ${mail})`);
      const state = await this.state(documentId);
      return { ...state, meta: { ...state.meta, url, event: { ...event, mail } } };
    },

    /** Revokes the submission's open link; 404 when there is none (or no such submission). */
    async revoke(documentId: string, user: Reviewer) {
      const row = await submission(documentId);
      if (!row) throw notFound(documentId);
      const now = new Date();
      const event: HistoryEvent = {
        at: now.toISOString(),
        action: 'completion-revoked',
        from: (row.reviewStatus ?? 'submitted') as HistoryEvent['from'],
        to: (row.reviewStatus ?? 'submitted') as HistoryEvent['to'],
        by: { id: user.id, name: reviewerName(user) },
      };
      await strapi.db.transaction(async () => {
        const { count } = await links().updateMany({
          where: { practiceDocumentId: documentId, revokedAt: { $null: true }, completedAt: { $null: true } },
          data: { revokedAt: now },
        });
        if (!count) throw new errors.NotFoundError('This submission has no open completion link');
        await record(documentId, (history) => [...history, event]);
      });
      return this.state(documentId);
    },

    /**
     * The link behind a credential, checked in this order: signature (404 page, no lookup), expiry
     * in the link (410, no lookup), the stored link (404 when unknown; 410 completed, revoked or
     * expired), the submission's draft in the link's language (404 when erased).
     */
    async open(credential: string, now = Date.now()): Promise<Opened> {
      const signed = verifyLink(key(), credential);
      if (!signed) return { ok: false, refusal: 'invalid', locale: null };
      if (signed.expiresAt <= now) return { ok: false, refusal: 'expired', locale: signed.locale };
      const tokenHash = hashToken(signed.token);
      const link = (await links().findOne({ where: { tokenHash } })) as LinkRow | null;
      if (!link || link.practiceLocale !== signed.locale) return { ok: false, refusal: 'invalid', locale: signed.locale };
      const state = stateOf(link, now).state;
      if (state !== 'active') return { ok: false, refusal: state, locale: signed.locale };
      const list = fields();
      const components = Object.fromEntries(list.filter((f) => f.kind === 'component').map((f) => [f.key, true]));
      const [draft] = (await practices().findMany({
        where: { documentId: link.practiceDocumentId, locale: link.practiceLocale, publishedAt: { $null: true } },
        populate: { contact: true, ...components },
        limit: 1,
      })) as DraftRow[];
      if (!draft) return { ok: false, refusal: 'invalid', locale: signed.locale };
      // a rejected submission's link is no longer valid (rejecting revokes it; an older link too)
      if (draft.reviewStatus === 'rejected') return { ok: false, refusal: 'revoked', locale: signed.locale };
      return { ok: true, link, draft, fields: list, values: toForm(list, draft), tokenHash };
    },

    /** The keys the practice's schema requires (the form refuses to empty them). */
    requiredKeys,

    /**
     * Saves the contact's values to the draft in the link's language (never publishes), records
     * what changed, and with `complete` closes the link (once: a second completion gets `completed`)
     * and tells the editors after the answer. The link is checked again inside the transaction.
     */
    async save(opened: Extract<Opened, { ok: true }>, values: FormValues, complete: boolean): Promise<{ ok: true; changed: FieldChange[] } | { ok: false; refusal: LinkRefusal }> {
      const { link, draft, fields: list } = opened;
      const changed = diff(list, opened.values, values);
      const now = new Date();
      const documentId = link.practiceDocumentId;
      const status = (draft.reviewStatus ?? 'submitted') as HistoryEvent['to'];
      const refusal = await strapi.db.transaction(async (): Promise<LinkRefusal | null> => {
        const qb = strapi.db.entityManager.createQueryBuilder(COMPLETION_LINK_UID as never);
        qb.select(['id', 'revokedAt', 'completedAt', 'expiresAt']);
        qb.where({ id: link.id });
        if (strapi.db.dialect.client === 'postgres') qb.forUpdate();
        const [current] = await qb.execute<LinkRow[]>();
        if (!current) return 'invalid';
        const state = stateOf({ ...link, ...current }, now.getTime()).state;
        if (state !== 'active') return state;
        if (changed.length) {
          const documents: { update(p: object): Promise<unknown> } = strapi.documents(UID.practice);
          await asReviewProcess('review', () =>
            documents.update({ documentId, locale: link.practiceLocale, status: 'draft', data: toData(list, values, changed) })
          );
        }
        const events: HistoryEvent[] = [];
        if (changed.length) {
          events.push({ at: now.toISOString(), action: 'completion-saved', from: status, to: status, by: null, locale: link.practiceLocale, changes: changed });
        }
        if (complete) events.push({ at: now.toISOString(), action: 'completion-completed', from: status, to: status, by: null, locale: link.practiceLocale });
        if (events.length) await record(documentId, (history) => [...history, ...events]);
        await links().update({
          where: { id: link.id },
          data: { ...(changed.length ? { lastSavedAt: now } : {}), ...(complete ? { completedAt: now } : {}) },
        });
        return null;
      });
      if (refusal) return { ok: false, refusal };
      // after the answer, tracked by the notifications service (which shutdown waits for)
      if (complete) getService(strapi, 'notifications').later('Completion notice', () => this.tellEditors(documentId, draft, now.toISOString()));
      return { ok: true, changed };
    },

    /** The editors' mail when a contact sent their fiche, its delivery recorded on the `completion-completed` event. */
    async tellEditors(documentId: string, draft: DraftRow, at: string): Promise<void> {
      const [row] = (await practices().findMany({ where: { id: draft.id }, select: ['reviewHistory'], limit: 1 })) as DraftRow[];
      const history = historyOf(row?.reviewHistory);
      const sent = history.map((e, i) => (e.action === 'completion-sent' ? i : -1)).filter((i) => i >= 0).pop() ?? -1;
      const fieldsChanged = [
        ...new Set(history.slice(sent + 1).flatMap((e) => (e.action === 'completion-saved' ? (e.changes ?? []).map((c) => c.field) : []))),
      ];
      const mail = await getService(strapi, 'notifications').completed({ documentId, locale: draft.locale, title: draft.title, fields: fieldsChanged });
      await record(documentId, (events) => events.map((e) => (e.action === 'completion-completed' && e.at === at ? { ...e, mailEditors: mail } : e)));
    },

    /** Deletes a submission's links (its erasure). */
    async erase(documentId: string): Promise<void> {
      await links().deleteMany({ where: { practiceDocumentId: documentId } });
    },
  };
};

export type CompletionService = ReturnType<typeof completionService>;
export default completionService;
