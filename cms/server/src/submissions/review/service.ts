import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import type { Knex } from 'knex';
import { z } from 'zod';
import { blocksToText } from '../../seed/blocks';
import { UID } from '../../content-types/uids';
import { HttpProblem } from '../../http/problems';
import { fieldError, invalidField } from '../../http/errors';
import { REVIEW_ACTIONS, REVIEW_STATUSES, type ReviewAction, type ReviewStatus } from '../../content-types/vocabulary';
import type { HistoryEvent, SubmittedPromoter } from '../service';
import type { Delivery } from '../notifications';
import { getService } from '../../services/get-service';
import { asReviewProcess } from './rules';
import { COMPLETION_LINK_UID } from '../completion/service';
import { ficheVisibilityOf } from '../../content-types/fiche';


/** Which status each action leads to, from which statuses, and whether it needs a note. */
export const TRANSITIONS: Record<ReviewAction, { from: readonly ReviewStatus[]; to: ReviewStatus; note: 'required' | 'optional' }> = {
  'start-review': { from: ['submitted', 'needs-info'], to: 'in-review', note: 'optional' },
  'request-info': { from: ['submitted', 'in-review'], to: 'needs-info', note: 'required' },
  approve: { from: ['in-review'], to: 'approved', note: 'optional' },
  reject: { from: ['submitted', 'in-review', 'needs-info'], to: 'rejected', note: 'required' },
};

export interface Reviewer {
  id: number | string;
  firstname?: string | null;
  lastname?: string | null;
  username?: string | null;
}

/** Whether `id` can be a documentId (Strapi makes them of [a-z0-9]; at most 128 characters accepted here). */
const isDocumentId = (id: string): boolean => /^[A-Za-z0-9_-]{1,128}$/.test(id);

const reviewerName = (u: Reviewer) =>
  [u.firstname, u.lastname].filter(Boolean).join(' ').trim() || u.username || `admin #${String(u.id)}`;

/** Text of a query parameter: PostgreSQL refuses a NUL byte in text (a 500 if it reached the database). */
const queryText = z.string().trim().min(1).max(200).refine((s) => !s.includes('\u0000'), 'must not contain a NUL character');

const listQuery = z.strictObject({
  status: z.enum(REVIEW_STATUSES).optional(),
  call: queryText.optional(),
  q: queryText.optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(25),
});

const actionBody = z.strictObject({
  action: z.enum(REVIEW_ACTIONS, { error: `must be one of ${REVIEW_ACTIONS.join(', ')}` }),
  note: z
    .string()
    .transform((s) => s.trim())
    .pipe(z.string().max(5000, 'must be at most 5000 characters'))
    .optional(),
  expectedStatus: z.enum(REVIEW_STATUSES, { error: `must be the status you saw: one of ${REVIEW_STATUSES.join(', ')}` }),
});

const invalid = (error: z.ZodError, what: string) => {
  const list = error.issues.flatMap((i) =>
    i.code === 'unrecognized_keys'
      ? i.keys.map((k) => fieldError([...i.path.map(String), k], `is not a ${what}`))
      : [fieldError(i.path.map(String), i.message)]
  );
  const first = list[0];
  return new errors.ValidationError(first ? `${first.path.join('.') || what}: ${first.message}` : `Invalid ${what}`, {
    errors: list,
  });
};

interface PracticeRow {
  id: number;
  documentId: string;
  locale: string;
  title: string;
  summary: string;
  slug: string;
  body?: unknown;
  municipality: string | null;
  region: string | null;
  country: string | null;
  reviewStatus: ReviewStatus | null;
  reviewNotes: string | null;
  reviewHistory: unknown;
  submittedAt: string | null;
  source: string | null;
  publishedAt: string | null;
  createdAt: string;
  updatedAt: string;
  contact?: { name: string; email: string; phone: string | null; role: string | null } | null;
  topics?: { slug: string; name: string }[];
  promoters?: { documentId: string; slug: string; name: string; country: string | null; website: string | null }[];
  call?: { documentId: string; slug: string; title: string; opensAt: string; closesAt: string } | null;
  /** the fiche's texts and budget range (FICHE_SCALARS), read for the detail only */
  [fiche: string]: unknown;
  figures?: { label: string | null; value: number | string | null; unit: string | null }[];
  partners?: { name: string | null; website: string | null; role: string | null }[];
}

