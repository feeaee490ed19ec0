import type {Comment} from '../core/types.js';

/**
 * Someone pressed Reply on a comment. Cancel it to handle replies yourself; otherwise the
 * thread shows its reply form under that comment.
 */
export class CommentReplyEvent extends Event {
  constructor(
    /** The comment being answered. */
    readonly comment: Comment,
  ) {
    super('comment-reply', {bubbles: true, composed: true, cancelable: true});
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'comment-reply': CommentReplyEvent;
  }
}
