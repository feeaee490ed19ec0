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
  readonly provider: LoginRedirectEventDetail['provider'];
  readonly drafts: LoginRedirectEventDetail['drafts'];

  constructor(init: LoginRedirectEventDetail) {
    super('login-redirect', {bubbles: true, composed: true});
    this.provider = init.provider;
    this.drafts = init.drafts;
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'login-redirect': LoginRedirectEvent;
  }
}
