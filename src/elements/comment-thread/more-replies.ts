import {type ReactiveController, type ReactiveControllerHost} from 'lit';
import {withDeadline} from '../../adapters/shared/deadline.js';
import type {CommentAdapter, ReplyBatch} from '../../core/adapter.js';
import {isAbortError} from '../../core/errors.js';
import type {Comment} from '../../core/types.js';
import {SEARCH_PAGE_LIMIT, SEARCH_TIME_LIMIT_MS} from './permalinks.js';
import {REPLIES_PER_BATCH, unsentReplies, type FetchState, type ReplyBatches} from './reply-batches.js';
import type {ThreadNode} from './thread-tree.js';

// What "Show N more replies" (rendered from the start: ReplyBatches.renderButton) does, and
// the fetches of replies a page did not bring: in the controls' chunk (controls.ts), loaded
// before the first conversation that needs them shows (LazyMoreReplies in lazy-controls.ts).

/** Replies fetched at a time looking for a linked one (the REST protocol's largest batch). */
const REPLIES_PER_SEARCH = 500;

/** What "Show N more replies" needs of the thread: where to ask, where the answer goes, what is shown. */
export interface MoreRepliesHost {
  adapter(): CommentAdapter | undefined;
  thread(): string | undefined;
  deadline(): number;
  /** Adds a batch (ThreadController.addReplies); false when it no longer applies. */
  store(conversationId: string, cursor: string, batch: ReplyBatch): boolean;
  /** The conversation's state changed: render it again. */
  changed(conversationId: string): void;
  /** The conversation whose first comment is `commentId`, as shown now. */
  conversation(commentId: string): ThreadNode | undefined;
  readonly batches: ReplyBatches;
  /** `count` more replies are shown from `first` on: render, announce and focus them. */
  revealed(first: string, count: number): void;
}

/**
 * Fetches the next replies of conversations whose page brought only their first ones
 * (`Comment.moreReplies`), one request at a time per conversation, each with the thread's
 * load deadline. A failure is kept (shown under the conversation, with the button to try
 * again) and loses nothing: the cursor stays until a batch is stored. Requests stop when
 * the thread leaves the page.
 */
export class ReplyFetchController implements ReactiveController {
  readonly #fetches = new Map<string, FetchState & {controller?: AbortController; done?: Promise<boolean>}>();

  constructor(
    host: ReactiveControllerHost,
    private readonly thread: MoreRepliesHost,
  ) {
    host.addController(this);
  }

  /**
   * "Show N more replies" was pressed under the conversation whose first comment is
   * `conversationId`: its next batch is shown (the rest of the thread is not rendered
   * again). Replies the page did not bring are fetched once those it brought are all shown.
   */
  async show(conversationId: string): Promise<void> {
    let conversation = this.thread.conversation(conversationId);
    if (!conversation) return;
    const {batches} = this.thread;
    const shownBefore = batches.shown(conversation);
    if (batches.hidden(conversation) < REPLIES_PER_BATCH && unsentReplies(conversation.comment, this.thread.adapter())) {
      const stored = await this.fetch(conversation.comment, REPLIES_PER_BATCH);
      conversation = this.thread.conversation(conversation.comment.id);
      if (!conversation || (!stored && batches.hidden(conversation) === 0)) return;
    }
    const revealed = batches.showMore(conversation, shownBefore);
    if (revealed) this.thread.revealed(revealed.first, revealed.count);
  }

  state(conversationId: string): FetchState | undefined {
    return this.#fetches.get(conversationId);
  }

  /**
   * Fetches the batch after `comment`'s cursor (`limit` replies) and stores it; resolves
   * whether it was stored. A second call while one is in flight shares it.
   */
  fetch(comment: Comment, limit: number): Promise<boolean> {
    const adapter = this.thread.adapter();
    const thread = this.thread.thread();
    const unsent = unsentReplies(comment, adapter);
    if (!adapter?.loadReplies || thread === undefined || !unsent) return Promise.resolve(false);
    const running = this.#fetches.get(comment.id);
    if (running?.status === 'pending' && running.done) return running.done;
    const controller = new AbortController();
    const request = {thread, commentId: comment.id, cursor: unsent.cursor, limit};
    const done = (async () => {
      try {
        const batch = await withDeadline(this.thread.deadline(), controller.signal, (signal) => adapter.loadReplies!(request, {signal}));
        if (controller.signal.aborted) return false;
        this.#fetches.delete(comment.id);
        return this.thread.store(comment.id, unsent.cursor, batch);
      } catch (error) {
        if (controller.signal.aborted || isAbortError(error)) {
          // Only its own entry: after a reset, another fetch of the conversation may be running.
          if (this.#fetches.get(comment.id)?.controller === controller) this.#fetches.delete(comment.id);
          return false;
        }
        this.#fetches.set(comment.id, {status: 'error', error});
        return false;
      } finally {
        this.thread.changed(comment.id);
      }
    })();
    this.#fetches.set(comment.id, {status: 'pending', controller, done});
    this.thread.changed(comment.id);
    return done;
  }

  /**
   * Looks for a reply a link points to among the replies not sent yet: fetches the next
   * batches (the largest the protocol allows) of the conversations that have some, in the
   * order given, until `has(commentId)`, within the bounds of a linked comment's search
   * (`SEARCH_PAGE_LIMIT` requests, `SEARCH_TIME_LIMIT_MS`); stops at the first failure.
   */
  async search(commentId: string, unsent: () => readonly Comment[], has: (commentId: string) => boolean, isCurrent: () => boolean): Promise<void> {
    const started = performance.now();
    for (let requests = 0; requests < SEARCH_PAGE_LIMIT && performance.now() - started < SEARCH_TIME_LIMIT_MS; requests++) {
      const next = unsent()[0];
      if (has(commentId) || !next || !isCurrent()) return;
      if (!(await this.fetch(next, REPLIES_PER_SEARCH))) return;
    }
  }

  /** Forgets every fetch (the thread was reloaded or left the page), aborting those in flight. */
  reset(): void {
    for (const fetch of this.#fetches.values()) fetch.controller?.abort();
    this.#fetches.clear();
  }

  hostDisconnected(): void {
    this.reset();
  }
}

