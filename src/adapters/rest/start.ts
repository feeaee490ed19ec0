import type {LoadPageRequest} from '../../core/adapter.js';
import {CommentError} from '../../core/errors.js';
import type {AdapterConfig, AdapterHints} from '../../core/registry.js';
import {createState} from '../../sign-in/state.js';
import {withLoadDeadline} from '../shared/deadline.js';
import {readJson, send, statusMessage, type Fetch} from '../shared/http.js';
import {safeStorage, type SafeStorage} from '../shared/storage.js';

// What a REST thread asks for before anything else (the service document and its first
// page), and what those requests need: URLs and credentials. Small, so the script-tag
// entry holds it and sends both requests the moment a thread asks for its adapter, while
// the adapter's own chunk is still on its way (see adapters/builtin.ts).

/** The protocol's page maximum when a service document does not announce its own. */
export const PROTOCOL_PAGE_SIZE = 100;

/** A request's answer: the response and its parsed body (see readJson). */
export interface Answer {
  response: Response;
  body: unknown;
}

/** A request sent before the adapter that will use its answer existed. */
export interface StartedRequest {
  url: string;
  answer: Promise<Answer>;
}

/** The requests a REST adapter's start-up sent, for the adapter to take over. */
export interface RestStart {
  endpoint: string;
  fetch: Fetch;
  credentials: RestCredentials;
  /** `GET {endpoint}`, unless the capabilities were given. */
  serviceDocument?: Promise<Answer>;
  /** The hinted first page, asked for together with the service document. */
  firstPage?: StartedRequest;
}

export interface RestStartOptions {
  endpoint: string;
  fetch?: Fetch;
  storage?: SafeStorage;
  /** Given, no service document is asked for. */
  capabilities?: unknown;
  /** The largest page the server takes, when known without its service document. */
  maxPageSize?: number;
  firstPage?: LoadPageRequest | undefined;
  /** The reader's language (see RestAdapterOptions.locale). */
  locale?: (() => string | undefined) | undefined;
}

/**
 * Sends the service document request and the hinted first page at once, each with the
 * page's load deadline. Their answers are unhandled until the adapter takes them over, so
 * a failure the adapter never reads (an unused page) is not reported twice.
 */
export function startRest(options: RestStartOptions, signal?: AbortSignal): RestStart {
  const endpoint = baseUrl(options.endpoint);
  const fetcher = options.fetch ?? ((input, init) => fetch(input, init));
  const credentials = new RestCredentials(options.storage ?? safeStorage('sessionStorage'), endpoint, options.locale);
  const get = (url: string, headers: Headers) => {
    const answer = withLoadDeadline(signal, async (deadline) => {
      const response = await send(fetcher, url, {headers}, deadline);
      return {response, body: await readJson(response, deadline)};
    });
    answer.catch(() => {});
    return answer;
  };
  const start: RestStart = {endpoint, fetch: fetcher, credentials};
  if (!options.capabilities) start.serviceDocument = get(endpoint, new Headers({Accept: 'application/json'}));
  // The page's URL holds its limit, which a service document may raise above the protocol's
  // 100: a larger page waits for it, rather than be asked for twice (under two URLs).
  const maxPageSize = options.maxPageSize ?? (options.capabilities ? PROTOCOL_PAGE_SIZE : undefined);
  const firstPage = options.firstPage;
  if (firstPage && !signal?.aborted && (maxPageSize !== undefined || firstPage.limit <= PROTOCOL_PAGE_SIZE)) {
    const url = pageUrl(endpoint, firstPage, maxPageSize ?? PROTOCOL_PAGE_SIZE);
    start.firstPage = {url, answer: get(url, credentials.headers())};
  }
  return start;
}

/**
 * startRest for `adapter="rest"`'s attributes, or nothing when they are wrong (no
 * endpoint, not an http(s) one): the adapter reports that when it is built.
 */
export function startRestFromConfig(config: AdapterConfig, hints: AdapterHints = {}): RestStart | undefined {
  const endpoint = config['endpoint'];
  if (!endpoint) return undefined;
  try {
    return startRest({endpoint, firstPage: hints.firstPage});
  } catch {
    return undefined;
  }
}

/**
 * Replies per conversation a page asks for: what the thread shows of a long conversation
 * before "Show N more replies" (REPLIES_SHOWN_FIRST), so a page of ten conversations with
 * 5,000 replies each is 500 comments, not 50,000.
 */
export const FIRST_REPLIES = 50;

