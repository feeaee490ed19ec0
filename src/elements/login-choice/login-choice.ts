import {consume} from '@lit/context';
import {localized, msg, str} from '@lit/localize';
import {Task} from '@lit/task';
import {html, nothing, type PropertyValues, type TemplateResult} from 'lit';
import {property, query, state} from 'lit/decorators.js';
import {repeat} from 'lit/directives/repeat.js';
import type {CommentAdapter} from '../../core/adapter.js';
import {isCommentError} from '../../core/errors.js';
import type {GuestIdentity, PostingPolicy, Session, SignInProvider} from '../../core/types.js';
import {noGuest} from '../../drafts/remembered-guest.js';
import {LogoutEvent} from '../../events/logout.js';
import {isolate} from '../../i18n/isolate.js';
import {localeOf} from '../../i18n/locale.js';
import {AdapterElement} from '../shared/adapter-element.js';
import {fieldStyles} from '../shared/field.styles.js';
import {announce} from '../shared/announcer.js';
import {adapterContext, threadContext, type ThreadLink} from '../shared/context.js';
import {customProperties} from '../shared/custom-properties.js';
import {defineElement} from '../shared/define.js';
import {avatarStyles} from '../shared/avatar.js';
import {SessionController} from '../shared/session-controller.js';
import {sessionStoreFor} from '../shared/session-store.js';
import {themeStyles} from '../shared/theme.styles.js';
import {styles} from './login-choice.styles.js';
import {guestPolicies, normalizeWebsite, renderGuestFields, tabGuest, type GuestMode, type GuestPolicy} from './guest-fields.js';
import {EMAIL_PROVIDER, SignInController, type SignInFocus} from './sign-in-controller.js';
import {connectingText, linkSentText, renderConnecting, renderEmailField, renderProviderIcon, renderSignedIn} from './sign-in-views.js';
import {withActionDeadline, withLoadDeadline} from '../../adapters/shared/deadline.js';

export type {GuestMode} from './guest-fields.js';

/**
 * Attributes that are not configuration for a named adapter. `guests` is both: the same
 * `guests="off"` tells the memory adapter and this element that sign-in is required.
 */
const OWN_ATTRIBUTES = ['adapter', 'sign-in-callback'];

/**
 * The identity section of a comment form: sign in with one of the backend's providers
 * (popup, or a full-page redirect when popups are blocked) or fill in guest details.
 *
 * @summary "Fill in your details below or click an icon to log in", then "You are
 *   commenting using your … account. (Log Out / Change)".
 * @tagname login-choice
 *
 * @slot guest-fields - Guest fields of your own (a form's) in place of the built-in ones;
 *   shown, like them, while nobody is signed in and guests may comment.
 *
 * @csspart choice - The prompt, provider buttons and guest fields shown while signed out.
 * @csspart prompt - "Fill in your details below or click an icon to log in:".
 * @csspart label - The label of each guest field.
 * @csspart hint - The hint under a guest field.
 * @csspart providers - The list of provider buttons.
 * @csspart provider-button - One provider's sign-in button.
 * @csspart provider-icon - The icon inside a provider button.
 * @csspart guest-fields - The fieldset with email, name and website.
 * @csspart input - Each guest field's input.
 * @csspart connecting - "Connecting to …" with its Cancel button.
 * @csspart cancel-button - Cancels the sign-in in progress.
 * @csspart email-link-form - The email provider's form: the address to send a sign-in link to.
 * @csspart email-link-input - Its address field.
 * @csspart email-link-button - "Send me a sign-in link".
 * @csspart signed-in - Avatar, name and the "You are commenting using …" line.
 * @csspart avatar - The signed-in viewer's picture (or initials).
 * @csspart avatar-initials - The initials shown under a picture until it has loaded.
 * @csspart sign-out-button - "Log Out".
 * @csspart change-button - "Change": logs out and shows the choice again.
 * @csspart error - Why the last sign-in or log-out failed.
 *
 * @cssprop --colloquy-provider-button-size - Size of a provider button (default 2.75rem).
 *
 * @fires {LoginSelectEvent} login-select - A provider was picked; cancelable.
 * @fires {LoginRedirectEvent} login-redirect - The page is about to be left for a full-page sign-in.
 * @fires {LoginSuccessEvent} login-success - The viewer is signed in.
 * @fires {LoginErrorEvent} login-error - A sign-in failed.
 * @fires {LogoutEvent} login-logout - The viewer logged out (or chose Change).
 */
@localized()
export class LoginChoiceElement extends AdapterElement {
  static override styles = [themeStyles, fieldStyles, avatarStyles, styles];
  protected static override ownAttributes = OWN_ATTRIBUTES;
  static formAssociated = true;

