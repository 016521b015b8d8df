import type { Core } from '@strapi/strapi';
import type { Context } from 'koa';

/** Feeds, calendars and open-data exports (see ../feeds). */
const feedsController = (_: { strapi: Core.Strapi }): Record<string, (ctx: Context) => Promise<void>> => ({});

export default feedsController;
