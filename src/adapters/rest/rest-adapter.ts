import type {
  AdapterCapabilities,
  CallOptions,
  CommentAdapter,
  CommentRef,
  CompleteSignInRequest,
  EditCommentRequest,
  LoadPageRequest,
  LoadRepliesRequest,
  LocatedComment,
  LocateRequest,
  NewComment,
  ModerateRequest,
  ReactRequest,
  ReplyBatch,
  SignInLinkRequest,
  SignInUrlRequest,
  ThreadEvent,
} from '../../core/adapter.js';
import {isCommentError} from '../../core/errors.js';
import type {Comment, CommentPage, Session, SignInProvider} from '../../core/types.js';
import {readJson, send, unreadableError, type Fetch} from '../shared/http.js';
import {readStoredJson, safeStorage, type SafeStorage} from '../shared/storage.js';
import {asObject, asString} from '../shared/values.js';
import {
  mapCallbackPageSupport,
  mapCapabilities,
  mapComment,
  mapCommentResponse,
  mapError,
  mapLocation,
  mapLocateSupport,
  mapPage,
  mapPageSizeLimit,
  mapProviders,
  mapSession,
  mapThreadEvent,
} from './mapping.js';
import {
  baseUrl,
  pageLimit,
  pageUrl,
  PROTOCOL_PAGE_SIZE,
  RestCredentials,
  restUrl,
  segment,
  startRest,
  type Answer,
  type RestStart,
  type StartedRequest,
  type Token,
} from './start.js';
import {mapReplyBatch, MAX_REPLY_BATCH} from './replies.js';

export interface RestAdapterOptions {
  /** The protocol's base URL, e.g. `https://api.example.com/comments` (relative URLs resolve against the page). */
  endpoint: string;
  /** Defaults to the global `fetch`. */
  fetch?: Fetch;
  /**
   * What the server implements. Given, the adapter skips asking the server's service
   * document (one request less at start-up); left out, `GET {endpoint}` tells.
   */
  capabilities?: AdapterCapabilities;
  /** Where the sign-in token is kept for the tab; defaults to sessionStorage. */
  storage?: SafeStorage;
  /**
   * The server answers `GET …/comments/{comment}/location` (its service document says
   * `locate`), so a link to a comment loads that comment's page only.
   */
  locate?: boolean;
  /**
   * The most top-level comments a page may ask for (the service document's
   * `limits.pageSize`); default the protocol's 100.
   */
  maxPageSize?: number;
  /** Longest wait between reconnections of the live stream, in ms; default 30 s. */
  maxReconnectDelay?: number;
  /**
   * The page the caller will load first: `createRestAdapter` asks for it together with
   * the service document instead of after it, and `loadPage` answers from that request.
   */
  firstPage?: LoadPageRequest;
  /**
   * The server serves the sign-in callback page at `{endpoint}/auth/callback` (its service
   * document says `callbackPage`): the widget uses it when the page names no `sign-in-callback`.
   */
  callbackPage?: boolean;
}

/** Lets `createRestAdapter` hand the requests its start-up sent to the adapter (see below). */
let takeOver: (adapter: RestAdapter, start: RestStart) => void;

interface PendingSignIn {
  provider: string;
  state: string;
  startedAt: number;
}

/** A popup sign-in that never reported back is claimed for this long (see getSession). */
const PENDING_SIGN_IN_MS = 10 * 60 * 1000;
/** Conditional-GET cache entries kept (pages are small; a few threads, a few pages each). */
const CACHED_PAGES = 50;

/**
 * A client of the Colloquy REST protocol (docs/rest-protocol.md, docs/openapi.yaml),
 * which any server can implement. `fetch` only; every call aborts with its signal.
 */
