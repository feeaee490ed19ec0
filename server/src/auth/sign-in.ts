import type {MessageId, Values} from '../i18n/messages.js';
import type {Context} from 'hono';
import type {AppEnv} from '../app.js';
import {documentStart} from '../html.js';
import {answerIn} from '../i18n/translate.js';
import {publicAuthorId} from '../render.js';
import {isModerator, type SignedInUser} from '../viewer.js';
import type {ServerConfig} from '../config.js';
import type {UserRow} from './store.js';

/** A sign-in in progress may take this long at the provider (login, consent, an email). */
export const ATTEMPT_MS = 10 * 60 * 1000;
export const EMAIL_ATTEMPT_MS = 10 * 60 * 1000;
/** The one-time code on the site's callback URL: exchanged at once by the page. */
export const CODE_MS = 2 * 60 * 1000;
/** What a site's sign-in `state` and the codes and states it sends back look like. */
export const SIGN_IN_TOKEN = /^[A-Za-z0-9_-]{16,128}$/;

/**
 * The mailer, when email-link sign-in is offered: it needs one, and registered sites to
 * send people back to (with "any origin" nobody could be sent back anywhere safe).
 */
export function emailSignIn(c: Context<AppEnv>): AppEnv['Variables']['deps']['mailer'] {
  const {mailer, config} = c.var.deps;
  return config.origins.length > 0 ? mailer : undefined;
}

/** Where browsers reach this server: COLLOQUY_PUBLIC_URL, else the address they asked. */
export function publicBase(c: Context<AppEnv>): string {
  return c.var.deps.config.publicUrl ?? new URL(c.req.url).origin;
}

/** The callback page this server serves itself, so a site needs no file of its own. */
export function ownCallbackUrl(c: Context<AppEnv>): string {
  return `${publicBase(c)}/auth/callback`;
}

/** Where a provider returns to: this server, per provider (what the site owner registers there). */
export function providerCallbackUrl(c: Context<AppEnv>, providerId: string): string {
  return `${publicBase(c)}/auth/providers/${encodeURIComponent(providerId)}/callback`;
}

/**
 * The site origin the answer of a sign-in goes to, or null when `redirect_uri` may not
 * receive codes: it must be on a registered origin (COLLOQUY_ORIGINS), or be this server's
 * own callback page, which then posts to the registered origin the page named in `origin`.
 */
export function siteOriginFor(c: Context<AppEnv>, redirectUri: string, origin: string | undefined): string | null {
  const {config} = c.var.deps;
  let url: URL;
  try {
    url = new URL(redirectUri);
  } catch {
    return null;
  }
  if ((url.protocol !== 'https:' && url.protocol !== 'http:') || url.hash || url.username || url.password) return null;
  if (`${url.origin}${url.pathname}` === ownCallbackUrl(c)) {
    return origin && config.origins.includes(origin) ? origin : null;
  }
  return config.origins.includes(url.origin) ? url.origin : null;
}

/** The site's callback URL with the answer added to its own query. */
export function answerUrl(redirectUri: string, answer: Record<string, string>): string {
  const url = new URL(redirectUri);
  for (const [name, value] of Object.entries(answer)) url.searchParams.set(name, value);
  return url.href;
}

/** The protocol's Session for a person. */
export function sessionBody(user: SignedInUser | UserRow, providerId: string, config: ServerConfig) {
  const avatarUrl = 'avatarUrl' in user ? user.avatarUrl : (user as UserRow).avatar_url ?? undefined;
  const profileUrl = 'profileUrl' in user ? user.profileUrl : (user as UserRow).profile_url ?? undefined;
  const verifiedEmail = 'verifiedEmail' in user ? user.verifiedEmail : (user as UserRow).verified_email ?? undefined;
  return {
    viewer: {
      id: publicAuthorId(`u:${user.id}`),
      name: user.name,
      ...(avatarUrl ? {avatarUrl} : {}),
      ...(profileUrl ? {profileUrl} : {}),
      isModerator: isModerator({provider: user.provider, subject: user.subject, ...(verifiedEmail ? {verifiedEmail} : {})}, config),
    },
    providerId,
  };
}

/**
 * A small page for a person in a sign-in window when something is wrong with the link
 * itself (there is no site to send them back to). No script; nothing from the URL in it.
 */
export function problemPage(c: Context<AppEnv>, status: 400 | 404 | 429 | 503, problem: MessageId, values?: Values): Response {
  const t = answerIn(c, c.var.t);
  c.header('Content-Security-Policy', "default-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'");
  c.header('Referrer-Policy', 'no-referrer');
  c.header('Cache-Control', 'no-store');
  const title = t.html('sign-in.problem-title');
  return c.html(
    `${documentStart(t)}<title>${title}</title></head><body><main><h1>${title}</h1><p>${t.html(problem, values)}</p></main></body></html>`,
    status,
  );
}
