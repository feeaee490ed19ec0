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
import {loadOnce} from '../../core/load-once.js';
import type {CommentError} from '../../core/errors.js';
import type {Comment, CommentPage, Session, SignInProvider} from '../../core/types.js';
import {networkError, readJson, send, type Fetch} from '../shared/http.js';
import {safeStorage, type SafeStorage} from '../shared/storage.js';
import type {RestClient} from './changes.js';
import {mapCallbackPageSupport, mapCapabilities, mapLocateSupport, mapPage, mapPageSizeLimit} from './mapping.js';
import {
  baseUrl,
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
  firstPage?: LoadPageRequest | undefined;
  /**
   * The server serves the sign-in callback page at `{endpoint}/auth/callback` (its service
   * document says `callbackPage`): the widget uses it when the page names no `sign-in-callback`.
   */
  callbackPage?: boolean;
  /**
   * The language the reader reads the widget in, sent as `Accept-Language` with every
   * request so the server's messages (errors, emails it will send) are in it too. Asked
   * for on each request. Defaults to the page's `<html lang>`, which the elements follow
   * unless the app configures @lit/localize itself; such an app passes its `getLocale`.
   */
  locale?: (() => string | undefined) | undefined;
}

/** A chunk of the adapter, loaded once when first asked for; one that did not load is a network failure, retried like one. */
function lazyChunk<T>(load: () => Promise<T>): () => Promise<T> {
  return loadOnce(() => load().catch((error: unknown) => Promise.reject(networkError(error))));
}

/** Posting, editing, signing in… (changes.ts): also loaded when the page is idle after the first page. */
const changes = lazyChunk(() => import('./changes.js'));
/** Whether the idle prefetch of `changes` was asked for: once a page, not once per page of comments. */
let changesPrefetched = false;
/** The next replies of long conversations, where a linked comment is (occasional-reads.ts). */
const occasionalReads = lazyChunk(() => import('./occasional-reads.js'));
/** What a failed answer says (error-answers.ts); when even that cannot load, the network failed. */
const errorAnswers = lazyChunk(() => import('./error-answers.js'));

