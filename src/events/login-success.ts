import type {Session} from '../core/types.js';

export interface LoginSuccessEventDetail {
  session: Session;
}

/**
 * The viewer is signed in through `<login-choice>`. A listener that moves focus (a form
 * to its textarea) keeps it there; otherwise the element focuses its signed-in section.
 */
export class LoginSuccessEvent extends Event {
  readonly session: LoginSuccessEventDetail['session'];

  constructor(init: LoginSuccessEventDetail) {
    super('login-success', {bubbles: true, composed: true});
    this.session = init.session;
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'login-success': LoginSuccessEvent;
  }
}