export class RestAdapter implements CommentAdapter {
  readonly capabilities: AdapterCapabilities;
  readonly maxPageSize: number;
  /** Present only when the server implements it (see `RestAdapterOptions.locate`). */
  readonly locate?: (request: LocateRequest, options?: CallOptions) => Promise<LocatedComment | null>;
  readonly signInCallbackUrl?: string;
  readonly #endpoint: string;
  #fetch: Fetch;
  #credentials: RestCredentials;
  readonly #pendingKey: string;
  readonly #maxReconnectDelay: number;
  /** Last ETag and body per page URL, for `If-None-Match`. */
  readonly #pages = new Map<string, {etag: string; body: unknown}>();
  /** The first page, asked for while the service document was read; used once. */
  #started: StartedRequest | undefined;

  static {
    takeOver = (adapter, start) => {
      // The same credentials: with storage blocked, the guest secret lives only in them.
      adapter.#credentials = start.credentials;
      adapter.#fetch = start.fetch;
      adapter.#started = start.firstPage;
    };
  }

  constructor(options: RestAdapterOptions & {capabilities: AdapterCapabilities}) {
    this.#endpoint = baseUrl(options.endpoint);
    this.#fetch = options.fetch ?? ((input, init) => fetch(input, init));
    this.capabilities = options.capabilities;
    this.maxPageSize = options.maxPageSize ?? PROTOCOL_PAGE_SIZE;
    this.#credentials = new RestCredentials(options.storage ?? safeStorage('sessionStorage'), this.#endpoint);
    this.#pendingKey = `colloquy:rest:pending-sign-in:${this.#endpoint}`;
    this.#maxReconnectDelay = options.maxReconnectDelay ?? 30_000;
    if (options.locate) this.locate = (request, callOptions) => this.#locate(request, callOptions);
    if (options.callbackPage) this.signInCallbackUrl = this.#url('auth/callback');
  }

