import type {MiddlewareHandler} from 'hono';
import type {AppEnv} from '../app.js';
import {adminText, notFound, ProtocolError} from '../errors.js';

/** Every `/admin/*` route: only with the moderators' token, and never cached. */
export const requireAdmin: MiddlewareHandler<AppEnv> = async (c, next) => {
  if (!c.var.deps.config.adminToken) throw notFound(adminText('The admin API is off: set COLLOQUY_ADMIN_TOKEN to turn it on.'));
  if (!c.var.viewer.isModerator) throw new ProtocolError(401, 'unauthorized', adminText('The admin API needs the moderators\' token.'));
  c.header('Cache-Control', 'no-store');
  await next();
};
