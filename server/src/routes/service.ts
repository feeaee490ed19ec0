import {Hono} from 'hono';
import type {AppEnv} from '../app.js';
import {emailSignIn} from '../auth/sign-in.js';
import {notificationsOffered, REACTIONS} from '../render.js';

const PROTOCOL = 'colloquy-rest/1';

/** `GET /`: the service document. */
export function serviceRoutes() {
  const app = new Hono<AppEnv>();
  app.get('/', (c) => {
    c.header('Cache-Control', 'max-age=3600');
    const signIn = c.var.providers.providers.length > 0 || emailSignIn(c) !== undefined;
    return c.json({
      protocol: PROTOCOL,
      server: 'colloquy-server',
      // `callbackPage`: this server serves the sign-in callback page at `{endpoint}/auth/callback`.
      capabilities: {edit: true, delete: true, reactions: [...REACTIONS], signIn, session: signIn, live: true, moderate: true, replies: true, ...(signIn ? {callbackPage: true} : {})},
      // Email notifications: which boxes every thread offers (the same as its `posting.notifications`).
      notifications: notificationsOffered(c.var.deps.config),
      // The largest `limit` a listing accepts, when above the protocol's 100.
      limits: {pageSize: c.var.deps.config.maxPageSize},
    });
  });
  return app;
}
