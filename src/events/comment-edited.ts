import type {Comment} from '../core/types.js';

/** Fired by `<comment-form>` once the backend has stored an edit of a comment. */
export class CommentEditedEvent extends Event {
  constructor(readonly comment: Comment) {
    super('comment-edited', {bubbles: true, composed: true});
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'comment-edited': CommentEditedEvent;
  }
}
