import {consume} from '@lit/context';
import {localized, msg, str} from '@lit/localize';
import {html, nothing, type PropertyValues, type TemplateResult} from 'lit';
import {property, query, state} from 'lit/decorators.js';
import type {CommentAdapter} from '../../core/adapter.js';
import type {CommentField} from '../../core/errors.js';
import {loadOnce} from '../../core/load-once.js';
import {editableText, type Comment, type NotificationChoices, type PostingPolicy} from '../../core/types.js';
import {drafts, sameSlot, type DraftSlot} from '../../drafts/draft-store.js';
import {rememberedGuest} from '../../drafts/remembered-guest.js';
import {CommentCancelEvent} from '../../events/comment-cancel.js';
import {CommentSignInRequestEvent} from '../../events/comment-sign-in-request.js';
import {isolate} from '../../i18n/isolate.js';
import {localeOf} from '../../i18n/locale.js';
import {AdapterElement} from '../shared/adapter-element.js';
import {adapterContext, threadContext, type ThreadLink} from '../shared/context.js';
import {contentStyles} from '../shared/content.styles.js';
import {defineElement} from '../shared/define.js';
import {fieldStyles} from '../shared/field.styles.js';
import {SessionController} from '../shared/session-controller.js';
import {themeStyles} from '../shared/theme.styles.js';
import {commentFormStyles} from './comment-form.styles.js';
import {commentField, growToFit, isTextEntry, tooLongMessage} from './comment-field.js';
import {DraftController} from './draft-controller.js';
import {confirmationNotice} from './confirmation-notice.js';
import {failureMessage} from './failure-message.js';
import {guestFields, notificationChoices, type GuestField} from './guest-fields.js';
import {identitySection} from './identity-section.js';
import {asCommentError} from './idempotent-post.js';
import {MarkdownPreview, markdownPreviewStyles} from './markdown-preview.js';
import {defaultPostTimeoutMs} from './posting-controller.js';
import {defaultRetryOptions, type RetryOptions} from './retry-policy.js';
import {ReplyDraftReopener} from './reply-draft-reopener.js';
import {SubmissionController} from './submission-controller.js';
import {ThreadRules} from './thread-rules.js';

/**
 * `<login-choice>` and the sign-in flow matter only with a backend that can sign in, so
 * they load then, and on other pages never. The panel is rendered at once: until it is
 * defined, the guest fields inside it show as they are; it upgrades before any provider
 * button exists, so a click still opens the popup synchronously.
 */
