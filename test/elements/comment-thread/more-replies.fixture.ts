import type {CommentThreadElement} from '../../../src/elements/comment-thread/comment-thread.js';
import {commentIds, part, seedComment} from './thread-fixture.js';

const minutesAgo = (minutes: number) => new Date(Date.now() - minutes * 60_000).toISOString();

/**
 * `root` with `count` replies in reading order r0, r1, …; every tenth reply (r10, r20, …)
 * answers the one before it, so the first batch ends inside nested replies. Then another
 * conversation, `other`.
 */
export function conversation(count: number) {
  return [seedComment('root', 'Poster', 'Reply to this', {createdAt: minutesAgo(count + 10)})].concat(
    Array.from({length: count}, (_, index) =>
      seedComment(`r${index}`, `Person ${index % 7}`, `Reply ${index}`, {
        parentId: index % 10 === 0 && index > 0 ? `r${index - 1}` : 'root',
        createdAt: minutesAgo(count - index),
      }),
    ),
    [seedComment('other', 'Noor', 'Another conversation', {createdAt: minutesAgo(1)})],
  );
}

export const moreButton = (element: CommentThreadElement) => part(element, 'more-replies-button');
export const replyIds = (element: CommentThreadElement) => commentIds(element).filter((id) => /^r\d/.test(id));
export const focusedId = (element: CommentThreadElement) => (element.shadowRoot!.activeElement as HTMLElement | null)?.dataset['commentId'];
