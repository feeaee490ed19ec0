import {Hono} from 'hono';
import type {AppEnv} from '../app.js';
import {readJsonBody} from '../body.js';
import {invalid, invalidField, message, notFound, ProtocolError} from '../errors.js';
import {sendSignInLink} from '../auth/email-link.js';
import {CODE_MS, EMAIL_ATTEMPT_MS, SIGN_IN_TOKEN, answerUrl, emailSignIn, problemPage, publicBase, siteOriginFor} from '../auth/sign-in.js';
import {claimAttempt, completeAttempt, createAttempt, newSecret, upsertUser} from '../auth/store.js';
import {hitRateLimits} from '../store/rate-limits.js';

const EMAIL = /^[^\s@]{1,64}@[^\s@]{1,253}\.[^\s@]{1,63}$/;
const HOUR = 3600;

/**
 * Signing in with an email link, the `email` provider (offered with a mailer and COLLOQUY_ORIGINS):
 * `POST /auth/providers/email/link` mails a one-time link; opening it finishes the sign-in
 * like a provider's return, with a one-time code for the site and its `state`.
 */
export function authEmailRoutes() {
  const app = new Hono<AppEnv>();

  app.post('/auth/providers/email/link', async (c) => {
    const {config, db} = c.var.deps;
    const mailer = emailSignIn(c);
    if (!mailer) throw notFound('error.email-sign-in-off');
    const body = await readJsonBody(c.req.raw, config.maxBodyBytes);
    const email = typeof body['email'] === 'string' ? body['email'].trim().toLowerCase() : '';
    if (email.length > 254 || !EMAIL.test(email)) throw invalidField('email', 'error.email-invalid');
    const state = typeof body['state'] === 'string' ? body['state'] : '';
    if (!SIGN_IN_TOKEN.test(state)) throw invalid('error.sign-in-state');
    const redirectUri = typeof body['redirect_uri'] === 'string' ? body['redirect_uri'] : '';
    const siteOrigin = siteOriginFor(c, redirectUri, typeof body['origin'] === 'string' ? body['origin'] : undefined);
    if (!siteOrigin) throw new ProtocolError(403, 'forbidden', 'error.site-not-allowed');
    const nameRaw = typeof body['name'] === 'string' ? body['name'].replace(/[\u0000-\u001f\u007f]/g, '').trim() : '';
    if (nameRaw.length > config.maxNameLength) throw invalidField('name', message('error.name-too-long', {count: config.maxNameLength}));
    // Per address (nobody's inbox gets flooded) and per client (nobody mails the world),
    // counted only once the request is valid: a refused one spends nobody's sends.
    await hitRateLimits(
      db,
      [
        {bucket: `sign-in-mail:to:${email}`, limit: config.auth.emailLinksPerAddress},
        {bucket: `sign-in-mail:ip:${c.var.ip}`, limit: config.auth.emailLinksPerIp},
      ],
      HOUR,
      c.var.now,
    ).catch((error: unknown) => {
      if (error instanceof ProtocolError && error.code === 'rate-limited') {
        throw new ProtocolError(429, 'rate-limited', 'error.sign-in-mail-limit', error.extra);
      }
      throw error;
    });
    const token = newSecret();
    await createAttempt(db, {
      providerState: token, provider: 'email', site_state: state, site_origin: siteOrigin, redirect_uri: redirectUri,
      code_verifier: null, nonce: null, email, display_name: nameRaw || null, expiresAt: c.var.now + EMAIL_ATTEMPT_MS,
    });
    const link = `${publicBase(c)}/auth/providers/email/callback?token=${token}`;
    try {
      await sendSignInLink(mailer, c.var.t, email, link, siteOrigin, EMAIL_ATTEMPT_MS / 60_000);
    } catch (error) {
      console.error('colloquy-server: the sign-in email could not be sent:', error);
      throw new ProtocolError(503, 'server', 'error.sign-in-mail-failed', {retryAfter: 30});
    }
    c.header('Cache-Control', 'no-store');
    return c.body(null, 202);
  });

  app.get('/auth/providers/email/callback', async (c) => {
    const {db} = c.var.deps;
    if (!emailSignIn(c)) return problemPage(c, 404, 'error.email-sign-in-off');
    const token = c.req.query('token') ?? '';
    // Claimed once: the link's second use (or a guessed one) finds nothing.
    const attempt = /^[A-Za-z0-9_-]{43}$/.test(token) ? await claimAttempt(db, 'email', token, c.var.now) : null;
    if (!attempt || !attempt.email) return problemPage(c, 400, 'sign-in.email-link-expired');
    // Opening the link proves the address: it is the identity, and verified. The name is the
    // one given with the request, else the address's local part (never the whole address).
    const name = attempt.display_name ?? attempt.email.split('@')[0]!;
    const user = await upsertUser(db, 'email', {subject: attempt.email, name, verifiedEmail: attempt.email});
    const code = await completeAttempt(db, token, user.id, c.var.now + CODE_MS);
    c.header('Cache-Control', 'no-store');
    c.header('Referrer-Policy', 'no-referrer');
    return c.redirect(answerUrl(attempt.redirect_uri, {code, state: attempt.site_state}), 302);
  });
  return app;
}