/** The URL of the page `request` asks for, its `limit` at most `maxPageSize`. */
export function pageUrl(endpoint: string, request: LoadPageRequest, maxPageSize: number): string {
  return restUrl(endpoint, `threads/${segment(request.thread)}/comments`, {
    sort: request.sort,
    limit: pageLimit(request.limit, maxPageSize),
    ...(request.cursor ? {cursor: request.cursor} : {}),
    // Sent before the service document says whether the server cuts conversations: one
    // that does not ignores it (docs/rest-protocol.md, "Long conversations").
    replies: String(FIRST_REPLIES),
  });
}

/** `limit` as sent: at most `maxPageSize`, the same for pages and `locate`, so their cursors agree. */
export function pageLimit(limit: number, maxPageSize: number): string {
  return String(Math.min(limit, maxPageSize));
}

export function restUrl(endpoint: string, path: string, query: Record<string, string> = {}): string {
  const url = new URL(endpoint);
  if (path) url.pathname = `${url.pathname.replace(/\/$/, '')}/${path}`;
  for (const [name, value] of Object.entries(query)) url.searchParams.set(name, value);
  return url.href;
}

/** The endpoint as an absolute URL, its path without a trailing slash. */
export function baseUrl(endpoint: string): string {
  // Outside a page (Node, a worker) only an absolute endpoint has a meaning.
  const url = new URL(endpoint, typeof document === 'undefined' ? undefined : document.baseURI);
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw new Error(`Colloquy: the REST endpoint "${endpoint}" is not an http(s) URL.`);
  }
  url.hash = '';
  url.pathname = url.pathname.replace(/\/+$/, '');
  return url.href;
}

/**
 * One path segment. Ids are opaque, so `/`, `?` and `#` are escaped; `.` and `..` would
 * still be read as "this" and "the parent" folder, so no thread or comment has them.
 */
export function segment(value: string): string {
  if (value === '.' || value === '..' || value === '') {
    throw new CommentError('not-found', statusMessage(404));
  }
  return encodeURIComponent(value);
}

export interface Token {
  token: string;
  expiresAt?: string;
}

/**
 * Who the requests are from: the signed-in viewer's token, else a guest secret. Both kept
 * per endpoint in the tab's storage (sessionStorage by default), never in localStorage or
 * a URL.
 */
export class RestCredentials {
  /** The guest secret also lives here, for when storage is blocked or absent. */
  #guest: string | undefined;
  readonly #tokenKey: string;
  readonly #guestKey: string;

  constructor(
    readonly storage: SafeStorage,
    endpoint: string,
    /**
     * The reader's language, asked for again on every request: it may change while the
     * page is open. By default the page's `<html lang>`, which the elements follow when
     * the page configures nothing else; without one the browser sends its own preferences.
     */
    readonly locale: () => string | undefined = () => globalThis.document?.documentElement.lang,
  ) {
    this.#tokenKey = `colloquy:rest:token:${endpoint}`;
    this.#guestKey = `colloquy:rest:guest:${endpoint}`;
  }

  token(): string | undefined {
    let stored: unknown;
    try {
      stored = JSON.parse(this.storage.get(this.#tokenKey) ?? 'null');
    } catch {
      return undefined;
    }
    if (typeof stored !== 'object' || stored === null) return undefined;
    const {token, expiresAt} = stored as Record<string, unknown>;
    if (typeof token !== 'string' || !token) return undefined;
    return Date.parse(typeof expiresAt === 'string' ? expiresAt : '') <= Date.now() ? undefined : token;
  }

  setToken(token: Token | undefined): void {
    if (token) this.storage.set(this.#tokenKey, JSON.stringify(token));
    else this.storage.remove(this.#tokenKey);
  }

  headers(extra: Record<string, string> = {}): Headers {
    const headers = new Headers({Accept: 'application/json', ...extra});
    const language = this.locale();
    // Only a plain tag (the server negotiates): anything else would make the header unsafe
    // for CORS, a preflight for every request.
    if (language && /^[a-z\d-]{1,35}$/i.test(language)) headers.set('Accept-Language', language);
    const token = this.token();
    if (token) headers.set('Authorization', `Bearer ${token}`);
    else headers.set('Colloquy-Guest', this.#guestSecret());
    return headers;
  }

  /**
   * A random secret for this tab and endpoint, sent while nobody is signed in, by which
   * the server knows a guest again: their pending comments and what they may still edit.
   */
  #guestSecret(): string {
    let secret = this.storage.get(this.#guestKey) ?? this.#guest;
    if (!secret || !/^[\w-]{16,128}$/.test(secret)) {
      // 256 random bits, base64url: what a sign-in `state` is made of.
      secret = createState();
      this.storage.set(this.#guestKey, secret);
    }
    this.#guest = secret;
    return secret;
  }
}
