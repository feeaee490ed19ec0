export interface LoginErrorEventDetail {
  providerId: string;
  /** A `CommentError` from the adapter, a `SignInProviderError`, or another `Error`. */
  error: unknown;
}

/** A sign-in through `<login-choice>` failed; the choice is shown again. */
export class LoginErrorEvent extends Event {
  readonly detail: LoginErrorEventDetail;

  constructor(detail: LoginErrorEventDetail) {
    super('login-error', {bubbles: true, composed: true});
    this.detail = detail;
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'login-error': LoginErrorEvent;
  }
}