/** The fiche's columns (cms/shared/fiche.ts) the review page shows, read for one submission only. */
const FICHE_SCALARS = ['context', 'objectives', 'beneficiaries', 'activities', 'resources', 'budgetRange', 'budgetDetails', 'results', 'replicability', 'lessons'];

/** The fiche of a row as the review page shows it: each text (or null), the figures and the partners. */
const ficheOf = (row: PracticeRow) => ({
  ...Object.fromEntries(FICHE_SCALARS.map((key) => [key, typeof row[key] === 'string' && row[key] !== '' ? row[key] : null])),
  figures: (row.figures ?? []).map((f) => ({ label: f.label ?? null, value: f.value === null || f.value === undefined ? null : Number(f.value), unit: f.unit ?? null })),
  partners: (row.partners ?? []).map((p) => ({ name: p.name ?? null, website: p.website ?? null, role: p.role ?? null })),
  startedOn: typeof row.startedOn === 'string' ? row.startedOn : null,
  endedOn: typeof row.endedOn === 'string' ? row.endedOn : null,
});

const SCALARS = [
  'id',
  'documentId',
  'locale',
  'title',
  'summary',
  'slug',
  'municipality',
  'region',
  'country',
  'reviewStatus',
  'reviewNotes',
  'reviewHistory',
  'submittedAt',
  'source',
  'publishedAt',
  'createdAt',
  'updatedAt',
];

const POPULATE = {
  contact: true,
  topics: { select: ['slug', 'name'] },
  promoters: { select: ['documentId', 'slug', 'name', 'country', 'website'] },
  call: { select: ['documentId', 'slug', 'title', 'opensAt', 'closesAt'] },
};

/** The history of a row (JSON, written by the review only, see review-rules.ts; anything but a list counts as none). */
export const historyOf = (value: unknown): HistoryEvent[] => {
  let parsed = value;
  if (typeof value === 'string') {
    try {
      parsed = JSON.parse(value) as unknown;
    } catch {
      parsed = null;
    }
  }
  return Array.isArray(parsed) ? (parsed.filter((e) => e && typeof e === 'object') as HistoryEvent[]) : [];
};

const isoOrNull = (d: string | Date | null | undefined) => (d ? new Date(d).toISOString() : null);

const promoterBody = z.strictObject({
  action: z.enum(['confirm', 'merge'], { error: 'must be confirm or merge' }),
  organisation: z.string().regex(/^[A-Za-z0-9_-]{1,128}$/, 'must be the documentId of an organisation linked to the submission'),
  into: z.string().regex(/^[A-Za-z0-9_-]{1,128}$/, 'must be the documentId of a published organisation').optional(),
});

/** The promoters as sent, from the submission's `submit` event (history written before 2026-12 has none). */
const sentPromoters = (history: HistoryEvent[]): SubmittedPromoter[] =>
  (history.find((e) => e.action === 'submit')?.promoters ?? []).filter((p) => p && typeof p.documentId === 'string');

/**
 * A submission as the review page shows it. Texts are returned as text: render them as text, never as HTML.
 * Each promoter says whether the organisation is `confirmed` (has a published version; a new one is a draft
 * made from the submission, published with the practice unless merged first) and what was `submitted` for it
 * (name, website, country as sent: the stored organisation's website may differ).
 */
