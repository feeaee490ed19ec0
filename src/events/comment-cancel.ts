/**
 * Fired by an inline `<comment-form>` (a reply or an edit) when the commenter presses
 * "Cancel reply" or Escape. Its draft is kept. The element that opened the form closes it
 * and returns focus to the button that opened it.
 */
export class CommentCancelEvent extends Event {
  constructor() {
    super('comment-cancel', {bubbles: true, composed: true});
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'comment-cancel': CommentCancelEvent;
  }
}