/** The error a failed answer reports. */
async function answerError({response, body}: Answer): Promise<CommentError> {
  return (await errorAnswers()).mapError(response.status, body, response.headers.get('Retry-After'));
}

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
  readonly #fetch: Fetch;
  readonly #credentials: RestCredentials;
  readonly #pendingKey: string;
  readonly #maxReconnectDelay: number;
  /** Last ETag and body per page URL, for `If-None-Match`. */
  readonly #pages = new Map<string, {etag: string; body: unknown}>();
  /** The first page, asked for while the service document was read; used once. */
  #started: StartedRequest | undefined;
  /** What the calls in changes.ts use. */
  readonly #client: RestClient;

  /** `start`: the requests `startRest` sent for these options, taken over (see createStartedRestAdapter). */
  constructor(options: RestAdapterOptions & {capabilities: AdapterCapabilities; start?: RestStart}) {
    const {start} = options;
    this.#endpoint = baseUrl(options.endpoint);
    this.#fetch = start?.fetch ?? options.fetch ?? ((input, init) => fetch(input, init));
    this.capabilities = options.capabilities;
    this.maxPageSize = options.maxPageSize ?? PROTOCOL_PAGE_SIZE;
    // The start-up's own credentials: with storage blocked, the guest secret lives only in them.
    this.#credentials = start?.credentials ?? new RestCredentials(options.storage ?? safeStorage('sessionStorage'), this.#endpoint, options.locale);
    this.#started = start?.firstPage;
    this.#pendingKey = `colloquy:rest:pending-sign-in:${this.#endpoint}`;
    this.#maxReconnectDelay = options.maxReconnectDelay ?? 30_000;
    if (options.locate) this.locate = (request, callOptions) => this.#locate(request, callOptions);
    if (options.callbackPage) this.signInCallbackUrl = this.#url('auth/callback');
    this.#client = {
      signInCallbackUrl: this.signInCallbackUrl,
      pendingKey: this.#pendingKey,
      storage: () => this.#credentials.storage,
      url: (path, query) => this.#url(path, query),
      commentUrl: (request) => this.#commentUrl(request),
      request: (url, init, signal) => this.#request(url, init, signal),
      token: () => this.#token(),
      setToken: (token) => this.#setToken(token),
    };
  }

  async loadPage(request: LoadPageRequest, {signal}: CallOptions = {}): Promise<CommentPage> {
    const url = this.#pageUrl(request);
    const cached = this.#pages.get(url);
    const started = this.#started;
    this.#started = undefined;
    const {response, body} =
      started?.url === url && !cached
        ? await this.#checked(await untilAborted(started.answer, signal), [304])
        : await this.#request(url, {headers: cached ? {'If-None-Match': cached.etag} : {}}, signal, [304]);
    if (response.status === 304 && cached) {
      // Refreshed as the most recently used entry.
      this.#pages.delete(url);
      this.#pages.set(url, cached);
      return mapPage(cached.body, request.thread);
    }
    const page = mapPage(body, request.thread);
    if (!changesPrefetched) {
      changesPrefetched = true;
      whenIdle(() => void changes().catch(() => {}));
    }
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
  loadReplies(request: LoadRepliesRequest, options?: CallOptions): Promise<ReplyBatch> {
    return occasionalReads().then((module) => module.loadReplies(this.#client, request, options));
  }

  #locate(request: LocateRequest, options?: CallOptions): Promise<LocatedComment | null> {
    return occasionalReads().then((module) => module.locate(this.#client, request, this.maxPageSize, options));
  }

  postComment(input: NewComment, options?: CallOptions): Promise<Comment> {
    return changes().then((module) => module.postComment(this.#client, input, options));
  }

  editComment(request: EditCommentRequest, options?: CallOptions): Promise<Comment> {
    return changes().then((module) => module.editComment(this.#client, request, options));
  }

  deleteComment(request: CommentRef, options?: CallOptions): Promise<Comment | null> {
    return changes().then((module) => module.deleteComment(this.#client, request, options));
  }

  moderate(request: ModerateRequest, options?: CallOptions): Promise<Comment | null> {
    return changes().then((module) => module.moderate(this.#client, request, options));
  }

  react(request: ReactRequest, options?: CallOptions): Promise<Comment> {
    return changes().then((module) => module.react(this.#client, request, options));
  }

  listProviders(options?: CallOptions): Promise<SignInProvider[]> {
    return changes().then((module) => module.listProviders(this.#client, options));
  }

  /** Built here, not asked for: the server's authorize endpoint redirects to the provider. */
  signInUrl(request: SignInUrlRequest, options?: CallOptions): Promise<string> {
    return changes().then((module) => module.signInUrl(this.#client, request, options));
  }

  /** `POST /auth/providers/{provider}/link`; the sign-in is then picked up by its `state` (see getSession). */
  requestSignInLink(request: SignInLinkRequest, options?: CallOptions): Promise<void> {
    return changes().then((module) => module.requestSignInLink(this.#client, request, options));
  }

  completeSignIn(request: CompleteSignInRequest, options?: CallOptions): Promise<Session> {
    return changes().then((module) => module.completeSignIn(this.#client, request, options));
  }

  /**
   * The session of the stored token, or of a sign-in whose popup could not report back
   * (see changes.ts).
   */
  getSession(options?: CallOptions): Promise<Session | null> {
    return changes().then((module) => module.getSession(this.#client, options));
  }

  signOut(options?: CallOptions): Promise<void> {
    return changes().then((module) => module.signOut(this.#client, options));
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
    void import('./live-events.js').then(({followEventStream, mapThreadEvent}) => {
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
  async #checked(answer: Answer, allowed: number[] = []): Promise<Answer> {
    const {response} = answer;
    if (!response.ok && !allowed.includes(response.status)) {
      const error = await answerError(answer);
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
  if (options.capabilities || !start.serviceDocument) {
    return new RestAdapter({...options, capabilities: options.capabilities ?? NO_CAPABILITIES, start});
  }
  const answer = await untilAborted(start.serviceDocument, signal);
  if (!answer.response.ok) throw await answerError(answer);
  const {body} = answer;
  return new RestAdapter({
    ...options,
    capabilities: mapCapabilities(body),
    locate: options.locate ?? mapLocateSupport(body),
    callbackPage: options.callbackPage ?? mapCallbackPageSupport(body),
    maxPageSize: options.maxPageSize ?? mapPageSizeLimit(body),
    start,
  });
}

/** What an adapter started without a service document nor capabilities assumes. */
const NO_CAPABILITIES: AdapterCapabilities = {edit: false, delete: false, reactions: [], signIn: false, session: false, live: false};

function whenIdle(run: () => void): void {
  if (typeof requestIdleCallback === 'function') requestIdleCallback(run, {timeout: 2000});
  else setTimeout(run, 50);
}

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