const present = (row: PracticeRow, published: boolean, detail: boolean, confirmed: Set<string> = new Set()) => ({
  documentId: row.documentId,
  locale: row.locale,
  title: row.title,
  summary: row.summary,
  slug: row.slug,
  status: row.reviewStatus,
  published,
  submittedAt: isoOrNull(row.submittedAt),
  updatedAt: isoOrNull(row.updatedAt),
  territory: { municipality: row.municipality, region: row.region, country: row.country },
  call: row.call
    ? { documentId: row.call.documentId, slug: row.call.slug, title: row.call.title, opensAt: isoOrNull(row.call.opensAt), closesAt: isoOrNull(row.call.closesAt) }
    : null,
  topics: (row.topics ?? []).map((t) => ({ slug: t.slug, name: t.name })),
  promoters: (row.promoters ?? []).map((p) => {
    const sent = sentPromoters(historyOf(row.reviewHistory)).find((s) => s.documentId === p.documentId);
    return {
      documentId: p.documentId,
      slug: p.slug,
      name: p.name,
      country: p.country,
      website: p.website,
      confirmed: confirmed.has(p.documentId),
      submitted: sent ? { name: sent.name, website: sent.website ?? null, country: sent.country ?? null } : null,
    };
  }),
  contact: row.contact
    ? { name: row.contact.name, email: row.contact.email, phone: row.contact.phone ?? null, role: row.contact.role ?? null }
    : null,
  reviewNotes: row.reviewNotes,
  ...(detail
    ? {
        body: Array.isArray(row.body) ? row.body : [],
        bodyText: blocksToText(row.body),
        events: historyOf(row.reviewHistory),
        fiche: ficheOf(row),
      }
    : {}),
});

/** A review action as decided from the request, before anything is read or written. */
interface Decision {
  action: ReviewAction;
  note: string | undefined;
  /** the status the reviewer saw */
  expectedStatus: ReviewStatus;
  rule: (typeof TRANSITIONS)[ReviewAction];
  /** the history event this action adds */
  event: HistoryEvent;
}

/** A review action applied: the submission's row as it was, and its history with the new event. */
interface Applied {
  before: PracticeRow;
  history: HistoryEvent[];
}

/**
 * The technical commission's side: lists submissions with their contact,
 * moves them through the review statuses (recording who and when), publishes
 * approved ones and erases them on request.
 */
