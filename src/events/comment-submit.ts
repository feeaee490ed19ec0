import type {NewComment} from '../core/adapter.js';

/**
 * Fired by `<comment-form>` just before a comment is sent. Cancel it (`preventDefault()`)
 * to stop the post, e.g. until the page has asked for consent; the form keeps the text.
 */
export class CommentSubmitEvent extends Event {
  constructor(readonly comment: Readonly<NewComment>) {
    super('comment-submit', {bubbles: true, composed: true, cancelable: true});
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'comment-submit': CommentSubmitEvent;
  }
}
