import type {Session} from '../core/types.js';

export interface LogoutEventDetail {
  /** The session that ended. */
  session: Session;
}

/**
 * The viewer logged out (or chose Change) in `<login-choice>`; its tokens are gone.
 * Named `login-logout`, not `logout`, so it cannot be mistaken for a page's own event.
 */
export class LogoutEvent extends Event {
  readonly session: LogoutEventDetail['session'];

  constructor(init: LogoutEventDetail) {
    super('login-logout', {bubbles: true, composed: true});
    this.session = init.session;
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'login-logout': LogoutEvent;
  }
}
