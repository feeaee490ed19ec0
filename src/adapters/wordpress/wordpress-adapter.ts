import {msg} from '@lit/localize';
import type {
  AdapterCapabilities,
  CallOptions,
  CommentAdapter,
  CompleteSignInRequest,
  LoadPageRequest,
  NewComment,
  SignInUrlRequest,
} from '../../core/adapter.js';
import {CommentError, isCommentError} from '../../core/errors.js';
import type {Comment, CommentPage, Session, SignInProvider, Viewer} from '../../core/types.js';
import {readJson, send, unreadableError, type Fetch} from '../shared/http.js';
import {readStoredJson, safeStorage, type SafeStorage} from '../shared/storage.js';
import {groupThreads} from '../shared/thread-order.js';
import {asObject, asString, httpUrl, type JsonObject} from '../shared/values.js';
import {decodeEntities, htmlToText} from './entities.js';
import {wordPressError} from './errors.js';
import {mapPost, mapWordPressComment, postingPolicy, type CommentContext, type PostSummary} from './mapping.js';
import {OwnComments} from './own-comments.js';
import {fetchRestNonce, siteLoginUrl, type SiteLogin} from './site-login.js';

export interface WordPressAdapterOptions {
  /**
   * The site's address (`https://example.com`, or `https://example.com/blog` for a site in
   * a folder), or its REST API root (`https://example.com/wp-json`, or
   * `https://example.com/?rest_route=` for sites without pretty permalinks).
   */
  endpoint: string;
  /** The post whose comments a thread with no id of its own shows (the `post` attribute). */
  post?: string | number;
  /** Defaults to the global `fetch`. */
  fetch?: Fetch;
  /**
   * The REST nonce (`wp_create_nonce('wp_rest')`, `wpApiSettings.nonce`), when the widget
   * runs on the WordPress site itself: requests then carry the visitor's login cookies and
   * this nonce, so a logged-in visitor comments under their account.
   */
  nonce?: string;
  /** Where guests' own and held comments are remembered; defaults to localStorage. */
  localStorage?: SafeStorage;
  /** Where an application password from sign-in is kept; defaults to sessionStorage. */
  sessionStorage?: SafeStorage;
  /**
   * Sign-in through the site's own login page instead of application passwords (the
   * Colloquy WordPress plugin sets it): only the login cookie comes back.
   */
  siteLogin?: SiteLogin;
  /**
   * Where "Sign out" logs a nonce session out of the site itself (the plugin's
   * `admin-ajax.php?action=colloquy_sign_out`, POST with the nonce); without it, signing
   * out only stops the widget from using the nonce.
   */
  signOutUrl?: string;
  /** The site's discussion settings, when the page knows them (the plugin prints them). */
  discussion?: DiscussionSettings;
}

/** Settings → Discussion, as far as they change what the form asks for. */
export interface DiscussionSettings {
  /** "Comment author must fill out name and email". */
  requireNameEmail?: boolean;
  /** Whether visitors who are not logged in may comment (through the REST API). */
  guestsAllowed?: boolean;
  /** False when the post no longer takes comments (for post types the REST API does not list). */
  open?: boolean;
}

interface Credentials {
  username: string;
  password: string;
}

/** Every comment of one post, fetched at once, from which pages are cut. */
interface Snapshot {
  generation: number;
  post: PostSummary;
  groups: Comment[][];
  totalCount: number;
}

type RouteStyle = 'pretty' | 'query';

/** WordPress refuses `per_page` above 100 (400 `rest_invalid_param`). */
const PER_PAGE = 100;
/** Comment pages fetched at once after the first. */
const PARALLEL_PAGES = 4;
/** A safety stop against a hostile `X-WP-TotalPages`: 100,000 comments. */
const MAX_PAGES = 1000;
const COMMENT_FIELDS = 'id,post,parent,author,author_name,author_url,date,date_gmt,content,link,status,author_avatar_urls';

let generations = 0;

/**
 * Talks to any WordPress site's core REST API (`/wp/v2/comments`). WordPress paginates
 * every comment flat, so the adapter loads them all (100 at a time), builds the tree from
 * `parent` and cuts pages of top-level comments from it.
 */
