import {Hono, type Context} from 'hono';
import type {AppEnv} from '../app.js';
import {readJsonBody} from '../body.js';
import {invalid, notFound, ProtocolError} from '../errors.js';
import {SIGN_IN_TOKEN, sessionBody} from '../auth/sign-in.js';
import {createSession, exchangeCode, exchangeState, findUser, revokeAllSessions, revokeSession} from '../auth/store.js';


const unauthorized = (message = 'Please sign in.') => new ProtocolError(401, 'unauthorized', message);

/** Sessions: made from a finished sign-in, read, ended here, or ended everywhere. */
export function authSessionRoutes() {
  const app = new Hono<AppEnv>();

  app.post('/auth/session', async (c) => {
    const {config, db} = c.var.deps;
    const body = await readJsonBody(c.req.raw, config.maxBodyBytes);
    const provider = typeof body['provider'] === 'string' ? body['provider'] : '';
    const result = typeof body['result'] === 'object' && body['result'] !== null ? (body['result'] as Record<string, unknown>) : undefined;
    c.header('Cache-Control', 'no-store');
    if (!provider || provider.length > 64) throw invalid('Say which provider the sign-in was with.');
    if (result) {
      const code = result['code'];
      if (typeof code !== 'string' || !SIGN_IN_TOKEN.test(code)) throw unauthorized('This sign-in is not valid; please sign in again.');
      const userId = await exchangeCode(db, provider, code, c.var.now);
      if (!userId) throw unauthorized('This sign-in has expired or was already used; please sign in again.');
      return issue(c, userId, provider);
    }
    const state = body['state'];
    if (typeof state !== 'string' || !SIGN_IN_TOKEN.test(state)) throw invalid('Send the sign-in\'s result or its state.');
    const userId = await exchangeState(db, provider, state, c.var.now);
    if (!userId) throw notFound('No finished sign-in with this state (yet).');
    return issue(c, userId, provider);
  });

  app.get('/auth/session', (c) => {
    const user = c.var.viewer.user;
    if (!user) throw unauthorized();
    c.header('Cache-Control', 'no-store');
    c.header('Vary', 'Authorization', {append: true});
    return c.json({session: sessionBody(user, user.sessionProvider, c.var.deps.config), expiresAt: user.sessionExpiresAt});
  });

  app.delete('/auth/session', async (c) => {
    const user = c.var.viewer.user;
    if (!user) throw unauthorized();
    await revokeSession(c.var.deps.db, user.sessionHash, c.var.now);
    return c.body(null, 204);
  });

  // Sign out everywhere: every session of this person ends, on every device.
  app.delete('/auth/sessions', async (c) => {
    const user = c.var.viewer.user;
    if (!user) throw unauthorized();
    await revokeAllSessions(c.var.deps.db, user.id, c.var.now);
    return c.body(null, 204);
  });
  return app;
}

async function issue(c: Context<AppEnv>, userId: string, provider: string): Promise<Response> {
  const {config, db} = c.var.deps;
  const user = await findUser(db, userId);
  if (!user) throw unauthorized('This account no longer exists.');
  const expiresAt = c.var.now + config.auth.sessionSeconds * 1000;
  const token = await createSession(db, user.id, provider, expiresAt);
  return c.json({token, expiresAt: new Date(expiresAt).toISOString(), session: sessionBody(user, provider, config)}, 201);
}
