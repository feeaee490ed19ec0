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
import type {Comment, CommentPage, Session, SignInProvider, SortOrder} from '../../core/types.js';
import {LiveListeners, type ThreadListener} from './live-listeners.js';
import {checkLength, permissions, threadInfo, toComment, validate, type Reader, type ThreadRules} from './mapping.js';
import {messages} from './messages.js';
import type {MemoryAdapterOptions} from './options.js';
import {decodeReplyCursor, encodeReplyCursor, replyBatch} from './replies.js';
import type {SeedComment, StoredComment, StoredThread} from './seed.js';
import {SimulatedSignIn} from './simulated-sign-in.js';
import {Simulation, delay, errorFor, type CallKind} from './simulation.js';
import {ThreadStore, type ChangeMessage} from './thread-store.js';
import {childrenOf, decodeCursor, encodeCursor, rootOrder, visibleComments} from './thread-view.js';
import {ViewerIdentity} from './viewer-identity.js';

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
  readonly #rules: ThreadRules;
  readonly #store: ThreadStore;
  readonly #viewer: ViewerIdentity;
  readonly #signIn: SimulatedSignIn;
  readonly #live: LiveListeners;
  readonly #instanceId = randomId();
  readonly #now: () => number;

  constructor(options: MemoryAdapterOptions = {}) {
    this.#options = options;
    this.#now = options.now ?? Date.now;
    this.simulate = new Simulation(options.latency);
    if (options.firstReplies !== undefined) this.loadReplies = (request, callOptions) => this.#loadReplies(request, callOptions);
    this.#viewer = new ViewerIdentity(options.storageKey, randomId);
    this.#signIn = new SimulatedSignIn(options, this.#viewer);
    this.capabilities = {
      edit: (options.editWindowSeconds ?? 900) > 0,
      delete: true,
      reactions: options.reactions ?? ['like'],
      guestReactions: options.guestReactions ?? true,
      markdown: options.markdown ?? false,
      signIn: this.#signIn.available,
      session: true,
      moderate: true,
      live: Boolean(options.live) || (Boolean(options.storageKey) && typeof BroadcastChannel === 'function'),
    };
    this.#rules = {
      guests: options.guests !== false,
      maxLength: options.maxLength ?? 5000,
      editWindowSeconds: options.editWindowSeconds ?? 900,
      reactions: this.capabilities.reactions,
    };
    this.#store = new ThreadStore(options.threads ?? [], options.storageKey, this.#instanceId);
    this.#live = new LiveListeners(this.#store, (message) => this.#eventFor(message));
  }

  async loadPage(request: LoadPageRequest, options: CallOptions = {}): Promise<CommentPage> {
    await this.#begin('load', options.signal);
    this.#store.refresh();
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
      thread: threadInfo(thread, visible, this.#rules),
      comments,
      nextCursor: hasMore && last ? encodeCursor({sort: request.sort, after: last.id}) : null,
    };
  }

  /** The next replies of a conversation a page cut (`firstReplies`). */
  async #loadReplies(request: LoadRepliesRequest, options: CallOptions = {}): Promise<ReplyBatch> {
    await this.#begin('load', options.signal);
    this.#store.refresh();
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
    return this.#store.writing(() => {
      const thread = this.#thread(input.thread);
      const viewer = this.#viewer.key;
      const alreadyStored = thread.comments.find(
        (comment) => comment.idempotencyKey === input.idempotencyKey && comment.authorKey === viewer,
      );
      if (alreadyStored) return this.#toComment(alreadyStored, thread);

      const session = this.#viewer.session;
      validate(input, thread, session, this.#rules, (comment) => this.#visible(thread).includes(comment));
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
      this.#store.commit(thread, stored.id, 'added');
      // The comment is stored; a failure planned for "after" loses only the answer.
      if (failure?.stage === 'after') throw errorFor(failure);
      return this.#toComment(stored, thread);
    });
  }

  async editComment(request: EditCommentRequest, options: CallOptions = {}): Promise<Comment> {
    await this.#begin('edit', options.signal);
    return this.#store.writing(() => {
      const thread = this.#thread(request.thread);
      const stored = this.#comment(thread, request.commentId);
      if (!permissions(stored, thread, this.#reader(), this.#rules).edit) throw new CommentError('forbidden', messages.editExpired());
      const text = request.text.trim();
      if (!text) throw new CommentError('invalid', messages.emptyText(), {fieldErrors: {text: messages.emptyText()}});
      checkLength(text, this.#rules);
      stored.text = text;
      delete stored.html;
      stored.editedAt = new Date(this.#now()).toISOString();
      this.#store.commit(thread, stored.id, 'updated');
      return this.#toComment(stored, thread);
    });
  }

  async deleteComment(request: CommentRef, options: CallOptions = {}): Promise<Comment | null> {
    await this.#begin('delete', options.signal);
    return this.#store.writing(() => {
      const thread = this.#thread(request.thread);
      const stored = this.#comment(thread, request.commentId);
      if (!permissions(stored, thread, this.#reader(), this.#rules).delete) {
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
      this.#store.commit(thread, stored.id, 'updated');
      return this.#visible(thread).includes(stored) ? this.#toComment(stored, thread) : null;
    }
    thread.comments.splice(thread.comments.indexOf(stored), 1);
    this.#store.commit(thread, stored.id, 'removed');
    return null;
  }

  async moderate(request: ModerateRequest, options: CallOptions = {}): Promise<Comment | null> {
    await this.#begin('moderate', options.signal);
    if (!this.#viewer.session?.viewer.isModerator) throw new CommentError('forbidden', messages.moderateForbidden());
    const result = await this.#store.writing(() => {
      const thread = this.#thread(request.thread);
      const stored = this.#comment(thread, request.commentId);
      if (stored.status === 'deleted') throw new CommentError('not-found', messages.commentMissing());
      if (request.action === 'approve') {
        stored.status = 'approved';
        this.#store.commit(thread, stored.id, 'updated');
        return this.#toComment(stored, thread);
      }
      if (request.action === 'spam') {
        // Kept as spam (a backend learns from it), out of everyone's sight with its replies.
        stored.status = 'spam';
        this.#store.commit(thread, stored.id, 'removed');
        return null;
      }
      if (request.action === 'delete') return this.#remove(thread, stored);
      throw new CommentError('invalid', messages.moderateForbidden());
    });
    // Other tabs hear of it through storage; other elements on this page through here.
    this.#live.deliver({origin: this.#instanceId, thread: request.thread, commentId: request.commentId, change: 'updated'});
    return result;
  }

  async react(request: ReactRequest, options: CallOptions = {}): Promise<Comment> {
    await this.#begin('react', options.signal);
    if (!this.capabilities.reactions.includes(request.reaction)) {
      throw new CommentError('invalid', messages.unknownReaction());
    }
    if (!this.capabilities.guestReactions && !this.#viewer.session) {
      throw new CommentError('unauthorized', messages.signInToReact());
    }
    return this.#store.writing(() => {
      const thread = this.#thread(request.thread);
      const stored = this.#comment(thread, request.commentId);
      const viewer = this.#viewer.key;
      stored.reactedBy ??= {};
      const people = new Set(stored.reactedBy[request.reaction] ?? []);
      if (request.active) people.add(viewer);
      else people.delete(viewer);
      stored.reactedBy[request.reaction] = [...people];
      this.#store.commit(thread, stored.id, 'updated');
      return this.#toComment(stored, thread);
    });
  }

  async listProviders(options: CallOptions = {}): Promise<SignInProvider[]> {
    await this.#begin('signIn', options.signal);
    return this.#signIn.providers.map((provider) => ({...provider}));
  }

  async signInUrl(request: SignInUrlRequest, options: CallOptions = {}): Promise<string> {
    await this.#begin('signIn', options.signal);
    return this.#signIn.url(request);
  }

  async completeSignIn(request: CompleteSignInRequest, options: CallOptions = {}): Promise<Session> {
    await this.#begin('signIn', options.signal);
    return this.#signIn.complete(request);
  }

  async getSession(options: CallOptions = {}): Promise<Session | null> {
    await this.#begin('session', options.signal);
    return this.#viewer.session;
  }

  async signOut(options: CallOptions = {}): Promise<void> {
    await this.#begin('session', options.signal);
    this.#viewer.session = null;
  }

  subscribe(thread: string, listener: ThreadListener, options: CallOptions = {}): void {
    if (!this.capabilities.live || options.signal?.aborted) return;
    this.#live.add(thread, listener, options.signal);
  }

  /**
   * Approves a held comment, as a moderator elsewhere would: the change reaches this
   * page's subscribers too. For demos and tests.
   */
  approve(threadId: string, commentId: string): void {
    this.#store.refresh();
    const thread = this.#thread(threadId);
    const stored = this.#comment(thread, commentId);
    stored.status = 'approved';
    this.#store.commit(thread, stored.id, 'updated');
    this.#live.deliver({origin: 'moderator', thread: thread.id, commentId, change: 'updated'});
  }

  /**
   * Stores a comment written by another reader, who needs no live channel to reach this
   * page: its subscribers hear of it at once. For demos and tests of live updates.
   */
  receive(threadId: string, comment: SeedComment): void {
    const thread = this.#thread(threadId);
    if (thread.comments.some((existing) => existing.id === comment.id)) return;
    thread.comments.push({...comment, parentId: comment.parentId ?? null, status: comment.status ?? 'approved'});
    this.#store.commit(thread, comment.id, 'added');
    this.#live.deliver({origin: 'elsewhere', thread: thread.id, commentId: comment.id, change: 'added'});
  }

  /** The adapter's own view of every stored comment of a thread, for tests. */
  storedComments(threadId: string): readonly StoredComment[] {
    return this.#store.threads.get(threadId)?.comments ?? [];
  }

  async #begin(kind: CallKind, signal: AbortSignal | undefined) {
    signal?.throwIfAborted();
    const failure = this.simulate.take(kind);
    await delay(this.simulate.delayFor(kind), signal);
    if (failure && failure.stage !== 'after') throw errorFor(failure);
    return failure;
  }

  #thread(id: string): StoredThread {
    let thread = this.#store.threads.get(id);
    if (!thread) {
      if (this.#options.autoCreateThreads === false) {
        throw new CommentError('not-found', messages.threadMissing());
      }
      thread = {id, title: this.#options.defaultTitle ?? document.title, open: true, comments: []};
      this.#store.threads.set(id, thread);
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

  #rootsAfter(roots: StoredComment[], token: string, sort: SortOrder): number {
    const cursor = decodeCursor(token);
    if (!cursor || cursor.sort !== sort) throw new CommentError('invalid', messages.staleCursor());
    const index = roots.findIndex((root) => root.id === cursor.after);
    if (index !== -1) return index + 1;
    // The last comment shown is gone meanwhile: go on after where it stood.
    return roots.length;
  }

  #visible(thread: StoredThread): StoredComment[] {
    return visibleComments(thread, this.#viewer.key, this.#viewer.isModerator);
  }

  #reader(): Reader {
    return {key: this.#viewer.key, moderator: this.#viewer.isModerator, now: this.#now()};
  }

  #toComment(stored: StoredComment, thread: StoredThread, replyCount?: number): Comment {
    const replies = replyCount ?? this.#visible(thread).filter((comment) => comment.parentId === stored.id).length;
    return toComment(stored, thread, replies, this.#reader(), this.#rules);
  }

  /** What a change looks like to this page's reader: a comment they can see now, or one gone from their sight. */
  #eventFor(message: ChangeMessage): ThreadEvent | undefined {
    const thread = this.#store.threads.get(message.thread);
    if (!thread) return undefined;
    const stored = thread.comments.find((comment) => comment.id === message.commentId);
    const visible = stored && this.#visible(thread).includes(stored);
    return !stored || !visible
      ? {type: 'comment-removed', thread: thread.id, commentId: message.commentId}
      : {type: message.change === 'added' ? 'comment-added' : 'comment-updated', thread: thread.id, comment: this.#toComment(stored, thread)};
  }
}

function randomId(): string {
  return crypto.randomUUID().replace(/-/g, '').slice(0, 16);
}
