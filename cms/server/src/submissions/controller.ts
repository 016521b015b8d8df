import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import type { Context } from 'koa';
import { normalizeOrigin, submissionsConfig } from './config';
import { isAllowedOrigin } from './guard';
import { allowAnyOrigin, clientIp, requestOriginOrNull } from '../http/origin';
import { answeringProblems } from '../http/problems';
import { requestBody } from '../http/request';
import { asFields, HONEYPOT_FIELD, parseSubmission, randomId, withoutLegacyHoneypot } from './validation';
import { getService } from '../services/get-service';

/**
 * POST /api/solidarity/submissions and GET /api/solidarity/submissions/challenge.
 * Origin, content type and declared size are checked before the body is read
 * (submissions/guard.ts); here, in this order: the address's attempts
 * (every request), proof of work, validation, the address's and the site's
 * submission limits (spent only by a verified, valid request), then the
 * honeypot (a filled one answered as a success, nothing stored) and storage
 * (submissions/service.ts).
 */
const submissionsController = ({ strapi }: { strapi: Core.Strapi }) => {
  const antispam = () => getService(strapi, 'antispam');
  const submissions = () => getService(strapi, 'submissions');
  /**
   * The answer's `meta` (202 and the honeypot's look-alike alike): `mail`, whether this network's
   * server sends mails (SMTP configured, notifications.ts `configured`), so that the form promises an
   * acknowledgement and the review's outcome by mail only when they will be sent.
   */
  const acceptedMeta = () => ({ mail: getService(strapi, 'notifications').configured() });

  return {
    /** An ALTCHA challenge for the form (the widget's `challengeurl`). */
    async challenge(ctx: Context) {
      ctx.set('Cache-Control', 'no-store');
      ctx.body = await antispam().challenge();
    },

    /**
     * GET /submissions/origin-check: `{ data: { allowed } }`, whether a form on
     * the caller's own page (its Origin header; none: the app's own origin, as a
     * same-origin GET sends none) may send submissions, so the widget can say so
     * before anyone types. It tells a page about itself only, so any origin may
     * ask (CORS `*`, no credentials) and nothing else is revealed.
     */
    async originCheck(ctx: Context) {
      ctx.set('Cache-Control', 'no-store');
      ctx.vary('Origin');
      const own = requestOriginOrNull(strapi, ctx);
      const header = ctx.get('Origin');
      const origin = header ? normalizeOrigin(header) : own === null ? null : normalizeOrigin(own);
      // the same answer as the guard's for a submission from this page
      const allowed = origin !== null && (await isAllowedOrigin(strapi, origin, own));
      allowAnyOrigin(ctx);
      ctx.body = { data: { allowed } };
    },

    create: answeringProblems(async (ctx: Context) => {
      ctx.set('Cache-Control', 'no-store');
      const config = submissionsConfig(strapi);
      const body = withoutLegacyHoneypot(requestBody(ctx));
      // Bodies sent without a Content-Length are measured once parsed.
      if (!ctx.get('Content-Length') && Buffer.byteLength(JSON.stringify(body ?? null)) > config.submissions.maxBodyBytes) {
        throw new errors.PayloadTooLargeError(`The submission is too large: at most ${config.submissions.maxBodyBytes} bytes of JSON`, {
          limit: config.submissions.maxBodyBytes,
        });
      }
      const origin = ctx.get('Origin') || null;
      const ip = clientIp(strapi, ctx);
      const limited = async <T>(action: () => Promise<T>): Promise<T> => {
        try {
          return await action();
        } catch (error) {
          if (error instanceof errors.RateLimitError) {
            ctx.set('Retry-After', String((error.details as { retryAfter?: number }).retryAfter ?? 60));
          }
          throw error;
        }
      };

      // Every request, junk included, counts against the address's generous attempts (only).
      await limited(() => antispam().attempt(ip));
      const fields = asFields(body);

      // Honeypot: a field people never see (documented in the OpenAPI document). A filled one is
      // answered as a success, so that bots do not learn to leave it empty; nothing is stored or sent.
      // It goes through the same checks as a person's submission first (proof of work, validation,
      // the limits, which it spends): otherwise a bot would tell it apart by sending without a proof
      // (400 without the honeypot, 202 with it), and would never be limited.
      const honeypot = fields[HONEYPOT_FIELD];
      const trapped = honeypot !== undefined && honeypot !== null && honeypot !== '';

      // Only a verified proof and a valid body may spend the limits of the address and of the site.
      const proof = config.altcha.enabled ? await antispam().useProof(fields.altcha) : null;
      let charge: { refund(): Promise<void> } | null = null;
      try {
        parseSubmission(trapped ? { ...fields, [HONEYPOT_FIELD]: '' } : body);
        charge = await limited(() => antispam().charge(ip, origin));
        if (trapped) {
          strapi.log.info('Submission dropped: honeypot filled');
          ctx.status = 202;
          ctx.body = { data: { id: randomId(24), status: 'submitted' }, meta: acceptedMeta() };
          return;
        }
        const { documentId } = await submissions().submit(body, { origin });
        strapi.log.info(`Submission ${documentId} received`);
        ctx.status = 202;
        ctx.body = { data: { id: documentId, status: 'submitted' }, meta: acceptedMeta() };
      } catch (error) {
        // Nothing stored: the sender may correct the form and send it again, with the same proof.
        await Promise.all([charge?.refund(), proof?.release()]);
        throw error;
      }
    }),
  };
};

export default submissionsController;