  /**
   * The callback page a sign-in popup ends on (docs/sign-in-protocol.md); also read from
   * the nearest ancestor with this attribute. Without one, the backend's own callback page
   * (`adapter.signInCallbackUrl`, e.g. colloquy-server's), else a full-page redirect.
   */
  @property({attribute: 'sign-in-callback'}) signInCallback: string | undefined;

  /** `required` (name and email), `optional` or `off`; defaults to the thread's policy, else `required`. */
  @property() override guests: GuestMode | undefined;

  /** The guest rules as a thread states them, set from script (a form passes its own); wins over `guests`. */
  @property({attribute: false}) guestPolicy: PostingPolicy['guests'] | undefined;

  @consume({context: adapterContext, subscribe: true})
  @state()
  private contextAdapter: CommentAdapter | undefined;

  @consume({context: threadContext, subscribe: true})
  @state()
  private thread: ThreadLink | undefined;

  @state() private errorMessage = '';
  @state() private guest: GuestIdentity = noGuest;
  /** Avatars that did not load; initials stand in for them. */
  @state() private failedAvatars: ReadonlySet<string> = new Set();
  /** Set once the browser found an invalid guest field, so fields say so. */
  @state() private showGuestErrors = false;

  @query('[part~="cancel-button"]') private cancelButton!: HTMLButtonElement | null;
  @query('[part~="signed-in"]') private signedInSection!: HTMLElement | null;
  @query('#sign-in-email') private emailInput!: HTMLInputElement | null;

  readonly #internals = this.attachInternals();
  readonly #session = new SessionController(this);
  #focusAfterUpdate: (() => HTMLElement | null | undefined) | undefined;

