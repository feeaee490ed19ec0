import {Hono} from 'hono';
import type {AppEnv} from '../app.js';
import {ATTEMPT_MS, CODE_MS, SIGN_IN_TOKEN, answerUrl, emailSignIn, problemPage, providerCallbackUrl, siteOriginFor} from '../auth/sign-in.js';
import {claimAttempt, completeAttempt, createAttempt, upsertUser} from '../auth/store.js';
import {ProtocolError} from '../errors.js';
import {hitRateLimits} from '../store/rate-limits.js';

const EMAIL_PROVIDER = {id: 'email', name: 'Email'};
/** Sign-ins one client may start per rate-limit window (COLLOQUY_RATE_WINDOW). */
const SIGN_INS_PER_WINDOW = 30;

/**
 * Signing in with a provider (docs/rest-protocol.md, "Signing in"): the list, the start
 * (`authorize`, a page in the sign-in window) and the provider's return to this server.
 */
export function authRoutes() {
  const app = new Hono<AppEnv>();

  app.get('/auth/providers', (c) => {
    const providers = c.var.providers.providers.map(({definition}) => ({id: definition.id, name: definition.name}));
    if (emailSignIn(c)) providers.push(EMAIL_PROVIDER);
    c.header('Cache-Control', 'max-age=300');
    return c.json({providers});
  });

  app.get('/auth/providers/:provider/authorize', async (c) => {
    const provider = c.var.providers.find(c.req.param('provider'));
    if (!provider) return problemPage(c, 404, 'sign-in.unknown-provider');
    const siteState = c.req.query('state') ?? '';
    const redirectUri = c.req.query('redirect_uri') ?? '';
    if (!SIGN_IN_TOKEN.test(siteState)) return problemPage(c, 400, 'sign-in.incomplete');
    const siteOrigin = siteOriginFor(c, redirectUri, c.req.query('origin'));
    if (!siteOrigin) return problemPage(c, 400, 'error.site-not-allowed');
    // Each start stores an attempt: a bound per client keeps anyone from filling the table.
    try {
      await hitRateLimits(c.var.deps.db, [{bucket: `sign-in:ip:${c.var.ip}`, limit: SIGN_INS_PER_WINDOW}], c.var.deps.config.rateWindowSeconds, c.var.now);
    } catch (error) {
      if (!(error instanceof ProtocolError) || error.code !== 'rate-limited') throw error;
      c.header('Retry-After', String(error.extra.retryAfter ?? 60));
      return problemPage(c, 429, 'sign-in.too-many');
    }
    let started;
    try {
      started = await c.var.providers.start(provider, providerCallbackUrl(c, provider.definition.id));
    } catch (error) {
      console.error(`colloquy-server: ${provider.definition.id} cannot be reached:`, error);
      return problemPage(c, 503, 'sign-in.unreachable-provider', {provider: provider.definition.name});
    }
    await createAttempt(c.var.deps.db, {
      providerState: started.providerState,
      provider: provider.definition.id,
      site_state: siteState,
      site_origin: siteOrigin,
      redirect_uri: redirectUri,
      code_verifier: started.codeVerifier,
      nonce: started.nonce ?? null,
      email: null,
      display_name: null,
      expiresAt: c.var.now + ATTEMPT_MS,
    });
    c.header('Cache-Control', 'no-store');
    c.header('Referrer-Policy', 'no-referrer');
    return c.redirect(started.url.href, 302);
  });

  app.get('/auth/providers/:provider/callback', async (c) => {
    const provider = c.var.providers.find(c.req.param('provider'));
    if (!provider) return problemPage(c, 404, 'sign-in.unknown-provider');
    const {db} = c.var.deps;
    const providerState = c.req.query('state') ?? '';
    // Claimed once: a replayed or forged provider answer finds no attempt.
    const attempt = SIGN_IN_TOKEN.test(providerState) ? await claimAttempt(db, provider.definition.id, providerState, c.var.now) : null;
    if (!attempt) return problemPage(c, 400, 'sign-in.expired');
    c.header('Cache-Control', 'no-store');
    c.header('Referrer-Policy', 'no-referrer');
    const back = (answer: Record<string, string>) => c.redirect(answerUrl(attempt.redirect_uri, {...answer, state: attempt.site_state}), 302);
    const error = c.req.query('error');
    // The provider's own error text is not passed on: the widget shows its own words.
    if (error) return back({error: error === 'access_denied' ? 'access_denied' : 'server_error'});
    const callbackUrl = new URL(providerCallbackUrl(c, provider.definition.id));
    callbackUrl.search = new URL(c.req.url).search;
    try {
      const profile = await c.var.providers.finish(provider, callbackUrl, {
        providerState,
        codeVerifier: attempt.code_verifier ?? '',
        nonce: attempt.nonce,
      });
      const user = await upsertUser(db, provider.definition.id, profile);
      const code = await completeAttempt(db, providerState, user.id, c.var.now + CODE_MS);
      return back({code});
    } catch (failure) {
      console.error(`colloquy-server: signing in with ${provider.definition.id} failed:`, failure);
      return back({error: 'server_error'});
    }
  });

  return app;
}
