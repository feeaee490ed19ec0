import {isCommentError} from '../../core/errors.js';
import {readJson, send, unreadableError, type Fetch} from '../shared/http.js';
import {asObject} from '../shared/values.js';
import {signedOutError, type CookieSession} from './cookie-session.js';
import {wordPressError} from './errors.js';

export type RouteStyle = 'pretty' | 'query';

/**
 * WordPress's REST API as one call: the route addressed the way the site answers
 * (`/wp-json/…`, or `?rest_route=…` without pretty permalinks), the nonce only on calls
 * that act for the viewer, every failure as a CommentError.
 */
export class WordPressRestClient {
  #style: RouteStyle | undefined;

  /** @param onSignedOut Called when WordPress refused the nonce and no fresh one was had. */
  constructor(
    readonly site: URL,
    style: RouteStyle | undefined,
    private readonly fetcher: Fetch,
    private readonly login: CookieSession,
    private readonly onSignedOut: () => void,
  ) {
    this.#style = style;
  }

  async call(route: string, params: Record<string, string>, init: RequestInit, signal?: AbortSignal): Promise<unknown> {
    return (await this.callWithHeaders(route, params, init, signal)).body;
  }

  /** One REST request; resolves with the parsed body of a 2xx answer, rejects with a CommentError. */
  callWithHeaders(
    route: string,
    params: Record<string, string>,
    init: RequestInit,
    signal?: AbortSignal,
  ): Promise<{response: Response; body: unknown}> {
    return this.#callWithHeaders(route, params, init, signal, false);
  }

  /** `renewed`: the nonce was renewed once for this call already; a second refusal ends it. */
  async #callWithHeaders(
    route: string,
    params: Record<string, string>,
    init: RequestInit,
    signal: AbortSignal | undefined,
    renewed: boolean,
  ): Promise<{response: Response; body: unknown}> {
    const headers = new Headers(init.headers);
    // Only calls that act for the viewer (writes, "who am I") carry the nonce; public reads
    // go out as a guest's, so a stale nonce cannot break them.
    const actsForViewer = (init.method ?? 'GET') !== 'GET' || route.startsWith('/wp/v2/users/me') || params['context'] === 'edit';
    const nonce = actsForViewer ? this.login.nonce : undefined;
    if (nonce) headers.set('X-WP-Nonce', nonce);
    const request: RequestInit = {...init, headers, credentials: 'same-origin'};
    const attempt = async (style: RouteStyle) => {
      const response = await send(this.fetcher, apiUrl(this.site, style, route, params), request, signal);
      return {response, body: await readJson(response, signal)};
    };

    let result: {response: Response; body: unknown} | undefined;
    if (this.#style || (init.method ?? 'GET') !== 'GET') {
      result = await attempt(this.#style ?? 'pretty');
    } else {
      // Sites without pretty permalinks have no /wp-json/ (a 404 page, often without CORS
      // headers, so a network error): they answer at ?rest_route= instead.
      let pretty: typeof result;
      try {
        pretty = await attempt('pretty');
      } catch (error) {
        if (!isCommentError(error) || error.code !== 'network') throw error;
      }
      if (pretty && (pretty.body !== undefined || pretty.response.status !== 404)) {
        this.#style = 'pretty';
        result = pretty;
      } else {
        try {
          result = await attempt('query');
          if (result.body !== undefined) this.#style = 'query';
        } catch (error) {
          if (!pretty) throw error;
          result = pretty;
        }
      }
    }

    const {response, body} = result;
    if (!response.ok && nonce && asObject(body)['code'] === 'rest_cookie_invalid_nonce') {
      // A stale nonce fails every request it rides on. It may come from a page cache while
      // the visitor is still logged in: then WordPress hands this login a fresh one. If the
      // login itself ended, reads go on as a guest's and a write stops, so nothing is
      // posted under another name (or none).
      this.login.refuse();
      if (!renewed && (await this.login.renew(signal))) return this.#callWithHeaders(route, params, init, signal, true);
      this.onSignedOut();
      if ((init.method ?? 'GET') === 'GET') return this.#callWithHeaders(route, params, init, signal, true);
      throw signedOutError(response.status);
    }
    if (!response.ok) throw wordPressError(response.status, body, {authenticated: nonce !== undefined});
    if (body === undefined) throw unreadableError(response.status);
    return result;
  }
}

/** The site (ending in `/`) and, when the endpoint names it, how routes are addressed. */
export function parseEndpoint(endpoint: string): {site: URL; style: RouteStyle | undefined} {
  let url: URL;
  try {
    url = new URL(endpoint, document.baseURI);
  } catch {
    throw new Error(`Colloquy: the WordPress endpoint "${endpoint}" is not a URL.`);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw new Error(`Colloquy: the WordPress endpoint "${endpoint}" is not an http(s) URL.`);
  }
  const query = url.searchParams.has('rest_route');
  url.search = '';
  url.hash = '';
  const pretty = /\/wp-json\/?$/.test(url.pathname);
  url.pathname = url.pathname.replace(/\/wp-json\/?$/, '/').replace(/\/?$/, '/');
  return {site: url, style: query ? 'query' : pretty ? 'pretty' : undefined};
}

function apiUrl(site: URL, style: RouteStyle, route: string, params: Record<string, string>): string {
  const url = new URL(style === 'pretty' ? `wp-json${route}` : '', site);
  if (style === 'query') url.searchParams.set('rest_route', route);
  for (const [name, value] of Object.entries(params)) url.searchParams.set(name, value);
  return url.href;
}
