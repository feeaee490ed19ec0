import {Hono, type Context} from 'hono';
import type {AppEnv} from '../app.js';
import {readJsonBody} from '../body.js';
import {invalid, notFound, ProtocolError, type ErrorText} from '../errors.js';
import {SIGN_IN_TOKEN, sessionBody} from '../auth/sign-in.js';
import {createSession, exchangeCode, exchangeState, findUser, revokeAllSessions, revokeSession} from '../auth/store.js';


const unauthorized = (text: ErrorText = 'error.sign-in-needed') => new ProtocolError(401, 'unauthorized', text);

/** Sessions: made from a finished sign-in, read, ended here, or ended everywhere. */
export function authSessionRoutes() {
  const app = new Hono<AppEnv>();

  app.post('/auth/session', async (c) => {
    const {config, db} = c.var.deps;
    const body = await readJsonBody(c.req.raw, config.maxBodyBytes);
    const provider = typeof body['provider'] === 'string' ? body['provider'] : '';
    const result = typeof body['result'] === 'object' && body['result'] !== null ? (body['result'] as Record<string, unknown>) : undefined;
    c.header('Cache-Control', 'no-store');
    if (!provider || provider.length > 64) throw invalid('error.sign-in-provider');
    if (result) {
      const code = result['code'];
      if (typeof code !== 'string' || !SIGN_IN_TOKEN.test(code)) throw unauthorized('error.sign-in-invalid');
      const userId = await exchangeCode(db, provider, code, c.var.now);
      if (!userId) throw unauthorized('error.sign-in-used');
      return issue(c, userId, provider);
    }
    const state = body['state'];
    if (typeof state !== 'string' || !SIGN_IN_TOKEN.test(state)) throw invalid('error.sign-in-result');
    const userId = await exchangeState(db, provider, state, c.var.now);
    if (!userId) throw notFound('error.sign-in-pending');
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
  if (!user) throw unauthorized('error.account-gone');
  const expiresAt = c.var.now + config.auth.sessionSeconds * 1000;
  const token = await createSession(db, user.id, provider, expiresAt);
  return c.json({token, expiresAt: new Date(expiresAt).toISOString(), session: sessionBody(user, provider, config)}, 201);
}
