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
  ModerateRequest,
  NewComment,
  ReactRequest,
  ReplyBatch,
  SignInUrlRequest,
  ThreadEvent,
} from '../../core/adapter.js';
import {CommentError} from '../../core/errors.js';
import type {Comment, CommentPage, Session, SignInProvider, SortOrder, ThreadInfo} from '../../core/types.js';
import {readStoredThread, storedThreadFromSeed, type SeedComment, type SeedThread, type StoredComment, type StoredThread} from './seed.js';
import {messages} from './messages.js';
import {decodeReplyCursor, encodeReplyCursor, replyBatch} from './replies.js';
import {Simulation, delay, errorFor, type CallKind, type LatencyOption} from './simulation.js';

export interface MemoryAdapterOptions {
  /** Threads to start with. Persisted threads win over seeds with the same id. */
  threads?: SeedThread[];
  /**
   * Keeps threads in localStorage under this key, so comments survive a reload and tabs
   * of the same browser see each other's changes live. Without it, everything is in memory.
   */
  storageKey?: string;
  latency?: LatencyOption;
  /** Which new comments are held for moderation; default `none`. */
  moderation?: 'none' | 'guests' | 'all';
  /** Unknown thread ids start as new empty threads (default true); false makes them `not-found`. */
  autoCreateThreads?: boolean;
  /** Title of threads created on demand; default the page's title. */
  defaultTitle?: string;
  /** Whether people who are not signed in may comment; default true. */
  guests?: boolean;
  /** Default 5000 characters. */
  maxLength?: number;
  /** How long authors may edit their comment, in seconds; default 900. 0 turns editing off. */
  editWindowSeconds?: number;
  /** Reaction keys offered; default `['like']`. Empty turns reactions off. */
  reactions?: string[];
  /**
   * Offer live updates without a storage key: only `receive` and `approve` (another reader
   * or a moderator, simulated) reach subscribers then. For demos.
   */
  live?: boolean;
  /** Comments are Markdown (`capabilities.markdown`); default false, plain text. */
  markdown?: boolean;
  /** Whether people who are not signed in may react, once per browser; default true. */
  guestReactions?: boolean;
  /** Sign-in providers; default the simulated WordPress.com, X, Facebook, GitHub, Google and email. */
  providers?: SignInProvider[];
  /**
   * Viewer ids of the people who moderate, as the simulated sign-in makes them:
   * `<provider>:<name in lower case, spaces as dashes>`, e.g. `github:leila-haddad`. They see
   * every held comment and may approve, spam or delete any comment.
   */
  moderators?: readonly string[];
  /** The simulated providers' consent page; sign-in is offered only when it is set. */
  signInPage?: string;
  /** The clock, for tests. */
  now?: () => number;
  /**
   * Pages bring each conversation's first this many replies only, with `moreReplies` on its
   * first comment, and `loadReplies` the rest, as a REST server with `replies` does.
   * Default: every reply in the page.
   */
  firstReplies?: number;
}

/** The simulated providers: the brands keep their names, the email link is translated. */
export function defaultMemoryProviders(): SignInProvider[] {
  return [
    {id: 'wordpress', name: 'WordPress.com'},
    {id: 'twitter', name: 'X (Twitter)'},
    {id: 'facebook', name: 'Facebook'},
    {id: 'github', name: 'GitHub'},
    {id: 'google', name: 'Google'},
    {id: 'email', name: messages.emailProvider()},
  ];
}

interface ChangeMessage {
  origin: string;
  thread: string;
  commentId: string;
  change: 'added' | 'updated' | 'removed';
}

type Listener = (event: ThreadEvent) => void;

interface Cursor {
  sort: SortOrder;
  after: string;
}

/**
 * The embedded default backend: a complete comment server living in the page, so the
 * demo and the tests run with no server at all. It implements every capability of the
 * contract and can simulate latency and failures per call kind (`simulate`).
 */
export class MemoryAdapter implements CommentAdapter {
  readonly capabilities: AdapterCapabilities;
  /** Present only with `firstReplies`: the rest of the conversations its pages cut. */
  readonly loadReplies?: (request: LoadRepliesRequest, options?: CallOptions) => Promise<ReplyBatch>;
  /** Latency and failures on demand (see `Simulation`). */
  readonly simulate: Simulation;

  readonly #options: MemoryAdapterOptions;
  readonly #threads = new Map<string, StoredThread>();
  readonly #listeners = new Map<string, Set<Listener>>();
  readonly #instanceId = randomId();
  readonly #now: () => number;
  #channel: BroadcastChannel | undefined;
  #guestKey: string | undefined;
  /** Read from sessionStorage once, then kept here: it is consulted for every comment. */
  #sessionCache: Session | null | undefined;