  readonly #providers = new Task(this, {
    task: async ([adapter], {signal}) =>
      adapter?.capabilities.signIn && adapter.listProviders
        ? withLoadDeadline(signal, (withinDeadline) => adapter.listProviders!({signal: withinDeadline}))
        : [],
    args: () => [this.#adapter] as const,
  });

  readonly #signInFlow = new SignInController(this, {
    adapter: () => this.#adapter,
    providerName: (providerId) => this.#providerName(providerId),
    callbackUrl: () => this.#callbackUrl(),
    guestName: () => this.guest.name,
    emailInput: () => this.emailInput,
    showError: (message) => (this.errorMessage = message),
    focusNext: (target) => (this.#focusAfterUpdate = this.#focusTarget(target)),
  });

  /** The adapter in use: the property, else the named one, else the surrounding thread's. */
  get #adapter(): CommentAdapter | undefined {
    return this.adapterInUse(this.contextAdapter);
  }

  /** The signed-in viewer's session, or `null`. */
  get session(): Session | null {
    return this.#session.session;
  }

  /**
   * The guest details as typed (website made absolute); `undefined` when signed in, when
   * guests are not allowed, or when the guest fields are slotted in from outside.
   */
  get guestIdentity(): GuestIdentity | undefined {
    if (this.session || !this.#guestPolicy.allowed || this.#hasOwnGuestFields) return undefined;
    const website = normalizeWebsite(this.guest.website ?? '');
    return {name: this.guest.name.trim(), email: this.guest.email.trim(), ...(website ? {website} : {})};
  }

  get form(): HTMLFormElement | null {
    return this.#internals.form;
  }

  get validity(): ValidityState {
    return this.#internals.validity;
  }

  get validationMessage(): string {
    return this.#internals.validationMessage;
  }

  /** True when the form may be posted: signed in, or the guest details are complete. */
  checkValidity(): boolean {
    return this.#internals.checkValidity();
  }

  /** Focuses what the state offers first: a provider, Cancel, or the signed-in section. */
  override focus(options?: FocusOptions): void {
    void this.updateComplete.then(() =>
      (this.cancelButton ?? this.#providerButton() ?? this.signedInSection ?? this.#firstGuestInput())?.focus(options),
    );
  }

  /** Like `checkValidity`, and shows what is missing at the first field concerned. */
  reportValidity(): boolean {
    this.showGuestErrors = true;
    return this.#internals.reportValidity();
  }

  get #guestPolicy(): GuestPolicy {
    if (this.guestPolicy) return this.guestPolicy;
    if (this.guests && this.guests in guestPolicies) return guestPolicies[this.guests];
    return this.thread?.info?.posting.guests ?? guestPolicies.required;
  }

  /** True when the page (a form) slots in guest fields of its own. */
  get #hasOwnGuestFields(): boolean {
    return this.querySelector(':scope > [slot="guest-fields"]') !== null;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.guest = {...this.guest, ...tabGuest.recall()};
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (this.adapterSettingsChanged(changed)) {
      // The console says why; the page shows that sign-in is unavailable.
      this.loadAdapter(() => (this.errorMessage = msg('Sign-in options could not be loaded.', {id: 'login.providers.error'})));
    }
    const adapter = this.#adapter;
    this.#session.use(adapter);
    if (adapter) this.#signInFlow.resume(adapter);
  }

  protected override updated(): void {
    this.#syncFormState();
    const focusTarget = this.#focusAfterUpdate?.();
    this.#focusAfterUpdate = undefined;
    focusTarget?.focus();
  }

  /** This element's callback page, else the nearest ancestor's (across shadow roots). */
  #callbackUrl(): string | undefined {
    if (this.signInCallback) return this.signInCallback;
    let node: Element | null = this;
    while (node) {
      const found: Element | null = node.closest('[sign-in-callback]');
      if (found) return found.getAttribute('sign-in-callback') ?? undefined;
      const root = node.getRootNode();
      node = root instanceof ShadowRoot ? root.host : null;
    }
    return undefined;
  }

  #providerName(providerId: string): string {
    return this.#providers.value?.find((provider) => provider.id === providerId)?.name ?? providerId;
  }

  async #logOut(change: boolean): Promise<void> {
    const adapter = this.#adapter;
    const session = this.session;
    if (!adapter || !session) return;
    this.errorMessage = '';
    try {
      if (adapter.signOut) await withActionDeadline(undefined, (signal) => adapter.signOut!({signal}));
    } catch (error) {
      this.errorMessage = isCommentError(error)
        ? msg(str`Could not log out: ${isolate(error.message)}`, {id: 'login.error.logout.adapter'})
        : msg('Could not log out. Please try again.', {id: 'login.error.logout'});
      announce(this.errorMessage);
      return;
    }
    sessionStoreFor(adapter).set(null);
    announce(msg('You are logged out.', {id: 'login.announce.loggedOut'}));
    const logout = new LogoutEvent({session});
    this.dispatchEvent(logout);
    this.#focusAfterUpdate = () =>
      change ? this.#providerButton() ?? this.#firstGuestInput() : this.renderRoot.querySelector<HTMLElement>('[part~="choice"]');
  }

  /** The element a step of the sign-in sends focus to, looked up once it has rendered. */
  #focusTarget(target: SignInFocus): () => HTMLElement | null | undefined {
    if (target === 'cancel') return () => this.cancelButton;
    if (target === 'email-input') return () => this.emailInput;
    if (target === 'signed-in') return () => (this.#focusIsHereOrLost() ? this.signedInSection : undefined);
    return () => this.#providerButton(target.provider);
  }

  #providerButton(providerId?: string): HTMLButtonElement | null {
    const buttons = this.renderRoot.querySelectorAll<HTMLButtonElement>('[part~="provider-button"]');
    return Array.from(buttons).find((button) => !providerId || button.dataset['provider'] === providerId) ?? null;
  }

  #firstGuestInput(): HTMLInputElement | null {
    return this.renderRoot.querySelector('[part~="input"]');
  }

  /** True when focus is inside this element or nowhere (the focused button went away). */
  #focusIsHereOrLost(): boolean {
    const active = document.activeElement;
    return !active || active === document.body || active === this || this.renderRoot.contains(deepActiveElement());
  }

  #onGuestInput(field: keyof GuestIdentity, event: Event): void {
    this.guest = {...this.guest, [field]: (event.target as HTMLInputElement).value};
    tabGuest.remember(this.guest);
  }

  /** Tells a surrounding `<form>` the identity's value and validity. */
  #syncFormState(): void {
    const policy = this.#guestPolicy;
    if (this.session) {
      this.#internals.setFormValue(null);
      this.#internals.setValidity({});
      return;
    }
    if (!policy.allowed) {
      this.#internals.setFormValue(null);
      const anchor = this.cancelButton ?? this.#providerButton() ?? undefined;
      this.#internals.setValidity({valueMissing: true}, msg('Log in to comment.', {id: 'login.validity.signIn'}), anchor);
      return;
    }
    if (this.#hasOwnGuestFields) {
      // Their owner sends and checks them.
      this.#internals.setFormValue(null);
      this.#internals.setValidity({});
      return;
    }
    const website = this.renderRoot.querySelector<HTMLInputElement>('#guest-website');
    website?.setCustomValidity(
      this.guest.website?.trim() && !normalizeWebsite(this.guest.website)
        ? msg('Enter a web address, like example.com.', {id: 'login.guest.websiteInvalid'})
        : '',
    );
    const identity = this.guestIdentity!;
    const data = new FormData();
    data.set('author', identity.name);
    data.set('email', identity.email);
    data.set('url', identity.website ?? '');
    this.#internals.setFormValue(data);
    const invalid = Array.from(this.renderRoot.querySelectorAll<HTMLInputElement>('[part~="input"]')).find(
      (input) => !input.validity.valid,
    );
    if (invalid) this.#internals.setValidity(invalid.validity, invalid.validationMessage, invalid);
    else this.#internals.setValidity({});
  }

  protected override render(): TemplateResult {
    const adapter = this.#adapter;
    if (!adapter && this.errorMessage) return html`<p part="error" class="error" role="alert">${this.errorMessage}</p>`;
    if (!adapter || !this.#session.known) {
      return html`<div class="loading" aria-busy="true">
        <span class="visually-hidden">${msg('Loading sign-in options…', {id: 'login.loading'})}</span>
      </div>`;
    }
    const session = this.session;
    if (session) {
      return renderSignedIn({
        session,
        providerName: this.#providerName(session.providerId),
        locale: localeOf(this),
        failedAvatars: this.failedAvatars,
        onAvatarError: (url) => (this.failedAvatars = new Set([...this.failedAvatars, url])),
        errorMessage: this.errorMessage,
        onLogOut: (change) => this.#logOut(change),
      });
    }
    const connecting = this.#signInFlow.connecting;
    if (connecting) {
      const {providerId, sentTo} = connecting;
      return renderConnecting(sentTo ? linkSentText(sentTo) : connectingText(this.#providerName(providerId)), () => this.#signInFlow.cancel());
    }
    return this.#renderChoice();
  }

  #renderChoice(): TemplateResult {
    const policy = this.#guestPolicy;
    const providers = this.#providers.value ?? [];
    const prompt =
      providers.length === 0
        ? msg('Fill in your details below:', {id: 'login.prompt.guestOnly'})
        : policy.allowed
          ? msg('Fill in your details below or click an icon to log in:', {id: 'login.prompt'})
          : msg('Click an icon to log in:', {id: 'login.prompt.providersOnly'});
    const showPrompt = providers.length > 0 || policy.allowed;
    return html`
      <div part="choice" class="choice" tabindex="-1" role="group" aria-labelledby="prompt">
        <div class="choice-header">
          <p id="prompt" part="prompt" class="prompt" ?hidden=${!showPrompt}>${prompt}</p>
          ${this.#providers.render({
            pending: () =>
              html`<span class="providers-loading" aria-busy="true"
                ><span class="visually-hidden">${msg('Loading sign-in options…', {id: 'login.loading'})}</span></span
              >`,
            complete: (list) => this.#renderProviders(list),
            error: () => html`<p class="providers-error">
              ${msg('Sign-in options could not be loaded.', {id: 'login.providers.error'})}
              <button class="link-button" @click=${() => void this.#providers.run()}>
                ${msg('Try again', {id: 'login.providers.retry'})}
              </button>
            </p>`,
          })}
        </div>
        ${this.#signInFlow.emailFieldOpen
          ? renderEmailField(this.guest.email, this.#signInFlow.sendingLink, (event) => this.#signInFlow.sendSignInLink(event))
          : nothing}
        ${this.errorMessage ? html`<p part="error" class="error">${this.errorMessage}</p>` : nothing}
        ${policy.allowed
          ? html`<slot name="guest-fields" @slotchange=${() => this.requestUpdate()}
              >${this.#hasOwnGuestFields
                ? nothing
                : renderGuestFields({
                    policy,
                    guest: this.guest,
                    showErrors: this.showGuestErrors,
                    onInput: (field, event) => this.#onGuestInput(field, event),
                    onInvalid: () => (this.showGuestErrors = true),
                  })}</slot
            >`
          : nothing}
      </div>
    `;
  }

  #renderProviders(providers: readonly SignInProvider[]): TemplateResult | typeof nothing {
    if (providers.length === 0) return nothing;
    return html`<ul part="providers" class="providers" ${customProperties({'--_count': String(providers.length)})} aria-labelledby="prompt">
      ${repeat(
        providers,
        (provider) => provider.id,
        (provider) => html`<li>
          <button
            type="button"
            part="provider-button"
            class="provider-button"
            data-provider=${provider.id}
            aria-label=${msg(str`Log in with ${isolate(provider.name)}`, {id: 'login.provider.label'})}
            title=${provider.name}
            aria-expanded=${provider.id === EMAIL_PROVIDER && this.#adapter?.requestSignInLink ? String(this.#signInFlow.emailFieldOpen) : nothing}
            @click=${() => this.#signInFlow.signIn(provider)}
          >
            ${renderProviderIcon(provider, localeOf(this))}
          </button>
        </li>`,
      )}
    </ul>`;
  }

}

function deepActiveElement(): Element | null {
  let active = document.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  return active;
}

defineElement('login-choice', LoginChoiceElement);

declare global {
  interface HTMLElementTagNameMap {
    'login-choice': LoginChoiceElement;
  }
}
