import type {CommentError} from '../core/errors.js';

/** What an element was doing when an adapter call failed. */
export type CommentOperation = 'load' | 'post' | 'edit' | 'delete' | 'react' | 'sign-in';

/**
 * Fired when an adapter call fails. The element has already shown the commenter what
 * happened; listen to log or report it. `willRetry` is true when the element will try
 * again by itself.
 */
export class CommentErrorEvent extends Event {
  constructor(
    readonly error: CommentError,
    readonly operation: CommentOperation,
    readonly willRetry = false,
  ) {
    super('comment-error', {bubbles: true, composed: true});
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'comment-error': CommentErrorEvent;
  }
}
