import { historyOf } from '../submissions/review/service';
import type { Core } from '@strapi/strapi';
import type { HistoryEventType } from '../../../../cms/shared/history';
import { SHIPPED_LOCALES } from '../../../../cms/shared/locales';
import { getService } from '../services/get-service';
import type { Delivery } from '../submissions/notifications';
import { errors } from '@strapi/utils';
import { z } from 'zod';
import { UID } from '../content-types/uids';
import { fieldError, invalidField } from '../http/errors';
import { HttpProblem } from '../http/problems';
import { assessorTotals, byRank, figures, onScale, type RankFigures, type Scale, type ScoreRow, type WeightedCriterion } from './ranking';
import { ASSESSMENT_UID, CALL_DEFAULTS, CALL_PHASES, DECISIONS, type CallPhase, type Decision } from './uids';

/**
 * An admin using the assessment routes, with what their role lets them do
 * (`plugin::solidarity.assess`, `.decide`, `.read-scores`; see cms/shared/permissions.ts).
 */
export interface Viewer {
  id: number;
  firstname?: string | null;
  lastname?: string | null;
  username?: string | null;
  can: { assess: boolean; decide: boolean; readScores: boolean };
}

interface AdminRef {
  id: number;
  firstname?: string | null;
  lastname?: string | null;
  username?: string | null;
  email?: string | null;
  /** the admin's interface language (Strapi's spelling), when they chose one */
  preferedLanguage?: string | null;
}

/** An event of the assessment added to a submission's review history (the `reviewHistory` JSON of every row of the practice). */
export interface AssessmentEvent {
  at: string;
  /** one of the history's events (cms/shared/history.ts) */
  action: Extract<HistoryEventType, 'assess' | 'assessment-conflict' | 'decide' | 'assessment-open'>;
  by: { id: number; name: string } | null;
  note?: string;
  /** on `assess`: how many criteria were scored (the scores stay in the assessment tables, for `read-scores`) */
  criteria?: number;
  /** on `assessment-conflict`: the commission member who cannot assess (or decide on) the practice, and their organisation */
  assessor?: { id: number; name: string };
  /** on `assessment-conflict`: `decide` when the member's decision on the practice was refused (absent for scoring) */
  refused?: 'decide';
  organisation?: { documentId: string; name: string };
  /** on `decide` */
  decision?: Decision;
  /** on `decide`: what became of the mail to the contact (recorded after the answer) */
  mail?: Delivery;
  /** on `assessment-open`: what became of each commission member's notice (recorded after the answer) */
  commission?: { id: number; name: string; mail: Delivery }[];
}

interface CallRow {
  id: number;
  documentId: string;
  locale: string;
  title: string;
  slug: string;
  opensAt: string | Date;
  closesAt: string | Date;
  phase: CallPhase | null;
  scaleMin: number | null;
  scaleMax: number | null;
  scoresVisibleBeforeScoring: boolean | null;
  criteria?: { label: string; description: string | null; weight: number | string | null }[];
}

interface SubmissionRow {
  id: number;
  documentId: string;
  locale: string;
  title: string;
  reviewStatus: string | null;
  submittedAt: string | Date | null;
  reviewHistory: unknown;
  promoters?: { documentId: string; name: string }[];
}

interface MemberRow {
  id: number;
  callDocumentId: string;
  organisationDocumentId: string | null;
  user: AdminRef | null;
}

interface StoredScore {
  id: number;
  practiceDocumentId: string;
  criterion: number;
  score: number | string;
  comment: string | null;
  assessor: AdminRef | null;
}

interface DecisionRow {
  id: number;
  practiceDocumentId: string;
  decision: Decision;
  reason: string | null;
  decidedAt: string | Date;
  decidedBy: AdminRef | null;
}

/** A call as the assessment reads it: its scale, phase and criteria (weights from its original language, labels in the asked one). */
export interface AssessedCall {
  documentId: string;
  title: string;
  slug: string;
  locale: string;
  opensAt: string;
  closesAt: string;
  phase: CallPhase;
  scale: Scale;
  scoresVisibleBeforeScoring: boolean;
  criteria: { index: number; label: string; description: string | null; weight: number }[];
}

/** Whether `id` can be a documentId (as the review: [A-Za-z0-9_-], at most 128 characters; no NUL for PostgreSQL). */
const isDocumentId = (id: string): boolean => /^[A-Za-z0-9_-]{1,128}$/.test(id);

const nameOf = (u: AdminRef | Viewer | null | undefined): string =>
  u ? [u.firstname, u.lastname].filter(Boolean).join(' ').trim() || u.username || `admin #${String(u.id)}` : 'a deleted admin';

const iso = (d: string | Date | null | undefined): string | null => (d ? new Date(d).toISOString() : null);

const text = (max: number) =>
  z
    .string()
    .transform((s) => s.trim())
    .pipe(z.string().max(max, `must be at most ${max} characters`).refine((s) => !s.includes('\u0000'), 'must not contain a NUL character'));

