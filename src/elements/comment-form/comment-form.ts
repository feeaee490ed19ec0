import {consume} from '@lit/context';
import {localized, msg, str} from '@lit/localize';
import {Task} from '@lit/task';
import {html, nothing, type PropertyValues, type TemplateResult} from 'lit';
import {property, query, state} from 'lit/decorators.js';
import {ifDefined} from 'lit/directives/if-defined.js';
import type {CommentAdapter, NewComment} from '../../core/adapter.js';
import {httpUrl} from '../../content/urls.js';
import {CommentError, type CommentField} from '../../core/errors.js';
import type {Comment, GuestIdentity, NotificationChoices, PostingPolicy} from '../../core/types.js';
import {drafts, type DraftSlot} from '../../drafts/draft-store.js';
import {rememberedGuest} from '../../drafts/remembered-guest.js';
import {CommentCancelEvent} from '../../events/comment-cancel.js';
import {CommentEditedEvent} from '../../events/comment-edited.js';
import {CommentErrorEvent} from '../../events/comment-error.js';
import {CommentPostedEvent} from '../../events/comment-posted.js';
import {CommentSignInRequestEvent} from '../../events/comment-sign-in-request.js';
import {CommentSubmitEvent} from '../../events/comment-submit.js';
import {CountdownController} from './countdown-controller.js';
import {formatNumber, formatSecondsFromNow, formatTimeOfDay} from '../../i18n/format.js';
import {isolate} from '../../i18n/isolate.js';
import {localeOf, plural} from '../../i18n/locale.js';
import {announce} from '../shared/announcer.js';
import {adapterContext, threadContext, type ThreadLink} from '../shared/context.js';
import {defineElement} from '../shared/define.js';
import {guestTexts} from '../shared/guest-texts.js';
import {NamedAdapter} from '../shared/named-adapter.js';
import {AdapterElement} from '../shared/adapter-element.js';
import {SessionController} from '../shared/session-controller.js';
import {sessionStoreFor} from '../shared/session-store.js';
import {contentStyles} from '../shared/content.styles.js';
import {themeStyles} from '../shared/theme.styles.js';
import {commentFormStyles} from './comment-form.styles.js';
import {DraftController} from './draft-controller.js';
import {MarkdownPreview, markdownPreviewStyles} from './markdown-preview.js';
import {
  asCommentError,
  defaultPostTimeoutMs,
  PostingController,
  sameText,
  type PostBody,
} from './posting-controller.js';
import {RetryScheduler} from './retry-scheduler.js';
import {decideRetry, defaultRetryOptions, type RetryDecision, type RetryOptions} from './retry-policy.js';
import {isDeadlineError, withDeadline, withLoadDeadline} from '../../adapters/shared/deadline.js';

/**
 * Attributes that configure the element itself, so they are not passed to a named
 * adapter: a form and a thread configured alike then share one adapter instance.
 */
const OWN_ATTRIBUTES = ['adapter', 'heading-level', 'post-timeout'];

/**
 * `<login-choice>` and the sign-in flow matter only with a backend that can sign in, so
 * they load then, and on other pages never. The panel is rendered at once: until it is
 * defined, the guest fields inside it show as they are; it upgrades before any provider
 * button exists, so a click still opens the popup synchronously.
 */
let loginChoice: Promise<unknown> | undefined;
function loadLoginChoice(): void {
  loginChoice ??= import('../login-choice/login-choice.js').catch((error: unknown) => {
    // The guest fields still work; the next render with a sign-in backend tries again.
    loginChoice = undefined;
    console.error(error);
  });
}

/** What the form assumes until the backend has told it the thread's rules. */
const assumedPolicy: PostingPolicy = {
  open: true,
  guests: {allowed: true, requireName: true, requireEmail: true},
  notifications: {comments: false, posts: false},
};

interface Failure {
  error: CommentError;
  decision: RetryDecision;
  /**
   * `earlier-posted`: an earlier version was stored and could not be edited, the new text
   * is kept. `held`: a duplicate of the commenter's own comment awaiting moderation.
   */
  note?: 'earlier-posted' | 'held';
  /** For a rate limit: whole seconds to wait, frozen when it happened so the alert does not change. */
  waitSeconds?: number;
  /** `unauthorized` while the form showed the person signed in: their session ended meanwhile. */
  signedOut?: boolean;
}

type GuestField = 'name' | 'email' | 'website';

const noGuest: GuestIdentity = {name: '', email: '', website: ''};

