import type {Comment, ThreadInfo} from '../core/types.js';

/** A page of comments arrived and is shown: the first page, or one more by "Load more". */
export class CommentLoadEvent extends Event {
  constructor(
    /** The thread as the backend last described it. */
    readonly thread: ThreadInfo,
    /** The comments this page added, replies included. */
    readonly comments: readonly Comment[],
    /** True for the first page (after connecting, changing sort or retrying). */
    readonly firstPage: boolean,
    /** Whether the backend has more pages. */
    readonly hasMore: boolean,
  ) {
    super('comment-load', {bubbles: true, composed: true});
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'comment-load': CommentLoadEvent;
  }
}
