import { PERMISSION_ACTIONS } from '../../../../cms/shared/permissions';
import { adminCan, open, type PublicRoute } from '../http/routes';
import { OEMBED_PATH } from './urls';

/** Admin routes of the embed builder (mounted under /solidarity, admin JWT + `plugin::solidarity.embed`). */
export const EMBED_ACTION = PERMISSION_ACTIONS.embed;

export const embedRoutes = [{ method: 'GET', path: '/embed/config', handler: 'embed.config', config: adminCan(EMBED_ACTION) }];

/** The oEmbed endpoint (public, under /api/solidarity): see ./controller.ts `oembed`. The pages themselves are mounted by ./pages.ts. */
export const oembedRoute: PublicRoute = {
  method: 'GET',
  path: OEMBED_PATH.replace('/api/solidarity', ''),
  handler: 'embed.oembed',
  config: open,
  info: { summary: 'oEmbed (https://oembed.com) of a public page: type rich, an iframe of the page' },
};