  async loadPage(request: LoadPageRequest, {signal}: CallOptions = {}): Promise<CommentPage> {
    const url = this.#pageUrl(request);
    const cached = this.#pages.get(url);
    const started = this.#started;
    this.#started = undefined;
    const {response, body} =
      started?.url === url && !cached
        ? this.#checked(await untilAborted(started.answer, signal), [304])
        : await this.#request(url, {headers: cached ? {'If-None-Match': cached.etag} : {}}, signal, [304]);
    if (response.status === 304 && cached) {
      // Refreshed as the most recently used entry.
      this.#pages.delete(url);
      this.#pages.set(url, cached);
      return mapPage(cached.body, request.thread);
    }
    const page = mapPage(body, request.thread);
    const etag = response.headers.get('ETag');
    if (etag) {
      this.#pages.delete(url);
      this.#pages.set(url, {etag, body});
      if (this.#pages.size > CACHED_PAGES) this.#pages.delete(this.#pages.keys().next().value!);
    }
    return page;
  }

  #pageUrl(request: LoadPageRequest): string {
    return pageUrl(this.#endpoint, request, this.maxPageSize);
  }

  /** `GET …/comments/{comment}/replies`: the next replies of a conversation whose page carried `moreReplies`. */
  async loadReplies(request: LoadRepliesRequest, {signal}: CallOptions = {}): Promise<ReplyBatch> {
    const limit = Math.max(1, Math.min(MAX_REPLY_BATCH, Math.floor(request.limit) || 1));
    const url = this.#url(`threads/${segment(request.thread)}/comments/${segment(request.commentId)}/replies`, {
      cursor: request.cursor,
      limit: String(limit),
    });
    const {body} = await this.#request(url, {}, signal);
    return mapReplyBatch(body);
  }

  async #locate(request: LocateRequest, {signal}: CallOptions = {}): Promise<LocatedComment | null> {
    const url = this.#url(`threads/${segment(request.thread)}/comments/${segment(request.commentId)}/location`, {
      sort: request.sort,
      limit: pageLimit(request.limit, this.maxPageSize),
    });
    try {
      const {body} = await this.#request(url, {}, signal);
      const located = mapLocation(body);
      if (!located) throw unreadableError(200);
      return located;
    } catch (error) {
      if (isCommentError(error) && error.code === 'not-found') return null;
      throw error;
    }
  }

  async postComment(input: NewComment, {signal}: CallOptions = {}): Promise<Comment> {
    const {body} = await this.#request(
      this.#url(`threads/${segment(input.thread)}/comments`),
      {
        method: 'POST',
        headers: {'Content-Type': 'application/json', 'Idempotency-Key': input.idempotencyKey},
        body: JSON.stringify({
          text: input.text,
          parentId: input.parentId,
          ...(input.guest ? {guest: input.guest} : {}),
          ...(input.notify ? {notify: input.notify} : {}),
        }),
      },
      signal,
    );
    const comment = mapCommentResponse(body);
    return {...comment, author: {...comment.author, isViewer: true}};
  }

  async editComment(request: EditCommentRequest, {signal}: CallOptions = {}): Promise<Comment> {
    const {body} = await this.#request(
      this.#commentUrl(request),
      {method: 'PATCH', headers: {'Content-Type': 'application/json'}, body: JSON.stringify({text: request.text})},
      signal,
    );
    return mapCommentResponse(body);
  }

  async deleteComment(request: CommentRef, {signal}: CallOptions = {}): Promise<Comment | null> {
    const {body} = await this.#request(this.#commentUrl(request), {method: 'DELETE'}, signal);
    return mapComment(asObject(body)['comment']);
  }

  async moderate(request: ModerateRequest, {signal}: CallOptions = {}): Promise<Comment | null> {
    const init = {method: 'POST', headers: {'Content-Type': 'application/json'}, body: JSON.stringify({action: request.action})};
    const {body} = await this.#request(`${this.#commentUrl(request)}/moderation`, init, signal);
    return mapComment(asObject(body)['comment']);
  }

  async react(request: ReactRequest, {signal}: CallOptions = {}): Promise<Comment> {
    const url = `${this.#commentUrl(request)}/reactions/${segment(request.reaction)}`;
    const {body} = await this.#request(url, {method: request.active ? 'PUT' : 'DELETE'}, signal);
    return mapCommentResponse(body);
  }

  async listProviders({signal}: CallOptions = {}): Promise<SignInProvider[]> {
    const {body} = await this.#request(this.#url('auth/providers'), {}, signal);
    return mapProviders(body);
  }

  /** Built here, not asked for: the server's authorize endpoint redirects to the provider. */
  async signInUrl(request: SignInUrlRequest, {signal}: CallOptions = {}): Promise<string> {
    signal?.throwIfAborted();
    const pending: PendingSignIn = {provider: request.providerId, state: request.state, startedAt: Date.now()};
    this.#credentials.storage.set(this.#pendingKey, JSON.stringify(pending));
    return this.#url(`auth/providers/${segment(request.providerId)}/authorize`, {
      state: request.state,
      redirect_uri: request.callbackUrl,
      mode: request.mode,
      // The server's own callback page reports to this origin, if the server registered it.
      ...(request.callbackUrl === this.signInCallbackUrl && typeof location !== 'undefined' ? {origin: location.origin} : {}),
    });
  }

  /** `POST /auth/providers/{provider}/link`; the sign-in is then picked up by its `state` (see getSession). */
  async requestSignInLink(request: SignInLinkRequest, {signal}: CallOptions = {}): Promise<void> {
    const pending: PendingSignIn = {provider: request.providerId, state: request.state, startedAt: Date.now()};
    await this.#request(
      this.#url(`auth/providers/${segment(request.providerId)}/link`),
      {
        method: 'POST',
        headers: {'Content-Type': 'application/json'},
        body: JSON.stringify({
          email: request.email,
          ...(request.name ? {name: request.name} : {}),
          state: request.state,
          redirect_uri: request.callbackUrl,
          ...(request.callbackUrl === this.signInCallbackUrl && typeof location !== 'undefined' ? {origin: location.origin} : {}),
        }),
      },
      signal,
    );
    this.#credentials.storage.set(this.#pendingKey, JSON.stringify(pending));
  }

  async completeSignIn(request: CompleteSignInRequest, {signal}: CallOptions = {}): Promise<Session> {
    return this.#startSession({provider: request.providerId, result: request.result}, signal);
  }

  /**
   * The session of the stored token. With no token but a sign-in started in the last ten
   * minutes whose popup could not report back (its opener link cut by
   * Cross-Origin-Opener-Policy, say), the server is asked to hand over that sign-in by
   * its `state`, which only this tab knows.
   */
  async getSession({signal}: CallOptions = {}): Promise<Session | null> {
    if (this.#token()) {
      try {
        const {body} = await this.#request(this.#url('auth/session'), {}, signal);
        const session = mapSession(asObject(body)['session']);
        if (session) return session;
        throw unreadableError(200);
      } catch (error) {
        if (!isCommentError(error) || error.code !== 'unauthorized') throw error;
        this.#setToken(undefined);
      }
    }
    const pending = asObject(readStoredJson(this.#credentials.storage, this.#pendingKey));
    const startedAt = typeof pending['startedAt'] === 'number' ? pending['startedAt'] : 0;
    if (Date.now() - startedAt > PENDING_SIGN_IN_MS || typeof pending['state'] !== 'string') return null;
    try {
      return await this.#startSession({provider: asString(pending['provider']), state: pending['state']}, signal);
    } catch (error) {
      if (isCommentError(error) && (error.code === 'not-found' || error.code === 'unauthorized')) return null;
      throw error;
    }
  }

  async signOut({signal}: CallOptions = {}): Promise<void> {
    if (this.#token()) {
      try {
        await this.#request(this.#url('auth/session'), {method: 'DELETE'}, signal);
      } catch (error) {
        // The token is forgotten either way; an expired one needs no ending.
        if (signal?.aborted) throw signal.reason;
        if (!isCommentError(error) || error.code !== 'unauthorized') {
          this.#setToken(undefined);
          throw error;
        }
      }
    }
    this.#setToken(undefined);
  }

  /**
   * Streams `GET {endpoint}/threads/{thread}/events` (Server-Sent Events) through fetch
   * rather than EventSource: EventSource cannot send the `Authorization` header, and a
   * token in the URL would end up in server logs. It reconnects as EventSource would
   * (with `Last-Event-ID`, no sooner than the server's `retry`, backing off with jitter
   * while streams keep failing: see `followEventStream`) and stops for good on 204, 401,
   * 403 or 404, or when the signal fires.
   */
  subscribe(thread: string, listener: (event: ThreadEvent) => void, {signal}: CallOptions = {}): void {
    const url = this.#url(`threads/${segment(thread)}/events`);
    // The stream's parser is not needed for the first comments: it loads beside them.
    void import('./event-stream.js').then(({followEventStream}) => {
      if (signal?.aborted) return;
      void followEventStream({
        open: (headers, streamSignal) => send(this.#fetch, url, {headers: this.#headers(headers), cache: 'no-store'}, streamSignal),
        onEvent: (event) => {
          const mapped = mapThreadEvent(event.type, event.data, thread);
          if (mapped) listener(mapped);
        },
        ...(signal ? {signal} : {}),
        maxReconnectDelay: this.#maxReconnectDelay,
      });
    }, console.error);
  }

  async #startSession(body: Record<string, unknown>, signal?: AbortSignal): Promise<Session> {
    const {body: answer} = await this.#request(
      this.#url('auth/session'),
      {method: 'POST', headers: {'Content-Type': 'application/json'}, body: JSON.stringify(body)},
      signal,
    );
    const token = asString(asObject(answer)['token']);
    const session = mapSession(asObject(answer)['session']);
    if (!token || !session) throw unreadableError(201);
    const expiresAt = asString(asObject(answer)['expiresAt']);
    this.#setToken({token, ...(expiresAt ? {expiresAt} : {})});
    this.#credentials.storage.remove(this.#pendingKey);
    return session;
  }

  #token(): string | undefined {
    return this.#credentials.token();
  }

  #setToken(token: Token | undefined): void {
    this.#credentials.setToken(token);
    // Pages differ per viewer (isViewer, viewerCan, pending comments).
    this.#pages.clear();
  }

  #headers(extra: Record<string, string> = {}): Headers {
    return this.#credentials.headers(extra);
  }

  #url(path: string, query: Record<string, string> = {}): string {
    return restUrl(this.#endpoint, path, query);
  }

  #commentUrl(request: CommentRef): string {
    return this.#url(`threads/${segment(request.thread)}/comments/${segment(request.commentId)}`);
  }

  /** Sends a request; resolves with the parsed body of a 2xx (or an `allowed`) answer. */
  async #request(
    url: string,
    init: RequestInit & {headers?: Record<string, string>},
    signal?: AbortSignal,
    allowed: number[] = [],
  ): Promise<{response: Response; body: unknown}> {
    const response = await send(this.#fetch, url, {...init, headers: this.#headers(init.headers)}, signal);
    return this.#checked({response, body: await readJson(response, signal)}, allowed);
  }

  /** `answer` when it is a 2xx (or an `allowed` status), else the error it reports. */
  #checked(answer: Answer, allowed: number[] = []): Answer {
    const {response, body} = answer;
    if (!response.ok && !allowed.includes(response.status)) {
      const error = mapError(response.status, body, response.headers.get('Retry-After'));
      if (error.code === 'unauthorized' && this.#token()) this.#setToken(undefined);
      throw error;
    }
    return answer;
  }
}