const reviewService = ({ strapi }: { strapi: Core.Strapi }) => {
  const notifications = () => getService(strapi, 'notifications');
  const practices = (): {
    findMany(p: object): Promise<PracticeRow[]>;
    findOne(p: object): Promise<PracticeRow | null>;
    count(p: object): Promise<number>;
    updateMany(p: object): Promise<{ count: number }>;
  } => strapi.db.query(UID.practice);
  const knex = (): Knex => strapi.db.connection;
  const column = (attribute: string) => {
    const meta = strapi.db.metadata.get(UID.practice);
    const attr = meta.attributes[attribute];
    return { table: meta.tableName, name: (attr && 'columnName' in attr ? attr.columnName : undefined) ?? attribute };
  };

  /** The row each submission is listed by: its first draft (the language it was sent in). */
  const originalIds = async (): Promise<number[]> => {
    const { table, name: source } = column('source');
    const documentId = column('documentId').name;
    const publishedAt = column('publishedAt').name;
    const rows = (await knex()(table)
      .min({ id: 'id' })
      .where(source, 'submission')
      .whereNull(publishedAt)
      .groupBy(documentId)) as { id: number | string }[];
    return rows.map((r) => Number(r.id));
  };

  const original = async (documentId: string, populate = true): Promise<PracticeRow | null> => {
    // not a documentId Strapi makes ([a-z0-9]): no submission has it, and a NUL byte would be a 500 on PostgreSQL
    if (!isDocumentId(documentId)) return null;
    const [row] = await practices().findMany({
      where: { documentId, source: 'submission', publishedAt: { $null: true } },
      select: [...SCALARS, 'body', ...FICHE_SCALARS, 'startedOn', 'endedOn'],
      ...(populate ? { populate: { ...POPULATE, figures: true, partners: true } } : {}),
      orderBy: { id: 'asc' },
      limit: 1,
    });
    return row ?? null;
  };

  /** Of these organisations, those with a published version. */
  const publishedOrganisations = async (documentIds: string[]): Promise<Set<string>> => {
    if (!documentIds.length) return new Set();
    const rows = (await strapi.db.query(UID.organisation).findMany({
      where: { documentId: { $in: documentIds }, publishedAt: { $notNull: true } },
      select: ['documentId'],
    })) as { documentId: string }[];
    return new Set(rows.map((r) => r.documentId));
  };
  const promoterIds = (rows: PracticeRow[]) => [...new Set(rows.flatMap((r) => (r.promoters ?? []).map((p) => p.documentId)))];

  const isPublished = async (documentIds: string[]): Promise<Set<string>> => {
    if (!documentIds.length) return new Set();
    const rows = await practices().findMany({
      where: { documentId: { $in: documentIds }, publishedAt: { $notNull: true } },
      select: ['documentId'],
    });
    return new Set(rows.map((r) => r.documentId));
  };

  const conflict = (row: Pick<PracticeRow, 'reviewStatus' | 'reviewHistory'>, documentId: string) => {
    const last = [...historyOf(row.reviewHistory)].reverse().find((e) => e.to === row.reviewStatus);
    const who = last?.by?.name ?? (last?.action === 'submit' ? 'the submission form' : 'someone');
    const when = last?.at ? ` at ${last.at}` : '';
    return new HttpProblem(409, 'ConflictError', `This submission was already moved to ${row.reviewStatus ?? 'no status'} by ${who}${when}`, {
      documentId,
      currentStatus: row.reviewStatus,
      lastEvent: last ?? null,
    });
  };

  /**
   * Step 1 of a review action: the request as a decision, or a 400 (invalid
   * body, missing note) or 404 (not a documentId). Reads nothing.
   */
  const decide = (documentId: string, body: unknown, user: Reviewer): Decision => {
    const parsed = actionBody.safeParse(body ?? {});
    if (!parsed.success) throw invalid(parsed.error, 'field of a review action');
    const { action, note, expectedStatus } = parsed.data;
    if (!isDocumentId(documentId)) throw new errors.NotFoundError(`No submission "${documentId}"`);
    const rule = TRANSITIONS[action];
    if (rule.note === 'required' && !note) {
      throw invalidField(['note'], action === 'reject' ? 'a reason is required to reject' : 'a note for the contact is required');
    }
    const event: HistoryEvent = {
      at: new Date().toISOString(),
      action,
      from: expectedStatus,
      to: rule.to,
      by: { id: user.id, name: reviewerName(user) },
      ...(note ? { note } : {}),
    };
    return { action, note, expectedStatus, rule, event };
  };

  /**
   * Step 2: in one transaction, locks the submission's rows (PostgreSQL), checks
   * the status the reviewer saw and the transition, and moves every language to
   * the new status with the event added to the history (a conditional update: 409
   * when someone acted since). Returns the row as it was and the new history.
   */
  const applyInTransaction = async (documentId: string, { action, expectedStatus, rule, event }: Decision): Promise<Applied> => {
    const applied = await strapi.db.transaction(async () => {
      const qb = strapi.db.entityManager.createQueryBuilder(UID.practice);
      qb.select(['id', 'documentId', 'reviewStatus', 'reviewHistory', 'source', 'locale', 'title', 'publishedAt']);
      qb.where({ documentId });
      qb.orderBy({ id: 'asc' });
      if (strapi.db.dialect.client === 'postgres') qb.forUpdate();
      const rows = await qb.execute<PracticeRow[]>();
      const current = rows.find((r) => r.publishedAt === null && r.source === 'submission');
      if (!current) throw new errors.NotFoundError(`No submission "${documentId}"`);
      if (current.reviewStatus !== expectedStatus) throw conflict(current, documentId);
      if (!rule.from.includes(current.reviewStatus)) {
        throw invalidField(['action'], `cannot ${action} a submission that is ${current.reviewStatus}: allowed from ${rule.from.join(', ')}`);
      }
      const history = [...historyOf(current.reviewHistory), event];
      if (rule.to === 'rejected') {
        // a rejected submission is not completed: its open link is revoked with it (recorded), and answers 410
        const revoked = await strapi.db.query(COMPLETION_LINK_UID as never).updateMany({
          where: { practiceDocumentId: documentId, revokedAt: { $null: true }, completedAt: { $null: true } },
          data: { revokedAt: new Date(event.at) },
        });
        if (revoked.count) history.push({ at: event.at, action: 'completion-revoked', from: rule.to, to: rule.to, by: event.by });
      }
      const { count } = await practices().updateMany({
        where: { documentId, reviewStatus: expectedStatus },
        data: { reviewStatus: rule.to, reviewHistory: history },
      });
      if (count === 0) throw conflict((await original(documentId, false)) ?? current, documentId);
      return { before: current, history };
    });
    return applied;
  };

  /**
   * Step 3 of `approve`: publishes every language. When that fails, the status
   * and history go back to what they were, so that the submission does not claim
   * a publication that did not happen, and the answer is a 400 saying why.
   */
  const publishOrRevert = async (documentId: string, { expectedStatus }: Decision, { before }: Applied): Promise<void> => {
    try {
      const documents: { publish(p: object): Promise<unknown> } = strapi.documents(UID.practice);
      const organisations: { publish(p: object): Promise<unknown> } = strapi.documents(UID.organisation);
      const row = await original(documentId);
      const promoters = promoterIds(row ? [row] : []);
      const confirmed = await publishedOrganisations(promoters);
      // New promoters (draft organisations made from the submission) are published first, in one
      // transaction with the practice, so that the published practice links them (never drops them).
      await strapi.db.transaction(async () => {
        for (const organisation of promoters.filter((id) => !confirmed.has(id))) {
          await organisations.publish({ documentId: organisation, locale: '*' });
        }
        await asReviewProcess('review', () => documents.publish({ documentId, locale: '*' }));
      });
    } catch (error) {
      await practices().updateMany({
        where: { documentId, reviewStatus: 'approved' },
        data: { reviewStatus: expectedStatus, reviewHistory: historyOf(before.reviewHistory) },
      });
      const details = (error as { details?: object }).details;
      throw invalidField(['action'], `could not publish: ${(error as Error).message}`, details ? { cause: details } : {});
    }
  };

  /**
   * Step 3 of `request-info`, after the commit: mails the note to the contact
   * (`skipped` without an address) and records the outcome on the event.
   * Returns the mail status.
   */
  const notifyAfterCommit = async (documentId: string, { note, rule, event }: Decision, { history }: Applied): Promise<Delivery> => {
    const row = await original(documentId);
    const mail = row?.contact?.email
      ? await notifications().requestInfo({
          documentId,
          locale: row.locale,
          title: row.title,
          note: note ?? '',
          contact: { name: row.contact.name, email: row.contact.email },
        })
      : ('skipped' as const);
    const withMail = history.map((e) => (e === event ? { ...e, mail } : e));
    await practices().updateMany({ where: { documentId, reviewStatus: rule.to }, data: { reviewHistory: withMail } });
    return mail;
  };

  return {
    async list(rawQuery: Record<string, unknown>) {
      const parsed = listQuery.safeParse(rawQuery);
      if (!parsed.success) throw invalid(parsed.error, 'query parameter');
      const { status, call, q, page, pageSize } = parsed.data;
      const ids = await originalIds();
      const base: Record<string, unknown> = { id: { $in: ids.length ? ids : [0] } };
      if (call) base.call = { slug: call };
      if (q) base.title = { $containsi: q };
      const counts = Object.fromEntries(
        await Promise.all(
          REVIEW_STATUSES.map(async (s) => [s, await practices().count({ where: { ...base, reviewStatus: s } })] as const)
        )
      ) as Record<ReviewStatus, number>;
      const where = status ? { ...base, reviewStatus: status } : base;
      const total = await practices().count({ where });
      const rows = await practices().findMany({
        where,
        select: SCALARS,
        populate: POPULATE,
        orderBy: [{ submittedAt: 'desc' }, { id: 'desc' }],
        limit: pageSize,
        offset: (page - 1) * pageSize,
      });
      const published = await isPublished(rows.map((r) => r.documentId));
      const confirmed = await publishedOrganisations(promoterIds(rows));
      return {
        data: rows.map((r) => present(r, published.has(r.documentId), false, confirmed)),
        meta: { counts, pagination: { page, pageSize, pageCount: Math.ceil(total / pageSize), total } },
      };
    },

    async findOne(documentId: string) {
      const row = await original(documentId);
      if (!row) throw new errors.NotFoundError(`No submission "${documentId}"`);
      const published = await isPublished([documentId]);
      const confirmed = await publishedOrganisations(promoterIds([row]));
      // `mail.configured`: whether mails can leave this server; the page warns when they cannot.
      // `fiche.private`: the fiche fields the public never sees (the network's choice and the contact)
      return {
        data: present(row, published.has(documentId), true, confirmed),
        meta: { mail: { configured: notifications().configured() }, fiche: { private: ficheVisibilityOf(strapi).private } },
      };
    },

    /**
     * Records what became of the mails sent on submission (acknowledgement to the contact, notice to
     * the editors) on the `submit` event. Runs after the answer; locks the rows on PostgreSQL so a
     * review action at the same moment is not overwritten.
     */
    async recordSubmitMails(documentId: string, mails: { contact: Delivery; editors: Delivery }): Promise<void> {
      await strapi.db.transaction(async () => {
        const qb = strapi.db.entityManager.createQueryBuilder(UID.practice);
        qb.select(['id', 'reviewHistory', 'reviewStatus', 'publishedAt']);
        qb.where({ documentId });
        if (strapi.db.dialect.client === 'postgres') qb.forUpdate();
        const rows = await qb.execute<PracticeRow[]>();
        const current = rows.find((r) => r.publishedAt === null);
        if (!current) return;
        const history = historyOf(current.reviewHistory).map((e) => (e.action === 'submit' ? { ...e, mail: mails.contact, mailEditors: mails.editors } : e));
        await practices().updateMany({ where: { documentId }, data: { reviewHistory: history } });
      });
    },

    /**
     * A new promoter of a submission (a draft organisation made from it): `confirm` publishes it now;
     * `merge` links the submission to the published organisation `into` instead and deletes the draft
     * when nothing else links it. 404 when the organisation is not a new promoter of this submission,
     * 400 for a bad body or `into`.
     */
    async promoter(documentId: string, body: unknown) {
      const parsed = promoterBody.safeParse(body ?? {});
      if (!parsed.success) throw invalid(parsed.error, 'field of a promoter action');
      const { action, organisation, into } = parsed.data;
      const row = await original(documentId);
      if (!row) throw new errors.NotFoundError(`No submission "${documentId}"`);
      const linked = promoterIds([row]);
      if (!linked.includes(organisation) || (await publishedOrganisations([organisation])).has(organisation)) {
        throw new errors.NotFoundError(`"${organisation}" is not a new promoter of this submission`);
      }
      const organisations: { publish(p: object): Promise<unknown>; delete(p: object): Promise<unknown> } = strapi.documents(UID.organisation);
      if (action === 'confirm') {
        await organisations.publish({ documentId: organisation, locale: '*' });
      } else {
        if (!into) throw invalidField(['into'], 'merge needs the organisation to merge into');
        if (!(await publishedOrganisations([into])).has(into)) throw invalidField(['into'], 'must be a published organisation');
        const drafts = await practices().findMany({ where: { documentId, publishedAt: { $null: true } }, select: ['locale'] });
        const documents: { update(p: object): Promise<unknown> } = strapi.documents(UID.practice);
        await strapi.db.transaction(async () => {
          for (const { locale } of drafts) {
            await asReviewProcess('review', () =>
              documents.update({
                documentId,
                locale,
                data: { promoters: { disconnect: [{ documentId: organisation, locale }], connect: [{ documentId: into, locale }] } },
              })
            );
          }
          const stillLinked = await practices().count({ where: { promoters: { documentId: organisation } } });
          if (!stillLinked) await organisations.delete({ documentId: organisation, locale: '*' });
        });
      }
      return this.findOne(documentId);
    },

    /**
     * Moves a submission to the next status. The reviewer sends the status they
     * saw: if someone acted since, the answer is 409 naming who and when, never
     * a silent overwrite (the row is locked, and the update is conditional).
     * In three steps: decide (validate the request), apply in a transaction
     * (then publish an approved submission, or put the status back), and notify
     * after the commit (the contact's mail for `request-info`).
     */
    async act(documentId: string, body: unknown, user: Reviewer) {
      const decision = decide(documentId, body, user);
      const applied = await applyInTransaction(documentId, decision);
      if (decision.action === 'approve') await publishOrRevert(documentId, decision, applied);
      const mail = decision.action === 'request-info' ? await notifyAfterCommit(documentId, decision, applied) : undefined;
      const { action, expectedStatus, rule, event } = decision;
      strapi.log.info(`Submission ${documentId}: ${action} (${expectedStatus} → ${rule.to}) by admin #${String(user.id)}`);
      const result = await this.findOne(documentId);
      return { ...result, meta: { ...result.meta, event: { ...event, ...(mail ? { mail } : {}) } } };
    },

    /**
     * Erases a submission for good: every language, draft and published, its contact and history, its search rows,
     * and the draft organisations made from it that were never confirmed nor linked elsewhere.
     */
    async erase(documentId: string): Promise<void> {
      if (!isDocumentId(documentId)) throw new errors.NotFoundError(`No submission "${documentId}"`);
      const [row] = await practices().findMany({ where: { documentId, source: 'submission' }, select: ['id'], limit: 1 });
      if (!row) throw new errors.NotFoundError(`No submission "${documentId}"`);
      const documents: { delete(p: object): Promise<unknown> } = strapi.documents(UID.practice);
      // New promoters made from this submission (drafts never confirmed) go with it, unless another practice links them.
      const linkedRows = await practices().findMany({ where: { documentId }, select: ['id'], populate: { promoters: { select: ['documentId'] } } });
      const linked = promoterIds(linkedRows);
      const confirmed = await publishedOrganisations(linked);
      await documents.delete({ documentId, locale: '*' });
      // its completion links (hashes, the contact's address) go too
      await getService(strapi, 'completion').erase(documentId);
      const organisations: { delete(p: object): Promise<unknown> } = strapi.documents(UID.organisation);
      for (const organisation of linked.filter((id) => !confirmed.has(id))) {
        if (!(await practices().count({ where: { promoters: { documentId: organisation } } }))) {
          await organisations.delete({ documentId: organisation, locale: '*' });
        }
      }
      // Snapshots kept by Strapi's content history (when that feature is on) hold the contact too.
      const historyUid = 'plugin::content-manager.history-version';
      if (strapi.getModel(historyUid)) {
        await strapi.db.query(historyUid).deleteMany({ where: { relatedDocumentId: documentId, contentType: UID.practice } });
      }
      const left = await practices().count({ where: { documentId } });
      if (left) throw new Error(`Erasing submission ${documentId} left ${left} rows`);
      strapi.log.info(`Submission ${documentId} erased`);
    },
  };
};

export type ReviewService = ReturnType<typeof reviewService>;
export default reviewService;
