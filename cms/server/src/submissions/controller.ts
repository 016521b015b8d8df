import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import type { Context } from 'koa';
import { submissionsConfig } from './config';
import { clientIp } from '../http/origin';
import { answeringProblems } from '../http/problems';
import { requestBody } from '../http/request';
import { asFields, randomId } from './validation';
import { getService } from '../services/get-service';

/**
 * POST /api/solidarity/submissions and GET /api/solidarity/submissions/challenge.
 * Origin, content type and declared size are checked before the body is read
 * (submissions/guard.ts); here: rate limits, honeypot, proof of work, then
 * validation and storage (submissions/service.ts).
 */
const submissionsController = ({ strapi }: { strapi: Core.Strapi }) => {
  const antispam = () => getService(strapi, 'antispam');
  const submissions = () => getService(strapi, 'submissions');

  return {
    /** An ALTCHA challenge for the form (the widget's `challengeurl`). */
    async challenge(ctx: Context) {
      ctx.set('Cache-Control', 'no-store');
      ctx.body = await antispam().challenge();
    },

    create: answeringProblems(async (ctx: Context) => {
      ctx.set('Cache-Control', 'no-store');
      const config = submissionsConfig(strapi);
      const body = requestBody(ctx);
      // Bodies sent without a Content-Length are measured once parsed.
      if (!ctx.get('Content-Length') && Buffer.byteLength(JSON.stringify(body ?? null)) > config.submissions.maxBodyBytes) {
        throw new errors.PayloadTooLargeError(`The submission is too large: at most ${config.submissions.maxBodyBytes} bytes of JSON`, {
          limit: config.submissions.maxBodyBytes,
        });
      }
      const fields = asFields(body);
      const origin = ctx.get('Origin') || null;

      let charge: { refund(): Promise<void> };
      try {
        charge = await antispam().charge(clientIp(strapi, ctx), origin ?? '(none)');
      } catch (error) {
        if (error instanceof errors.RateLimitError) {
          ctx.set('Retry-After', String((error.details as { retryAfter?: number }).retryAfter ?? 60));
        }
        throw error;
      }

      // Honeypot: a field people never see. Answer as to a success, store nothing, send nothing.
      const honeypot = fields.website;
      if (honeypot !== undefined && honeypot !== null && honeypot !== '') {
        strapi.log.info('Submission dropped: honeypot filled');
        ctx.status = 202;
        ctx.body = { data: { id: randomId(24), status: 'submitted' } };
        return;
      }

      const proof = config.altcha.enabled ? await antispam().useProof(fields.altcha) : null;
      try {
        const { documentId } = await submissions().submit(body, { origin });
        strapi.log.info(`Submission ${documentId} received`);
        ctx.status = 202;
        ctx.body = { data: { id: documentId, status: 'submitted' } };
      } catch (error) {
        // Nothing stored: the sender may correct the form and send it again, with the same proof.
        await Promise.all([charge.refund(), proof?.release()]);
        throw error;
      }
    }),
  };
};

export default submissionsController;
