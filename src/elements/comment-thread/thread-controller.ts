import type {ReactiveController, ReactiveControllerHost} from 'lit';
import type {CommentAdapter, ReplyBatch, ThreadEvent} from '../../core/adapter.js';
import {DEFAULT_LOAD_DEADLINE_MS, withDeadline} from '../../adapters/shared/deadline.js';
import {isAbortError} from '../../core/errors.js';
import type {Comment, CommentPage, SortOrder, ThreadInfo} from '../../core/types.js';
import {CommentErrorEvent} from '../../events/comment-error.js';
import {CommentLoadEvent} from '../../events/comment-load.js';
import {sessionStoreFor} from '../shared/session-store.js';
import {PendingPage} from './pending-page.js';

/** What to load: a newer query replaces (and aborts) the older one. */
export interface ThreadQuery {
  readonly adapter: CommentAdapter;
  readonly thread: string;
  readonly sort: SortOrder;
  readonly limit: number;
  /** How long one page may take before the load fails with a retryable error, in ms. */
  readonly deadline?: number;
}

/** Same states as `@lit/task`'s `TaskStatus`, by name. */
export type LoadStatus = 'initial' | 'pending' | 'complete' | 'error';

/**
 * A thread's comments, page by page, for one host element. `load()` fetches the first
 * page (aborting whatever was in flight), `loadMore()` appends the next one. While the
 * host is connected it also follows the adapter's live updates and reloads when the
 * viewer signs in or out (pending comments and permissions depend on who is looking).
 *
 * Once a page is in it asks for the next one in the background, so that Load more
 * shows it without a round trip (and in one host update). That page is discarded with
 * the query (sort, refresh, sign-in or out, another adapter); a failure of it is kept
 * quiet until Load more, which then asks once more and shows that answer's error (a
 * prefetch that fails while Load more waits for it is that answer: one deadline's wait).
 *
 * Every state change requests a host update, and `comments`/`added` get new array
 * identities, so the host can memoize what it derives from them.
 */
export class ThreadController implements ReactiveController {
  status: LoadStatus = 'initial';
  /** Why the first page failed, when `status` is `error`. */
  error: unknown;
  moreStatus: LoadStatus = 'initial';
  moreError: unknown;
  info: ThreadInfo | undefined;
  /** Comments from the backend's pages, in page order. */
  comments: readonly Comment[] = [];
  /** Comments that arrived after the pages were loaded (posted here or live), oldest first. */
  added: readonly Comment[] = [];
  nextCursor: string | null = null;

  #query: ThreadQuery | undefined;
  #ids = new Set<string>();
  #load: AbortController | undefined;
  #more: {controller: AbortController; done: Promise<readonly Comment[] | undefined>} | undefined;
  #following: AbortController | undefined;
  #interrupted: 'load' | 'more' | undefined;
  #connected = false;
  /** Cursors already followed for this query: a backend that hands one out again would loop forever. */
  #followedCursors = new Set<string>();
  /**
   * A page shown out of turn because a link pointed into it (`showPageAt`): its cursor,
   * the cursor after it, and its comments' ids. When Load more reaches that cursor it
   * goes on after the page instead of loading it again.
   */
  #jump: {cursor: string; next: string | null; ids: Set<string>} | undefined;
  /** Changes heard while the first page was loading, applied once it is shown. */
  #queued: ThreadEvent[] = [];
  #prefetch: PendingPage | undefined;
  /** Counts changes made to the comments shown (added, removed, replaced). */
  #changes = 0;

  readonly #arrived: ((comment: Comment) => void) | undefined;
  readonly #changed: () => void;
  readonly #loading: (() => void) | undefined;

  /**
   * `arrived` is told of each comment that live updates bring and that is not shown yet,
   * before it is. `changed` asks for the host update that shows a change (by default
   * `host.requestUpdate()`): a host that memoizes per comment can tell it from other updates.
   * `loading` is told when the first page is asked for again (another query, a refresh, the
   * viewer signing in or out): what the host fetched for the comments shown so far is
   * another viewer's or another query's.
   */
  constructor(
    private readonly host: ReactiveControllerHost & HTMLElement,
    {arrived, changed, loading}: {arrived?: (comment: Comment) => void; changed?: () => void; loading?: () => void} = {},
  ) {
    this.#arrived = arrived;
    this.#changed = changed ?? (() => host.requestUpdate());
    this.#loading = loading;
    host.addController(this);
  }