const scoresBody = z.strictObject({
  scores: z
    .array(
      z.strictObject({
        criterion: z.number({ error: 'must be the number of a criterion of the call' }).int('must be an integer').min(0, 'must be at least 0'),
        score: z.number({ error: 'must be a number' }),
        comment: text(5000).optional(),
      })
    )
    .min(1, 'must score every criterion of the call')
    .max(100, 'must be at most 100 scores'),
});

const decisionBody = z.strictObject({
  decision: z.enum(DECISIONS, { error: `must be one of ${DECISIONS.join(', ')}` }),
  reason: text(5000).pipe(z.string().min(1, 'a reason is required')),
});

const commissionBody = z.strictObject({
  members: z
    .array(
      z.strictObject({
        userId: z.number({ error: 'must be the id of an admin user' }).int().positive(),
        organisation: z.string().regex(/^[A-Za-z0-9_-]{1,128}$/, 'must be the documentId of an organisation').nullable().optional(),
      })
    )
    .max(100, 'at most 100 members'),
});

const phaseBody = z.strictObject({
  phase: z.literal('assessment', { error: 'must be "assessment": the assessment page opens the assessment (other phases are set in the Content Manager)' }),
});

const viewQuery = z.strictObject({ locale: z.string().regex(/^[a-z]{2}(-[A-Za-z]{2,4})?$/, 'must be a locale code').optional() });

const invalid = (error: z.ZodError, what: string) => {
  const list = error.issues.flatMap((i) =>
    i.code === 'unrecognized_keys'
      ? i.keys.map((k) => fieldError([...i.path.map((p) => (typeof p === 'number' ? p : String(p))), k], `is not a ${what}`))
      : [fieldError(i.path.map((p) => (typeof p === 'number' ? p : String(p))), i.message)]
  );
  const first = list[0];
  return new errors.ValidationError(first ? `${first.path.join('.') || what}: ${first.message}` : `Invalid ${what}`, { errors: list });
};

/**
 * The commission's assessment of a call's submissions: the commission
 * (admin users, each with their organisation), scores per criterion on the
 * call's scale, the ranking by weighted score with the spread between
 * assessors, and the decisions. Every step is added to the submission's review
 * history. Scores, comments, the commission and decisions live in private
 * tables that no public route reads.
 */
