import type { Context } from 'koa';

/**
 * An error answered in Strapi's error format with a status Strapi's error
 * classes do not map (409, 415), or before Strapi's error middleware runs.
 */
export class HttpProblem extends Error {
  constructor(
    readonly status: number,
    readonly errorName: string,
    message: string,
    readonly details: Record<string, unknown> = {}
  ) {
    super(message);
    this.name = errorName;
  }
}

/** `{ data: null, error: { status, name, message, details } }`, as Strapi answers errors. */
export const sendProblem = (ctx: Context, problem: HttpProblem): void => {
  ctx.status = problem.status;
  ctx.type = 'application/json; charset=utf-8';
  ctx.body = {
    data: null,
    error: { status: problem.status, name: problem.errorName, message: problem.message, details: problem.details },
  };
};

/** Wraps a controller action so that an HttpProblem it throws is answered in Strapi's format. */
export const answeringProblems =
  (action: (ctx: Context) => Promise<void>) =>
  async (ctx: Context): Promise<void> => {
    try {
      await action(ctx);
    } catch (error) {
      if (error instanceof HttpProblem) return sendProblem(ctx, error);
      throw error;
    }
  };
