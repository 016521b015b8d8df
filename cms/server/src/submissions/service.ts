import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { UID } from '../content-types/uids';
import type { ReviewAction, ReviewStatus } from '../content-types/vocabulary';
import { HttpProblem } from '../http/problems';
import type { Delivery } from './notifications';
import type { HistoryEventType } from '../../../../cms/shared/history';
import { asReviewProcess } from './review/rules';
import {
  fieldError,
  parseSubmission,
  submissionError,
  submissionSlug,
  slugify,
  randomId,
  textToBlocks,
  type FieldError,
} from './validation';
import { getService } from '../services/get-service';


/** One entry of a submission's history (private JSON attribute `reviewHistory`). */
export interface HistoryEvent {
  at: string;
  /** one of the history's events (cms/shared/history.ts): the submission, a review action, or the completion link's */
  action: Extract<HistoryEventType, 'submit' | ReviewAction | 'completion-sent' | 'completion-revoked' | 'completion-saved' | 'completion-completed'>;
  from: ReviewStatus | null;
  to: ReviewStatus;
  /** the admin who acted; null for the submission itself */
  by: { id: number | string; name: string } | null;
  note?: string;
  /** on `submit`: consent to the privacy notice was given at `at` */
  consent?: true;
  locale?: string;
  /** on `submit`: the site the form was on */
  origin?: string | null;
  /** what became of the mail to the contact, when the action sends one (notifications.ts Delivery) */
  mail?: Delivery;
  /** on `submit`: what became of the editors' notice */
  mailEditors?: Delivery;
  /**
   * on `submit`: the promoting organisations as sent (name, website, country), each with the
   * organisation it was linked to and whether that one was found (`known`) or created as a draft
   * for the reviewer to confirm or merge (`new`). Private, like the rest of the history.
   */
  promoters?: SubmittedPromoter[];
  /** on `completion-sent`: when the link expires (ISO 8601) */
  expiresAt?: string;
  /** on `completion-sent`: an older link was revoked by this one */
  resent?: true;
  /** on `completion-saved`: the fields the contact changed, with short summaries of before and after */
  changes?: { field: string; before: string; after: string }[];
}

/** A promoting organisation as the form sent it, and the organisation document it is linked to. */
export interface SubmittedPromoter {
  name: string;
  website?: string | null;
  country?: string | null;
  documentId: string;
  match: 'known' | 'new';
}

interface Row {
  id: number;
  documentId: string;
  locale: string;
  slug?: string;
  name?: string;
  title?: string;
  opensAt?: string | Date;
  closesAt?: string | Date;
  /** a call's phase (assessment/uids.ts): it takes submissions only while `open` (none is `open`) */
  phase?: string | null;
  publishedAt?: string | Date | null;
}

const iso = (d: string | Date | undefined) => (d ? new Date(d).toISOString() : '');
const readable = (d: string | Date | undefined) => (d ? `${iso(d).slice(0, 16).replace('T', ' ')} UTC` : '');

/**
 * Public submissions: validates a fiche, resolves its topics, call and
 * promoters in its language, and stores it as an unpublished draft practice
 * waiting for review. Nothing here ever publishes.
 */
