import {msg} from '@lit/localize';
import {CommentError} from '../../core/errors.js';
import {send, type Fetch} from '../shared/http.js';
import {loginPageUrl} from './login-providers.js';

/** What a post or edit under a nonce WordPress no longer accepts fails with. */
export function signedOutError(status?: number): CommentError {
  return new CommentError(
    'unauthorized',
    msg('You were signed out of WordPress. Sign in again, or post as a guest.', {id: 'adapter.wordpress.nonce-expired'}),
    {...(status === undefined ? {} : {status}), backendCode: 'rest_cookie_invalid_nonce'},
  );
}

/** What `wp_create_nonce()` returns: ten hex digits. */
const NONCE = /^[a-f0-9]{10}$/;

/**
 * A visitor's login to the WordPress site itself: WordPress's own HttpOnly cookies plus
 * the REST nonce that lets the REST API act on them (without it, WordPress treats a
 * cookie-carrying REST request as anonymous, its defence against CSRF).
 *
 * Why this and not application passwords: an application password is a permanent,
 * full-rights credential; anything the page holds, every script on the page holds. Here
 * the page only ever holds the nonce, in memory: it is tied to the login session (ends
 * with it, expires within a day) and useless without the HttpOnly cookies, which only the
 * site's own origin sends. So it works only for a widget on the site's origin, and the
 * nonce is never sent anywhere else.
 */
export class CookieSession {
  #nonce: string | undefined;
  /** A nonce WordPress refused (`rest_cookie_invalid_nonce`); never tried again. */
  #refused: string | undefined;

  constructor(
    private readonly site: URL,
    private readonly fetcher: Fetch,
    nonce: string | undefined,
  ) {
    if (nonce && !this.sameOrigin) {
      console.warn(`Colloquy: the WordPress nonce is ignored: ${site.origin} is not this page's origin, and a nonce is never sent to another origin.`);
    } else if (nonce) {
      this.#nonce = nonce;
    }
  }

  /** Whether the site's cookies (and so a login) can reach requests from this page. */
  get sameOrigin(): boolean {
    return typeof location !== 'undefined' && this.site.origin === location.origin;
  }

  get nonce(): string | undefined {
    return this.#nonce;
  }

  /** WordPress refused this page's nonce: the person was signed out meanwhile. */
  get refused(): boolean {
    return this.#refused !== undefined && this.#nonce === undefined;
  }

  /** Stops using a nonce WordPress refused, so the next requests go out as a guest's. */
  refuse(): void {
    this.#refused = this.#nonce;
    this.#nonce = undefined;
  }

  forget(): void {
    this.#nonce = undefined;
  }

  /**
   * Asks WordPress for a REST nonce for the login session this browser has, the way
   * WordPress's own scripts renew theirs (`admin-ajax.php?action=rest-nonce`; it answers
   * `0` to a visitor who is not logged in). Resolves with whether there is one now.
   */
  async renew(signal?: AbortSignal): Promise<boolean> {
    if (!this.sameOrigin) return false;
    const url = new URL('wp-admin/admin-ajax.php', this.site);
    url.searchParams.set('action', 'rest-nonce');
    const response = await send(this.fetcher, url.href, {credentials: 'same-origin', cache: 'no-store'}, signal);
    const text = response.ok ? (await response.text()).trim() : '';
    this.#nonce = NONCE.test(text) && text !== this.#refused ? text : undefined;
    return this.#nonce !== undefined;
  }

  /**
   * WordPress's login page, which comes back to `callbackUrl` (the site's own callback
   * page, with this attempt's `state`) once the visitor has logged in. WordPress only
   * redirects to its own host after a login, which is also where the cookies work.
   */
  loginUrl(callbackUrl: string, state: string): string {
    return loginPageUrl(new URL('wp-login.php', this.site).href, callbackUrl, state);
  }

  /**
   * Ends the WordPress login (every tab of this site, as WordPress's own "Log Out" does):
   * WordPress's logout link carries a nonce of its own, read from the confirmation page
   * WordPress shows at `wp-login.php?action=logout`.
   */
  async logOut(signal?: AbortSignal): Promise<void> {
    const failed = () =>
      new CommentError(
        'server',
        msg('WordPress did not log you out. Please log out from the site’s own menu.', {id: 'adapter.wordpress.log-out-failed'}),
      );
    this.#nonce = undefined;
    if (!this.sameOrigin) throw failed();
    const confirm = new URL('wp-login.php', this.site);
    confirm.searchParams.set('action', 'logout');
    const page = await send(this.fetcher, confirm.href, {credentials: 'same-origin', cache: 'no-store'}, signal);
    const logoutNonce = /[?&](?:amp;)?_wpnonce=([a-f0-9]{10})\b/.exec(await page.text())?.[1];
    if (!logoutNonce) throw failed();
    confirm.searchParams.set('_wpnonce', logoutNonce);
    // WordPress answers with a redirect whose Set-Cookie headers clear the login cookies.
    await send(this.fetcher, confirm.href, {credentials: 'same-origin', redirect: 'manual', cache: 'no-store'}, signal);
    if (await this.renew(signal)) {
      this.#nonce = undefined;
      throw failed();
    }
  }
}
