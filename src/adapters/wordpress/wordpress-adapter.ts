import {msg} from '@lit/localize';
import type {
  AdapterCapabilities,
  CallOptions,
  CommentAdapter,
  CommentRef,
  CompleteSignInRequest,
  EditCommentRequest,
  LoadPageRequest,
  LocatedComment,
  LocateRequest,
  ModerateRequest,
  NewComment,
  SignInUrlRequest,
} from '../../core/adapter.js';
import {CommentError, isCommentError} from '../../core/errors.js';
import type {Comment, CommentPage, Session, SignInProvider} from '../../core/types.js';
import {codeForStatus, statusMessage, unreadableError, type Fetch} from '../shared/http.js';
import {safeStorage, type SafeStorage} from '../shared/storage.js';
import {groupThreads} from '../shared/thread-order.js';
import {asObject, asString, type JsonObject} from '../shared/values.js';
import {CookieSession, signedOutError} from './cookie-session.js';
import {htmlToText} from '../../content/entities.js';
import {mapWordPressComment, postingPolicy, storedSource, type CommentContext} from './mapping.js';
import {loginProviderUrl, type LoginProvider} from './login-providers.js';
import {OwnComments} from './own-comments.js';
import {parseEndpoint, WordPressRestClient} from './rest-client.js';
import {checkParent, goneHeldComments, loadComments, loadPost} from './site-reader.js';
import {WordPressViewer} from './wordpress-viewer.js';
import {inOrder, pageLimit, parseCursor, placeholderFor, type Snapshot} from './pages.js';
import type {DiscussionSettings, WordPressAdapterOptions} from './options.js';

let generations = 0;

/**
 * Talks to any WordPress site's core REST API (`/wp/v2/comments`). WordPress paginates
 * every comment flat, so the adapter loads them all (100 at a time), builds the tree from
 * `parent` and cuts pages of top-level comments from it.
 */
export class WordPressAdapter implements CommentAdapter {
  readonly capabilities: AdapterCapabilities = {
    // Per comment, from the viewer's capabilities (`viewerCan`): nobody else sees the buttons.
    edit: true,
    delete: true,
    moderate: true,
    reactions: [],
    signIn: true,
    session: true,
    live: false,
    // WordPress's "3 thoughts" counts approved comments only.
    countsHeldComments: false,
  };

  readonly #site: URL;
  readonly #rest: WordPressRestClient;
  readonly #defaultPost: string | undefined;
  readonly #local: SafeStorage;
  readonly #login: CookieSession;
  readonly #viewer: WordPressViewer;
  /** Whether WordPress was asked for a nonce for this browser's login yet. */
  #renewed = false;
  #guestsAllowed = true;
  readonly #loginProviders: LoginProvider[] | undefined;
  readonly #discussion: DiscussionSettings;
  readonly #snapshots = new Map<string, Snapshot>();
  /** Comments stored by this adapter, by idempotency key, so a retried post is stored once. */
  readonly #posted = new Map<string, Comment>();
  /**
   * Ids of comments whose stored form is markup, edited as it is (see `storedSource`);
   * an edit of any other comment is plain text, escaped when saved.
   */
  readonly #markupSources = new Set<string>();