const submissionsService = ({ strapi }: { strapi: Core.Strapi }) => {
  const api = () => getService(strapi, 'public-api');
  const notifications = () => getService(strapi, 'notifications');
  const query = (uid: string): { findMany(p: object): Promise<Row[]> } => strapi.db.query(uid);

  /** The published versions with one of `slugs` (any locale), by slug. */
  const publishedBySlug = async (uid: string, slugs: string[], select: string[]) => {
    if (!slugs.length) return new Map<string, Row[]>();
    const rows = await query(uid).findMany({
      where: { slug: { $in: slugs }, publishedAt: { $notNull: true } },
      select: ['id', 'documentId', 'locale', 'slug', ...select],
    });
    const out = new Map<string, Row[]>();
    for (const row of rows) out.set(String(row.slug), [...(out.get(String(row.slug)) ?? []), row]);
    return out;
  };

  /** Of the versions of one slug, the documentId that exists in `locale` (relations join same-locale versions). */
  const inLocale = (rows: Row[] | undefined, locale: string): Row | undefined => rows?.find((r) => r.locale === locale);

  const resolveLocale = async (requested: string, problems: FieldError[]) => {
    try {
      return (await api().resolveLocale(requested)).locale;
    } catch (error) {
      if (!(error instanceof errors.ValidationError)) throw error;
      const { codes } = await api().locales();
      problems.push(fieldError(['locale'], `must be one of ${codes.join(', ')}`));
      return null;
    }
  };

  const promoterLines = (promoters: Pick<SubmittedPromoter, 'name' | 'website' | 'country'>[]) =>
    promoters.map((p) => [p.name, p.website, p.country].filter(Boolean).join(' — '));

  return {
    /**
     * Stores a validated submission as a draft practice; returns its documentId.
     * Throws 400 (ValidationError with one entry per field) or 409 (closed call).
     */
    async submit(body: unknown, meta: { origin: string | null; now?: Date }): Promise<{ documentId: string; locale: string }> {
      const input = parseSubmission(body);
      const now = meta.now ?? new Date();
      const problems: FieldError[] = [];
      const locale = await resolveLocale(input.locale, problems);

      const topicRows = await publishedBySlug(UID.topic, input.topics, []);
      const topicIds: string[] = [];
      input.topics.forEach((slug, i) => {
        const rows = topicRows.get(slug);
        const row = locale ? inLocale(rows, locale) : rows?.[0];
        if (!rows?.length) problems.push(fieldError(['topics', i], `unknown topic "${slug}"`));
        else if (!row) problems.push(fieldError(['topics', i], `topic "${slug}" is not available in "${locale}"`));
        else topicIds.push(row.documentId);
      });

      let call: Row | undefined;
      if (input.call) {
        const rows = (await publishedBySlug(UID.call, [input.call], ['title', 'opensAt', 'closesAt', 'phase'])).get(input.call);
        call = locale ? inLocale(rows, locale) : rows?.[0];
        if (!rows?.length) problems.push(fieldError(['call'], `unknown call "${input.call}"`));
        else if (locale && !call) problems.push(fieldError(['call'], `this call is not open to submissions in "${locale}"`));
      }
      if (problems.length || !locale) throw submissionError(problems);

      if (call) {
        const opens = new Date(call.opensAt ?? 0);
        const closes = new Date(call.closesAt ?? 0);
        if (now < opens || now >= closes) {
          const closed = now >= closes;
          throw new HttpProblem(
            409,
            'ConflictError',
            closed
              ? `The call "${call.title}" closed on ${readable(call.closesAt)}: it no longer accepts submissions`
              : `The call "${call.title}" opens on ${readable(call.opensAt)}: it does not accept submissions yet`,
            {
              errors: [fieldError(['call'], closed ? `closed on ${readable(call.closesAt)}` : `opens on ${readable(call.opensAt)}`)],
              call: { slug: input.call, opensAt: iso(call.opensAt), closesAt: iso(call.closesAt) },
            }
          );
        }
        if (call.phase && call.phase !== 'open') {
          throw new HttpProblem(409, 'ConflictError', `The call "${call.title}" is in its ${call.phase} phase: it no longer accepts submissions`, {
            errors: [fieldError(['call'], `in its ${call.phase} phase`)],
            call: { slug: input.call, opensAt: iso(call.opensAt), closesAt: iso(call.closesAt), phase: call.phase },
          });
        }
      }

      const history: HistoryEvent[] = [
        { at: now.toISOString(), action: 'submit', from: null, to: 'submitted', by: null, consent: true, locale, origin: meta.origin },
      ];
      const documents: { create(p: object): Promise<{ documentId: string }> } = strapi.documents(UID.practice);
      const organisations: { create(p: object): Promise<{ documentId: string }> } = strapi.documents(UID.organisation);
      // One transaction: the new organisations and the practice are stored together, or not at all.
      const created = await strapi.db.transaction(async () => {
        // Promoters: one the network knows (same name, any case, published in this language) is linked; one it does
        // not know yet becomes a draft organisation (never public until a reviewer confirms it, or merges it into a
        // known one), linked to the practice, so it is not lost when the practice is published. An unconfirmed draft
        // of the same name from an earlier submission is reused. What was sent (its website too) stays in the history.
        const sent: SubmittedPromoter[] = [];
        for (const promoter of input.promoters) {
          const [published] = await query(UID.organisation).findMany({
            where: { name: { $eqi: promoter.name }, locale, publishedAt: { $notNull: true } },
            select: ['documentId'],
            limit: 1,
          });
          let documentId = published?.documentId;
          let match: SubmittedPromoter['match'] = 'known';
          if (!documentId) {
            match = 'new';
            const drafts = await query(UID.organisation).findMany({
              where: { name: { $eqi: promoter.name }, locale, publishedAt: { $null: true } },
              select: ['documentId'],
            });
            const withPublished = drafts.length
              ? new Set(
                  (
                    await query(UID.organisation).findMany({
                      where: { documentId: { $in: drafts.map((d) => d.documentId) }, publishedAt: { $notNull: true } },
                      select: ['documentId'],
                    })
                  ).map((r) => r.documentId)
                )
              : new Set<string>();
            documentId =
              drafts.find((d) => !withPublished.has(d.documentId))?.documentId ??
              (
                await organisations.create({
                  locale,
                  data: {
                    name: promoter.name,
                    slug: `${slugify(promoter.name)}-${randomId(6)}`,
                    kind: 'other',
                    website: promoter.website ?? null,
                    country: promoter.country ?? null,
                  },
                })
              ).documentId;
          }
          sent.push({ name: promoter.name, website: promoter.website ?? null, country: promoter.country ?? null, documentId, match });
        }
        history[0] = { ...history[0], promoters: sent } as HistoryEvent;
        const linked = [...new Set(sent.map((p) => p.documentId))];
        const fresh = sent.filter((p) => p.match === 'new');
        const notes = fresh.length ? ['New promoters (draft organisations to confirm or merge):', ...promoterLines(fresh)].join('\n') : null;
        // The submission's review fields are the review process's to write.
        return asReviewProcess('submission', () =>
          documents.create({
            locale,
            data: {
              title: input.title,
              summary: input.summary,
              body: textToBlocks(input.body),
              slug: submissionSlug(input.title),
              topics: { connect: topicIds.map((documentId) => ({ documentId, locale })) },
              promoters: { connect: linked.map((documentId) => ({ documentId, locale })) },
              ...(call ? { call: { connect: [{ documentId: call.documentId, locale }] } } : {}),
              municipality: input.territory.municipality ?? null,
              region: input.territory.region ?? null,
              country: input.territory.country,
              contact: {
                name: input.contact.name,
                email: input.contact.email,
                phone: input.contact.phone ?? null,
                role: input.contact.role,
              },
              reviewStatus: 'submitted',
              reviewNotes: notes,
              reviewHistory: history,
              submittedAt: now.toISOString(),
              source: 'submission',
            },
          })
        );
      });

      // Mails go out after the answer; a failure is logged and never undoes the submission.
      notifications().later('Submission notifications', async () => {
        const mails = await notifications().submitted({
          documentId: created.documentId,
          locale,
          title: input.title,
          summary: input.summary,
          callTitle: call?.title ?? null,
          contact: input.contact,
          origin: meta.origin,
        });
        // what became of each mail is kept on the submit event, for the review page
        await getService(strapi, 'review').recordSubmitMails(created.documentId, mails);
      });

      return { documentId: created.documentId, locale };
    },
  };
};

export type SubmissionsService = ReturnType<typeof submissionsService>;
export default submissionsService;
