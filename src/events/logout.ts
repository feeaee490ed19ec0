import type {Session} from '../core/types.js';

export interface LogoutEventDetail {
  /** The session that ended. */
  session: Session;
}

/** The viewer logged out (or chose Change) in `<login-choice>`; its tokens are gone. */
export class LogoutEvent extends Event {
  readonly detail: LogoutEventDetail;

  constructor(detail: LogoutEventDetail) {
    super('logout', {bubbles: true, composed: true});
    this.detail = detail;
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    logout: LogoutEvent;
  }
}
