/**
 * Fired when the commenter asks to sign in from `<comment-form>` (posting needs an
 * account, or the session ran out). Pages without a `<login-choice>` in the form's
 * `sign-in` slot listen for it to start their own sign-in; the draft is kept meanwhile.
 */
export class CommentSignInRequestEvent extends Event {
  constructor() {
    super('comment-sign-in-request', {bubbles: true, composed: true});
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'comment-sign-in-request': CommentSignInRequestEvent;
  }
}
