import type { Core } from '@strapi/strapi';
import type { Context } from 'koa';
import { answeringProblems } from '../../http/problems';
import { requestBody } from '../../http/request';
import { publicOrigin } from '../../http/origin';
import type { Reviewer } from './service';
import { getService } from '../../services/get-service';
import { submissionLocalesHandler } from './visibility';

/** Admin routes of the review page (/solidarity/submissions...), behind admin auth and plugin RBAC. */
const reviewController = ({ strapi }: { strapi: Core.Strapi }) => {
  const review = () => getService(strapi, 'review');

  return {
    async list(ctx: Context) {
      ctx.set('Cache-Control', 'no-store');
      ctx.body = await review().list(ctx.query as Record<string, unknown>);
    },

    async findOne(ctx: Context) {
      ctx.set('Cache-Control', 'no-store');
      ctx.body = await review().findOne(String(ctx.params.documentId));
    },

    /** The languages an approved submission shows in (./visibility.ts). */
    locales: submissionLocalesHandler(strapi),

    act: answeringProblems(async (ctx: Context) => {
      ctx.set('Cache-Control', 'no-store');
      const user = ctx.state.user as Reviewer;
      ctx.body = await review().act(String(ctx.params.documentId), requestBody(ctx), user);
    }),

    /** Confirm or merge a new promoter: `{ action: 'confirm' | 'merge', organisation, into? }`. */
    promoter: answeringProblems(async (ctx: Context) => {
      ctx.set('Cache-Control', 'no-store');
      ctx.body = await review().promoter(String(ctx.params.documentId), requestBody(ctx));
    }),

    /** The submission's latest completion link (`data: null` when none was sent). */
    async completionLink(ctx: Context) {
      ctx.set('Cache-Control', 'no-store');
      ctx.body = await getService(strapi, 'completion').state(String(ctx.params.documentId));
    },

    /** Sends the completion link to the contact (again: a new link, the old one revoked); `meta.url` is the link. */
    async sendCompletionLink(ctx: Context) {
      ctx.set('Cache-Control', 'no-store');
      const user = ctx.state.user as Reviewer;
      ctx.body = await getService(strapi, 'completion').send(String(ctx.params.documentId), user, publicOrigin(strapi, ctx));
    },

    /** Revokes the open completion link (404 when there is none). */
    async revokeCompletionLink(ctx: Context) {
      ctx.set('Cache-Control', 'no-store');
      const user = ctx.state.user as Reviewer;
      ctx.body = await getService(strapi, 'completion').revoke(String(ctx.params.documentId), user);
    },

    async erase(ctx: Context) {
      await review().erase(String(ctx.params.documentId));
      ctx.status = 204;
    },
  };
};

export default reviewController;
