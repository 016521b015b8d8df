import { PERMISSION_ACTIONS } from '../../../../cms/shared/permissions';
import { adminCan } from '../http/routes';

/** Admin routes of the embed builder (mounted under /solidarity, admin JWT + `plugin::solidarity.embed`). */
export const EMBED_ACTION = PERMISSION_ACTIONS.embed;

export const embedRoutes = [{ method: 'GET', path: '/embed/config', handler: 'embed.config', config: adminCan(EMBED_ACTION) }];
