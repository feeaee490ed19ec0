import {msg, str} from '@lit/localize';
import type {ReactiveController, ReactiveControllerHost} from 'lit';
import type {CommentAdapter} from '../../core/adapter.js';
import {isAbortError, isCommentError} from '../../core/errors.js';
import type {SignInProvider} from '../../core/types.js';
import {LoginErrorEvent} from '../../events/login-error.js';
import {LoginRedirectEvent} from '../../events/login-redirect.js';
import {LoginSelectEvent} from '../../events/login-select.js';
import {LoginSuccessEvent} from '../../events/login-success.js';
import {isolate} from '../../i18n/isolate.js';
import {startEmailSignIn} from '../../sign-in/email-link.js';
import {startSignIn, type SignInAttempt} from '../../sign-in/flow.js';
import type {SignInOutcome} from '../../sign-in/outcome.js';
import {resumeSignIn} from '../../sign-in/redirect.js';
import {announce} from '../shared/announcer.js';
import {sessionStoreFor} from '../shared/session-store.js';
import {linkSentText} from './sign-in-views.js';

/** The provider id of email-link sign-in (docs/rest-protocol.md): it asks for an address, not a popup. */
export const EMAIL_PROVIDER = 'email';

/** A sign-in under way. */
export interface Connecting {
  providerId: string;
  // `undefined` while a redirect sign-in is being completed on return.
  attempt: Pick<SignInAttempt, 'cancel'> | undefined;
  /** An email sign-in: the address the link went to. */
  sentTo?: string;
}

/** A redirect sign-in the page is leaving for: the `connecting` one, until that changes. */
interface LeavingForRedirect {
  adapter: CommentAdapter;
  providerId: string;
}

/** Where focus goes once the element shows what a step of the sign-in led to. */
export type SignInFocus = 'cancel' | 'email-input' | 'signed-in' | {provider: string};

/** What the sign-in controller asks of `<login-choice>`. */
export interface SignInOptions {
  adapter(): CommentAdapter | undefined;
  providerName(providerId: string): string;
  /** The callback page a sign-in popup ends on, when the page names one. */
  callbackUrl(): string | undefined;
  /** The name typed in the guest fields, sent with a sign-in link. */
  guestName(): string;
  /** The email provider's address field, while it is open. */
  emailInput(): HTMLInputElement | null;
  /** Shows why a sign-in failed; an empty message takes it away. */
  showError(message: string): void;
  /** Focus goes to `target` once the element has rendered. */
  focusNext(target: SignInFocus): void;
}

/**
 * `<login-choice>`'s sign-in flow: a provider picked (popup, full-page redirect, or a link
 * sent by email), followed until it ends, and a redirect sign-in completed on return. It
 * holds what the element shows meanwhile and re-renders it; the element renders, and keeps
 * the guest fields and the signed-in state.
 */
export class SignInController implements ReactiveController {
  #connecting: Connecting | undefined;
  #emailFieldOpen = false;
  #sendingLink = false;
  #resumedFor: CommentAdapter | undefined;
  /** Set while the page leaves for a provider, so that Back can undo it. */
  #leaving: LeavingForRedirect | undefined;

