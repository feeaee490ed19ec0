import {msg} from '@lit/localize';
import {html, nothing, type TemplateResult} from 'lit';
import type {CommentAdapter} from '../../core/adapter.js';
import {isCommentError} from '../../core/errors.js';
import type {Comment, MoreReplies} from '../../core/types.js';
import {plural} from '../../i18n/locale.js';
import {subtreeSize, type ThreadNode} from './thread-tree.js';

/** A conversation with more replies than this shows only its first ones, then "Show N more replies". */
export const REPLIES_SHOWN_FIRST = 50;
/** Replies each press of "Show N more replies" adds. */
export const REPLIES_PER_BATCH = 100;

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
   * "Show 2,400 more replies" under a partly shown conversation; while its next replies (or
   * the code that fetches them: see LazyMoreReplies) are loading, "Loading…"; after a
   * failure, why, above the button that tries again. Rendered from the start, so that a
   * reader is never left without a way to the rest when that code cannot load.
   */
  renderButton(hidden: number, repliesId: string, locale: string, onClick: () => void, fetch?: FetchState): TemplateResult {
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

export type FetchState = {readonly status: 'pending'} | {readonly status: 'error'; readonly error: unknown};

/** A conversation's replies not sent yet, when the adapter can fetch them (`loadReplies`). */
export function unsentReplies(comment: Comment, adapter: CommentAdapter | undefined): MoreReplies | undefined {
  return adapter?.loadReplies && comment.moreReplies && comment.moreReplies.count > 0 ? comment.moreReplies : undefined;
}

/** Whether a conversation shows "Show N more replies": replies loaded but not shown, or not sent yet. */
export function hasMoreReplies(conversation: ThreadNode, adapter: CommentAdapter | undefined): boolean {
  return subtreeSize(conversation) - 1 > REPLIES_SHOWN_FIRST || unsentReplies(conversation.comment, adapter) !== undefined;
}
