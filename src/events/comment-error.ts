/** What an element was doing when its adapter failed. */
export type CommentErrorOperation = 'load' | 'load-more' | 'post' | 'edit' | 'delete' | 'react' | 'moderate' | 'sign-in' | 'sign-out';

/**
 * An adapter call failed and the element is showing it. `error` is usually a
 * `CommentError` (see its `code`); anything else means a bug or a backend that breaks the
 * contract. Aborted calls are not failures and fire nothing.
 */
export class CommentErrorEvent extends Event {
  constructor(
    readonly error: unknown,
    readonly operation: CommentErrorOperation,
    /** True when the element will try again by itself (a server error, a dropped connection). */
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
