import {msg} from '@lit/localize';
import {css, html, nothing, type ReactiveController, type ReactiveControllerHost, type TemplateResult} from 'lit';
import {withDeadline} from '../../adapters/shared/deadline.js';
import type {CommentAdapter, ReplyBatch} from '../../core/adapter.js';
import {isAbortError, isCommentError} from '../../core/errors.js';
import type {Comment, MoreReplies} from '../../core/types.js';
import {plural} from '../../i18n/locale.js';
import {subtreeSize, type ThreadNode} from './thread-tree.js';

/** A conversation with more replies than this shows only its first ones, then "Show N more replies". */
export const REPLIES_SHOWN_FIRST = 50;
/** Replies each press of "Show N more replies" adds. */
export const REPLIES_PER_BATCH = 100;
/** Pages or batches of replies loaded, at most, looking for a linked comment the backend cannot `locate`. */
export const SEARCH_PAGE_LIMIT = 10;
/** How long, at most, looking for a linked comment page by page may take. */
export const SEARCH_TIME_LIMIT_MS = 10_000;
/** Replies fetched at a time looking for a linked one (the REST protocol's largest batch). */
const REPLIES_PER_SEARCH = 500;

const orders = new WeakMap<ThreadNode, {readonly replies: readonly ThreadNode[]; readonly index: ReadonlyMap<string, number>}>();

/** A conversation's replies in reading order (depth first, as rendered), memoized per node. */
function replyOrder(conversation: ThreadNode) {
  let order = orders.get(conversation);
  if (!order) {
    const replies: ThreadNode[] = [];
    const pending = [...conversation.replies].reverse();
    for (let node = pending.pop(); node; node = pending.pop()) {
      replies.push(node);
      for (let index = node.replies.length - 1; index >= 0; index--) pending.push(node.replies[index]!);
    }
    order = {replies, index: new Map(replies.map((node, position) => [node.comment.id, position]))};
    orders.set(conversation, order);
  }
  return order;
}

/**
 * Which replies of a big conversation are shown: a reading-order prefix, ended at a reply
 * remembered by id rather than by count. A live reply that lands inside the prefix (an
 * answer to a shown reply) is then shown, and pushes no shown reply out of sight; one that
 * lands after it (an answer to the first comment, or to a hidden reply) is counted in
 * "Show N more replies".
 */
export class ReplyBatches {
  /** The last shown reply of each conversation shown in part. */
  readonly #lastShown = new Map<string, string>();

  /** How many of `conversation`'s replies are shown (reading order). */
  shown(conversation: ThreadNode): number {
    const total = subtreeSize(conversation) - 1;
    if (total <= REPLIES_SHOWN_FIRST) return total;
    const {replies, index} = replyOrder(conversation);
    const last = this.#lastShown.get(conversation.comment.id);
    const position = last === undefined ? undefined : index.get(last);
    if (position !== undefined && position >= REPLIES_SHOWN_FIRST) return position + 1;
    // The first batch is remembered by its last reply too, from its first rendering on.
    this.#lastShown.set(conversation.comment.id, replies[REPLIES_SHOWN_FIRST - 1]!.comment.id);
    return REPLIES_SHOWN_FIRST;
  }

  /** Replies loaded but not shown. */
  hidden(conversation: ThreadNode): number {
    return subtreeSize(conversation) - 1 - this.shown(conversation);
  }

  /**
   * Shows the next batch after the first `shown` replies (by default those shown now; a
   * caller that fetched replies meanwhile passes how many were shown before); returns the
   * first newly shown reply and how many were added.
   */
  showMore(conversation: ThreadNode, shown = this.shown(conversation)): {first: string; count: number} | undefined {
    const {replies} = replyOrder(conversation);
    const end = Math.min(replies.length, shown + REPLIES_PER_BATCH);
    if (end <= shown) return undefined;
    this.#lastShown.set(conversation.comment.id, replies[end - 1]!.comment.id);
    return {first: replies[shown]!.comment.id, count: end - shown};
  }

  /** Shows every reply up to `commentId` (a followed link, a reply just posted). */
  revealUpTo(conversation: ThreadNode, commentId: string): void {
    const position = replyOrder(conversation).index.get(commentId);
    if (position === undefined || position < this.shown(conversation)) return;
    this.#lastShown.set(conversation.comment.id, commentId);
  }

  /**
   * "Show 2,400 more replies" under a partly shown conversation; while its next replies are
   * being fetched, "Loading…"; after a failed fetch, why, above the button that tries again.
   */
  renderButton(hidden: number, repliesId: string, locale: string, onClick: (event: Event) => void, fetch?: FetchState): TemplateResult {
    const label = plural(hidden, locale, {
      zero: () => msg('Show # more replies', {id: 'thread.moreReplies.zero'}),
      one: () => msg('Show # more reply', {id: 'thread.moreReplies.one'}),
      two: () => msg('Show # more replies', {id: 'thread.moreReplies.two'}),
      few: () => msg('Show # more replies', {id: 'thread.moreReplies.few'}),
      many: () => msg('Show # more replies', {id: 'thread.moreReplies.many'}),
      other: () => msg('Show # more replies', {id: 'thread.moreReplies.other'}),
    });
    const loading = fetch?.status === 'pending';
    const failure =
      fetch?.status === 'error'
        ? html`<p part="error" class="error" role="alert">${msg('More comments could not be loaded.', {id: 'thread.more.error'})} ${isCommentError(fetch.error) ? fetch.error.message : nothing}</p>`
        : nothing;
    return html`<div class="more-replies">${failure}<button type="button" part="more-replies-button" class="link-button more-replies-button" aria-controls=${repliesId} aria-disabled=${loading ? 'true' : 'false'} @click=${loading ? noop : onClick}>${loading ? msg('Loading…', {id: 'thread.more.loading'}) : label}</button></div>`;
  }
}

const noop = () => {};

/** A conversation's replies not sent yet, when the adapter can fetch them (`loadReplies`). */
export function unsentReplies(comment: Comment, adapter: CommentAdapter | undefined): MoreReplies | undefined {
  return adapter?.loadReplies && comment.moreReplies && comment.moreReplies.count > 0 ? comment.moreReplies : undefined;
}

export type FetchState = {readonly status: 'pending'} | {readonly status: 'error'; readonly error: unknown};

/** What a fetch needs of the thread: where to ask, and where the answer goes. */
export interface ReplyFetchHost {
  adapter(): CommentAdapter | undefined;
  thread(): string | undefined;
  deadline(): number;
  /** Adds a batch (ThreadController.addReplies); false when it no longer applies. */
  store(conversationId: string, cursor: string, batch: ReplyBatch): boolean;
  /** The conversation's state changed: render it again. */
  changed(conversationId: string): void;
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
    private readonly thread: ReplyFetchHost,
  ) {
    host.addController(this);
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

export const moreRepliesStyles = css`
  /* Lined up with the replies it adds to (past the conversation's line, see .replies). */
  .more-replies {
    margin-block-start: 0.5rem;
    margin-inline-start: calc(var(--_pad) + var(--_avatar) / 2 + 1px);
    padding-inline-start: calc(max(0.25rem, calc(var(--_indent) - var(--_pad) - var(--_avatar) / 2)) + var(--_pad));
  }

  .more-replies-button {
    font-size: 0.875em;
    font-weight: 600;
  }
`;