const loadLoginChoice = loadOnce(() =>
  import('../login-choice/login-choice.js').catch((error: unknown) => {
    console.error(error);
    throw error;
  }),
);

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
 * @csspart notify-notice - After a guest asked for email notifications: look for the confirmation link.
 * @csspart notify-notice-dismiss - Hides that notice.
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
  static override styles = [themeStyles, fieldStyles, commentFormStyles, contentStyles, markdownPreviewStyles];
  protected static override ownAttributes = ['adapter', 'heading-level', 'post-timeout'];

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

  /** Storage refused a draft: the commenter is told once that it will not outlive the page. */
  @state() private _draftUnsaved = false;

  @query('textarea') private _textarea!: HTMLTextAreaElement | null;
  @query('form') private _form!: HTMLFormElement | null;

  readonly #session = new SessionController(this);
  readonly #drafts: DraftController = new DraftController(
    this,
    drafts,
    (slot) => this.#posting.unconfirmedSend(slot),
    () => (this._draftUnsaved = true),
  );
  readonly #submission: SubmissionController = new SubmissionController(this, {
    link: () => this.#link,
    retryOptions: () => this.retryOptions,
    timeoutMs: () => (Number.isFinite(this.postTimeout) && this.postTimeout > 0 ? this.postTimeout : defaultPostTimeoutMs),
    drafts: this.#drafts,
    savedSend: (slot) => drafts.get(slot)?.sent,
    context: () => ({
      adapter: this.#adapter,
      canSubmit: this.#canSubmit,
      editing: this.editing,
      policy: this.#policy,
      asksGuestIdentity: this.#asksGuestIdentity,
      needsSignIn: this.#needsSignIn,
      signedIn: this.#signedIn,
      viewer: this.#session.session?.viewer,
      tooLong: this.#tooLong,
    }),
    showInvalid: () => this.#focusFirstInvalid(),
  });
  readonly #posting = this.#submission.posting;
  /** Set when a reply or an edit was opened: focus goes into the comment field. */
  #focusWhenRendered = false;
  readonly #replyDrafts = new ReplyDraftReopener(this, drafts, () => ({
    link: this.#link,
    busy: Boolean(this.replyTo || this.editing),
  }));

  readonly #rules = new ThreadRules(this, () => ({adapter: this.#adapter, thread: this.#threadId, link: this.#link}));

  readonly #preview = new MarkdownPreview(this, {
    enabled: () => Boolean(this.#adapter?.capabilities.markdown),
    text: () => this.#drafts.content.text,
  });

  get #adapter(): CommentAdapter | undefined {
    return this.adapterInUse(this._contextAdapter);
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

  get #policy(): PostingPolicy {
    return this.#rules.policy;
  }

  get #closed(): boolean {
    return this.#submission.closedByBackend || !this.#policy.open;
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

  get #canSubmit(): boolean {
    return this.#posting.canSend && !this.#closed && this.#session.known;
  }

  /** Whether what is on screen is being sent (the form may have moved to another reply since). */
  get #sendingHere(): boolean {
    return this.#posting.sending !== undefined && sameSlot(this.#posting.sending, this.#drafts.slot);
  }

  get #tooLong(): string | undefined {
    return tooLongMessage(this.#drafts.content.text, this.#policy.maxLength, localeOf(this));
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
    const slot = this.#drafts.slot;
    if (slot && !this.#drafts.content.text.trim() && !this.#posting.sending && drafts.get(slot)) {
      this.#posting.forget(slot);
      this.#enterSlot(slot);
    }
    this.requestUpdate();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (this.adapterSettingsChanged(changed)) this.loadAdapter((error) => this.#posting.fail(asCommentError(error)));
    this.#session.use(this.#adapter);
    // A failed load leaves the guest fields working; the next render with a sign-in backend tries again.
    if (this.#adapter?.capabilities.signIn && !customElements.get('login-choice')) loadLoginChoice().catch(() => {});
    const slot = this.#currentSlot();
    if (!sameSlot(slot, this.#drafts.slot)) this.#enterSlot(slot);
  }

  protected override render(): TemplateResult {
    const closed = this.#closed;
    return html`
      ${this.#renderHeading()}
      ${closed && !this.#drafts.content.text ? this.#renderClosedNotice() : this.#renderForm(closed)}
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
        ${this.#submission.addressToConfirm
          ? confirmationNotice(this.#submission.addressToConfirm, () => this.#dismissNotice())
          : nothing}
        <p part="draft-warning" class="hint" role="status">
          ${this._draftUnsaved
            ? msg('This browser cannot keep your draft (its storage is full or blocked): it will be lost if you leave or reload this page.', {id: 'form.draft-unsaved'})
            : nothing}
        </p>
        ${closed ? (this.#submission.closedByBackend ? nothing : this.#renderClosedNotice()) : this.#renderActions()}
      </form>
    `;
  }

  #renderActions(): TemplateResult {
    return html`
      <div class="actions">
        <button part="submit-button" class="button primary" type="submit" aria-disabled=${this.#canSubmit ? 'false' : 'true'}>
          ${this.#sendingHere
            ? msg('Sending…', {id: 'form.submit.sending'})
            : this.editing
              ? msg('Save', {id: 'form.submit.edit'})
              : msg('Post Comment', {id: 'form.submit'})}
        </button>
        ${this.#inline
          ? html`<button part="cancel-button" class="button" type="button" @click=${this.#cancel}>
              ${this.editing ? msg('Cancel', {id: 'form.cancel.edit'}) : msg('Cancel reply', {id: 'form.cancel.reply'})}
            </button>`
          : nothing}
      </div>
    `;
  }

  #renderTextField(closed: boolean): TemplateResult {
    return commentField({
      text: this.#drafts.content.text,
      maxLength: this.#policy.maxLength,
      error: this.#submission.fieldErrors.text ?? this.#tooLong,
      closed,
      readonly: closed || this.#sendingHere,
      locale: localeOf(this),
      input: (event) => this.#onTextInput(event),
    });
  }

  #renderIdentity(): TemplateResult | typeof nothing {
    if (this.editing) return nothing;
    return identitySection({
      adapter: this.#adapter,
      guestRules: this.#policy.guests,
      viewer: this.#session.session?.viewer,
      needsSignIn: this.#needsSignIn,
      asksGuestIdentity: this.#asksGuestIdentity,
      guestFields: (slot) => this.#renderGuestFields(slot),
      signInButton: this.#renderSignInButton(),
      leaving: () => this.#drafts.flush(),
      signedIn: () => this._textarea?.focus(),
    });
  }

  #renderSignInButton(): TemplateResult {
    return html`<button part="sign-in-button" class="button" type="button" @click=${this.#requestSignIn}>
      ${msg('Sign in', {id: 'form.sign-in'})}
    </button>`;
  }

  #renderGuestFields(slot?: string): TemplateResult {
    return guestFields({
      guest: this.#drafts.content.guest,
      rules: this.#policy.guests,
      errors: this.#submission.fieldErrors,
      readonly: this.#sendingHere,
      rememberGuest: this.#drafts.content.rememberGuest,
      ...(slot ? {slot} : {}),
      input: (field, value) => this.#onGuestInput(field, value),
      rememberChanged: (checked) => this.#onRememberGuestChange(checked),
    });
  }

  #renderNotifications(): TemplateResult | typeof nothing {
    if (this.editing) return nothing;
    return notificationChoices(this.#policy.notifications, this.#drafts.content.notify, (key, checked) => this.#onNotifyChange(key, checked));
  }

  /** The region exists from the start: an alert added together with its text is not always read. */
  #renderAlert(): TemplateResult {
    const failure = this.#posting.failure;
    return html`<div part="alert" class="alert ${failure ? 'shown' : ''}" role="alert">
      ${failure
        ? failureMessage(failure, {
            editing: this.editing !== undefined,
            locale: localeOf(this),
            waiting: this.#posting.waiting,
            secondsLeft: this.#posting.secondsLeft,
            unplacedFieldErrors: this.#unplacedFieldErrors(),
            retryButton: html`<button part="retry-button" class="button" type="button" @click=${this.#retry}>
              ${msg('Retry', {id: 'form.retry'})}
            </button>`,
            signInButton: this.#renderSignInButton(),
          })
        : nothing}
    </div>`;
  }

  /** Field messages the form has no field on screen for (the parent, guest fields of a signed-in commenter…). */
  #unplacedFieldErrors(): string[] {
    const shown = new Set<CommentField>(['text', ...(this.#asksGuestIdentity ? (['name', 'email', 'website'] as const) : [])]);
    return Object.entries(this.#submission.fieldErrors)
      .filter(([field, message]) => message && !shown.has(field as CommentField))
      .map(([, message]) => message!);
  }

  #onTextInput(event: InputEvent) {
    const textarea = event.target as HTMLTextAreaElement;
    this.#drafts.update({text: textarea.value});
    const slot = this.#drafts.slot;
    // An emptied field lets go of an unconfirmed earlier send: it is never sent again on its own.
    if (!textarea.value.trim() && slot) this.#posting.abandon(slot);
    this.#submission.clearFieldError('text');
    growToFit(textarea);
  }

  #onGuestInput(field: GuestField, value: string) {
    this.#submission.clearFieldError(field);
    this.#drafts.update({guest: {...this.#drafts.content.guest, [field]: value}});
  }

  /** Unticking is taken at its word at once: the details are not kept a moment longer. */
  #onRememberGuestChange(checked: boolean) {
    if (!checked) rememberedGuest.forget();
    this.#drafts.update({rememberGuest: checked});
  }

  #onNotifyChange(key: keyof NotificationChoices, checked: boolean) {
    this.#drafts.update({notify: {...this.#drafts.content.notify, [key]: checked}});
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
    this.#submission.submit();
  }

  #retry() {
    this.#submission.submit();
  }

  /**
   * Every event goes out here: the manifest analyzer would read each `dispatchEvent(new
   * X(arg))` as an event named after `arg`; the class JSDoc's `@fires` lists them instead.
   */
  #emit(event: Event): boolean {
    return this.dispatchEvent(event);
  }

  /** The button goes away with the notice: focus goes on to the comment field, not to the page. */
  #dismissNotice() {
    this.#submission.dismissNotice();
    this._textarea?.focus();
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

  /** Takes focus where the first thing to fix is, as the message asks (WCAG 3.3.1). */
  #focusFirstInvalid() {
    this.#preview.write();
    void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus());
  }

  #currentSlot(): DraftSlot {
    const thread = this.#threadId;
    if (this.editing) return {thread, parentId: this.editing.parentId, editing: this.editing.id};
    return {thread, parentId: this.#replyingTo?.id ?? null};
  }

  /** Switches to another draft (another reply, an edit), taking focus when one was opened by the commenter. */
  #enterSlot(slot: DraftSlot) {
    const opened = this.#drafts.slot !== undefined || this.editing !== undefined;
    const restoring = this.#replyDrafts.isReopening(slot.parentId);
    this.#focusWhenRendered = opened && !restoring && (slot.parentId !== null || slot.editing !== undefined);
    this.#drafts.open(slot, (this.editing && editableText(this.editing.content)) ?? '');
    this.#submission.enter(slot);
  }

  protected override updated(): void {
    if (this._textarea) growToFit(this._textarea);
    if (this.#focusWhenRendered) {
      this.#focusWhenRendered = false;
      this._textarea?.focus();
    }
  }
}

defineElement('comment-form', CommentFormElement);

declare global {
  interface HTMLElementTagNameMap {
    'comment-form': CommentFormElement;
  }
}