  get query(): ThreadQuery | undefined {
    return this.#query;
  }

  has(commentId: string): boolean {
    return this.#ids.has(commentId);
  }

  /** Loads the first page for `query`; resolves when it is shown (or failed, or was replaced). */
  async load(query: ThreadQuery): Promise<void> {
    this.#abortAll();
    this.#loading?.();
    if (query.adapter !== this.#query?.adapter || query.thread !== this.#query.thread) this.#stopFollowing();
    this.#query = query;
    const controller = new AbortController();
    this.#load = controller;
    this.status = 'pending';
    this.error = undefined;
    this.moreStatus = 'initial';
    this.moreError = undefined;
    this.#changed();
    if (this.#connected) this.#follow();
    try {
      const page = await this.#loadPage(query, undefined, controller.signal);
      if (controller.signal.aborted) return;
      this.#followedCursors = new Set();
      this.#jump = undefined;
      const comments = uniqueById(page.comments);
      this.#ids = new Set(comments.map((comment) => comment.id));
      // Comments posted or received while loading may be on a later page: keep showing them.
      this.added = this.added.filter((comment) => !this.#ids.has(comment.id));
      for (const comment of this.added) this.#ids.add(comment.id);
      this.comments = comments;
      this.info = page.thread;
      this.nextCursor = page.nextCursor;
      this.status = 'complete';
      this.#applyQueued();
      this.host.dispatchEvent(new CommentLoadEvent(page.thread, comments, true, page.nextCursor !== null));
    } catch (error) {
      if (controller.signal.aborted) return;
      this.status = 'error';
      this.error = error;
      // What was heard applies to pages that never arrived; the next load shows it anyway.
      this.#queued = [];
      this.host.dispatchEvent(new CommentErrorEvent(error, 'load'));
    } finally {
      if (this.#load === controller) this.#load = undefined;
      this.#changed();
      if (!controller.signal.aborted) this.#prefetchNext();
    }
  }

  /** Loads the first page again with the same query. */
  reload(): Promise<void> {
    return this.#query ? this.load(this.#query) : Promise.resolve();
  }

  /**
   * Appends the next page. Resolves with the comments it added (none may be new), or
   * undefined when there was nothing to load, it failed or it was aborted. Calling it
   * again while a page is loading returns that same load.
   */
  loadMore(): Promise<readonly Comment[] | undefined> {
    if (this.#more) return this.#more.done;
    let cursor = this.nextCursor;
    if (cursor !== null && cursor === this.#jump?.cursor) {
      // Caught up with the page shown out of turn: it is already here, go on after it.
      cursor = this.#jump.next;
      this.#followedCursors.add(this.#jump.cursor);
      this.#jump = undefined;
      if (cursor === null || this.#followedCursors.has(cursor)) {
        this.nextCursor = null;
        this.#changed();
        return Promise.resolve([]);
      }
    }
    return this.#loadPageAt(cursor, false);
  }

  /**
   * Shows the page at `cursor` (from `locate`) after the comments already shown, out of
   * turn: the pages before it stay to be loaded with Load more. Resolves like `loadMore`.
   */
  showPageAt(cursor: string): Promise<readonly Comment[] | undefined> {
    if (this.#more || this.#jump || cursor === this.nextCursor || this.#followedCursors.has(cursor)) return this.loadMore();
    return this.#loadPageAt(cursor, true);
  }

  #loadPageAt(cursor: string | null, outOfTurn: boolean): Promise<readonly Comment[] | undefined> {
    const query = this.#query;
    if (!query || cursor === null || this.status !== 'complete') return Promise.resolve(undefined);
    const prefetched = this.#takePrefetch(query, cursor);
    if (prefetched?.page) {
      // Already here: shown in this very task, one host update, no "Loading…" in between.
      const fresh = this.#showPage(prefetched.page, cursor, outOfTurn, prefetched);
      this.#changed();
      this.#prefetchNext();
      return Promise.resolve(fresh);
    }
    // Still on its way: waited for, and its answer counts. Failed before: asked for once more.
    const request = prefetched && !prefetched.failed ? prefetched : this.#ask(query, cursor);
    // Kept where live changes find it: one heard while the page travels applies to it, or a
    // comment removed meanwhile would come back with it.
    this.#prefetch = request;
    const controller = new AbortController();
    controller.signal.addEventListener('abort', () => request.controller.abort());
    this.moreStatus = 'pending';
    this.moreError = undefined;
    this.#changed();
    const done = (async () => {
      try {
        await request.done;
        if (controller.signal.aborted) return undefined;
        if (this.#prefetch === request) this.#prefetch = undefined;
        if (!request.page) throw request.error;
        return this.#showPage(request.page, cursor, outOfTurn, request);
      } catch (error) {
        if (controller.signal.aborted || isAbortError(error)) return undefined;
        this.moreStatus = 'error';
        this.moreError = error;
        this.host.dispatchEvent(new CommentErrorEvent(error, 'load-more'));
        return undefined;
      } finally {
        if (this.#more?.controller === controller) this.#more = undefined;
        this.#changed();
        if (this.moreStatus === 'complete') this.#prefetchNext();
      }
    })();
    this.#more = {controller, done};
    return done;
  }

  /**
   * Adds the page at `cursor` (`request`'s answer, live changes heard since taken in) to the
   * comments shown and returns those it added.
   */
  #showPage(page: CommentPage, cursor: string, outOfTurn: boolean, request: PendingPage): Comment[] {
    this.#followedCursors.add(cursor);
    // Cursors that count by offset can repeat a comment when others were added meanwhile.
    const fresh = uniqueById(page.comments).filter((comment) => !this.#ids.has(comment.id));
    for (const comment of fresh) this.#ids.add(comment.id);
    // A page kept for a while says how many comments the thread had then: what was counted
    // since (live comments, the viewer's own) would be lost.
    if (request.changes === this.#changes) this.info = page.thread;
    // A cursor handed out again (or the one just used) leads back to pages already
    // shown: the thread ends here rather than asking for them over and over.
    const next = page.nextCursor;
    const repeated = next === null || next === cursor || (this.#followedCursors.has(next) && next !== this.#jump?.cursor);
    if (outOfTurn) {
      this.#jump = {cursor, next: repeated ? null : next, ids: new Set(fresh.map((comment) => comment.id))};
      this.comments = this.comments.concat(fresh);
    } else {
      this.comments = this.#insertBeforeJump(fresh);
      this.nextCursor = repeated ? null : next;
    }
    this.moreStatus = 'complete';
    this.moreError = undefined;
    this.host.dispatchEvent(new CommentLoadEvent(page.thread, fresh, false, this.nextCursor !== null));
    return fresh;
  }

  /** The cursor Load more would follow next, or null at the end of the thread. */
  #upcomingCursor(): string | null {
    let cursor = this.nextCursor;
    if (cursor !== null && cursor === this.#jump?.cursor) cursor = this.#jump.next;
    return cursor === null || this.#followedCursors.has(cursor) ? null : cursor;
  }

  /**
   * Asks for the next page as soon as the current one is in: its answer travels while the
   * current page renders. A prefetch that fails is not asked for again until Load more.
   */
  #prefetchNext(): void {
    const query = this.#query;
    if (!query || !this.#connected || this.status !== 'complete' || this.#more || this.#load) return;
    const cursor = this.#upcomingCursor();
    if (cursor === null || this.#prefetch?.cursor === cursor) return;
    this.#dropPrefetch();
    this.#prefetch = this.#ask(query, cursor);
  }

  #ask(query: ThreadQuery, cursor: string): PendingPage {
    return new PendingPage(query, cursor, this.#changes, (signal) => this.#loadPage(query, cursor, signal));
  }

  /** The prefetched page for `cursor`, taken (no longer kept); undefined when there is none. */
  #takePrefetch(query: ThreadQuery, cursor: string): PendingPage | undefined {
    const prefetch = this.#prefetch;
    if (!prefetch) return undefined;
    this.#prefetch = undefined;
    if (prefetch.serves(query, cursor)) return prefetch;
    prefetch.controller.abort();
    return undefined;
  }

  #dropPrefetch(): void {
    this.#prefetch?.controller.abort();
    this.#prefetch = undefined;
  }

  /** Whether `commentId` is in the prefetched page and not shown: its changes wait for that page. */
  #heldForLater(commentId: string): boolean {
    return !this.#ids.has(commentId) && this.#prefetch?.lists(commentId) === true;
  }

  /** Shows a comment stored after the pages were loaded, or updates one already shown. */
  add(comment: Comment): void {
    if (this.#ids.has(comment.id)) {
      this.#replace(comment);
      return;
    }
    this.#ids.add(comment.id);
    this.added = [...this.added, comment];
    this.#recount(this.#counted(comment) ? 1 : 0);
    this.#changes++;
    this.#changed();
  }

  /**
   * Adds a batch of a conversation's replies (`loadReplies` after `cursor`) after those
   * loaded before, and the conversation's new `moreReplies`. A reply already here from the
   * live stream moves to its place in the batch rather than being listed twice. Returns
   * false, adding nothing, when the conversation no longer carries `cursor` (the thread
   * was reloaded meanwhile, or another batch got there first).
   */
  addReplies(conversationId: string, cursor: string, batch: ReplyBatch): boolean {
    const first = this.comments.find((comment) => comment.id === conversationId);
    if (first?.moreReplies?.cursor !== cursor) return false;
    const live = new Set(this.added.map((comment) => comment.id));
    const fresh = uniqueById(batch.comments).filter((comment) => !this.#ids.has(comment.id) || live.has(comment.id));
    for (const comment of fresh) this.#ids.add(comment.id);
    const moved = new Set(fresh.filter((comment) => live.has(comment.id)).map((comment) => comment.id));
    if (moved.size > 0) this.added = this.added.filter((comment) => !moved.has(comment.id));
    const {moreReplies: _sent, ...rest} = first;
    const updated: Comment = batch.moreReplies ? {...rest, moreReplies: batch.moreReplies} : rest;
    this.comments = this.comments.map((comment) => (comment === first ? updated : comment)).concat(fresh);
    this.#changed();
    return true;
  }

  /** Takes away a comment removed elsewhere. */
  remove(commentId: string): void {
    if (!this.#ids.delete(commentId)) return;
    const removed = this.#shown(commentId);
    this.comments = this.comments.filter((comment) => comment.id !== commentId);
    this.added = this.added.filter((comment) => comment.id !== commentId);
    this.#recount(removed && !this.#counted(removed) ? 0 : -1);
    this.#changes++;
    this.#changed();
  }

  /** Applies a change to the thread: from elsewhere (live), or the viewer's own edit. */
  apply(event: ThreadEvent): void {
    if (event.thread !== this.#query?.thread) return;
    // Applied now, a change would be overwritten by the page on its way: it waits for it.
    if (this.status === 'pending') {
      this.#queued.push(event);
      return;
    }
    if (this.#prefetch?.hear(event, (commentId) => this.#ids.has(commentId))) return;
    if (event.type === 'comment-removed') this.remove(event.commentId);
    else this.add(event.comment);
  }

  hostConnected(): void {
    this.#connected = true;
    const interrupted = this.#interrupted;
    this.#interrupted = undefined;
    if (interrupted === 'load') void this.reload();
    else if (this.#query) {
      this.#follow();
      if (interrupted === 'more') void this.loadMore();
      else this.#prefetchNext();
    }
  }

  // A thread taken out of the page stops its requests and subscriptions; if it is put
  // back (moved), hostConnected picks up where it left off.
  hostDisconnected(): void {
    this.#connected = false;
    if (this.#load) this.#interrupted = 'load';
    else if (this.#more) this.#interrupted = 'more';
    this.#abortAll();
    this.#stopFollowing();
  }

  #loadPage(query: ThreadQuery, cursor: string | undefined, signal: AbortSignal) {
    const request = {thread: query.thread, sort: query.sort, limit: query.limit, ...(cursor === undefined ? {} : {cursor})};
    return withDeadline(query.deadline ?? DEFAULT_LOAD_DEADLINE_MS, signal, (withinDeadline) =>
      query.adapter.loadPage(request, {signal: withinDeadline}),
    );
  }

  /** The comments with `fresh` added in page order: before a page shown out of turn. */
  #insertBeforeJump(fresh: Comment[]): readonly Comment[] {
    const jumped = this.#jump?.ids;
    const at = jumped ? this.comments.findIndex((comment) => jumped.has(comment.id)) : -1;
    if (at === -1) return this.comments.concat(fresh);
    return [...this.comments.slice(0, at), ...fresh, ...this.comments.slice(at)];
  }

  #applyQueued(): void {
    const queued = this.#queued;
    this.#queued = [];
    for (const event of queued) this.apply(event);
  }

  /**
   * Live events show comments as an anonymous reader sees them (docs/rest-protocol.md), so
   * one about a comment already here keeps what the viewer may do with it: the echo of
   * their own post must not take away its Edit and Delete.
   */
  #keepViewerParts(event: ThreadEvent): ThreadEvent {
    if (event.type === 'comment-removed') return event;
    const existing = [...this.comments, ...this.added].find((comment) => comment.id === event.comment.id);
    if (!existing) return event;
    const comment = {
      ...event.comment,
      author: {...event.comment.author, ...(existing.author.isViewer ? {isViewer: true} : {})},
      viewerCan: existing.viewerCan,
    };
    return {...event, comment};
  }

  /**
   * Whether the thread's `totalCount` includes `comment`: a backend may leave held comments
   * out (`countsHeldComments: false`, WordPress), and then approving one adds it.
   */
  #counted(comment: Comment): boolean {
    return comment.status !== 'pending' || this.#query?.adapter.capabilities.countsHeldComments !== false;
  }

  #recount(change: number): void {
    if (this.info && change !== 0) this.info = {...this.info, totalCount: Math.max(0, this.info.totalCount + change)};
  }

  #shown(commentId: string): Comment | undefined {
    return this.comments.find((comment) => comment.id === commentId) ?? this.added.find((comment) => comment.id === commentId);
  }

  #replace(comment: Comment): void {
    const existing = this.#shown(comment.id);
    if (existing) this.#recount(Number(this.#counted(comment)) - Number(this.#counted(existing)));
    // A change heard live or answered by an action says nothing of replies not sent yet: the cursor stays.
    const kept = existing?.moreReplies && !comment.moreReplies ? {...comment, moreReplies: existing.moreReplies} : comment;
    const swap = (list: readonly Comment[]) => list.map((existing) => (existing.id === comment.id ? kept : existing));
    this.comments = swap(this.comments);
    this.added = swap(this.added);
    this.#changes++;
    this.#changed();
  }

  #abortAll(): void {
    this.#dropPrefetch();
    this.#load?.abort();
    this.#load = undefined;
    this.#more?.controller.abort();
    this.#more = undefined;
  }

  /** Subscribes to live updates and session changes for the current query, once. */
  #follow(): void {
    const query = this.#query;
    if (!query || this.#following) return;
    const following = new AbortController();
    this.#following = following;
    const {adapter, thread} = query;
    const store = sessionStoreFor(adapter);
    let viewer = store.session?.viewer.id;
    const stopSession = store.subscribe((session) => {
      if (session?.viewer.id === viewer) return;
      viewer = session?.viewer.id;
      void this.reload();
    });
    following.signal.addEventListener('abort', stopSession);
    if (adapter.capabilities.live && adapter.subscribe) {
      const listener = (event: ThreadEvent) => {
        const fresh = event.type === 'comment-added' && !this.#ids.has(event.comment.id) && !this.#heldForLater(event.comment.id);
        if (fresh && event.thread === this.#query?.thread) {
          this.#arrived?.(event.comment);
        }
        this.apply(this.#keepViewerParts(event));
      };
      adapter.subscribe(thread, listener, {signal: following.signal});
    }
  }

  #stopFollowing(): void {
    this.#queued = [];
    this.#following?.abort();
    this.#following = undefined;
  }
}

function uniqueById(comments: readonly Comment[]): Comment[] {
  const seen = new Set<string>();
  return comments.filter((comment) => !seen.has(comment.id) && Boolean(seen.add(comment.id)));
}