/**
 * Creates the adapter; unless `capabilities` are given, first reads the server's service
 * document (`GET {endpoint}`), which says which optional parts of the protocol it has.
 */
export function createRestAdapter(options: RestAdapterOptions, {signal}: CallOptions = {}): Promise<RestAdapter> {
  try {
    return createStartedRestAdapter(options, startRest(options, signal), {signal});
  } catch (error) {
    return Promise.reject(error);
  }
}

/**
 * The adapter, taking over the requests `start` (startRest with the same options) sent:
 * the service document, and the first page, which does not depend on it (a limit up to
 * the protocol's 100 is always allowed), so both go at once: one round trip at start-up
 * instead of two.
 */
export async function createStartedRestAdapter(options: RestAdapterOptions, start: RestStart, {signal}: CallOptions = {}): Promise<RestAdapter> {
  let adapter: RestAdapter;
  if (options.capabilities || !start.serviceDocument) {
    adapter = new RestAdapter({...options, capabilities: options.capabilities ?? NO_CAPABILITIES});
  } else {
    const {response, body} = await untilAborted(start.serviceDocument, signal);
    if (!response.ok) throw mapError(response.status, body, response.headers.get('Retry-After'));
    adapter = new RestAdapter({
      ...options,
      capabilities: mapCapabilities(body),
      locate: options.locate ?? mapLocateSupport(body),
      callbackPage: options.callbackPage ?? mapCallbackPageSupport(body),
      maxPageSize: options.maxPageSize ?? mapPageSizeLimit(body),
    });
  }
  takeOver(adapter, start);
  return adapter;
}

/** What an adapter started without a service document nor capabilities assumes. */
const NO_CAPABILITIES: AdapterCapabilities = {edit: false, delete: false, reactions: [], signIn: false, session: false, live: false};

/** `answer`, or the signal's reason as soon as it fires. */
function untilAborted<T>(answer: Promise<T>, signal: AbortSignal | undefined): Promise<T> {
  if (!signal) return answer;
  signal.throwIfAborted();
  return new Promise<T>((resolve, reject) => {
    const abort = () => reject(signal.reason);
    signal.addEventListener('abort', abort, {once: true});
    answer.then(resolve, reject).finally(() => signal.removeEventListener('abort', abort));
  });
}
