import type {SignInProvider} from '../core/types.js';

export interface LoginSelectEventDetail {
  provider: SignInProvider;
}

/**
 * A provider was picked in `<login-choice>`, before its sign-in starts. Cancelable: call
 * `preventDefault()` to stop the sign-in (the listener runs inside the click, so it may
 * start its own popup).
 */
export class LoginSelectEvent extends Event {
  readonly provider: LoginSelectEventDetail['provider'];

  constructor(init: LoginSelectEventDetail) {
    super('login-select', {bubbles: true, composed: true, cancelable: true});
    this.provider = init.provider;
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'login-select': LoginSelectEvent;
  }
}