const assessmentService = ({ strapi }: { strapi: Core.Strapi }) => {
  // Strapi types db.query per uid; these are the parts used here.
  type Query<R> = {
    findMany(p: object): Promise<R[]>;
    findOne(p: object): Promise<R | null>;
    create(p: object): Promise<R>;
    update(p: object): Promise<R>;
    deleteMany(p: object): Promise<{ count: number }>;
    updateMany(p: object): Promise<{ count: number }>;
    count(p: object): Promise<number>;
  };
  const q = <R>(uid: string): Query<R> => strapi.db.query(uid as never) as unknown as Query<R>;
  const isPostgres = () => strapi.db.dialect.client === 'postgres';

  const loadCall = async (callId: string, locale?: string): Promise<AssessedCall> => {
    if (!isDocumentId(callId)) throw new errors.NotFoundError(`No call "${callId}"`);
    const rows = await q<CallRow>(UID.call).findMany({
      where: { documentId: callId, publishedAt: { $null: true } },
      populate: { criteria: true },
      orderBy: { id: 'asc' },
    });
    const original = rows[0];
    if (!original) throw new errors.NotFoundError(`No call "${callId}"`);
    const shown = rows.find((r) => r.locale === locale) ?? original;
    const labels = shown.criteria ?? [];
    return {
      documentId: original.documentId,
      title: shown.title,
      slug: shown.slug,
      locale: shown.locale,
      opensAt: iso(original.opensAt) ?? '',
      closesAt: iso(original.closesAt) ?? '',
      phase: original.phase && (CALL_PHASES as readonly string[]).includes(original.phase) ? original.phase : CALL_DEFAULTS.phase,
      scale: { min: original.scaleMin ?? CALL_DEFAULTS.scaleMin, max: original.scaleMax ?? CALL_DEFAULTS.scaleMax },
      scoresVisibleBeforeScoring: original.scoresVisibleBeforeScoring ?? CALL_DEFAULTS.scoresVisibleBeforeScoring,
      criteria: (original.criteria ?? []).map((c, index) => ({
        index,
        label: labels[index]?.label ?? c.label,
        description: labels[index]?.description ?? c.description ?? null,
        weight: c.weight === null || c.weight === undefined || c.weight === '' ? 1 : Number(c.weight),
      })),
    };
  };

  /** The call's submissions: one row per practice, its original language (the lowest id among its drafts). */
  const submissionsOf = async (callId: string): Promise<SubmissionRow[]> => {
    const rows = await q<SubmissionRow>(UID.practice).findMany({
      where: { source: 'submission', publishedAt: { $null: true }, call: { documentId: callId } },
      select: ['id', 'documentId', 'locale', 'title', 'reviewStatus', 'submittedAt', 'reviewHistory'],
      populate: { promoters: { select: ['documentId', 'name'] } },
      orderBy: { id: 'asc' },
    });
    const seen = new Map<string, SubmissionRow>();
    for (const row of rows) if (!seen.has(row.documentId)) seen.set(row.documentId, row);
    return [...seen.values()];
  };

  const submissionOf = async (callId: string, documentId: string): Promise<SubmissionRow> => {
    const found = isDocumentId(documentId) ? (await submissionsOf(callId)).find((s) => s.documentId === documentId) : undefined;
    if (!found) throw new errors.NotFoundError(`No submission "${documentId}" in call "${callId}"`);
    return found;
  };

  const membersOf = (callId: string) =>
    q<MemberRow>(ASSESSMENT_UID.member).findMany({
      where: { callDocumentId: callId },
      populate: { user: { select: ['id', 'firstname', 'lastname', 'username', 'email', 'preferedLanguage'] } },
      orderBy: { id: 'asc' },
    });

  const scoresOf = (callId: string) =>
    q<StoredScore>(ASSESSMENT_UID.score).findMany({
      where: { callDocumentId: callId },
      populate: { assessor: { select: ['id', 'firstname', 'lastname', 'username'] } },
      orderBy: [{ criterion: 'asc' }, { id: 'asc' }],
    });

  const decisionsOf = async (callId: string): Promise<Map<string, DecisionRow>> => {
    const rows = await q<DecisionRow>(ASSESSMENT_UID.decision).findMany({
      where: { callDocumentId: callId },
      populate: { decidedBy: { select: ['id', 'firstname', 'lastname', 'username'] } },
    });
    return new Map(rows.map((r) => [r.practiceDocumentId, r]));
  };

  const organisationNames = async (documentIds: string[]): Promise<Map<string, string>> => {
    if (!documentIds.length) return new Map();
    const rows = await q<{ documentId: string; name: string }>(UID.organisation).findMany({
      where: { documentId: { $in: documentIds } },
      select: ['documentId', 'name'],
      orderBy: { id: 'asc' },
    });
    const names = new Map<string, string>();
    for (const r of rows) if (!names.has(r.documentId)) names.set(r.documentId, r.name);
    return names;
  };

  /**
   * Rewrites the review history of every row of the practice with `change` (null: leave it), in a
   * transaction that locks its rows on PostgreSQL (as the review actions do, so neither overwrites
   * the other's event).
   */
  const rewriteHistory = async (documentId: string, change: (history: object[]) => object[] | null) =>
    strapi.db.transaction(async () => {
      const qb = strapi.db.entityManager.createQueryBuilder(UID.practice);
      qb.select(['id', 'reviewHistory', 'source', 'publishedAt']);
      qb.where({ documentId });
      qb.orderBy({ id: 'asc' });
      if (isPostgres()) qb.forUpdate();
      const rows = await qb.execute<{ id: number; reviewHistory: unknown; source: string | null; publishedAt: unknown }[]>();
      const current = rows.find((r) => r.publishedAt === null && r.source === 'submission') ?? rows[0];
      if (!current) return;
      const changed = change(historyOf(current.reviewHistory));
      if (!changed) return;
      await q(UID.practice).updateMany({ where: { documentId }, data: { reviewHistory: changed } });
    });

  /** Adds events to the review history of every row of the practice; `unless` skips an event already recorded. */
  const appendHistory = async (documentId: string, events: AssessmentEvent[], unless?: (existing: object[]) => AssessmentEvent[]) =>
    rewriteHistory(documentId, (history) => {
      const adding = unless ? unless(history) : events;
      return adding.length ? [...history, ...adding] : null;
    });

  /** Sets `patch` on the event of the practice's history that `event` names (its action, time and author). */
  const patchEvent = (documentId: string, event: AssessmentEvent, patch: Partial<AssessmentEvent>) =>
    rewriteHistory(documentId, (history) => {
      const same = (e: object) => {
        const ev = e as Partial<AssessmentEvent>;
        return ev.action === event.action && ev.at === event.at && (ev.by?.id ?? null) === (event.by?.id ?? null);
      };
      return history.some(same) ? history.map((e) => (same(e) ? { ...e, ...patch } : e)) : null;
    });

  /** An admin's mail language: their interface language when the mails are written in it, else the default content locale. */
  const languageOf = async (user: AdminRef | null): Promise<string> => {
    const preferred = user?.preferedLanguage;
    if (preferred && (SHIPPED_LOCALES as readonly string[]).includes(preferred)) return preferred;
    return getService(strapi, 'locales').defaultLocale();
  };

  /** The contact of a submission (its original language's row), for the decision's mail. */
  const contactOf = async (documentId: string): Promise<{ name: string; email: string } | null> => {
    const [row] = await q<{ contact?: { name?: string | null; email?: string | null } | null }>(UID.practice).findMany({
      where: { documentId, publishedAt: { $null: true } },
      populate: { contact: true },
      orderBy: { id: 'asc' },
      limit: 1,
    });
    return row?.contact?.email ? { name: row.contact.name ?? '', email: row.contact.email } : null;
  };

  const conflictEvent = (member: MemberRow, organisation: { documentId: string; name: string }): AssessmentEvent => ({
    at: new Date().toISOString(),
    action: 'assessment-conflict',
    by: null,
    assessor: { id: member.user?.id ?? 0, name: nameOf(member.user) },
    organisation,
    note: `${nameOf(member.user)} does not assess this practice: it is promoted by their organisation, ${organisation.name}`,
  });

  /** Records a member's conflict of interest on a submission, once (and, apart, once a refused decision of theirs on it). */
  const recordConflict = (documentId: string, member: MemberRow, organisation: { documentId: string; name: string }, refused?: 'decide') => {
    const base = conflictEvent(member, organisation);
    const event: AssessmentEvent = refused
      ? { ...base, refused, note: `${nameOf(member.user)} may not decide on this practice: it is promoted by their organisation, ${organisation.name}` }
      : base;
    return appendHistory(documentId, [event], (existing) =>
      existing.some((e) => {
        const ev = e as Partial<AssessmentEvent>;
        return ev.action === 'assessment-conflict' && ev.assessor?.id === event.assessor?.id && ev.refused === event.refused;
      })
        ? []
        : [event]
    );
  };

  /** The promoting organisation of `submission` that `member` belongs to, if any. */
  const conflictOf = (member: MemberRow | undefined, submission: SubmissionRow) =>
    member?.organisationDocumentId ? (submission.promoters ?? []).find((p) => p.documentId === member.organisationDocumentId) : undefined;

  /**
   * The scores of `submission` that count: those of the call's current
   * commission members without a conflict of interest on it. Scores stay
   * stored when a member leaves the commission or is later given a promoting
   * organisation (they are the assessment's record, and count again if the
   * member comes back without the conflict), but they are neither shown nor ranked.
   */
  const countedScores = (scores: StoredScore[], members: MemberRow[], submission: SubmissionRow): StoredScore[] => {
    const counting = new Set(members.filter((m) => m.user && !conflictOf(m, submission)).map((m) => m.user?.id));
    return scores.filter((x) => x.practiceDocumentId === submission.documentId && x.assessor && counting.has(x.assessor.id));
  };

  const weighted = (call: AssessedCall): WeightedCriterion[] => call.criteria.map((c) => ({ index: c.index, weight: c.weight }));

  const scoreRows = (scores: StoredScore[]): ScoreRow[] =>
    scores.filter((s) => s.assessor).map((s) => ({ practiceDocumentId: s.practiceDocumentId, assessorId: Number(s.assessor?.id), criterion: s.criterion, score: Number(s.score) }));

  const presentDecision = (d: DecisionRow | undefined) =>
    d ? { decision: d.decision, reason: d.reason, decidedAt: iso(d.decidedAt), by: d.decidedBy ? { id: d.decidedBy.id, name: nameOf(d.decidedBy) } : null } : null;

  /** Each assessor's scores on one submission, with their weighted total (null until they scored every criterion). */
  const byAssessor = (scores: StoredScore[], call: AssessedCall) => {
    const groups = new Map<number, StoredScore[]>();
    for (const s of scores) {
      if (!s.assessor) continue;
      groups.set(s.assessor.id, [...(groups.get(s.assessor.id) ?? []), s]);
    }
    const totals = assessorTotals(scoreRows(scores), weighted(call));
    return [...groups.entries()].map(([id, list]) => ({
      assessor: { id, name: nameOf(list[0]?.assessor) },
      total: totals.get(id) ?? null,
      scores: list.map((s) => ({ criterion: s.criterion, score: Number(s.score), comment: s.comment ?? null })),
    }));
  };

  const rankingFigures = (scores: StoredScore[], call: AssessedCall): RankFigures =>
    figures([...assessorTotals(scoreRows(scores), weighted(call)).values()], weighted(call), call.scale);

  return {
    /**
     * The calls, for the assessment page's picker: newest deadline first, each titled in `locale`
     * (the `locale` query parameter, the admin's language) when it has that language, else in its
     * original one (its first draft), as the call's own page (view). 400 for a malformed locale.
     */
    async calls(rawQuery: Record<string, unknown> = {}) {
      const parsed = viewQuery.safeParse(rawQuery);
      if (!parsed.success) throw invalid(parsed.error, 'query parameter');
      const locale = parsed.data.locale;
      const rows = await q<CallRow>(UID.call).findMany({
        where: { publishedAt: { $null: true } },
        select: ['id', 'documentId', 'locale', 'title', 'slug', 'opensAt', 'closesAt', 'phase'],
        orderBy: [{ closesAt: 'desc' }, { id: 'asc' }],
      });
      const seen = new Map<string, CallRow>();
      for (const r of [...rows].sort((a, b) => a.id - b.id)) if (!seen.has(r.documentId)) seen.set(r.documentId, r);
      const inLocale = new Map(rows.filter((r) => locale !== undefined && r.locale === locale).map((r) => [r.documentId, r]));
      return {
        data: [...seen.values()]
          .sort((a, b) => Date.parse(String(b.closesAt)) - Date.parse(String(a.closesAt)))
          .map((r) => {
            const shown = inLocale.get(r.documentId) ?? r;
            return { documentId: r.documentId, title: shown.title, slug: shown.slug, locale: shown.locale, phase: r.phase ?? CALL_DEFAULTS.phase, opensAt: iso(r.opensAt), closesAt: iso(r.closesAt) };
          }),
      };
    },

    /**
     * A call's assessment as `viewer` may see it: the call (scale, criteria,
     * phase), whether they sit on its commission, and its submissions with their
     * own scores. Others' scores show once the viewer has scored that submission
     * (or when the call shows them before, or with `read-scores`); the ranking
     * figures with `read-scores`; decisions with `decide` or `read-scores`.
     * Listed by rank for `read-scores`, by submission date otherwise.
     */
    async view(callId: string, rawQuery: Record<string, unknown>, viewer: Viewer) {
      const parsed = viewQuery.safeParse(rawQuery);
      if (!parsed.success) throw invalid(parsed.error, 'query parameter');
      const call = await loadCall(callId, parsed.data.locale);
      const [submissions, members, scores, decisions] = await Promise.all([submissionsOf(callId), membersOf(callId), scoresOf(callId), decisionsOf(callId)]);
      const me = members.find((m) => m.user?.id === viewer.id);
      const orgs = await organisationNames(me?.organisationDocumentId ? [me.organisationDocumentId] : []);
      const items = submissions.map((s) => {
        const mine = countedScores(scores, members, s);
        const assessors = byAssessor(mine, call);
        const own = assessors.find((a) => a.assessor.id === viewer.id);
        const scored = own?.total !== null && own?.total !== undefined;
        const seesOthers = viewer.can.readScores || scored || call.scoresVisibleBeforeScoring;
        const conflict = conflictOf(me, s);
        return {
          documentId: s.documentId,
          title: s.title,
          locale: s.locale,
          status: s.reviewStatus,
          submittedAt: iso(s.submittedAt),
          promoters: (s.promoters ?? []).map((p) => ({ documentId: p.documentId, name: p.name })),
          conflict: conflict ? { organisation: { documentId: conflict.documentId, name: conflict.name } } : null,
          myScores: own?.scores ?? [],
          scored,
          others: seesOthers ? assessors.filter((a) => a.assessor.id !== viewer.id) : null,
          ...(viewer.can.readScores ? { ranking: rankingFigures(mine, call) } : {}),
          ...(viewer.can.decide || viewer.can.readScores ? { decision: presentDecision(decisions.get(s.documentId)) } : {}),
        };
      });
      const ordered = viewer.can.readScores
        ? [...items].sort(byRank((a, b) => a.title.localeCompare(b.title)))
        : [...items].sort((a, b) => String(b.submittedAt).localeCompare(String(a.submittedAt)));
      return {
        data: {
          call,
          me: {
            member: Boolean(me),
            organisation: me?.organisationDocumentId ? { documentId: me.organisationDocumentId, name: orgs.get(me.organisationDocumentId) ?? null } : null,
            can: viewer.can,
          },
          commission: members.map((m) => ({ id: m.user?.id ?? null, name: nameOf(m.user) })),
          submissions: ordered,
        },
      };
    },

    /**
     * The call's ranking (`read-scores`): submissions by the mean over
     * assessors of their weighted totals (Σ weight × score; only complete
     * assessments count), highest first, with the spread (max − min) and the
     * standard deviation between assessors, each assessor's total and the decision.
     */
    async ranking(callId: string, rawQuery: Record<string, unknown>) {
      const parsed = viewQuery.safeParse(rawQuery);
      if (!parsed.success) throw invalid(parsed.error, 'query parameter');
      const call = await loadCall(callId, parsed.data.locale);
      const [submissions, members, scores, decisions] = await Promise.all([submissionsOf(callId), membersOf(callId), scoresOf(callId), decisionsOf(callId)]);
      const items = submissions
        .map((s) => {
          const mine = countedScores(scores, members, s);
          return {
            documentId: s.documentId,
            title: s.title,
            locale: s.locale,
            status: s.reviewStatus,
            promoters: (s.promoters ?? []).map((p) => ({ documentId: p.documentId, name: p.name })),
            ranking: rankingFigures(mine, call),
            assessors: byAssessor(mine, call),
            decision: presentDecision(decisions.get(s.documentId)),
          };
        })
        .sort(byRank((a, b) => a.title.localeCompare(b.title)));
      return { data: { call, submissions: items.map((item, i) => ({ rank: item.ranking.mean === null ? null : i + 1, ...item })) } };
    },

    /**
     * Records `viewer`'s scores on a submission (replacing theirs): one per
     * criterion of the call, each on its scale, with an optional comment.
     * 400 outside the assessment phase or for a score off the scale, a missing,
     * unknown or repeated criterion; 403 for an admin outside the commission, or
     * a member whose organisation promotes the practice (recorded in its history).
     */
    async score(callId: string, documentId: string, body: unknown, viewer: Viewer) {
      const parsed = scoresBody.safeParse(body ?? {});
      if (!parsed.success) throw invalid(parsed.error, 'field of an assessment');
      const call = await loadCall(callId);
      const submission = await submissionOf(callId, documentId);
      if (call.phase !== 'assessment') {
        throw invalidField(['phase'], `the call is not being assessed: its phase is ${call.phase} (scores are given in the assessment phase)`);
      }
      const members = await membersOf(callId);
      const me = members.find((m) => m.user?.id === viewer.id);
      if (!me) throw new HttpProblem(403, 'ForbiddenError', "You are not a member of this call's commission", { member: false });
      const conflict = conflictOf(me, submission);
      if (conflict) {
        await recordConflict(documentId, me, { documentId: conflict.documentId, name: conflict.name });
        throw new HttpProblem(403, 'ForbiddenError', `Conflict of interest: this practice is promoted by your organisation, ${conflict.name}`, {
          conflict: { organisation: { documentId: conflict.documentId, name: conflict.name } },
        });
      }
      const { scores } = parsed.data;
      const problems = scores.flatMap((s, i) => {
        if (s.criterion >= call.criteria.length) return [fieldError(['scores', i, 'criterion'], `the call has ${call.criteria.length} criteria (0 to ${call.criteria.length - 1})`, s.criterion)];
        if (scores.findIndex((o) => o.criterion === s.criterion) !== i) return [fieldError(['scores', i, 'criterion'], 'is scored twice', s.criterion)];
        if (!onScale(s.score, call.scale)) return [fieldError(['scores', i, 'score'], `must be a whole number from ${call.scale.min} to ${call.scale.max}`, s.score)];
        return [];
      });
      const missing = call.criteria.filter((c) => !scores.some((s) => s.criterion === c.index));
      if (missing.length) problems.push(fieldError(['scores'], `must score every criterion of the call: missing ${missing.map((c) => c.index).join(', ')}`));
      const first = problems[0];
      if (first) throw new errors.ValidationError(`${first.path.join('.')}: ${first.message}`, { errors: problems });

      const rescored = await strapi.db.transaction(async () => {
        // one assessor's writes in turn: their membership row is the lock (PostgreSQL)
        if (isPostgres()) await strapi.db.connection(strapi.db.metadata.get(ASSESSMENT_UID.member).tableName).where('id', me.id).forUpdate().select('id');
        const { count } = await q(ASSESSMENT_UID.score).deleteMany({ where: { callDocumentId: callId, practiceDocumentId: documentId, assessor: { id: viewer.id } } });
        for (const s of scores) {
          await q(ASSESSMENT_UID.score).create({
            data: { callDocumentId: callId, practiceDocumentId: documentId, assessor: viewer.id, criterion: s.criterion, score: s.score, comment: s.comment || null },
          });
        }
        return count > 0;
      });
      await appendHistory(documentId, [
        {
          at: new Date().toISOString(),
          action: 'assess',
          by: { id: viewer.id, name: nameOf(viewer) },
          criteria: scores.length,
          note: rescored ? `Scores revised (${scores.length} criteria)` : `Scored ${scores.length} criteria`,
        },
      ]);
      strapi.log.info(`Call ${callId}: submission ${documentId} scored by admin #${viewer.id}`);
      const view = await this.view(callId, {}, viewer);
      return { data: view.data.submissions.find((s) => s.documentId === documentId) ?? null };
    },

    /**
     * Records the commission's decision on a submission (`decide`), with its
     * reason; in the assessment or results phase. 403 for a commission member
     * whose organisation promotes the practice (recorded in its history, as
     * for scoring).
     */
    async decide(callId: string, documentId: string, body: unknown, viewer: Viewer) {
      const parsed = decisionBody.safeParse(body ?? {});
      if (!parsed.success) throw invalid(parsed.error, 'field of a decision');
      const call = await loadCall(callId);
      const submission = await submissionOf(callId, documentId);
      if (call.phase === 'open') throw invalidField(['phase'], 'the call is still open: decisions come after the assessment starts');
      const me = (await membersOf(callId)).find((m) => m.user?.id === viewer.id);
      const conflict = conflictOf(me, submission);
      if (me && conflict) {
        await recordConflict(documentId, me, { documentId: conflict.documentId, name: conflict.name }, 'decide');
        throw new HttpProblem(403, 'ForbiddenError', `Conflict of interest: this practice is promoted by your organisation, ${conflict.name}`, {
          conflict: { organisation: { documentId: conflict.documentId, name: conflict.name } },
        });
      }
      const { decision, reason } = parsed.data;
      const now = new Date();
      await strapi.db.transaction(async () => {
        await q(ASSESSMENT_UID.decision).deleteMany({ where: { callDocumentId: callId, practiceDocumentId: documentId } });
        await q(ASSESSMENT_UID.decision).create({
          data: { callDocumentId: callId, practiceDocumentId: documentId, decision, reason, decidedBy: viewer.id, decidedAt: now },
        });
      });
      // in the results phase a decision changes which practices the public sees under the call (results.ts)
      if (call.phase === 'results') await getService(strapi, 'cache').bump();
      const event: AssessmentEvent = { at: now.toISOString(), action: 'decide', by: { id: viewer.id, name: nameOf(viewer) }, decision, note: reason };
      await appendHistory(documentId, [event]);
      strapi.log.info(`Call ${callId}: submission ${documentId} ${decision} by admin #${viewer.id}`);
      // The contact hears of the decision after the answer, in the submission's language; what became of the mail goes on the event.
      const notifications = getService(strapi, 'notifications');
      notifications.afterCommit('Decision mail', async () => {
        const contact = await contactOf(documentId);
        const mail = contact
          ? await notifications.decision({
              documentId,
              locale: submission.locale,
              title: submission.title,
              call: (await loadCall(callId, submission.locale)).title,
              decision,
              reason,
              contact,
            })
          : ('skipped' as const);
        await patchEvent(documentId, event, { mail });
      });
      const decisions = await decisionsOf(callId);
      return { data: presentDecision(decisions.get(documentId)), meta: { event } };
    },

    /**
     * The call's commission (`decide`): each member with their organisation and how many of the
     * call's submissions they have scored (every criterion; `total` submissions); the active admin
     * users who can be put on it; and the organisations a member can belong to (for conflicts of
     * interest), by name.
     */
    async commission(callId: string) {
      const call = await loadCall(callId);
      const [members, submissions, scores] = await Promise.all([membersOf(callId), submissionsOf(callId), scoresOf(callId)]);
      const orgs = await organisationNames(members.flatMap((m) => (m.organisationDocumentId ? [m.organisationDocumentId] : [])));
      const admins = await q<AdminRef & { isActive: boolean }>('admin::user').findMany({
        select: ['id', 'firstname', 'lastname', 'username', 'email', 'isActive'],
        orderBy: { id: 'asc' },
      });
      const organisationRows = await q<{ documentId: string; name: string }>(UID.organisation).findMany({
        select: ['documentId', 'name'],
        orderBy: [{ name: 'asc' }, { id: 'asc' }],
        limit: 5000,
      });
      const organisations = new Map<string, string>();
      for (const o of organisationRows) if (!organisations.has(o.documentId)) organisations.set(o.documentId, o.name);
      const scoredBy = (userId: number | undefined) =>
        submissions.filter((s) => {
          const mine = scores.filter((x) => x.practiceDocumentId === s.documentId && x.assessor?.id === userId);
          return call.criteria.length > 0 && call.criteria.every((c) => mine.some((x) => x.criterion === c.index));
        }).length;
      return {
        data: {
          members: members.map((m) => ({
            userId: m.user?.id ?? null,
            name: nameOf(m.user),
            email: m.user?.email ?? null,
            organisation: m.organisationDocumentId ? { documentId: m.organisationDocumentId, name: orgs.get(m.organisationDocumentId) ?? null } : null,
            scored: m.user ? scoredBy(m.user.id) : 0,
          })),
          submissions: submissions.length,
          admins: admins.filter((a) => a.isActive).map((a) => ({ id: a.id, name: nameOf(a), email: a.email ?? null })),
          organisations: [...organisations.entries()].map(([documentId, name]) => ({ documentId, name })),
        },
      };
    },

    /**
     * Sets the call's commission (`decide`): the members replace the current
     * ones. Each is an active admin user, once, with the organisation they
     * belong to (a documentId) or none. A member's conflicts of interest with
     * the call's submissions are recorded in those submissions' histories.
     * Scores of members who leave (or of a practice their new organisation
     * promotes) stay stored but no longer count or show: see `countedScores`.
     */
    async setCommission(callId: string, body: unknown) {
      const parsed = commissionBody.safeParse(body ?? {});
      if (!parsed.success) throw invalid(parsed.error, 'field of a commission');
      await loadCall(callId);
      const { members } = parsed.data;
      const users = await q<{ id: number }>('admin::user').findMany({ where: { id: { $in: members.map((m) => m.userId) } }, select: ['id'] });
      const orgs = await organisationNames(members.flatMap((m) => (m.organisation ? [m.organisation] : [])));
      const problems = members.flatMap((m, i) => {
        if (!users.some((u) => u.id === m.userId)) return [fieldError(['members', i, 'userId'], 'is not an admin user', m.userId)];
        if (members.findIndex((o) => o.userId === m.userId) !== i) return [fieldError(['members', i, 'userId'], 'is listed twice', m.userId)];
        if (m.organisation && !orgs.has(m.organisation)) return [fieldError(['members', i, 'organisation'], 'is not an organisation', m.organisation)];
        return [];
      });
      const first = problems[0];
      if (first) throw new errors.ValidationError(`${first.path.join('.')}: ${first.message}`, { errors: problems });
      await strapi.db.transaction(async () => {
        await q(ASSESSMENT_UID.member).deleteMany({ where: { callDocumentId: callId } });
        for (const m of members) {
          await q(ASSESSMENT_UID.member).create({ data: { callDocumentId: callId, user: m.userId, organisationDocumentId: m.organisation ?? null } });
        }
      });
      const stored = await membersOf(callId);
      for (const submission of await submissionsOf(callId)) {
        for (const member of stored) {
          const conflict = conflictOf(member, submission);
          if (conflict) await recordConflict(submission.documentId, member, { documentId: conflict.documentId, name: conflict.name });
        }
      }
      return this.commission(callId);
    },

    /**
     * After a call's assessment opened (its phase went from open to assessment, through the
     * Content Manager or `openAssessment`; see ./phase.ts): one mail per current commission member,
     * in their language, with a link to the call's assessment page; an `assessment-open` event with
     * what became of each mail in the history of each of the call's submissions. Runs after the
     * answer (notifications.afterCommit).
     */
    async assessmentOpened(callId: string, by: { id: number; name: string } | null): Promise<void> {
      const notifications = getService(strapi, 'notifications');
      const [members, submissions] = await Promise.all([membersOf(callId), submissionsOf(callId)]);
      const commission: { id: number; name: string; mail: Delivery }[] = [];
      for (const member of members) {
        if (!member.user) continue;
        const language = await languageOf(member.user);
        const call = await loadCall(callId, language);
        const mail = await notifications.assessmentOpen({
          callId,
          call: call.title,
          count: submissions.length,
          language,
          member: { name: nameOf(member.user), email: member.user.email ?? null },
        });
        commission.push({ id: member.user.id, name: nameOf(member.user), mail });
      }
      const event: AssessmentEvent = {
        at: new Date().toISOString(),
        action: 'assessment-open',
        by,
        commission,
        note: commission.length ? undefined : 'The call has no commission member to tell',
      };
      for (const s of submissions) await appendHistory(s.documentId, [event]);
      strapi.log.info(`Call ${callId}: assessment open, ${commission.length} commission member(s) told`);
    },

    /**
     * Opens the call's assessment from its assessment page (`decide`, body `{ phase: 'assessment' }`): its phase goes from open to
     * assessment (every language's draft, and its published versions), which tells the commission
     * (see `assessmentOpened`). 400 unless the call is open.
     */
    async openAssessment(callId: string, body: unknown) {
      const parsed = phaseBody.safeParse(body ?? {});
      if (!parsed.success) throw invalid(parsed.error, 'field of a phase change');
      const call = await loadCall(callId);
      if (call.phase !== 'open') throw invalidField(['phase'], `the call's phase is ${call.phase}: only an open call can start its assessment`);
      const documents: { update(p: object): Promise<unknown>; publish(p: object): Promise<unknown> } = strapi.documents(UID.call);
      const rows = await q<{ locale: string; publishedAt: unknown }>(UID.call).findMany({ where: { documentId: callId }, select: ['locale', 'publishedAt'] });
      const drafts = [...new Set(rows.filter((r) => !r.publishedAt).map((r) => r.locale))];
      const published = new Set(rows.filter((r) => r.publishedAt).map((r) => r.locale));
      await strapi.db.transaction(async () => {
        for (const locale of drafts) {
          await documents.update({ documentId: callId, locale, data: { phase: 'assessment' } });
          if (published.has(locale)) await documents.publish({ documentId: callId, locale });
        }
      });
      return { data: (await this.calls({})).data.find((c) => c.documentId === callId) ?? null };
    },

    /** The documentIds of the practices the commission selected in the calls `callIds` (the results of those in the results phase). */
    async selectedIn(callIds: string[]): Promise<string[]> {
      if (!callIds.length) return [];
      const rows = await q<DecisionRow>(ASSESSMENT_UID.decision).findMany({
        where: { callDocumentId: { $in: callIds }, decision: 'selected' },
        select: ['practiceDocumentId'],
      });
      return rows.map((r) => r.practiceDocumentId);
    },
  };
};

export type AssessmentService = ReturnType<typeof assessmentService>;
export default assessmentService;