  constructor(options: WordPressAdapterOptions) {
    const {site, style} = parseEndpoint(options.endpoint);
    this.#site = site;
    const fetcher: Fetch = options.fetch ?? ((input, init) => fetch(input, init));
    this.#defaultPost = options.post === undefined ? undefined : String(options.post);
    this.#local = options.localStorage ?? safeStorage('localStorage');
    this.#login = new CookieSession(site, fetcher, options.nonce || undefined);
    this.#rest = new WordPressRestClient(site, style, fetcher, this.#login, () => this.#viewer.signedOut());
    this.#viewer = new WordPressViewer(this.#rest, this.#login);
    this.#loginProviders = options.loginProviders;
    this.#discussion = options.discussion ?? {};
    if (this.#discussion.guestsAllowed === false) this.#guestsAllowed = false;
  }

  async loadPage(request: LoadPageRequest, {signal}: CallOptions = {}): Promise<CommentPage> {
    signal?.throwIfAborted();
    const post = this.#postId(request.thread);
    const [generation, offset] = parseCursor(request.cursor);
    let snapshot = this.#snapshots.get(post);
    if (!snapshot || request.cursor === undefined || snapshot.generation !== generation) {
      snapshot = await this.#loadSnapshot(post, signal);
      this.#snapshots.set(post, snapshot);
    }
    const groups = inOrder(snapshot, request.sort);
    const limit = pageLimit(request.limit);
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

  /**
   * Which page holds a comment's conversation, so a link to `#comment-123` loads that page
   * only. WordPress's pages are cut here from the whole post, so this is one load.
   */
  async locate(request: LocateRequest, {signal}: CallOptions = {}): Promise<LocatedComment | null> {
    signal?.throwIfAborted();
    const post = this.#postId(request.thread);
    const find = (snapshot: Snapshot) => {
      const groups = inOrder(snapshot, request.sort);
      const index = groups.findIndex((group) => group.some((comment) => comment.id === request.commentId && comment.status !== 'deleted'));
      return {index, root: groups[index]?.[0]};
    };
    // The thread already loaded answers most links at no cost; only a comment it lacks
    // (posted since) is worth reloading the whole thread for.
    let snapshot = this.#snapshots.get(post);
    let {index, root} = snapshot ? find(snapshot) : {index: -1, root: undefined};
    if (!snapshot || !root) {
      snapshot = await this.#loadSnapshot(post, signal);
      this.#snapshots.set(post, snapshot);
      ({index, root} = find(snapshot));
    }
    if (!root) return null;
    const limit = pageLimit(request.limit);
    const offset = Math.floor(index / limit) * limit;
    return {cursor: offset === 0 ? null : `${snapshot.generation}:${offset}`, rootId: root.id};
  }

  async postComment(input: NewComment, {signal}: CallOptions = {}): Promise<Comment> {
    signal?.throwIfAborted();
    const remembered = this.#posted.get(input.idempotencyKey);
    if (remembered) return remembered;
    const post = this.#postId(input.thread);
    if (input.parentId !== null) {
      const known = this.#snapshots.get(post)?.groups.flat().find((comment) => comment.id === input.parentId);
      await checkParent(this.#rest, post, input.parentId, known, signal);
    }

    const signedIn = (await this.#viewer.ifLoggedIn(signal)) !== null;
    // The nonce was refused while this form was shown as signed in: say so instead of
    // posting nameless, which WordPress would refuse as a guest's comment without a name.
    if (!signedIn && !input.guest && this.#login.refused) throw signedOutError();
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
      raw = asObject(await this.#rest.call('/wp/v2/comments', {}, {method: 'POST', body}, signal));
    } catch (error) {
      if (isCommentError(error) && error.backendCode === 'rest_comment_login_required') this.#guestsAllowed = false;
      if (isCommentError(error) && error.code === 'duplicate' && this.#ownComments(post).holds(input.text)) {
        throw new CommentError(
          'duplicate',
          msg('You already posted this comment; it is waiting for approval.', {id: 'adapter.wordpress.duplicate-held'}),
          {...(error.status === undefined ? {} : {status: error.status}), backendCode: 'comment_duplicate'},
        );
      }
      throw error;
    }
    // The viewer as of now: signed in since the thread loaded, their comment is theirs to
    // edit at once, as after a reload.
    const comment = this.#map(raw, await this.#currentContext(post, signal));
    if (!comment) throw unreadableError(201);
    const stored: Comment = {...comment, author: {...comment.author, isViewer: true}};
    this.#ownComments(post).remember(raw, stored.status === 'pending', input.text);
    this.#posted.set(input.idempotencyKey, stored);
    return stored;
  }

  /**
   * WordPress's own login, offered only where its cookies can work: on the site's origin
   * (a theme, the Colloquy plugin). Elsewhere nobody signs in and guests comment.
   */
  async listProviders({signal}: CallOptions = {}): Promise<SignInProvider[]> {
    if (!this.#login.sameOrigin) return [];
    if (this.#loginProviders) {
      return this.#loginProviders.map(({id, name, iconUrl}) => ({id, name, ...(iconUrl ? {iconUrl} : {})}));
    }
    const index = asObject(await this.#rest.call('/', {_fields: 'name'}, {}, signal));
    return [{id: 'wordpress', name: htmlToText(asString(index['name'])) || 'WordPress'}];
  }

  /** WordPress's login page, coming back to the callback page with `state` only. */
  async signInUrl(request: SignInUrlRequest, options: CallOptions = {}): Promise<string> {
    options.signal?.throwIfAborted();
    if (!this.#login.sameOrigin) {
      throw new CommentError('forbidden', msg('Signing in works only on the WordPress site itself.', {id: 'adapter.wordpress.sign-in-elsewhere'}));
    }
    if (this.#loginProviders) {
      const provider = this.#loginProviders.find((candidate) => candidate.id === request.providerId);
      if (!provider) throw new CommentError('invalid', msg('Sign-in was cancelled.', {id: 'adapter.wordpress.sign-in-cancelled'}));
      return loginProviderUrl(provider, request.callbackUrl, request.state);
    }
    return this.#login.loginUrl(request.callbackUrl, request.state);
  }

  /**
   * The callback page reports nothing but `state`: the login lives in WordPress's HttpOnly
   * cookies, and the REST nonce is asked for here, kept in memory, never passed around.
   */
  async completeSignIn({result, providerId}: CompleteSignInRequest, {signal}: CallOptions = {}): Promise<Session> {
    signal?.throwIfAborted();
    if (result['error']) {
      throw new CommentError('unauthorized', msg('Sign-in was cancelled.', {id: 'adapter.wordpress.sign-in-cancelled'}));
    }
    this.#viewer.forget();
    this.#renewed = true;
    const viewer = (await this.#login.renew(signal)) ? await this.#viewer.current(signal) : null;
    if (!viewer) {
      throw new CommentError('unauthorized', msg('WordPress did not accept the sign-in.', {id: 'adapter.wordpress.sign-in-refused'}));
    }
    return {viewer, providerId};
  }

  async getSession({signal}: CallOptions = {}): Promise<Session | null> {
    if (!this.#login.nonce && !this.#renewed && this.#login.sameOrigin) {
      this.#renewed = true;
      this.#viewer.forget();
      await this.#login.renew(signal);
    }
    const viewer = await this.#viewer.current(signal);
    return viewer ? {viewer, providerId: 'wordpress'} : null;
  }

  /**
   * Logs out of WordPress itself (its logout link, with its own nonce), as WordPress's
   * own menu does: the visitor is logged out of the whole site, not only of the comments.
   */
  async signOut({signal}: CallOptions = {}): Promise<void> {
    signal?.throwIfAborted();
    this.#viewer.signedOut();
    this.#snapshots.clear();
    await this.#login.logOut(signal);
  }

  /** Edits a comment's text, where WordPress lets the viewer (see `WordPressViewer.rights`). */
  async editComment({thread, commentId, text}: EditCommentRequest, {signal}: CallOptions = {}): Promise<Comment> {
    signal?.throwIfAborted();
    const post = this.#postId(thread);
    const id = commentIdOf(commentId);
    const body = new URLSearchParams({content: this.#markupSources.has(id) ? text : asWordPressText(text)});
    const raw = asObject(await this.#rest.call(`/wp/v2/comments/${id}`, {}, {method: 'POST', body}, signal));
    const comment = this.#map(raw, await this.#currentContext(post, signal));
    if (!comment) throw unreadableError(200);
    this.#snapshots.delete(post);
    return comment;
  }

  /**
   * A comment's stored form to edit, for a viewer who may edit it without moderating (a
   * post's author). WordPress hands comments over as stored (`context=edit`, even one at a
   * time) to `moderate_comments` only, but answers an update with the comment as stored,
   * and lets whoever may edit a comment update it: an update that changes nothing (an
   * empty body: WordPress then skips `wp_update_comment`) is how its stored form is read.
   * A moderator's read is a plain `GET`. Remembers whether it is markup, so `editComment`
   * saves it as it is.
   */
  async loadEditableText({commentId}: CommentRef, {signal}: CallOptions = {}): Promise<string> {
    signal?.throwIfAborted();
    const id = commentIdOf(commentId);
    const viewer = await this.#viewer.ifLoggedIn(signal);
    const raw =
      viewer && this.#viewer.rights.moderate
        ? await this.#rest.call(`/wp/v2/comments/${id}`, {context: 'edit', _fields: 'id,content'}, {}, signal)
        : await this.#rest.call(`/wp/v2/comments/${id}`, {_fields: 'id,content'}, {method: 'POST', body: new URLSearchParams()}, signal);
    const stored = storedSource(raw);
    if (!stored || String(asObject(raw)['id']) !== id) throw unreadableError(200);
    if (stored.markup) this.#markupSources.add(id);
    else this.#markupSources.delete(id);
    return stored.text;
  }

  /**
   * WordPress's own moderation, for a viewer with `moderate_comments` (WordPress refuses
   * everyone else, 403 → `forbidden`): approve publishes a held comment, spam and delete
   * (to the trash) take it out of the thread.
   */
  async moderate({thread, commentId, action}: ModerateRequest, {signal}: CallOptions = {}): Promise<Comment | null> {
    signal?.throwIfAborted();
    const post = this.#postId(thread);
    const id = commentIdOf(commentId);
    // Refused here, without a request, to whoever WordPress would refuse: only a viewer with
    // `moderate_comments` sees held comments, so only they get to decide on them.
    const viewer = await this.#viewer.ifLoggedIn(signal);
    if (!viewer || !this.#viewer.rights.moderate) {
      const status = viewer ? 403 : 401;
      throw new CommentError(codeForStatus(status), statusMessage(status), {status});
    }
    const known = this.#snapshots.get(post)?.groups.flat();
    if (action === 'delete') {
      await this.#trash(id, signal);
    } else {
      const body = new URLSearchParams({status: action === 'approve' ? 'approved' : 'spam'});
      const raw = await this.#rest.call(`/wp/v2/comments/${id}`, {}, {method: 'POST', body}, signal);
      if (action === 'approve') {
        const comment = this.#map(raw, await this.#currentContext(post, signal));
        if (!comment) throw unreadableError(200);
        this.#snapshots.delete(post);
        return comment;
      }
    }
    this.#snapshots.delete(post);
    return placeholderFor(id, known);
  }

  /**
   * Moves a comment to WordPress's trash (what "Delete" does in wp-admin). Its replies
   * stay; the comment then shows as a placeholder above them.
   */
  async deleteComment({thread, commentId}: CommentRef, {signal}: CallOptions = {}): Promise<Comment | null> {
    signal?.throwIfAborted();
    const post = this.#postId(thread);
    const id = commentIdOf(commentId);
    const known = this.#snapshots.get(post)?.groups.flat();
    await this.#trash(id, signal);
    this.#snapshots.delete(post);
    return placeholderFor(id, known);
  }

  /**
   * To the trash, as wp-admin's "Delete" does; for good where the site has no trash
   * (`EMPTY_TRASH_DAYS` 0: WordPress answers 501 `rest_trash_not_supported`).
   */
  async #trash(id: string, signal?: AbortSignal): Promise<void> {
    try {
      await this.#rest.call(`/wp/v2/comments/${id}`, {}, {method: 'DELETE'}, signal);
    } catch (error) {
      if (!isCommentError(error) || error.backendCode !== 'rest_trash_not_supported') throw error;
      await this.#rest.call(`/wp/v2/comments/${id}`, {force: 'true'}, {method: 'DELETE'}, signal);
    }
  }

  /** Maps one comment, remembering whether its stored form is markup (for `editComment`). */
  #map(raw: unknown, context: CommentContext): Comment | null {
    const comment = mapWordPressComment(raw, context);
    if (comment?.content.kind === 'html' && comment.content.source !== undefined && storedSource(raw)?.markup) {
      this.#markupSources.add(comment.id);
    }
    return comment;
  }

  /** The loaded post's context with the viewer as of now (who may have signed in since). */
  async #currentContext(post: string, signal?: AbortSignal): Promise<CommentContext> {
    const loaded = this.#snapshots.get(post)?.context;
    const viewer = await this.#viewer.ifLoggedIn(signal);
    return {
      open: loaded?.open ?? true,
      ...(loaded?.postAuthorId ? {postAuthorId: loaded.postAuthorId} : {}),
      ...(loaded?.ownIds ? {ownIds: loaded.ownIds} : {}),
      ...this.#viewer.contextFor(viewer, loaded?.postAuthorId),
    };
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
    const heldIds = held.map((entry) => String(entry.comment['id']));
    // Who is asking first: a moderator gets the comments as stored, to edit them, and
    // everyone's held comments, to decide on.
    const viewer = await this.#viewer.ifLoggedIn(signal);
    const asStored = viewer !== null && this.#viewer.rights.moderate;
    const [found, approved, heldForAll, gone] = await Promise.all([
      loadPost(this.#rest, post, signal),
      loadComments(this.#rest, post, asStored ? {context: 'edit'} : {}, signal),
      asStored ? loadComments(this.#rest, post, {context: 'edit', status: 'hold'}, signal) : [],
      goneHeldComments(this.#rest, heldIds, signal),
    ]);
    const listed = [...approved, ...heldForAll];
    if (!found && listed.length === 0) {
      throw new CommentError('not-found', msg('These comments could not be found.', {id: 'adapter.status.not-found'}));
    }
    // A post type other than posts and pages (a product, a doc): its comments still show.
    const summary = found ?? {title: '', open: true};
    const context: CommentContext = {
      open: summary.open,
      ...(summary.authorId ? {postAuthorId: summary.authorId} : {}),
      ownIds: new Set(ids),
      ...this.#viewer.contextFor(viewer, summary.authorId),
    };
    const comments = listed.map((raw) => this.#map(raw, context)).filter((c): c is Comment => c !== null);
    const listedIds = new Set(comments.map((comment) => comment.id));
    // Approved (or gone) comments are remembered no more; one still held stays remembered,
    // even where a moderator's page lists it already.
    const approvedIds = new Set(comments.filter((comment) => comment.status === 'approved').map((comment) => comment.id));
    const released = new Set([...gone, ...heldIds.filter((id) => approvedIds.has(id))]);
    own.release(released);
    for (const entry of held) {
      if (released.has(String(entry.comment['id'])) || listedIds.has(String(entry.comment['id']))) continue;
      const comment = mapWordPressComment(entry.comment, {...context, ownIds: new Set([String(entry.comment['id'])])});
      if (comment) comments.push({...comment, status: 'pending'});
    }
    comments.sort((a, b) => a.createdAt.localeCompare(b.createdAt) || Number(a.id) - Number(b.id));
    const groups = groupThreads(comments);
    return {
      generation: ++generations,
      post: summary,
      context,
      groups,
      // As WordPress counts: a guest's own held comment is shown to them but not counted.
      totalCount: groups.flat().filter((comment) => comment.status === 'approved').length,
    };
  }
}

/**
 * The comment as typed, for WordPress, which reads `content` as HTML: `<`, `>` and `&`
 * are escaped, so the comment shows exactly what was typed instead of losing "<3" or
 * "a<b" to WordPress's HTML filter.
 */
function asWordPressText(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** A WordPress comment id, or `not-found` for anything else (it goes into a URL path). */
function commentIdOf(id: string): string {
  if (!/^[1-9]\d{0,18}$/.test(id)) throw new CommentError('not-found', msg('This comment no longer exists.', {id: 'adapter.wordpress.comment-missing'}));
  return id;
}
