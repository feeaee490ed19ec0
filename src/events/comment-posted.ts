import type {Comment} from '../core/types.js';

/**
 * Fired by `<comment-form>` once the backend has stored a comment. `comment` is the
 * stored comment (its `status` is `pending` when it is held for moderation), or `null`
 * when the backend reported it already had it and it could not be found in the thread.
 */
export class CommentPostedEvent extends Event {
  constructor(
    readonly comment: Comment | null,
    /** True when the backend answered that it already had this comment. */
    readonly duplicate = false,
  ) {
    super('comment-posted', {bubbles: true, composed: true});
  }

  /** True when the comment waits for a moderator before others can see it. */
  get held(): boolean {
    return this.comment?.status === 'pending';
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'comment-posted': CommentPostedEvent;
  }
}
