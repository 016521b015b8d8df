import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import type { Context } from 'koa';
import { answeringProblems } from '../http/problems';
import { requestBody } from '../http/request';
import { getService } from '../services/get-service';
import { ASSESS_ACTION, DECIDE_ACTION, READ_SCORES_ACTION } from './routes';
import type { Viewer } from './service';

interface AdminState {
  user: Omit<Viewer, 'can'>;
  userAbility: { can(action: string, subject?: unknown): boolean };
}

/** The admin of the request, with what their role lets them do in the assessment. */
const viewerOf = (ctx: Context): Viewer => {
  const state = ctx.state as AdminState;
  const { id, firstname, lastname, username } = state.user;
  return {
    id: Number(id),
    firstname,
    lastname,
    username,
    can: {
      assess: state.userAbility.can(ASSESS_ACTION),
      decide: state.userAbility.can(DECIDE_ACTION),
      readScores: state.userAbility.can(READ_SCORES_ACTION),
    },
  };
};

/** 403 unless the admin holds one of the assessment permissions (routes open to any of them). */
const anyPermission = (viewer: Viewer): Viewer => {
  if (!viewer.can.assess && !viewer.can.decide && !viewer.can.readScores) {
    throw new errors.ForbiddenError('Assessing calls needs the assess, decide or read scores permission');
  }
  return viewer;
};

/** Admin routes of a call's assessment (/solidarity/assessment/...), behind admin auth and plugin RBAC (./routes.ts). */
const assessmentController = ({ strapi }: { strapi: Core.Strapi }) => {
  const assessment = () => getService(strapi, 'assessment');
  const noStore = (ctx: Context) => ctx.set('Cache-Control', 'no-store');

  return {
    async calls(ctx: Context) {
      noStore(ctx);
      anyPermission(viewerOf(ctx));
      ctx.body = await assessment().calls(ctx.query as Record<string, unknown>);
    },
    async view(ctx: Context) {
      noStore(ctx);
      ctx.body = await assessment().view(String(ctx.params.callId), ctx.query as Record<string, unknown>, anyPermission(viewerOf(ctx)));
    },
    async ranking(ctx: Context) {
      noStore(ctx);
      ctx.body = await assessment().ranking(String(ctx.params.callId), ctx.query as Record<string, unknown>);
    },
    score: answeringProblems(async (ctx: Context) => {
      noStore(ctx);
      ctx.body = await assessment().score(String(ctx.params.callId), String(ctx.params.documentId), requestBody(ctx), viewerOf(ctx));
    }),
    async decide(ctx: Context) {
      noStore(ctx);
      ctx.body = await assessment().decide(String(ctx.params.callId), String(ctx.params.documentId), requestBody(ctx), viewerOf(ctx));
    },
    async commission(ctx: Context) {
      noStore(ctx);
      ctx.body = await assessment().commission(String(ctx.params.callId));
    },
    async openAssessment(ctx: Context) {
      noStore(ctx);
      ctx.body = await assessment().openAssessment(String(ctx.params.callId), requestBody(ctx));
    },
    async setCommission(ctx: Context) {
      noStore(ctx);
      ctx.body = await assessment().setCommission(String(ctx.params.callId), requestBody(ctx));
    },
  };
};

export default assessmentController;