/**
 * The "Leave a Reply" form: posts a new comment or reply, or edits one, and never loses
 * or duplicates what was typed. Inside a `<comment-thread>` it takes the adapter, the
 * thread and the session from it and shows the comment in the thread while it is sent;
 * on its own it takes `adapter` and `thread`.
 *
 * @summary Posting, replying and editing, with guest identity, drafts and retries.
 * @tagname comment-form
 *
 * @slot sign-in - A sign-in panel of the page's own, for a backend Colloquy cannot sign in
 *   to (no `capabilities.signIn`; otherwise the form shows `<login-choice>`). Without one,
 *   a "Sign in" button fires `comment-sign-in-request` when posting needs an account.
 *
 * @csspart heading - The "Leave a Reply" / "Reply to …" heading.
 * @csspart form - The `<form>`.
 * @csspart label - The label of each field.
 * @csspart hint - "Your email address will never be made public…" above the guest fields.
 * @csspart textarea - The comment field.
 * @csspart character-count - The count of characters typed against the maximum.
 * @csspart write-tab - "Write", where the backend takes Markdown.
 * @csspart preview-tab - "Preview", where the backend takes Markdown.
 * @csspart preview - The comment as it will read, under the Preview tab.
 * @csspart markdown-hint - "Formatting with Markdown: …" under the comment field.
 * @csspart identity - The section saying who is commenting: sign-in slot and guest fields.
 * @csspart guest-fields - The Name, Email and Website fields of a commenter not signed in.
 * @csspart name-input - The Name field.
 * @csspart email-input - The Email field.
 * @csspart website-input - The Website field.
 * @csspart remember-guest - "Save my name, email, and website in this browser…", with its checkbox.
 * @csspart notify - The email notification checkboxes.
 * @csspart field-error - A message under a field the backend or the form rejected.
 * @csspart alert - The message explaining why the comment was not sent.
 * @csspart countdown - The seconds left before a comment refused as too fast can be sent again.
 * @csspart draft-warning - Says once that the browser's storage refused the draft.
 * @csspart retry-button - Sends the comment again after a failure.
 * @csspart sign-in-button - Asks the page to sign the commenter in.
 * @csspart submit-button - "Post Comment" / "Save".
 * @csspart cancel-button - "Cancel reply" / "Cancel", on an inline form.
 * @csspart closed - The "Comments are closed." notice.
 *
 * Parts of the `<login-choice>` inside it, re-exported (`exportparts`):
 * @csspart choice - The sign-in choice: prompt, provider buttons and guest fields.
 * @csspart providers - The list of sign-in providers.
 * @csspart provider-button - One provider's sign-in button.
 * @csspart provider-icon - The icon inside a provider button.
 * @csspart connecting - "Connecting to …" while a sign-in is under way.
 * @csspart sign-in-cancel-button - Cancels the sign-in under way.
 * @csspart email-link-form - The email provider's address form; `email-link-input` and `email-link-button` inside it.
 * @csspart email-link-input - The address to send a sign-in link to.
 * @csspart email-link-button - "Send me a sign-in link".
 * @csspart signed-in - Who is signed in, with Log out and Change.
 * @csspart avatar - The signed-in person's picture or initials.
 * @csspart avatar-initials - The initials shown under a picture until it has loaded.
 * @csspart sign-out-button - "Log out".
 * @csspart change-button - "Change": sign out and pick another account.
 * @csspart sign-in-error - Why a sign-in or sign-out failed.
 *
 * @cssprop --colloquy-textarea-min-height - The comment field's height before it grows (default 6 lines).
 * @cssprop --colloquy-textarea-max-height - The height after which it scrolls (default 60vh).
 *
 * @fires {CommentSubmitEvent} comment-submit - Cancelable, before a comment is sent.
 * @fires {CommentPostedEvent} comment-posted - The backend stored the comment.
 * @fires {CommentEditedEvent} comment-edited - The backend stored an edit.
 * @fires {CommentErrorEvent} comment-error - A post or edit failed; the form shows why.
 * @fires {CommentCancelEvent} comment-cancel - An inline form's "Cancel reply" or Escape.
 * @fires {CommentSignInRequestEvent} comment-sign-in-request - The commenter asked to sign in.
 */
@localized()
export class CommentFormElement extends AdapterElement {
  static override styles = [themeStyles, commentFormStyles, contentStyles, markdownPreviewStyles];

  /** The thread to post to. Defaults to the enclosing `<comment-thread>`'s, else the page's path, as the thread does. */
  @property() thread = '';

  /**
   * The comment being answered: the form then shows "Reply to {name}" and "Cancel reply".
   * Inside a `<comment-thread>`, the comment whose Reply button was pressed.
   */
  @property({attribute: false}) replyTo: Comment | undefined;

  /** A comment of the viewer's to edit instead of posting a new one. */
  @property({attribute: false}) editing: Comment | undefined;

  /** The level of the form's heading (`heading-level`), 1–6; default 3, as WordPress themes. */
  @property({type: Number, attribute: 'heading-level'}) headingLevel = 3;

  /**
   * How long a post or edit may go unanswered (`post-timeout`, in milliseconds) before the
   * commenter gets the text back with Retry, which sends it again under the same key.
   */
  @property({type: Number, attribute: 'post-timeout'}) postTimeout = defaultPostTimeoutMs;

  /** How server errors are retried without the commenter's help. */
  @property({attribute: false}) retryOptions: RetryOptions = defaultRetryOptions;

  @consume({context: adapterContext, subscribe: true})
  @state()
  private _contextAdapter: CommentAdapter | undefined;

  @consume({context: threadContext, subscribe: true})
  @state()
  private _threadLink: ThreadLink | undefined;

  @state() private _namedAdapter: CommentAdapter | undefined;
  @state() private _text = '';
  @state() private _guest: GuestIdentity = noGuest;
  /** "Save my name, email, and website in this browser": acted on when a guest's post is stored. */
  @state() private _rememberGuest = false;
  @state() private _notify: NotificationChoices = {comments: false, posts: false};
  /** The draft whose post or edit is on its way, or waits for its automatic retry. */
  @state() private _sendingSlot: DraftSlot | undefined;
  @state() private _failure: Failure | undefined;
  @state() private _fieldErrors: Partial<Record<CommentField, string>> = {};
  @state() private _closedByBackend = false;
  /** Storage refused a draft: the commenter is told once that it will not outlive the page. */
  @state() private _draftUnsaved = false;
  /** Until when a rate limit forbids posting, in ms since the epoch. */
  @state() private _waitUntil: number | undefined;

  @query('textarea') private _textarea!: HTMLTextAreaElement | null;
  @query('form') private _form!: HTMLFormElement | null;