  constructor(options: MemoryAdapterOptions = {}) {
    this.#options = options;
    this.#now = options.now ?? Date.now;
    this.simulate = new Simulation(options.latency);
    if (options.firstReplies !== undefined) this.loadReplies = (request, callOptions) => this.#loadReplies(request, callOptions);
    const providers = options.providers ?? defaultMemoryProviders();
    this.capabilities = {
      edit: (options.editWindowSeconds ?? 900) > 0,
      delete: true,
      reactions: options.reactions ?? ['like'],
      guestReactions: options.guestReactions ?? true,
      markdown: options.markdown ?? false,
      signIn: Boolean(options.signInPage) && providers.length > 0,
      session: true,
      moderate: true,
      live: Boolean(options.live) || (Boolean(options.storageKey) && typeof BroadcastChannel === 'function'),
    };
    this.#seed();
    this.#loadPersisted();
  }

  #seed() {
    for (const seed of this.#options.threads ?? []) {
      const thread = storedThreadFromSeed(seed);
      if (thread) this.#threads.set(thread.id, thread);
    }
  }

  async loadPage(request: LoadPageRequest, options: CallOptions = {}): Promise<CommentPage> {
    await this.#begin('load', options.signal);
    this.#refresh();
    const thread = this.#thread(request.thread);
    const visible = this.#visible(thread);
    const roots = visible.filter((comment) => comment.parentId === null).sort(rootOrder(request.sort, visible));
    const start = request.cursor ? this.#rootsAfter(roots, request.cursor, request.sort) : 0;
    const limit = Math.max(1, Math.floor(request.limit));
    const pageRoots = roots.slice(start, start + limit);
    const children = childrenOf(visible);
    const comments: Comment[] = [];
    const visit = (stored: StoredComment) => {
      comments.push(this.#toComment(stored, thread, children.get(stored.id)?.length ?? 0));
      for (const child of children.get(stored.id) ?? []) visit(child);
    };
    const firstReplies = this.#options.firstReplies;
    if (firstReplies === undefined) pageRoots.forEach(visit);
    else for (const root of pageRoots) comments.push(...this.#conversationStart(root, thread, children, Math.max(1, Math.floor(firstReplies))));
    const last = pageRoots.at(-1);
    const hasMore = start + limit < roots.length;
    return {
      thread: this.#threadInfo(thread, visible),
      comments,
      nextCursor: hasMore && last ? encodeCursor({sort: request.sort, after: last.id}) : null,
    };
  }

  /** The next replies of a conversation a page cut (`firstReplies`). */
  async #loadReplies(request: LoadRepliesRequest, options: CallOptions = {}): Promise<ReplyBatch> {
    await this.#begin('load', options.signal);
    this.#refresh();
    const thread = this.#thread(request.thread);
    const visible = this.#visible(thread);
    const root = visible.find((comment) => comment.id === request.commentId && comment.parentId === null);
    if (!root) throw new CommentError('not-found', messages.commentMissing());
    const cursor = decodeReplyCursor(request.cursor, root.id);
    if (!cursor) throw new CommentError('invalid', messages.staleCursor());
    const children = childrenOf(visible);
    const {batch, remaining, last} = replyBatch(root, children, cursor.after, Math.max(1, Math.floor(request.limit)));
    return {
      comments: batch.map((stored) => this.#toComment(stored, thread, children.get(stored.id)?.length ?? 0)),
      moreReplies: remaining > 0 && last ? {count: remaining, cursor: encodeReplyCursor({root: root.id, after: last})} : null,
    };
  }

  /** A conversation's first comment and first `limit` replies, saying how many more there are. */
  #conversationStart(root: StoredComment, thread: StoredThread, children: Map<string, StoredComment[]>, limit: number): Comment[] {
    const {batch, remaining, last} = replyBatch(root, children, null, limit);
    const first = this.#toComment(root, thread, children.get(root.id)?.length ?? 0);
    const more = remaining > 0 && last ? {moreReplies: {count: remaining, cursor: encodeReplyCursor({root: root.id, after: last})}} : {};
    return [{...first, ...more}, ...batch.map((stored) => this.#toComment(stored, thread, children.get(stored.id)?.length ?? 0))];
  }

  async locate(request: LocateRequest, options: CallOptions = {}): Promise<LocatedComment | null> {
    await this.#begin('load', options.signal);
    const thread = this.#thread(request.thread);
    const visible = this.#visible(thread);
    const byId = new Map(visible.map((comment) => [comment.id, comment]));
    let root = byId.get(request.commentId);
    const seen = new Set<string>();
    while (root && root.parentId !== null && !seen.has(root.id)) {
      seen.add(root.id);
      root = byId.get(root.parentId);
    }
    if (!root || root.parentId !== null) return null;
    const roots = visible.filter((comment) => comment.parentId === null).sort(rootOrder(request.sort, visible));
    const limit = Math.max(1, Math.floor(request.limit));
    const start = Math.floor(roots.indexOf(root) / limit) * limit;
    return {cursor: start === 0 ? null : encodeCursor({sort: request.sort, after: roots[start - 1]!.id}), rootId: root.id};
  }

  async postComment(input: NewComment, options: CallOptions = {}): Promise<Comment> {
    const failure = await this.#begin('post', options.signal);
    return this.#writing(() => {
      const thread = this.#thread(input.thread);
      const viewer = this.#viewerKey();
      const alreadyStored = thread.comments.find(
        (comment) => comment.idempotencyKey === input.idempotencyKey && comment.authorKey === viewer,
      );
      if (alreadyStored) return this.#toComment(alreadyStored, thread);

      const session = this.#session();
      this.#validate(input, thread, session);
      const text = input.text.trim();
      const duplicate = thread.comments.find(
        (comment) =>
          comment.authorKey === viewer &&
          comment.parentId === input.parentId &&
          comment.status !== 'deleted' &&
          comment.text?.trim() === text,
      );
      if (duplicate) {
        throw new CommentError('duplicate', messages.duplicate());
      }

      const moderation = this.#options.moderation ?? 'none';
      const held = !session?.viewer.isModerator && (moderation === 'all' || (moderation === 'guests' && !session));
      const stored: StoredComment = {
        id: randomId(),
        parentId: input.parentId,
        author: session
          ? {
              id: session.viewer.id,
              name: session.viewer.name,
              ...(session.viewer.avatarUrl ? {avatarUrl: session.viewer.avatarUrl} : {}),
              ...(session.viewer.profileUrl ? {profileUrl: session.viewer.profileUrl} : {}),
              ...(session.viewer.isModerator ? {isModerator: true} : {}),
            }
          : {
              name: input.guest!.name.trim(),
              email: input.guest!.email.trim(),
              ...(input.guest!.website?.trim() ? {profileUrl: input.guest!.website.trim()} : {}),
            },
        createdAt: new Date(this.#now()).toISOString(),
        text,
        status: held ? 'pending' : 'approved',
        authorKey: viewer,
        idempotencyKey: input.idempotencyKey,
        ...(input.notify ? {notify: {...input.notify}} : {}),
      };
      thread.comments.push(stored);
      this.#commit(thread, stored.id, 'added');
      // The comment is stored; a failure planned for "after" loses only the answer.
      if (failure?.stage === 'after') throw errorFor(failure);
      return this.#toComment(stored, thread);
    });
  }

  async editComment(request: EditCommentRequest, options: CallOptions = {}): Promise<Comment> {
    await this.#begin('edit', options.signal);
    return this.#writing(() => {
      const thread = this.#thread(request.thread);
      const stored = this.#comment(thread, request.commentId);
      const permissions = this.#permissions(stored, thread);
      if (!permissions.edit) throw new CommentError('forbidden', messages.editExpired());
      const text = request.text.trim();
      if (!text) throw new CommentError('invalid', messages.emptyText(), {fieldErrors: {text: messages.emptyText()}});
      this.#checkLength(text);
      stored.text = text;
      delete stored.html;
      stored.editedAt = new Date(this.#now()).toISOString();
      this.#commit(thread, stored.id, 'updated');
      return this.#toComment(stored, thread);
    });
  }

  async deleteComment(request: CommentRef, options: CallOptions = {}): Promise<Comment | null> {
    await this.#begin('delete', options.signal);
    return this.#writing(() => {
      const thread = this.#thread(request.thread);
      const stored = this.#comment(thread, request.commentId);
      if (!this.#permissions(stored, thread).delete) {
        throw new CommentError('forbidden', messages.deleteForbidden());
      }
      return this.#remove(thread, stored);
    });
  }

  /** Deletes `stored`: a placeholder while replies hang below it, else gone. */
  #remove(thread: StoredThread, stored: StoredComment): Comment | null {
    const hasReplies = thread.comments.some((comment) => comment.parentId === stored.id);
    if (hasReplies) {
      stored.status = 'deleted';
      delete stored.text;
      delete stored.html;
      this.#commit(thread, stored.id, 'updated');
      return this.#visible(thread).includes(stored) ? this.#toComment(stored, thread) : null;
    }
    thread.comments.splice(thread.comments.indexOf(stored), 1);
    this.#commit(thread, stored.id, 'removed');
    return null;
  }

  async moderate(request: ModerateRequest, options: CallOptions = {}): Promise<Comment | null> {
    await this.#begin('moderate', options.signal);
    if (!this.#session()?.viewer.isModerator) throw new CommentError('forbidden', messages.moderateForbidden());
    const result = await this.#writing(() => {
      const thread = this.#thread(request.thread);
      const stored = this.#comment(thread, request.commentId);
      if (stored.status === 'deleted') throw new CommentError('not-found', messages.commentMissing());
      if (request.action === 'approve') {
        stored.status = 'approved';
        this.#commit(thread, stored.id, 'updated');
        return this.#toComment(stored, thread);
      }
      if (request.action === 'spam') {
        // Kept as spam (a backend learns from it), out of everyone's sight with its replies.
        stored.status = 'spam';
        this.#commit(thread, stored.id, 'removed');
        return null;
      }
      if (request.action === 'delete') return this.#remove(thread, stored);
      throw new CommentError('invalid', messages.moderateForbidden());
    });
    // Other tabs hear of it through storage; other elements on this page through here.
    this.#deliver({origin: this.#instanceId, thread: request.thread, commentId: request.commentId, change: 'updated'});
    return result;
  }

  async react(request: ReactRequest, options: CallOptions = {}): Promise<Comment> {
    await this.#begin('react', options.signal);
    if (!this.capabilities.reactions.includes(request.reaction)) {
      throw new CommentError('invalid', messages.unknownReaction());
    }
    if (!this.capabilities.guestReactions && !this.#session()) {
      throw new CommentError('unauthorized', messages.signInToReact());
    }
    return this.#writing(() => {
      const thread = this.#thread(request.thread);
      const stored = this.#comment(thread, request.commentId);
      const viewer = this.#viewerKey();
      stored.reactedBy ??= {};
      const people = new Set(stored.reactedBy[request.reaction] ?? []);
      if (request.active) people.add(viewer);
      else people.delete(viewer);
      stored.reactedBy[request.reaction] = [...people];
      this.#commit(thread, stored.id, 'updated');
      return this.#toComment(stored, thread);
    });
  }

  async listProviders(options: CallOptions = {}): Promise<SignInProvider[]> {
    await this.#begin('signIn', options.signal);
    return (this.#options.providers ?? defaultMemoryProviders()).map((provider) => ({...provider}));
  }

  async signInUrl(request: SignInUrlRequest, options: CallOptions = {}): Promise<string> {
    await this.#begin('signIn', options.signal);
    const page = this.#options.signInPage;
    if (!page) throw new CommentError('forbidden', messages.signInUnavailable());
    const url = new URL(page, document.baseURI);
    url.searchParams.set('provider', request.providerId);
    url.searchParams.set('state', request.state);
    url.searchParams.set('callback', request.callbackUrl);
    url.searchParams.set('mode', request.mode);
    return url.href;
  }

  /**
   * The simulated providers hand back `code`: base64url of `{"name": …, "avatarUrl"?: …}`,
   * standing in for the authorization code a real provider would issue.
   */
  async completeSignIn(request: CompleteSignInRequest, options: CallOptions = {}): Promise<Session> {
    await this.#begin('signIn', options.signal);
    const provider = (this.#options.providers ?? defaultMemoryProviders()).find((p) => p.id === request.providerId);
    if (!provider) throw new CommentError('invalid', messages.unknownProvider());
    const grant = decodeGrant(request.result.code);
    if (!grant) throw new CommentError('unauthorized', messages.signInFailed());
    const id = `${provider.id}:${grant.name.toLowerCase().replace(/\s+/g, '-')}`;
    const session: Session = {
      providerId: provider.id,
      viewer: {
        id,
        name: grant.name,
        ...(grant.avatarUrl ? {avatarUrl: grant.avatarUrl} : {}),
        ...(this.#options.moderators?.includes(id) ? {isModerator: true} : {}),
      },
    };
    this.#saveSession(session);
    return session;
  }

  async getSession(options: CallOptions = {}): Promise<Session | null> {
    await this.#begin('session', options.signal);
    return this.#session();
  }

  async signOut(options: CallOptions = {}): Promise<void> {
    await this.#begin('session', options.signal);
    this.#saveSession(null);
  }

  subscribe(thread: string, listener: Listener, options: CallOptions = {}): void {
    if (!this.capabilities.live || options.signal?.aborted) return;
    let listeners = this.#listeners.get(thread);
    if (!listeners) {
      listeners = new Set();
      this.#listeners.set(thread, listeners);
    }
    listeners.add(listener);
    if (this.#options.storageKey && typeof BroadcastChannel === 'function') this.#channel ??= this.#openChannel();
    options.signal?.addEventListener(
      'abort',
      () => {
        listeners.delete(listener);
        if (listeners.size === 0) this.#listeners.delete(thread);
        if (this.#listeners.size === 0) {
          this.#channel?.close();
          this.#channel = undefined;
        }
      },
      {once: true},
    );
  }

  /**
   * Approves a held comment, as a moderator elsewhere would: the change reaches this
   * page's subscribers too. For demos and tests.
   */
  approve(threadId: string, commentId: string): void {
    this.#refresh();
    const thread = this.#thread(threadId);
    const stored = this.#comment(thread, commentId);
    stored.status = 'approved';
    this.#commit(thread, stored.id, 'updated');
    this.#deliver({origin: 'moderator', thread: thread.id, commentId, change: 'updated'});
  }

  /**
   * Stores a comment written by another reader, who needs no live channel to reach this
   * page: its subscribers hear of it at once. For demos and tests of live updates.
   */
  receive(threadId: string, comment: SeedComment): void {
    const thread = this.#thread(threadId);
    if (thread.comments.some((existing) => existing.id === comment.id)) return;
    thread.comments.push({...comment, parentId: comment.parentId ?? null, status: comment.status ?? 'approved'});
    this.#commit(thread, comment.id, 'added');
    this.#deliver({origin: 'elsewhere', thread: thread.id, commentId: comment.id, change: 'added'});
  }

  /** The adapter's own view of every stored comment of a thread, for tests. */
  storedComments(threadId: string): readonly StoredComment[] {
    return this.#threads.get(threadId)?.comments ?? [];
  }

  async #begin(kind: CallKind, signal: AbortSignal | undefined) {
    signal?.throwIfAborted();
    const failure = this.simulate.take(kind);
    await delay(this.simulate.delayFor(kind), signal);
    if (failure && failure.stage !== 'after') throw errorFor(failure);
    return failure;
  }

  #thread(id: string): StoredThread {
    let thread = this.#threads.get(id);
    if (!thread) {
      if (this.#options.autoCreateThreads === false) {
        throw new CommentError('not-found', messages.threadMissing());
      }
      thread = {id, title: this.#options.defaultTitle ?? document.title, open: true, comments: []};
      this.#threads.set(id, thread);
    }
    return thread;
  }

  #comment(thread: StoredThread, id: string): StoredComment {
    const stored = thread.comments.find((comment) => comment.id === id);
    if (!stored || !this.#visible(thread).includes(stored)) {
      throw new CommentError('not-found', messages.commentMissing());
    }
    return stored;
  }

  #validate(input: NewComment, thread: StoredThread, session: Session | null) {
    if (!thread.open) throw new CommentError('closed', messages.closed());
    if (!session && this.#options.guests === false) {
      throw new CommentError('unauthorized', messages.signInRequired());
    }
    const fieldErrors: Partial<Record<'text' | 'name' | 'email' | 'website' | 'parent', string>> = {};
    const text = input.text.trim();
    if (!text) fieldErrors.text = messages.emptyText();
    else if (text.length > this.#maxLength()) {
      fieldErrors.text = messages.tooLong();
    }
    if (!session) {
      const guest = input.guest;
      if (!guest?.name.trim()) fieldErrors.name = messages.nameMissing();
      if (!guest?.email.trim()) fieldErrors.email = messages.emailMissing();
      else if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(guest.email.trim())) {
        fieldErrors.email = messages.emailInvalid();
      }
      if (guest?.website?.trim() && !isHttpUrl(guest.website.trim())) {
        fieldErrors.website = messages.websiteInvalid();
      }
    }
    if (input.parentId !== null) {
      const parent = thread.comments.find((comment) => comment.id === input.parentId);
      const visible = parent && this.#visible(thread).includes(parent);
      if (!parent || !visible || parent.status === 'deleted') {
        fieldErrors.parent = messages.parentMissing();
      }
    }
    const first = Object.values(fieldErrors)[0];
    if (first) throw new CommentError('invalid', first, {fieldErrors});
  }

  #checkLength(text: string) {
    if (text.length > this.#maxLength()) {
      const message = messages.tooLong();
      throw new CommentError('invalid', message, {fieldErrors: {text: message}});
    }
  }

  #maxLength() {
    return this.#options.maxLength ?? 5000;
  }

  #rootsAfter(roots: StoredComment[], token: string, sort: SortOrder): number {
    const cursor = decodeCursor(token);
    if (!cursor || cursor.sort !== sort) throw new CommentError('invalid', messages.staleCursor());
    const index = roots.findIndex((root) => root.id === cursor.after);
    if (index !== -1) return index + 1;
    // The last comment shown is gone meanwhile: go on after where it stood.
    return roots.length;
  }

  #threadInfo(thread: StoredThread, visible: StoredComment[]): ThreadInfo {
    return {
      id: thread.id,
      title: thread.title,
      ...(thread.url ? {url: thread.url} : {}),
      totalCount: visible.filter((comment) => comment.status !== 'deleted').length,
      posting: {
        open: thread.open,
        guests: {allowed: this.#options.guests !== false, requireName: true, requireEmail: true},
        maxLength: this.#maxLength(),
        notifications: {comments: true, posts: true},
      },
    };
  }

  #visible(thread: StoredThread): StoredComment[] {
    return visibleComments(thread, this.#viewerKey(), Boolean(this.#session()?.viewer.isModerator));
  }

  #permissions(stored: StoredComment, thread: StoredThread): Comment['viewerCan'] {
    const viewer = this.#viewerKey();
    const mine = stored.authorKey === viewer;
    const moderator = Boolean(this.#session()?.viewer.isModerator);
    const live = stored.status !== 'deleted';
    const windowMs = (this.#options.editWindowSeconds ?? 900) * 1000;
    const editableUntil = Date.parse(stored.createdAt) + windowMs;
    const canEdit = live && windowMs > 0 && ((mine && this.#now() < editableUntil) || moderator);
    return {
      reply: thread.open && stored.status === 'approved',
      edit: canEdit,
      delete: live && (mine || moderator),
      ...(moderator && live ? {moderate: true} : {}),
      ...(canEdit && !moderator ? {editableUntil: new Date(editableUntil).toISOString()} : {}),
    };
  }

  #toComment(stored: StoredComment, thread: StoredThread, replyCount?: number): Comment {
    const viewer = this.#viewerKey();
    const replies =
      replyCount ?? this.#visible(thread).filter((comment) => comment.parentId === stored.id).length;
    const deleted = stored.status === 'deleted';
    const reactions = this.capabilities.reactions.map((key) => {
      const people = stored.reactedBy?.[key] ?? [];
      return {key, count: (stored.reactions?.[key] ?? 0) + people.length, viewerReacted: people.includes(viewer)};
    });
    return {
      id: stored.id,
      parentId: stored.parentId,
      author: {
        ...(stored.author.id ? {id: stored.author.id} : {}),
        name: deleted ? '' : stored.author.name,
        ...(!deleted && stored.author.avatarUrl ? {avatarUrl: stored.author.avatarUrl} : {}),
        ...(!deleted && stored.author.profileUrl ? {profileUrl: stored.author.profileUrl} : {}),
        isViewer: stored.authorKey !== undefined && stored.authorKey === viewer,
        isModerator: Boolean(stored.author.isModerator),
      },
      createdAt: stored.createdAt,
      ...(stored.editedAt ? {editedAt: stored.editedAt} : {}),
      content: deleted
        ? {kind: 'text', value: ''}
        : stored.html !== undefined
          ? {kind: 'html', value: stored.html}
          : {kind: 'text', value: stored.text ?? ''},
      // Spam is never listed; a change that reaches a listener as it happens reads as gone.
      status: stored.status === 'spam' ? 'deleted' : stored.status,
      ...(thread.url ? {permalink: `${thread.url}#comment-${stored.id}`} : {}),
      replyCount: replies,
      ...(reactions.length > 0 ? {reactions} : {}),
      viewerCan: this.#permissions(stored, thread),
    };
  }

  #viewerKey(): string {
    const session = this.#session();
    if (session) return `user:${session.viewer.id}`;
    if (!this.#guestKey) {
      // Like a commenter cookie: recognises this browser's guest comments after a reload.
      const storageName = `colloquy-memory-guest:${this.#options.storageKey ?? ''}`;
      this.#guestKey = readStorage(() => localStorage, storageName) ?? randomId();
      writeStorage(() => localStorage, storageName, this.#guestKey);
    }
    return `guest:${this.#guestKey}`;
  }

  #sessionStorageName() {
    return `colloquy-memory-session:${this.#options.storageKey ?? ''}`;
  }

  #session(): Session | null {
    if (this.#sessionCache === undefined) {
      const saved = readStorage(() => sessionStorage, this.#sessionStorageName());
      try {
        this.#sessionCache = saved ? (JSON.parse(saved) as Session) : null;
      } catch {
        this.#sessionCache = null;
      }
    }
    return this.#sessionCache;
  }

  #saveSession(session: Session | null) {
    this.#sessionCache = session;
    const name = this.#sessionStorageName();
    if (session) writeStorage(() => sessionStorage, name, JSON.stringify(session));
    else removeStorage(() => sessionStorage, name);
  }

  /** Reads what the tabs persisted, each thread validated as a seed is; a corrupt save leaves the seeds. */
  #loadPersisted() {
    const key = this.#options.storageKey;
    if (key) this.#restore(readStorage(() => localStorage, key));
  }

  #restore(saved: string | null) {
    if (!saved) return;
    try {
      const data = JSON.parse(saved) as {version?: unknown; threads?: unknown};
      if (data.version !== 1 || !Array.isArray(data.threads)) return;
      for (const raw of data.threads) {
        const thread = readStoredThread(raw);
        if (thread) this.#threads.set(thread.id, thread);
      }
    } catch {
      // A corrupt save is ignored; the seeds stand.
    }
  }

  /**
   * Takes up what other tabs stored since: with `storageKey`, storage is the truth and
   * memory a copy. Storage that cannot be read leaves memory as it is.
   */
  #refresh() {
    const key = this.#options.storageKey;
    if (!key) return;
    let saved: string | null;
    try {
      saved = localStorage.getItem(key);
    } catch {
      return;
    }
    this.#threads.clear();
    this.#seed();
    this.#restore(saved);
  }

  /**
   * Runs a change as a read-modify-write of what every tab stored, under a Web Lock so
   * that tabs take turns (without Web Locks the window is a single task). The change is
   * written before it is answered: when storage refuses it (full, blocked) it is undone
   * and the call fails, so nothing is reported as stored that a reload would lose.
   */
  async #writing<T>(change: () => T): Promise<T> {
    const run = (): T => {
      this.#refresh();
      const before = structuredClone([...this.#threads]);
      this.#changes = [];
      let outcome: {value: T} | {error: unknown};
      try {
        outcome = {value: change()};
      } catch (error) {
        outcome = {error};
      }
      const changes = this.#changes;
      this.#changes = undefined;
      if (changes.length > 0) {
        if (!this.#persist()) {
          this.#threads.clear();
          for (const [id, thread] of before) this.#threads.set(id, thread);
          throw new CommentError('server', messages.storageFull());
        }
        for (const message of changes) this.#broadcast(message);
      }
      if ('error' in outcome) throw outcome.error;
      return outcome.value;
    };
    const key = this.#options.storageKey;
    const locks = key ? globalThis.navigator?.locks : undefined;
    return locks ? locks.request(`colloquy-memory:${key}`, run) : run();
  }

  /** Changes made by the running `#writing`, sent to other tabs once they are stored. */
  #changes: ChangeMessage[] | undefined;

  #commit(thread: StoredThread, commentId: string, change: ChangeMessage['change']) {
    const message: ChangeMessage = {origin: this.#instanceId, thread: thread.id, commentId, change};
    if (this.#changes) {
      this.#changes.push(message);
      return;
    }
    // Outside a call (a moderator's approval in a demo): stored as it is.
    if (this.#persist()) this.#broadcast(message);
  }

  /** Writes every thread; false when storage refused. */
  #persist(): boolean {
    const key = this.#options.storageKey;
    if (!key) return true;
    try {
      localStorage.setItem(key, JSON.stringify({version: 1, threads: [...this.#threads.values()]}));
      return true;
    } catch {
      return false;
    }
  }

  #broadcast(message: ChangeMessage) {
    const key = this.#options.storageKey;
    if (!key || typeof BroadcastChannel !== 'function') return;
    const channel = new BroadcastChannel(channelName(key));
    channel.postMessage(message);
    channel.close();
  }

  #openChannel(): BroadcastChannel {
    const channel = new BroadcastChannel(channelName(this.#options.storageKey!));
    channel.onmessage = (event: MessageEvent<ChangeMessage>) => {
      if (event.data.origin === this.#instanceId) return;
      this.#refresh();
      this.#deliver(event.data);
    };
    return channel;
  }

  #deliver(message: ChangeMessage) {
    const listeners = this.#listeners.get(message.thread);
    const thread = this.#threads.get(message.thread);
    if (!listeners || !thread) return;
    const stored = thread.comments.find((comment) => comment.id === message.commentId);
    const visible = stored && this.#visible(thread).includes(stored);
    const event: ThreadEvent =
      !stored || !visible
        ? {type: 'comment-removed', thread: thread.id, commentId: message.commentId}
        : {type: message.change === 'added' ? 'comment-added' : 'comment-updated', thread: thread.id, comment: this.#toComment(stored, thread)};
    for (const listener of listeners) listener(event);
  }
}

/**
 * What `viewer` may see: approved comments, their own held ones (a moderator: everyone's),
 * and deleted comments that still have visible replies. A comment hidden from the viewer
 * (held, spam) hides its replies.
 */
function visibleComments(thread: StoredThread, viewer: string, moderator = false): StoredComment[] {
  const children = childrenOf(thread.comments);
  const visible = new Set<StoredComment>();
  const visit = (comment: StoredComment): boolean => {
    const shown =
      comment.status === 'approved' || (comment.status === 'pending' && (moderator || comment.authorKey === viewer));
    if ((comment.status === 'pending' && !shown) || comment.status === 'spam') return false;
    let anyChildShown = false;
    for (const child of children.get(comment.id) ?? []) anyChildShown = visit(child) || anyChildShown;
    if (shown || (comment.status === 'deleted' && anyChildShown)) {
      visible.add(comment);
      return true;
    }
    return false;
  };
  const ids = new Set(thread.comments.map((comment) => comment.id));
  // Comments whose parent is missing from the store are treated as top-level.
  for (const comment of thread.comments) if (comment.parentId === null || !ids.has(comment.parentId)) visit(comment);
  return thread.comments
    .filter((comment) => visible.has(comment))
    .map((comment) => (comment.parentId !== null && !ids.has(comment.parentId) ? {...comment, parentId: null} : comment));
}

/** Replies by parent id, oldest first. */
function childrenOf(comments: StoredComment[]): Map<string, StoredComment[]> {
  const children = new Map<string, StoredComment[]>();
  for (const comment of comments) {
    if (comment.parentId === null) continue;
    const siblings = children.get(comment.parentId) ?? [];
    siblings.push(comment);
    children.set(comment.parentId, siblings);
  }
  for (const siblings of children.values()) siblings.sort(byDate);
  return children;
}

function byDate(a: StoredComment, b: StoredComment): number {
  return a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id);
}

function rootOrder(sort: SortOrder, visible: StoredComment[]): (a: StoredComment, b: StoredComment) => number {
  if (sort === 'newest') return (a, b) => byDate(b, a);
  if (sort === 'oldest') return byDate;
  const score = new Map(
    visible.map((comment) => [
      comment.id,
      Object.values(comment.reactions ?? {}).reduce((sum, count) => sum + count, 0) +
        Object.values(comment.reactedBy ?? {}).reduce((sum, people) => sum + people.length, 0),
    ]),
  );
  return (a, b) => (score.get(b.id) ?? 0) - (score.get(a.id) ?? 0) || byDate(a, b);
}

function encodeCursor(cursor: Cursor): string {
  return btoa(JSON.stringify(cursor));
}

function decodeCursor(token: string): Cursor | undefined {
  try {
    const cursor = JSON.parse(atob(token)) as Cursor;
    return typeof cursor.after === 'string' && typeof cursor.sort === 'string' ? cursor : undefined;
  } catch {
    return undefined;
  }
}

function decodeGrant(code: string | undefined): {name: string; avatarUrl?: string} | undefined {
  if (!code) return undefined;
  try {
    const json = new TextDecoder().decode(
      Uint8Array.from(atob(code.replace(/-/g, '+').replace(/_/g, '/')), (char) => char.charCodeAt(0)),
    );
    const grant = JSON.parse(json) as {name?: unknown; avatarUrl?: unknown};
    const name = typeof grant.name === 'string' ? grant.name.trim().slice(0, 100) : '';
    if (!name) return undefined;
    const avatarUrl = typeof grant.avatarUrl === 'string' && isHttpUrl(grant.avatarUrl) ? grant.avatarUrl : undefined;
    return avatarUrl ? {name, avatarUrl} : {name};
  } catch {
    return undefined;
  }
}

/** Encodes a simulated provider's grant the way `completeSignIn` reads it. */
export function encodeMemoryGrant(grant: {name: string; avatarUrl?: string}): string {
  const bytes = new TextEncoder().encode(JSON.stringify(grant));
  return btoa(String.fromCharCode(...bytes)).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function isHttpUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return url.protocol === 'http:' || url.protocol === 'https:';
  } catch {
    return false;
  }
}

function channelName(storageKey: string) {
  return `colloquy-memory:${storageKey}`;
}

function randomId(): string {
  return crypto.randomUUID().replace(/-/g, '').slice(0, 16);
}

// Storage can throw (private browsing, full quota, blocked cookies): the adapter then
// keeps working from memory.
function readStorage(storage: () => Storage, key: string): string | null {
  try {
    return storage().getItem(key);
  } catch {
    return null;
  }
}

function writeStorage(storage: () => Storage, key: string, value: string) {
  try {
    storage().setItem(key, value);
  } catch {
    // Kept in memory only.
  }
}

function removeStorage(storage: () => Storage, key: string) {
  try {
    storage().removeItem(key);
  } catch {
    // Nothing saved to remove.
  }
}
