import type { Context } from 'koa';

/** The parsed request body (Strapi's body parser sets `ctx.request.body`), or undefined when there is none. */
export const requestBody = (ctx: Context): unknown => ('body' in ctx.request ? ctx.request.body : undefined);