  readonly #session = new SessionController(this);
  readonly #drafts = new DraftController(this, drafts, () => ({
    text: this._text,
    // Details the browser remembers anyway are left out, so a draft holding nothing else
    // counts as empty (and no reply is reopened after a reload for it).
    guest: sameGuest(this._guest, rememberedGuest.recall()) ? noGuest : this._guest,
    notify: this._notify,
    rememberGuest: this._rememberGuest,
    ...(this.#posting?.unconfirmed ? {sent: this.#posting.unconfirmed} : {}),
  }), () => (this._draftUnsaved = true));
  readonly #retries = new RetryScheduler(this);
  readonly #countdown = new CountdownController(this);
  #slot: DraftSlot | undefined;
  /** The posting state of the draft on screen; each draft has its own while the form lives. */
  #posting: PostingController | undefined;
  readonly #postings = new Map<string, PostingController>();
  /** Tries of the current comment since the commenter last pressed a button (Post or Retry). */
  #attempts = 0;
  /** The key of the comment shown as sending in the thread, while it is. */
  #outgoingKey: string | undefined;
  readonly #namedAdapter = new NamedAdapter(this, OWN_ATTRIBUTES);
  /** Set when a reply or an edit was opened: focus goes into the comment field. */
  #focusWhenRendered = false;
  /** The comment whose reply draft the form is reopening after a reload (without taking focus). */
  #restoringReplyTo: string | undefined;
  /** Whether the thread was already searched for a reply draft to reopen. */
  #replyDraftsChecked = false;

  /** Standalone forms ask the backend for the thread's rules; inside a thread it knows them. */
  readonly #threadInfo = new Task(this, {
    task: async ([adapter, thread, linked], {signal}) => {
      if (!adapter || !thread || linked) return undefined;
      const page = await withLoadDeadline(signal, (withinDeadline) =>
        adapter.loadPage({thread, sort: 'oldest', limit: 1}, {signal: withinDeadline}),
      );
      return page.thread;
    },
    args: () => [this.#adapter, this.#threadId, this.#link !== undefined] as const,
  });

  readonly #preview = new MarkdownPreview(this, {
    enabled: () => Boolean(this.#adapter?.capabilities.markdown),
    text: () => this._text,
  });

  get #adapter(): CommentAdapter | undefined {
    return this.adapterObject ?? (this.adapterName ? this._namedAdapter : this._contextAdapter);
  }

  get #threadId(): string {
    return this.thread || this._threadLink?.threadId || location.pathname;
  }

  /** The enclosing thread's link, when it shows the thread this form posts to. */
  get #link(): ThreadLink | undefined {
    const link = this._threadLink;
    return link && link.threadId === this.#threadId ? link : undefined;
  }

  get #replyingTo(): Comment | undefined {
    return this.replyTo ?? this.#link?.replyingTo ?? undefined;
  }

  /** Shown under a comment (a reply or an edit) rather than at the end of the thread. */
  get #inline(): boolean {
    return Boolean(this.editing || this.#replyingTo);
  }

  get #linkedInfo() {
    return this.#link?.info;
  }

  get #policy(): PostingPolicy {
    return this.#linkedInfo?.posting ?? this.#threadInfo.value?.posting ?? assumedPolicy;
  }

  get #closed(): boolean {
    return this._closedByBackend || !this.#policy.open;
  }

  get #signedIn(): boolean {
    return this.#session.session !== null;
  }

  /** Guests fill in Name and Email; signed-in commenters and edits do not. */
  get #asksGuestIdentity(): boolean {
    return !this.editing && this.#session.known && !this.#signedIn && this.#policy.guests.allowed;
  }

  get #needsSignIn(): boolean {
    return !this.editing && this.#session.known && !this.#signedIn && !this.#policy.guests.allowed;
  }

  /** Moves focus into the comment field. */
  override focus(options?: FocusOptions): void {
    void this.updateComplete.then(() => this._textarea?.focus(options));
  }

  override connectedCallback(): void {
    super.connectedCallback();
    void drafts.ready.then(() => this.#draftsAdopted());
  }

  /**
   * Drafts of tabs that are gone were adopted by this tab: an empty form shows the one for
   * its comment, and a reply draft may now be reopened.
   */
  #draftsAdopted() {
    const slot = this.#slot;
    if (slot && !this._text.trim() && !this._sendingSlot && drafts.get(slot)) {
      this.#postings.delete(slotKey(slot));
      this.#enterSlot(slot);
    }
    this.requestUpdate();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    // A move in the DOM reconnects within the same task; only a real removal gets here
    // still disconnected, and then no planned retry will ever run.
    queueMicrotask(() => {
      if (this.isConnected || !this.#retries.planned) return;
      this.#retries.cancel();
      this.#dropOutgoing();
      this._sendingSlot = undefined;
    });
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (this.adapterSettingsChanged(changed)) this.#resolveNamedAdapter();
    this.#session.use(this.#adapter);
    if (this.#adapter?.capabilities.signIn) loadLoginChoice();
    const slot = this.#currentSlot();
    if (!sameSlot(slot, this.#slot)) this.#enterSlot(slot);
  }

  protected override render(): TemplateResult {
    const closed = this.#closed;
    return html`
      ${this.#renderHeading()}
      ${closed && !this._text ? this.#renderClosedNotice() : this.#renderForm(closed)}
    `;
  }

  #renderHeading(): TemplateResult {
    const replyingTo = this.#replyingTo;
    const name = replyingTo?.author.name.trim() || msg('Anonymous', {id: 'form.anonymous'});
    const text = this.editing
      ? msg('Edit your comment', {id: 'form.heading.edit'})
      : replyingTo
        ? msg(str`Reply to ${isolate(name)}`, {id: 'form.heading.reply'})
        : msg('Leave a Reply', {id: 'form.heading'});
    const level = Math.min(6, Math.max(1, Math.round(this.headingLevel) || 3));
    return html`<div id="heading" part="heading" class="heading" role="heading" aria-level=${level}>${text}</div>`;
  }

  #renderClosedNotice(): TemplateResult {
    return html`<p part="closed" class="closed">${msg('Comments are closed.', {id: 'form.closed'})}</p>`;
  }

  #renderForm(closed: boolean): TemplateResult {
    const inline = this.#inline;
    return html`
      <form
        part="form"
        novalidate
        aria-labelledby="heading"
        aria-busy=${this.#sendingHere ? 'true' : 'false'}
        @submit=${this.#onSubmit}
        @keydown=${this.#onKeydown}
      >
        ${this.#preview.render(this.#renderTextField(closed))}
        ${closed ? nothing : html`${this.#renderIdentity()} ${this.#renderNotifications()}`}
        ${this.#renderAlert()}
        <p part="draft-warning" class="hint" role="status">
          ${this._draftUnsaved
            ? msg('This browser cannot keep your draft (its storage is full or blocked): it will be lost if you leave or reload this page.', {id: 'form.draft-unsaved'})
            : nothing}
        </p>
        ${closed
          ? this._closedByBackend
            ? nothing
            : this.#renderClosedNotice()
          : html`
              <div class="actions">
                <button
                  part="submit-button"
                  class="button primary"
                  type="submit"
                  aria-disabled=${this.#canSubmit ? 'false' : 'true'}
                >
                  ${this.#sendingHere
                    ? msg('Sending…', {id: 'form.submit.sending'})
                    : this.editing
                      ? msg('Save', {id: 'form.submit.edit'})
                      : msg('Post Comment', {id: 'form.submit'})}
                </button>
                ${inline
                  ? html`<button part="cancel-button" class="button" type="button" @click=${this.#cancel}>
                      ${this.editing ? msg('Cancel', {id: 'form.cancel.edit'}) : msg('Cancel reply', {id: 'form.cancel.reply'})}
                    </button>`
                  : nothing}
              </div>
            `}
      </form>
    `;
  }

  get #canSubmit(): boolean {
    return !this._sendingSlot && this._waitUntil === undefined && !this.#closed && this.#session.known;
  }

  /** Whether what is on screen is being sent (the form may have moved to another reply since). */
  get #sendingHere(): boolean {
    return this._sendingSlot !== undefined && sameSlot(this._sendingSlot, this.#slot);
  }

  #renderTextField(closed: boolean): TemplateResult {
    const maxLength = this.#policy.maxLength;
    const error = this._fieldErrors.text ?? this.#tooLongMessage();
    const describedBy = [maxLength ? 'text-limit' : '', error ? 'text-error' : ''].filter(Boolean).join(' ');
    return html`
      <div class="field">
        <label part="label" for="text">
          ${msg('Comment', {id: 'form.label.text'})}
          ${closed ? nothing : html`<span class="required" aria-hidden="true">*</span>`}
        </label>
        <textarea
          id="text"
          part="textarea"
          name="comment"
          rows="4"
          dir="auto"
          .value=${this._text}
          ?readonly=${closed || this.#sendingHere}
          ?required=${!closed}
          aria-invalid=${error ? 'true' : 'false'}
          aria-describedby=${ifDefined(describedBy || undefined)}
          @input=${this.#onTextInput}
        ></textarea>
        ${maxLength ? this.#renderCount(maxLength) : nothing}
        ${error ? html`<p id="text-error" part="field-error" class="field-error">${error}</p>` : nothing}
      </div>
    `;
  }

  #renderCount(maxLength: number): TemplateResult {
    const locale = localeOf(this);
    const limit = formatNumber(maxLength, locale);
    return html`
      <p part="character-count" class="count ${this._text.length > maxLength ? 'over' : ''}">
        <span aria-hidden="true">${formatNumber(this._text.length, locale)} / ${limit}</span>
        <span id="text-limit" class="visually-hidden">
          ${plural(maxLength, locale, {
            zero: () => msg('Up to # characters.', {id: 'form.count.limit.zero'}),
            one: () => msg('Up to # character.', {id: 'form.count.limit.one'}),
            two: () => msg('Up to # characters.', {id: 'form.count.limit.two'}),
            few: () => msg('Up to # characters.', {id: 'form.count.limit.few'}),
            many: () => msg('Up to # characters.', {id: 'form.count.limit.many'}),
            other: () => msg('Up to # characters.', {id: 'form.count.limit.other'}),
          }, limit)}
        </span>
      </p>
    `;
  }

  #tooLongMessage(): string | undefined {
    const maxLength = this.#policy.maxLength;
    const over = maxLength === undefined ? 0 : this._text.length - maxLength;
    if (over <= 0) return undefined;
    return plural(over, localeOf(this), {
      zero: () => msg('# characters too many.', {id: 'form.invalid.too-long.zero'}),
      one: () => msg('# character too many.', {id: 'form.invalid.too-long.one'}),
      two: () => msg('# characters too many.', {id: 'form.invalid.too-long.two'}),
      few: () => msg('# characters too many.', {id: 'form.invalid.too-long.few'}),
      many: () => msg('# characters too many.', {id: 'form.invalid.too-long.many'}),
      other: () => msg('# characters too many.', {id: 'form.invalid.too-long.other'}),
    });
  }

  #renderIdentity(): TemplateResult | typeof nothing {
    if (this.editing) return nothing;
    if (this.#adapter?.capabilities.signIn) {
      return html`<section part="identity" class="identity" aria-label=${msg('Your details', {id: 'form.identity'})}>
        ${this.#renderLoginChoice()}
      </section>`;
    }
    const viewer = this.#session.session?.viewer;
    return html`
      <section part="identity" class="identity" aria-label=${msg('Your details', {id: 'form.identity'})}>
        ${viewer
          ? html`<p class="signed-in">${msg(str`Commenting as ${isolate(viewer.name)}`, {id: 'form.signed-in-as'})}</p>`
          : nothing}
        ${this.#needsSignIn ? html`<p>${msg('Sign in to leave a comment.', {id: 'form.sign-in-required'})}</p>` : nothing}
        <slot name="sign-in">${this.#needsSignIn ? this.#renderSignInButton() : nothing}</slot>
        ${this.#asksGuestIdentity ? this.#renderGuestFields() : nothing}
      </section>
    `;
  }

  /** The sign-in panel, with this form's guest fields in it ("Fill in your details below or…"). */
  #renderLoginChoice(): TemplateResult {
    return html`<login-choice
      exportparts="choice, providers, provider-button, provider-icon, connecting, cancel-button: sign-in-cancel-button, email-link-form, email-link-input, email-link-button, signed-in, avatar, sign-out-button, change-button, error: sign-in-error"
      .adapter=${this.#adapter}
      .guestPolicy=${this.#policy.guests}
      @login-redirect=${() => this.#drafts.flush()}
      @login-success=${() => this._textarea?.focus()}
      >${this.#asksGuestIdentity ? this.#renderGuestFields('guest-fields') : nothing}</login-choice
    >`;
  }

  #renderSignInButton(): TemplateResult {
    return html`<button part="sign-in-button" class="button" type="button" @click=${this.#requestSignIn}>
      ${msg('Sign in', {id: 'form.sign-in'})}
    </button>`;
  }

  #renderGuestFields(slot?: string): TemplateResult {
    const {requireName, requireEmail} = this.#policy.guests;
    return html`
      <div part="guest-fields" class="guest-fields" slot=${ifDefined(slot)}>
        <p id="email-hint" part="hint" class="hint">
          ${guestTexts.emailHint()}
          ${requireName || requireEmail ? guestTexts.requiredHint() : nothing}
        </p>
        ${this.#renderGuestField('name', guestTexts.name(), 'text', 'name', requireName)}
        ${this.#renderGuestField('email', guestTexts.email(), 'email', 'email', requireEmail, 'email-hint')}
        ${this.#renderGuestField('website', guestTexts.website(), 'url', 'url', false)}
        <label part="remember-guest" class="checkbox">
          <input
            type="checkbox"
            name="remember-guest"
            .checked=${this._rememberGuest}
            @change=${(event: Event) => this.#onRememberGuestChange((event.target as HTMLInputElement).checked)}
          />
          ${msg('Save my name, email, and website in this browser for the next time I comment.', {id: 'form.remember-guest'})}
        </label>
      </div>
    `;
  }

  /** Names take the direction of what is typed; email and web addresses are always left to right. */
  #renderGuestField(
    field: GuestField,
    label: string,
    type: string,
    autocomplete: string,
    required: boolean,
    hint?: string,
  ): TemplateResult {
    const error = this._fieldErrors[field];
    const describedBy = [hint, error ? `${field}-error` : undefined].filter(Boolean).join(' ');
    return html`
      <div class="field">
        <label part="label" for=${field}>
          ${label} ${required ? html`<span class="required" aria-hidden="true">*</span>` : nothing}
        </label>
        <input
          id=${field}
          part="${field}-input"
          name=${field}
          type=${type}
          autocomplete=${autocomplete}
          dir=${type === 'text' ? 'auto' : 'ltr'}
          .value=${this._guest[field] ?? ''}
          ?required=${required}
          ?readonly=${this.#sendingHere}
          aria-invalid=${error ? 'true' : 'false'}
          aria-describedby=${ifDefined(describedBy || undefined)}
          @input=${(event: Event) => this.#onGuestInput(field, (event.target as HTMLInputElement).value)}
        />
        ${error ? html`<p id="${field}-error" part="field-error" class="field-error">${error}</p>` : nothing}
      </div>
    `;
  }

  #renderNotifications(): TemplateResult | typeof nothing {
    const {comments, posts} = this.#policy.notifications;
    if (this.editing || (!comments && !posts)) return nothing;
    const checkbox = (key: keyof NotificationChoices, label: string) => html`
      <label class="checkbox">
        <input
          type="checkbox"
          name="notify-${key}"
          .checked=${this._notify[key] === true}
          @change=${(event: Event) => this.#onNotifyChange(key, (event.target as HTMLInputElement).checked)}
        />
        ${label}
      </label>
    `;
    return html`
      <div part="notify" class="notify">
        ${comments ? checkbox('comments', msg('Notify me of new comments via email.', {id: 'form.notify.comments'})) : nothing}
        ${posts ? checkbox('posts', msg('Notify me of new posts via email.', {id: 'form.notify.posts'})) : nothing}
      </div>
    `;
  }

  /** The region exists from the start: an alert added together with its text is not always read. */
  #renderAlert(): TemplateResult {
    const failure = this._failure;
    return html`<div part="alert" class="alert ${failure ? 'shown' : ''}" role="alert">
      ${failure ? this.#renderFailure(failure) : nothing}
    </div>`;
  }

  #renderFailure({error, decision, waitSeconds, note, signedOut}: Failure): TemplateResult {
    const retry = html`<button part="retry-button" class="button" type="button" @click=${this.#retry}>
      ${msg('Retry', {id: 'form.retry'})}
    </button>`;
    if (note === 'earlier-posted') {
      return html`<p>${msg('Your earlier version of this comment was posted before the connection failed, and it cannot be changed now. Your changes are kept here.', {id: 'form.error.earlier-posted'})}</p>`;
    }
    if (isDeadlineError(error)) {
      return html`<p>${msg('The site did not answer in time. Your comment is kept here: press Retry (it will not be posted twice).', {id: 'form.error.timeout'})}</p>
        ${retry}`;
    }
    switch (error.code) {
      case 'duplicate':
        return html`<p>
          ${note === 'held'
            ? msg('Your comment is already waiting for moderation.', {id: 'form.error.duplicate-held'})
            : error.message.trim() || msg('You have already posted this comment.', {id: 'form.error.duplicate'})}
        </p>`;
      case 'network':
        return html`<p>
            ${navigator.onLine
              ? msg('The connection failed before your comment was confirmed. It is kept here: press Retry (it will not be posted twice), or it will be sent when you are back online.', {id: 'form.error.network'})
              : msg('You are offline. Your comment is kept here and will be sent when you are back online.', {id: 'form.error.offline'})}
          </p>
          ${retry}`;
      case 'server':
        return html`<p>${msg('The site could not save your comment just now. It is kept here: please try again.', {id: 'form.error.server'})}</p>
          ${retry}`;
      case 'rate-limited':
        // Screen readers hear the wait once; sighted people watch it count down.
        return html`<p>
            <span aria-hidden="true" part="countdown">${this.#rateLimitMessage(decision, this.#countdown.secondsLeft ?? waitSeconds)}</span>
            <span class="visually-hidden">${this.#rateLimitMessage(decision, waitSeconds)}</span>
          </p>
          ${this._waitUntil === undefined ? retry : nothing}`;
      case 'invalid':
        return html`<p>${msg('Please correct the marked fields.', {id: 'form.error.invalid'})}</p>
          ${Object.keys(error.fieldErrors).length === 0
            ? html`<p>${error.message}</p>`
            : this.#unplacedFieldErrors().map((message) => html`<p>${message}</p>`)}`;
      case 'unauthorized':
        // The adapter's words say why a signed-in person must sign in again ("You were signed out…").
        return html`<p>${signedOut && error.message ? error.message : msg('Please sign in to post your comment. It is kept here meanwhile.', {id: 'form.error.unauthorized'})}</p>
          ${this.#renderSignInButton()}`;
      case 'forbidden':
        return html`<p>
          ${this.editing
            ? msg('This comment can no longer be edited.', {id: 'form.error.edit-forbidden'})
            : msg('You are not allowed to comment here.', {id: 'form.error.forbidden'})}
        </p>`;
      case 'not-found':
        return html`<p>${msg('This discussion or comment no longer exists.', {id: 'form.error.not-found'})}</p>`;
      case 'conflict':
        return this.editing
          ? html`<p>${msg('This comment was changed or removed meanwhile.', {id: 'form.error.conflict'})}</p>`
          : html`<p>${msg('The site is still processing this comment. Press Retry in a moment (it will not be posted twice).', {id: 'form.error.processing'})}</p>
              ${retry}`;
      case 'closed':
        return html`<p>${msg('Comments are closed.', {id: 'form.closed'})}</p>`;
      default:
        return html`<p>${msg('Your comment could not be sent. It is kept here: please try again.', {id: 'form.error.unknown'})}</p>
          ${retry}`;
    }
  }

  #rateLimitMessage(decision: RetryDecision, waitSeconds: number | undefined): string {
    if (decision.action !== 'wait' || decision.at === undefined || waitSeconds === undefined) {
      return msg('You are posting too quickly. Please wait a moment before trying again.', {id: 'form.error.rate-limited'});
    }
    const locale = localeOf(this);
    if (waitSeconds < 60) {
      const relative = formatSecondsFromNow(Math.max(1, waitSeconds), locale);
      return msg(str`You are posting too quickly. You can post again ${relative}.`, {id: 'form.error.rate-limited.soon'});
    }
    const time = formatTimeOfDay(decision.at, locale);
    return msg(str`You are posting too quickly. You can post again at ${time}.`, {id: 'form.error.rate-limited.at'});
  }

  /** Field messages the form has no field on screen for (the parent, guest fields of a signed-in commenter…). */
  #unplacedFieldErrors(): string[] {
    const shown = new Set<CommentField>(['text', ...(this.#asksGuestIdentity ? (['name', 'email', 'website'] as const) : [])]);
    return Object.entries(this._fieldErrors)
      .filter(([field, message]) => message && !shown.has(field as CommentField))
      .map(([, message]) => message!);
  }

  #onTextInput(event: InputEvent) {
    const textarea = event.target as HTMLTextAreaElement;
    this._text = textarea.value;
    // An emptied field lets go of an unconfirmed earlier send: it is never sent again on its own.
    if (!this._text.trim()) this.#posting?.abandon();
    if (this._fieldErrors.text) this._fieldErrors = {...this._fieldErrors, text: undefined};
    growToFit(textarea);
    this.#draftChanged();
  }

  #onGuestInput(field: GuestField, value: string) {
    this._guest = {...this._guest, [field]: value};
    if (this._fieldErrors[field]) this._fieldErrors = {...this._fieldErrors, [field]: undefined};
    this.#draftChanged();
  }

  /** Unticking is taken at its word at once: the details are not kept a moment longer. */
  #onRememberGuestChange(checked: boolean) {
    this._rememberGuest = checked;
    if (!checked) rememberedGuest.forget();
    this.#draftChanged();
  }

  #onNotifyChange(key: keyof NotificationChoices, checked: boolean) {
    this._notify = {...this._notify, [key]: checked};
    this.#draftChanged();
  }

  #onKeydown(event: KeyboardEvent) {
    if (event.isComposing) return;
    // Ctrl/Cmd+Enter posts from any field a person types in, the guest details included;
    // on buttons and checkboxes Enter keeps its own meaning.
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey) && isTextEntry(event.composedPath()[0])) {
      event.preventDefault();
      this._form?.requestSubmit();
    } else if (event.key === 'Escape' && this.#inline) {
      event.preventDefault();
      this.#cancel();
    }
  }

  #onSubmit(event: SubmitEvent) {
    event.preventDefault();
    this.#submit();
  }

  #retry() {
    this.#submit();
  }

  /**
   * Every event goes out here: the manifest analyzer would read each `dispatchEvent(new
   * X(arg))` as an event named after `arg`; the class JSDoc's `@fires` lists them instead.
   */
  #emit(event: Event): boolean {
    return this.dispatchEvent(event);
  }

  #cancel() {
    this.#drafts.flush();
    this.#emit(new CommentCancelEvent());
  }

  #requestSignIn() {
    this.#drafts.flush();
    const panel = this.renderRoot.querySelector('login-choice');
    if (panel) {
      panel.focus();
      return;
    }
    this.#emit(new CommentSignInRequestEvent());
  }

  /**
   * Starts sending the comment unless one is already on its way: a double click or
   * Ctrl+Enter pressed twice sends one request. `automatic` is a retry nobody pressed a
   * button for, so the page is not asked again through `comment-submit`.
   */
  #submit({automatic = false} = {}) {
    const adapter = this.#adapter;
    const slot = this.#slot;
    if (!this.#canSubmit || !adapter || !slot) return;
    if (!automatic) this.#attempts = 0;

    const problems = this.#validate();
    if (Object.keys(problems).length > 0) {
      this._fieldErrors = problems;
      this._failure = {error: new CommentError('invalid', '', {fieldErrors: problems}), decision: {action: 'stop'}};
      this.#focusFirstInvalid();
      return;
    }
    if (this.editing) {
      this.#sendEdit(adapter, this.editing, slot);
      return;
    }
    if (this.#needsSignIn) {
      this.#showFailure(new CommentError('unauthorized', ''), {action: 'stop'});
      return;
    }

    const body: PostBody = {
      thread: slot.thread,
      text: this._text.trim(),
      parentId: slot.parentId,
      ...(this.#asksGuestIdentity
        ? {guest: {name: this._guest.name.trim(), email: this._guest.email.trim(), website: this._guest.website?.trim() ?? ''}}
        : {}),
      ...(this.#policy.notifications.comments || this.#policy.notifications.posts ? {notify: {...this._notify}} : {}),
    };
    const posting = this.#postingFor(slot);
    const input = posting.prepare(body);
    if (!automatic && !this.#emit(new CommentSubmitEvent(input))) return;

    // Saved before anything is sent (the posting controller saves it again with the send
    // it is about to make): after a reload the text is back and the send is replayed.
    this.#drafts.save(slot);
    this._failure = undefined;
    this._fieldErrors = {};
    this.#showOutgoing(input);
    void this.#sendPost(adapter, posting, input, slot);
  }

  async #sendPost(adapter: CommentAdapter, posting: PostingController, input: NewComment, slot: DraftSlot) {
    this._sendingSlot = slot;
    this.#attempts++;
    try {
      const outcome = await posting.post(adapter, input, this.#postTimeoutMs);
      if (outcome.kind === 'earlier-posted') this.#earlierPosted(slot, outcome.comment);
      else this.#posted(slot, input, outcome.comment, outcome.kind === 'edited');
    } catch (error) {
      const failure = asCommentError(error);
      const decision = this.#decidePostRetry(failure);
      this.#emit(new CommentErrorEvent(failure, 'post', decision.action === 'retry' || decision.action === 'retry-when-online'));
      if (decision.action === 'retry') {
        this.#retries.after(decision.delayMs, () => void this.#sendPost(adapter, posting, input, slot));
      } else {
        this.#dropOutgoing();
        // Moved on to another reply meanwhile: this comment's draft is kept for when
        // they come back to it; its failure is not shown over a different one.
        if (!sameSlot(slot, this.#slot)) {
          this._sendingSlot = undefined;
          return;
        }
        this.#showFailure(failure, decision, failure.code === 'duplicate' && this.#ownHeld(input) ? 'held' : undefined);
        if (decision.action === 'retry-when-online') this.#retryWhenOnline(slot);
      }
    }
  }

  /**
   * As the retry policy says, but a post that outlived its deadline waits for the
   * commenter's Retry, and the protocol's 409 `conflict` on a post ("the first request
   * with this key is still being processed") is retried like a server error.
   */
  #decidePostRetry(failure: CommentError): RetryDecision {
    if (isDeadlineError(failure)) return {action: 'stop'};
    return decideRetry(failure, this.#attempts, this.retryOptions, undefined, undefined, {conflictIsTransient: true});
  }

  /** The backend's duplicate is the commenter's own comment waiting for moderation, as the thread shows it. */
  #ownHeld(input: NewComment): boolean {
    return (this.#link?.shown ?? []).some(
      (comment) =>
        comment.author.isViewer === true &&
        comment.status === 'pending' &&
        comment.parentId === input.parentId &&
        sameText(comment, input.text),
    );
  }

  get #postTimeoutMs(): number {
    return Number.isFinite(this.postTimeout) && this.postTimeout > 0 ? this.postTimeout : defaultPostTimeoutMs;
  }

  /** The posting state of `slot`'s draft, taken from the saved draft the first time. */
  #postingFor(slot: DraftSlot): PostingController {
    const key = slotKey(slot);
    let posting = this.#postings.get(key);
    if (!posting) {
      posting = new PostingController(() => {
        if (sameSlot(slot, this.#slot)) this.#drafts.save(slot);
      });
      posting.restore(drafts.get(slot)?.sent);
      this.#postings.set(key, posting);
    }
    return posting;
  }

  async #sendEdit(adapter: CommentAdapter, comment: Comment, slot: DraftSlot) {
    if (!adapter.editComment) return;
    this._sendingSlot = slot;
    this._failure = undefined;
    this._fieldErrors = {};
    this.#attempts++;
    try {
      const text = this._text.trim();
      const stored = await withDeadline(this.#postTimeoutMs, undefined, (signal) =>
        adapter.editComment!({thread: slot.thread, commentId: comment.id, text}, {signal}),
      );
      this._sendingSlot = undefined;
      this.#attempts = 0;
      this.#drafts.discard(slot);
      this.#link?.apply({type: 'comment-updated', thread: slot.thread, comment: stored});
      announce(msg('Comment updated', {id: 'form.announce.edited'}));
      this.#emit(new CommentEditedEvent(stored));
      this.#link?.focusComment(stored.id);
    } catch (error) {
      const failure = asCommentError(error);
      const decision = decideRetry(failure, this.#attempts, this.retryOptions);
      this.#emit(new CommentErrorEvent(failure, 'edit', decision.action === 'retry'));
      if (decision.action === 'retry') {
        this.#retries.after(decision.delayMs, () => void this.#sendEdit(adapter, comment, slot));
      } else {
        this.#showFailure(failure, decision);
        if (decision.action === 'retry-when-online') this.#retryWhenOnline(slot);
      }
    }
  }

  #retryWhenOnline(slot: DraftSlot) {
    this.#retries.whenOnline(() => {
      if (sameSlot(slot, this.#slot)) this.#submit({automatic: true});
    });
  }

  #showOutgoing(input: NewComment) {
    const link = this.#link;
    if (!link) return;
    const viewer = this.#session.session?.viewer;
    this.#outgoingKey = input.idempotencyKey;
    link.addOutgoing(input.idempotencyKey, {
      id: `outgoing-${input.idempotencyKey}`,
      parentId: input.parentId,
      author: {
        name: viewer?.name ?? input.guest?.name ?? '',
        ...(viewer?.avatarUrl ? {avatarUrl: viewer.avatarUrl} : {}),
        isViewer: true,
      },
      createdAt: new Date().toISOString(),
      content: {kind: 'text', value: input.text},
      status: 'approved',
      replyCount: 0,
      viewerCan: {reply: false, edit: false, delete: false},
    });
  }

  #dropOutgoing() {
    if (this.#outgoingKey) this.#link?.resolveOutgoing(this.#outgoingKey, null);
    this.#outgoingKey = undefined;
  }

  /**
   * The backend has the comment: only now is the draft let go. `edited`: an earlier
   * version had been stored and was edited to this text, so the thread may show it already.
   */
  #posted(slot: DraftSlot, input: NewComment, stored: Comment, edited: boolean) {
    const link = this.#link;
    if (this.#outgoingKey) link?.resolveOutgoing(this.#outgoingKey, stored);
    this.#outgoingKey = undefined;
    if (edited) link?.apply({type: 'comment-updated', thread: slot.thread, comment: stored});
    this.#drafts.discard(slot);
    if (input.guest) this.#keepGuestForNextTime(input.guest);
    this.#attempts = 0;
    this._sendingSlot = undefined;
    // The form may have moved to another reply while this one was sent: leave that one be.
    const current = sameSlot(slot, this.#slot);
    if (current) {
      this._failure = undefined;
      this._fieldErrors = {};
      this._text = '';
      this._notify = {comments: false, posts: false};
    }
    announce(
      stored?.status === 'pending'
        ? msg('Your comment is awaiting moderation', {id: 'form.announce.held'})
        : msg('Comment posted', {id: 'form.announce.posted'}),
    );
    this.#emit(new CommentPostedEvent(stored));
    if (!current) return;
    if (link) link.focusComment(stored.id);
    else this.focus();
  }

  /**
   * An earlier version of the comment had been stored and could not be edited: it is in
   * the thread now, and the changed text stays here for the commenter to decide about.
   */
  #earlierPosted(slot: DraftSlot, stored: Comment | null) {
    if (this.#outgoingKey) this.#link?.resolveOutgoing(this.#outgoingKey, stored);
    this.#outgoingKey = undefined;
    this.#attempts = 0;
    this._sendingSlot = undefined;
    this.#drafts.save(slot);
    if (stored) this.#emit(new CommentPostedEvent(stored, true));
    if (sameSlot(slot, this.#slot)) this.#showFailure(new CommentError('duplicate', ''), {action: 'stop'}, 'earlier-posted');
  }

  /**
   * Remembers the details the backend accepted when the box is ticked (as it is now: the
   * commenter may have changed their mind while the comment was sent), forgets them otherwise.
   */
  #keepGuestForNextTime(guest: GuestIdentity) {
    if (this._rememberGuest) rememberedGuest.remember(guest);
    else rememberedGuest.forget();
  }

  /** Takes focus where the first thing to fix is, as the message asks (WCAG 3.3.1). */
  #focusFirstInvalid() {
    this.#preview.write();
    void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus());
  }

  #showFailure(error: CommentError, decision: RetryDecision, note?: Failure['note']) {
    this._sendingSlot = undefined;
    const failure: Failure = {error, decision, ...(note ? {note} : {})};
    if (decision.action === 'wait' && decision.at !== undefined) {
      failure.waitSeconds = Math.ceil((decision.at - Date.now()) / 1000);
      this._waitUntil = decision.at;
      this.#countdown.start(decision.at);
      this.#retries.after(decision.at - Date.now(), () => {
        this.#countdown.stop();
        this._waitUntil = undefined;
      });
    }
    if (error.code === 'invalid') {
      this._fieldErrors = {...error.fieldErrors};
      this.#focusFirstInvalid();
    }
    if (error.code === 'closed') this._closedByBackend = true;
    if (error.code === 'unauthorized' && this.#adapter && this.#signedIn) {
      failure.signedOut = true;
      sessionStoreFor(this.#adapter).set(null);
    }
    this._failure = failure;
  }

  #validate(): Partial<Record<CommentField, string>> {
    const problems: Partial<Record<CommentField, string>> = {};
    const tooLong = this.#tooLongMessage();
    if (!this._text.trim()) problems.text = msg('Please type your comment.', {id: 'form.invalid.text'});
    else if (tooLong) problems.text = tooLong;
    if (!this.#asksGuestIdentity) return problems;
    const {requireName, requireEmail} = this.#policy.guests;
    const {name, email, website = ''} = this._guest;
    if (requireName && !name.trim()) problems.name = msg('Please fill in your name.', {id: 'form.invalid.name'});
    if (requireEmail && !email.trim()) problems.email = msg('Please fill in your email address.', {id: 'form.invalid.email'});
    else if (email.trim() && !looksLikeEmail(email.trim())) {
      problems.email = msg('Please enter a valid email address.', {id: 'form.invalid.email-format'});
    }
    if (website.trim() && !httpUrl(website)) {
      problems.website = msg('Please enter a web address starting with http:// or https://.', {id: 'form.invalid.website'});
    }
    return problems;
  }

  #draftChanged() {
    if (this.#slot) this.#drafts.changed(this.#slot);
  }

  #currentSlot(): DraftSlot {
    const thread = this.#threadId;
    if (this.editing) return {thread, parentId: this.editing.parentId, editing: this.editing.id};
    return {thread, parentId: this.#replyingTo?.id ?? null};
  }

  /**
   * Switches to another draft: the one saved for this thread and parent, if any. Guest
   * details carry over from the draft before; the first draft starts from the remembered ones.
   */
  #enterSlot(slot: DraftSlot) {
    this.#drafts.flush();
    const first = this.#slot === undefined;
    const opened = !first || this.editing !== undefined;
    const restoring = slot.parentId !== null && slot.parentId === this.#restoringReplyTo;
    this.#restoringReplyTo = undefined;
    this.#focusWhenRendered = opened && !restoring && (slot.parentId !== null || slot.editing !== undefined);
    this.#slot = slot;
    const saved = drafts.get(slot);
    const remembered = rememberedGuest.recall();
    this.#posting = this.#postingFor(slot);
    this._failure = undefined;
    this._fieldErrors = {};
    if (first) {
      this._guest = remembered ?? noGuest;
      this._rememberGuest = remembered !== undefined;
    }
    if (saved) {
      this._text = saved.text;
      // A draft leaves out the remembered details (see the snapshot above).
      this._guest = sameGuest(saved.guest, noGuest) ? (remembered ?? noGuest) : saved.guest;
      this._notify = saved.notify;
      this._rememberGuest = saved.rememberGuest ?? this._rememberGuest;
    } else {
      this._text = this.editing?.content.kind === 'text' ? this.editing.content.value : '';
    }
  }

  #resolveNamedAdapter() {
    this._namedAdapter = undefined;
    this.#namedAdapter.resolve(
      this.adapterName,
      (adapter) => (this._namedAdapter = adapter),
      (error) => this.#showFailure(asCommentError(error), {action: 'stop'}),
    );
  }

  protected override updated(): void {
    if (this._textarea) growToFit(this._textarea);
    if (this.#focusWhenRendered) {
      this.#focusWhenRendered = false;
      this._textarea?.focus();
    }
    this.#reopenReplyDraft();
  }

  /**
   * After a reload, a reply the commenter had begun is put back under its comment, once
   * the thread has loaded, unless they had also begun a comment at the end of the thread.
   */
  #reopenReplyDraft() {
    const link = this.#link;
    if (this.#replyDraftsChecked || !link?.info || this.replyTo || this.editing || !drafts.settled) return;
    this.#replyDraftsChecked = true;
    if (link.replyingTo || drafts.get({thread: link.threadId, parentId: null})) return;
    const parentId = drafts.replyDrafts(link.threadId)[0];
    if (parentId === undefined) return;
    this.#restoringReplyTo = parentId;
    link.reply(parentId);
    if (link.replyingTo) return;
    // Not on the loaded pages: the thread looks further, or the page vetoed the reply.
    if (!link.replyWhenFound) {
      this.#restoringReplyTo = undefined;
      return;
    }
    void link.replyWhenFound(parentId).then((opened) => {
      if (!opened && this.#restoringReplyTo === parentId) this.#restoringReplyTo = undefined;
    });
  }
}

function sameSlot(a: DraftSlot | undefined, b: DraftSlot | undefined): boolean {
  return a?.thread === b?.thread && a?.parentId === b?.parentId && a?.editing === b?.editing;
}

function slotKey(slot: DraftSlot): string {
  return JSON.stringify([slot.thread, slot.parentId, slot.editing ?? null]);
}

function sameGuest(a: GuestIdentity, b: GuestIdentity | undefined): boolean {
  return a.name === b?.name && a.email === b.email && (a.website ?? '') === (b.website ?? '');
}

function looksLikeEmail(value: string): boolean {
  return /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(value);
}

const growsByItself = typeof CSS !== 'undefined' && CSS.supports('field-sizing', 'content');

/** Where CSS `field-sizing: content` is missing (Firefox, older Safari), size the field to its text. */
function growToFit(textarea: HTMLTextAreaElement) {
  if (growsByItself) return;
  textarea.style.blockSize = 'auto';
  textarea.style.blockSize = `${textarea.scrollHeight + 2}px`;
}

defineElement('comment-form', CommentFormElement);

/** A field people type text into: the comment box, or a name, email or website input. */
function isTextEntry(target: EventTarget | undefined): boolean {
  if (target instanceof HTMLTextAreaElement) return true;
  return target instanceof HTMLInputElement && ['text', 'email', 'url', 'search', 'tel'].includes(target.type);
}

declare global {
  interface HTMLElementTagNameMap {
    'comment-form': CommentFormElement;
  }
}
