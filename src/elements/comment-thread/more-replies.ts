import {msg} from '@lit/localize';
import {css, html, type TemplateResult} from 'lit';
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

  hidden(conversation: ThreadNode): number {
    return subtreeSize(conversation) - 1 - this.shown(conversation);
  }

  /** Shows the next batch; returns the first newly shown reply and how many were added. */
  showMore(conversation: ThreadNode): {first: string; count: number} | undefined {
    const shown = this.shown(conversation);
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

  /** "Show 2,400 more replies" under a partly shown conversation. */
  renderButton(hidden: number, repliesId: string, locale: string, onClick: (event: Event) => void): TemplateResult {
    const label = plural(hidden, locale, {
      zero: () => msg('Show # more replies', {id: 'thread.moreReplies.zero'}),
      one: () => msg('Show # more reply', {id: 'thread.moreReplies.one'}),
      two: () => msg('Show # more replies', {id: 'thread.moreReplies.two'}),
      few: () => msg('Show # more replies', {id: 'thread.moreReplies.few'}),
      many: () => msg('Show # more replies', {id: 'thread.moreReplies.many'}),
      other: () => msg('Show # more replies', {id: 'thread.moreReplies.other'}),
    });
    return html`<div class="more-replies"><button type="button" part="more-replies-button" class="link-button more-replies-button" aria-controls=${repliesId} @click=${onClick}>${label}</button></div>`;
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
