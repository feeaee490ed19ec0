import type {SignInProvider} from '../core/types.js';

export interface LoginRedirectEventDetail {
  provider: SignInProvider;
  /**
   * Add what must survive the trip (JSON-serializable, under a key of your own); it is
   * kept in sessionStorage and handed back once by `takeSignInDraft(key)` after return.
   */
  drafts: Record<string, unknown>;
}

/**
 * `<login-choice>` is about to leave the page for a full-page sign-in (the popup was
 * blocked, or no callback page is configured). Listeners save unsent work in `drafts`.
 */
export class LoginRedirectEvent extends Event {
  readonly detail: LoginRedirectEventDetail;

  constructor(detail: LoginRedirectEventDetail) {
    super('login-redirect', {bubbles: true, composed: true});
    this.detail = detail;
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'login-redirect': LoginRedirectEvent;
  }
}
