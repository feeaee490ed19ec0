export interface LoginErrorEventDetail {
  providerId: string;
  /** A `CommentError` from the adapter, a `SignInProviderError`, or another `Error`. */
  error: unknown;
}

/** A sign-in through `<login-choice>` failed; the choice is shown again. */
export class LoginErrorEvent extends Event {
  readonly providerId: LoginErrorEventDetail['providerId'];
  readonly error: LoginErrorEventDetail['error'];

  constructor(init: LoginErrorEventDetail) {
    super('login-error', {bubbles: true, composed: true});
    this.providerId = init.providerId;
    this.error = init.error;
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'login-error': LoginErrorEvent;
  }
}