export class WordPressAdapter implements CommentAdapter {
  readonly capabilities: AdapterCapabilities = {
    edit: false,
    delete: false,
    reactions: [],
    signIn: true,
    session: true,
    live: false,
  };

  readonly #fetch: Fetch;
  readonly #site: URL;
  readonly #defaultPost: string | undefined;
  readonly #local: SafeStorage;
  readonly #session: SafeStorage;
  readonly #credentialsKey: string;
  #style: RouteStyle | undefined;
  #nonce: string | undefined;
  #credentials: Credentials | undefined;
  /** `undefined` until asked; `null` when nobody is signed in. */
  #viewer: Viewer | null | undefined;
  #guestsAllowed = true;
  #authorizationUrl: string | undefined;
  readonly #siteLogin: SiteLogin | undefined;
  readonly #discussion: DiscussionSettings;
  readonly #signOutUrl: string | undefined;
  /** Set once a site-login sign-in started, so getSession may look for its cookie. */
  #siteLoginStarted = false;
  readonly #snapshots = new Map<string, Snapshot>();
  /** Comments stored by this adapter, by idempotency key, so a retried post is stored once. */
  readonly #posted = new Map<string, Comment>();

  constructor(options: WordPressAdapterOptions) {
    const {site, style} = parseEndpoint(options.endpoint);
    this.#site = site;
    this.#style = style;
    this.#fetch = options.fetch ?? ((input, init) => fetch(input, init));
    this.#defaultPost = options.post === undefined ? undefined : String(options.post);
    this.#nonce = options.nonce || undefined;
    this.#local = options.localStorage ?? safeStorage('localStorage');
    this.#session = options.sessionStorage ?? safeStorage('sessionStorage');
    this.#siteLogin = options.siteLogin;
    this.#discussion = options.discussion ?? {};
    this.#signOutUrl = options.signOutUrl;
    if (this.#discussion.guestsAllowed === false) this.#guestsAllowed = false;
    this.#credentialsKey = `colloquy:wordpress:credentials:${site.href}`;
    const stored = asObject(readStoredJson(this.#session, this.#credentialsKey));
    if (typeof stored['username'] === 'string' && typeof stored['password'] === 'string') {
      this.#credentials = {username: stored['username'], password: stored['password']};
    }
  }

  async loadPage(request: LoadPageRequest, {signal}: CallOptions = {}): Promise<CommentPage> {
    signal?.throwIfAborted();
    const post = this.#postId(request.thread);
    const [generation, offset] = parseCursor(request.cursor);
    const key = `${post}`;
    let snapshot = this.#snapshots.get(key);
    if (!snapshot || request.cursor === undefined || snapshot.generation !== generation) {
      snapshot = await this.#loadSnapshot(post, signal);
      this.#snapshots.set(key, snapshot);
    }
    const groups = request.sort === 'newest' ? [...snapshot.groups].reverse() : snapshot.groups;
    const limit = Math.max(1, Math.floor(request.limit) || 1);
    const end = offset + limit;
    return {
      thread: {
        id: request.thread || post,
        title: snapshot.post.title,
        ...(snapshot.post.url ? {url: snapshot.post.url} : {}),
        totalCount: snapshot.totalCount,
        posting: postingPolicy(snapshot.post.open && this.#discussion.open !== false, this.#guestsAllowed, this.#discussion),
      },
      comments: groups.slice(offset, end).flat(),
      nextCursor: end < groups.length ? `${snapshot.generation}:${end}` : null,
    };
  }

  async postComment(input: NewComment, {signal}: CallOptions = {}): Promise<Comment> {
    signal?.throwIfAborted();
    const remembered = this.#posted.get(input.idempotencyKey);
    if (remembered) return remembered;
    const post = this.#postId(input.thread);
    if (input.parentId !== null) await this.#checkParent(post, input.parentId, signal);

    const signedIn = this.#credentials !== undefined || (this.#nonce !== undefined && (await this.#currentViewer(signal)) !== null);
    // Form-encoded, WordPress's other accepted body, is a "simple" request: a guest's post
    // needs no CORS preflight and so one round trip less.
    const body = new URLSearchParams({post, content: asWordPressText(input.text)});
    if (input.parentId !== null) body.set('parent', input.parentId);
    if (!signedIn && input.guest) {
      body.set('author_name', input.guest.name);
      body.set('author_email', input.guest.email);
      if (input.guest.website) body.set('author_url', input.guest.website);
    }

    let raw: JsonObject;
    try {
      raw = asObject(await this.#call('/wp/v2/comments', {}, {method: 'POST', body}, signal));
    } catch (error) {
      if (isCommentError(error) && error.backendCode === 'rest_comment_login_required') this.#guestsAllowed = false;
      throw error;
    }
    const comment = mapWordPressComment(raw, {open: true});
    if (!comment) throw unreadableError(201);
    const stored: Comment = {...comment, author: {...comment.author, isViewer: true}};
    this.#ownComments(post).remember(raw, stored.status === 'pending');
    this.#posted.set(input.idempotencyKey, stored);
    return stored;
  }

  async listProviders({signal}: CallOptions = {}): Promise<SignInProvider[]> {
    if (this.#siteLogin) {
      signal?.throwIfAborted();
      return this.#siteLogin.providers.map(({id, name, iconUrl}) => ({id, name, ...(iconUrl ? {iconUrl} : {})}));
    }
    const index = asObject(await this.#call('/', {_fields: 'name,authentication'}, {}, signal));
    const passwords = asObject(asObject(index['authentication'])['application-passwords']);
    const authorization = httpUrl(asObject(passwords['endpoints'])['authorization']);
    // Application passwords are off on sites without HTTPS, or turned off by a plugin.
    if (!authorization) return [];
    this.#authorizationUrl = authorization;
    return [{id: 'wordpress', name: htmlToText(asString(index['name'])) || 'WordPress'}];
  }

  /**
   * WordPress's "Authorize Application" screen, which creates an application password
   * for Colloquy and sends it to the callback page as `user_login` and `password`.
   */
  async signInUrl(request: SignInUrlRequest, options: CallOptions = {}): Promise<string> {
    options.signal?.throwIfAborted();
    if (this.#siteLogin) {
      const provider = this.#siteLogin.providers.find((candidate) => candidate.id === request.providerId);
      if (!provider) throw new CommentError('invalid', msg('Sign-in was cancelled.', {id: 'adapter.wordpress.sign-in-cancelled'}));
      this.#siteLoginStarted = true;
      return siteLoginUrl(provider, request.callbackUrl, request.state);
    }
    if (!this.#authorizationUrl) await this.listProviders(options);
    const url = new URL(this.#authorizationUrl ?? new URL('wp-admin/authorize-application.php', this.#site).href);
    const back = (extra: Record<string, string>) => {
      const callback = new URL(request.callbackUrl);
      callback.searchParams.set('state', request.state);
      for (const [name, value] of Object.entries(extra)) callback.searchParams.set(name, value);
      return callback.href;
    };
    url.searchParams.set('app_name', `Colloquy (${location.hostname || 'comments'})`);
    url.searchParams.set('success_url', back({}));
    url.searchParams.set('reject_url', back({error: 'access_denied'}));
    return url.href;
  }

  async completeSignIn({result, providerId}: CompleteSignInRequest, {signal}: CallOptions = {}): Promise<Session> {
    signal?.throwIfAborted();
    if (this.#siteLogin) return this.#completeSiteLogin(providerId, signal);
    const username = result['user_login'];
    const password = result['password'];
    if (!username || !password || result['success'] === 'false' || result['error']) {
      throw new CommentError('unauthorized', msg('Sign-in was cancelled.', {id: 'adapter.wordpress.sign-in-cancelled'}));
    }
    this.#credentials = {username, password};
    this.#viewer = undefined;
    const viewer = await this.#currentViewer(signal);
    if (!viewer) {
      this.#credentials = undefined;
      throw new CommentError('unauthorized', msg('WordPress did not accept the sign-in.', {id: 'adapter.wordpress.sign-in-refused'}));
    }
    this.#session.set(this.#credentialsKey, JSON.stringify({username, password}));
    return {viewer, providerId: 'wordpress'};
  }

  async getSession({signal}: CallOptions = {}): Promise<Session | null> {
    // A popup cut off from this page may have logged the visitor in: their cookie says so.
    if (this.#siteLogin && this.#siteLoginStarted && !this.#nonce) {
      const nonce = await fetchRestNonce(this.#fetch, this.#siteLogin.nonceUrl, signal);
      if (nonce) {
        this.#nonce = nonce;
        this.#viewer = undefined;
      }
    }
    const viewer = await this.#currentViewer(signal);
    return viewer ? {viewer, providerId: 'wordpress'} : null;
  }

  /**
   * Revokes the application password this browser signed in with (best effort: the
   * session ends here either way) and forgets it. A nonce session (a visitor logged in to
   * the site itself) cannot be ended from here; the widget just stops using it.
   */
  async signOut({signal}: CallOptions = {}): Promise<void> {
    signal?.throwIfAborted();
    if (this.#credentials) {
      try {
        const current = asObject(await this.#call('/wp/v2/users/me/application-passwords/introspect', {}, {}, signal));
        const uuid = asString(current['uuid']);
        if (/^[\da-f-]{36}$/i.test(uuid)) {
          await this.#call(`/wp/v2/users/me/application-passwords/${uuid}`, {}, {method: 'DELETE'}, signal);
        }
      } catch (error) {
        if (signal?.aborted) throw signal.reason;
      }
    }
    if (this.#nonce && this.#signOutUrl) {
      // Best effort, like revoking an application password: the session ends here either way.
      const deadline = AbortSignal.timeout(15_000);
      const combined = signal ? AbortSignal.any([signal, deadline]) : deadline;
      const init: RequestInit = {method: 'POST', credentials: 'same-origin', headers: {'X-WP-Nonce': this.#nonce}};
      await send(this.#fetch, this.#signOutUrl, init, combined).catch(() => {
        if (signal?.aborted) throw signal.reason;
      });
    }
    this.#forgetCredentials();
    this.#nonce = undefined;
    this.#viewer = null;
    this.#snapshots.clear();
  }

  /** The login cookie is set: the nonce that goes with it makes the REST API see the visitor. */
  async #completeSiteLogin(providerId: string, signal?: AbortSignal): Promise<Session> {
    const refused = () => new CommentError('unauthorized', msg('WordPress did not accept the sign-in.', {id: 'adapter.wordpress.sign-in-refused'}));
    const nonce = await fetchRestNonce(this.#fetch, this.#siteLogin!.nonceUrl, signal);
    if (!nonce) throw refused();
    this.#forgetCredentials();
    this.#nonce = nonce;
    this.#viewer = undefined;
    const viewer = await this.#currentViewer(signal);
    if (!viewer) throw refused();
    this.#snapshots.clear();
    return {viewer, providerId};
  }

  /** The thread as a post id; a thread named otherwise (the page's path) is the `post` option's. */
  #postId(thread: string): string {
    const post = /^[1-9]\d{0,18}$/.test(thread) ? thread : (this.#defaultPost ?? '');
    if (!/^[1-9]\d{0,18}$/.test(post)) {
      throw new CommentError('not-found', msg('These comments could not be found.', {id: 'adapter.status.not-found'}));
    }
    return post;
  }

  #ownComments(post: string): OwnComments {
    return new OwnComments(this.#local, `colloquy:wordpress:own:${this.#site.href}:${post}`);
  }

  async #loadSnapshot(post: string, signal?: AbortSignal): Promise<Snapshot> {
    const own = this.#ownComments(post);
    const {ids, held} = own.read();
    const [found, listed, viewer, gone] = await Promise.all([
      this.#loadPost(post, signal),
      this.#loadComments(post, signal),
      this.#credentials || this.#nonce ? this.#currentViewer(signal) : Promise.resolve(null),
      this.#goneHeldComments(held.map((entry) => String(entry.comment['id'])), signal),
    ]);
    if (!found && listed.length === 0) {
      throw new CommentError('not-found', msg('These comments could not be found.', {id: 'adapter.status.not-found'}));
    }
    // A post type other than posts and pages (a product, a doc): its comments still show.
    const summary = found ?? {title: '', open: true};
    const context: CommentContext = {
      open: summary.open,
      ...(summary.authorId ? {postAuthorId: summary.authorId} : {}),
      ...(viewer ? {viewerId: viewer.id} : {}),
      ownIds: new Set(ids),
    };
    const comments = listed.map((raw) => mapWordPressComment(raw, context)).filter((c): c is Comment => c !== null);
    const listedIds = new Set(comments.map((comment) => comment.id));
    const released = new Set([...gone, ...held.map((entry) => String(entry.comment['id'])).filter((id) => listedIds.has(id))]);
    own.release(released);
    for (const entry of held) {
      if (released.has(String(entry.comment['id']))) continue;
      const comment = mapWordPressComment(entry.comment, {...context, ownIds: new Set([String(entry.comment['id'])])});
      if (comment) comments.push({...comment, status: 'pending'});
    }
    comments.sort((a, b) => a.createdAt.localeCompare(b.createdAt) || Number(a.id) - Number(b.id));
    const groups = groupThreads(comments);
    return {
      generation: ++generations,
      post: summary,
      groups,
      totalCount: groups.flat().filter((comment) => comment.status !== 'deleted').length,
    };
  }

  /** The post, else a page with that id; `undefined` when neither exists. */
  async #loadPost(post: string, signal?: AbortSignal): Promise<PostSummary | undefined> {
    const fields = {_fields: 'id,title,link,comment_status,author'};
    for (const route of [`/wp/v2/posts/${post}`, `/wp/v2/pages/${post}`]) {
      try {
        return mapPost(await this.#call(route, fields, {}, signal));
      } catch (error) {
        if (!isCommentError(error) || error.code !== 'not-found') throw error;
      }
    }
    return undefined;
  }

  /** Every approved comment of the post, oldest first, across all of WordPress's pages. */
  async #loadComments(post: string, signal?: AbortSignal): Promise<unknown[]> {
    const page = (number: number) =>
      this.#callWithHeaders(
        '/wp/v2/comments',
        {post, per_page: String(PER_PAGE), page: String(number), orderby: 'date_gmt', order: 'asc', _fields: COMMENT_FIELDS},
        {},
        signal,
      );
    const first = await page(1);
    const comments = asArray(first.body);
    const totalPages = Number(first.response.headers.get('X-WP-TotalPages'));
    if (Number.isInteger(totalPages) && totalPages > 0) {
      const remaining = Array.from({length: Math.min(totalPages, MAX_PAGES) - 1}, (_, index) => index + 2);
      for (let start = 0; start < remaining.length; start += PARALLEL_PAGES) {
        const bodies = await Promise.all(remaining.slice(start, start + PARALLEL_PAGES).map(page));
        for (const {body} of bodies) comments.push(...asArray(body));
      }
    } else {
      // Without the header (a proxy dropped it), a short page is the last one.
      let last = comments.length;
      for (let number = 2; last === PER_PAGE && number <= MAX_PAGES; number++) {
        const items = asArray((await page(number)).body);
        comments.push(...items);
        last = items.length;
      }
    }
    return comments;
  }

  /**
   * Ids of held comments WordPress no longer has (deleted for good: 404). A held, trashed
   * or spammed comment all answer a guest 401, so those stay until approved or expired.
   */
  async #goneHeldComments(ids: string[], signal?: AbortSignal): Promise<string[]> {
    const gone = await Promise.all(
      ids.map(async (id) => {
        try {
          await this.#call(`/wp/v2/comments/${id}`, {_fields: 'id'}, {}, signal);
          return undefined;
        } catch (error) {
          if (signal?.aborted) throw signal.reason;
          return isCommentError(error) && error.backendCode === 'rest_comment_invalid_id' ? id : undefined;
        }
      }),
    );
    return gone.filter((id): id is string => id !== undefined);
  }

  /**
   * WordPress accepts a reply to a comment that does not exist, or that belongs to
   * another post, and files it under that parent, where nobody sees it. Checked here.
   */
  async #checkParent(post: string, parentId: string, signal?: AbortSignal): Promise<void> {
    const invalid = () =>
      new CommentError(
        'invalid',
        msg('The comment you are replying to is no longer available.', {id: 'adapter.wordpress.parent-missing'}),
        {fieldErrors: {parent: msg('The comment you are replying to is no longer available.', {id: 'adapter.wordpress.parent-missing'})}},
      );
    if (!/^[1-9]\d{0,18}$/.test(parentId)) throw invalid();
    const known = this.#snapshots.get(post)?.groups.flat().find((comment) => comment.id === parentId);
    if (known) {
      if (known.status === 'deleted') throw invalid();
      return;
    }
    try {
      const parent = asObject(await this.#call(`/wp/v2/comments/${parentId}`, {_fields: 'id,post'}, {}, signal));
      if (String(parent['post']) !== post) throw invalid();
    } catch (error) {
      if (isCommentError(error) && error.code !== 'network' && error.code !== 'server') throw invalid();
      throw error;
    }
  }

  async #currentViewer(signal?: AbortSignal): Promise<Viewer | null> {
    if (this.#viewer !== undefined) return this.#viewer;
    if (!this.#credentials && !this.#nonce) return (this.#viewer = null);
    try {
      const user = asObject(await this.#call('/wp/v2/users/me', {_fields: 'id,name,url,link,avatar_urls'}, {}, signal));
      const id = asString(String(user['id'] ?? ''));
      if (!/^[1-9]\d*$/.test(id)) throw unreadableError(200);
      const avatarUrl = httpUrl(asObject(user['avatar_urls'])['96']);
      const profileUrl = httpUrl(user['url']) ?? httpUrl(user['link']);
      this.#viewer = {
        id,
        name: decodeEntities(asString(user['name'])),
        ...(avatarUrl ? {avatarUrl} : {}),
        ...(profileUrl ? {profileUrl} : {}),
      };
    } catch (error) {
      if (!isCommentError(error) || (error.code !== 'unauthorized' && error.code !== 'forbidden')) throw error;
      this.#forgetCredentials();
      this.#viewer = null;
    }
    return this.#viewer;
  }

  #forgetCredentials(): void {
    this.#credentials = undefined;
    this.#session.remove(this.#credentialsKey);
  }

  async #call(route: string, params: Record<string, string>, init: RequestInit, signal?: AbortSignal): Promise<unknown> {
    return (await this.#callWithHeaders(route, params, init, signal)).body;
  }

  /** One REST request; resolves with the parsed body of a 2xx answer, rejects with a CommentError. */
  async #callWithHeaders(
    route: string,
    params: Record<string, string>,
    init: RequestInit,
    signal?: AbortSignal,
  ): Promise<{response: Response; body: unknown}> {
    const headers = new Headers(init.headers);
    if (this.#credentials) {
      headers.set('Authorization', `Basic ${base64(`${this.#credentials.username}:${this.#credentials.password}`)}`);
    } else if (this.#nonce) {
      headers.set('X-WP-Nonce', this.#nonce);
    }
    const request: RequestInit = {...init, headers, credentials: 'same-origin'};
    const attempt = async (style: RouteStyle) => {
      const response = await send(this.#fetch, apiUrl(this.#site, style, route, params), request, signal);
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
    if (!response.ok) {
      throw wordPressError(response.status, body, {authenticated: this.#credentials !== undefined || this.#nonce !== undefined});
    }
    if (body === undefined) throw unreadableError(response.status);
    return result;
  }
}

/** The site (ending in `/`) and, when the endpoint names it, how routes are addressed. */
function parseEndpoint(endpoint: string): {site: URL; style: RouteStyle | undefined} {
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

function parseCursor(cursor: string | undefined): [generation: number, offset: number] {
  const match = /^(\d+):(\d+)$/.exec(cursor ?? '');
  return match ? [Number(match[1]), Number(match[2])] : [0, 0];
}

function asArray(value: unknown): unknown[] {
  if (!Array.isArray(value)) throw unreadableError(200);
  return value;
}

/**
 * The comment as typed, for WordPress, which reads `content` as HTML: `<`, `>` and `&`
 * are escaped, so the comment shows exactly what was typed instead of losing "<3" or
 * "a<b" to WordPress's HTML filter.
 */
function asWordPressText(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** Base64 of UTF-8, for Basic auth with non-ASCII user names. */
function base64(text: string): string {
  let binary = '';
  for (const byte of new TextEncoder().encode(text)) binary += String.fromCharCode(byte);
  return btoa(binary);
}