  constructor(
    private readonly host: ReactiveControllerHost & HTMLElement,
    private readonly options: SignInOptions,
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    // An element moved in the DOM while the page leaves still hears the Back button.
    if (this.#leaving) window.addEventListener('pageshow', this.#onPageShow);
  }

  hostDisconnected(): void {
    window.removeEventListener('pageshow', this.#onPageShow);
  }

  /** The page came back from the back/forward cache after leaving for a provider: a cancel. */
  readonly #onPageShow = (event: PageTransitionEvent): void => {
    const leaving = this.#leaving;
    if (!event.persisted || !leaving) return;
    this.#finish(leaving.adapter, leaving.providerId, {status: 'cancelled', reason: 'closed'});
  };

  /** The sign-in under way, if any. */
  get connecting(): Connecting | undefined {
    return this.#connecting;
  }

  /** The email provider's address field is open. */
  get emailFieldOpen(): boolean {
    return this.#emailFieldOpen;
  }

  /** A sign-in link is being sent. */
  get sendingLink(): boolean {
    return this.#sendingLink;
  }

  /** Completes, once per adapter, a redirect sign-in this page came back from. */
  resume(adapter: CommentAdapter): void {
    if (adapter === this.#resumedFor) return;
    this.#resumedFor = adapter;
    const resumed = resumeSignIn(adapter);
    if (resumed) this.#follow(adapter, resumed.providerId, undefined, resumed.outcome);
  }

  signIn(provider: SignInProvider): void {
    const adapter = this.options.adapter();
    if (!adapter || this.#connecting) return;
    // Events are named before dispatching: the manifest analyzer reads
    // `dispatchEvent(new X(arg))` as an event called `arg`.
    const select = new LoginSelectEvent({provider});
    if (!this.host.dispatchEvent(select)) return;
    if (provider.id === EMAIL_PROVIDER && adapter.requestSignInLink) {
      this.#set(() => (this.#emailFieldOpen = !this.#emailFieldOpen));
      this.options.focusNext('email-input');
      return;
    }
    // Synchronous from the click to here: the popup opens inside the user's gesture.
    const attempt = startSignIn({
      adapter,
      providerId: provider.id,
      callbackUrl: this.options.callbackUrl() ?? adapter.signInCallbackUrl,
      beforeRedirect: () => this.#draftsForRedirect(provider),
    });
    this.#follow(adapter, provider.id, attempt, attempt.outcome);
  }

  sendSignInLink(event: SubmitEvent): void {
    event.preventDefault();
    const adapter = this.options.adapter();
    const input = this.options.emailInput();
    if (!adapter || !input || this.#sendingLink || !input.reportValidity()) return;
    const email = input.value.trim();
    this.#set(() => (this.#sendingLink = true));
    this.options.showError('');
    const name = this.options.guestName().trim();
    const attempt = startEmailSignIn({
      adapter,
      providerId: EMAIL_PROVIDER,
      email,
      ...(name ? {name} : {}),
      callbackUrl: this.options.callbackUrl() ?? adapter.signInCallbackUrl ?? location.href.split('#')[0]!,
    });
    attempt.sent.then(
      () => {
        this.#set(() => {
          this.#sendingLink = false;
          this.#emailFieldOpen = false;
        });
        this.#follow(adapter, EMAIL_PROVIDER, attempt, attempt.outcome, email);
      },
      (error: unknown) => {
        this.#set(() => (this.#sendingLink = false));
        this.#fail(EMAIL_PROVIDER, error);
        this.options.focusNext('email-input');
      },
    );
  }

  cancel(): void {
    const leaving = this.#leaving;
    if (leaving) {
      // The attempt settled when the page began to leave, so it cannot be cancelled; a
      // navigation that never happens (blocked, or a download) must not leave the person stuck.
      this.#finish(leaving.adapter, leaving.providerId, {status: 'cancelled', reason: 'cancel'});
      return;
    }
    this.#connecting?.attempt?.cancel();
  }

  /** Asks the page (the form around this element) what must survive a redirect sign-in. */
  #draftsForRedirect(provider: SignInProvider): Record<string, unknown> {
    const redirect = new LoginRedirectEvent({provider, drafts: {}});
    this.host.dispatchEvent(redirect);
    return redirect.drafts;
  }

  #follow(
    adapter: CommentAdapter,
    providerId: string,
    signInAttempt: Connecting['attempt'],
    outcome: Promise<SignInOutcome>,
    sentTo?: string,
  ): void {
    const connecting: Connecting = {providerId, attempt: signInAttempt, ...(sentTo ? {sentTo} : {})};
    this.#setConnecting(connecting);
    this.options.showError('');
    const name = isolate(this.options.providerName(providerId));
    announce(sentTo ? linkSentText(sentTo) : msg(str`Connecting to ${name}…`, {id: 'login.announce.connecting'}));
    this.options.focusNext('cancel');
    outcome.then(
      (result) => {
        if (this.#connecting === connecting) this.#finish(adapter, providerId, result);
      },
      (error: unknown) => {
        if (this.#connecting === connecting) this.#fail(providerId, error);
      },
    );
  }

  #finish(adapter: CommentAdapter, providerId: string, outcome: SignInOutcome): void {
    const name = isolate(this.options.providerName(providerId));
    switch (outcome.status) {
      case 'redirecting': {
        // The page is leaving; "Connecting to …" stays up until it has. Should the person
        // come back with the Back button, the page may be restored as it was left
        // (back/forward cache): then it is a cancel.
        announce(msg(str`Taking you to ${name}…`, {id: 'login.announce.redirecting'}));
        this.#leaving = {adapter, providerId};
        if (this.host.isConnected) window.addEventListener('pageshow', this.#onPageShow);
        return;
      }
      case 'signed-in': {
        this.#setConnecting(undefined);
        sessionStoreFor(adapter).set(outcome.session);
        const viewer = isolate(outcome.session.viewer.name);
        announce(msg(str`Signed in as ${viewer} with ${name}.`, {id: 'login.announce.signedIn'}));
        const success = new LoginSuccessEvent({session: outcome.session});
        this.host.dispatchEvent(success);
        // A listener (the form) may have moved focus on; otherwise it goes to the new state.
        this.options.focusNext('signed-in');
        return;
      }
      case 'cancelled':
        this.#setConnecting(undefined);
        announce(
          outcome.reason === 'denied'
            ? msg(str`${name} did not allow the sign-in.`, {id: 'login.announce.denied'})
            : outcome.reason === 'timeout'
              ? msg('The sign-in took too long and was stopped.', {id: 'login.announce.timeout'})
              : msg('Sign-in cancelled.', {id: 'login.announce.cancelled'}),
        );
        this.options.focusNext({provider: providerId});
    }
  }

  #fail(providerId: string, error: unknown): void {
    this.#setConnecting(undefined);
    if (isAbortError(error)) return;
    const name = isolate(this.options.providerName(providerId));
    // Adapter messages are safe to show; anything else (a provider's error text came
    // through a URL anyone can craft) gets a message of ours.
    const message = isCommentError(error)
      ? msg(str`Could not log in with ${name}: ${isolate(error.message)}`, {id: 'login.error.adapter'})
      : msg(str`Could not log in with ${name}. Please try again.`, {id: 'login.error.generic'});
    this.options.showError(message);
    announce(message);
    const failure = new LoginErrorEvent({providerId, error});
    this.host.dispatchEvent(failure);
    this.options.focusNext({provider: providerId});
  }

  #setConnecting(connecting: Connecting | undefined) {
    // Every call starts another sign-in or ends this one: the page is no longer leaving for it.
    if (this.#leaving) {
      this.#leaving = undefined;
      window.removeEventListener('pageshow', this.#onPageShow);
    }
    this.#set(() => (this.#connecting = connecting));
  }

  /** Changes what the element shows of the flow, and renders it again. */
  #set(change: () => void) {
    change();
    this.host.requestUpdate();
  }
}
