import type {ReactiveControllerHost} from 'lit';
import type {CommentAdapter} from '../../core/adapter.js';
import {CommentError, type CommentField} from '../../core/errors.js';
import type {Comment, GuestIdentity, PostingPolicy, Viewer} from '../../core/types.js';
import type {DraftSlot} from '../../drafts/draft-store.js';
import {rememberedGuest} from '../../drafts/remembered-guest.js';
import {sessionStoreFor} from '../shared/session-store.js';
import {addressToConfirm, confirmationMessage} from './confirmation-notice.js';
import type {DraftController} from './draft-controller.js';
import {PostingController, type PostingOptions} from './posting-controller.js';
import {validateComment} from './validation.js';

/** What the form knows when Post is pressed: who comments, under which rules. */
export interface SubmissionContext {
  adapter: CommentAdapter | undefined;
  /** Nothing is on its way, no wait runs, the thread is open and the session known. */
  canSubmit: boolean;
  editing: Comment | undefined;
  policy: PostingPolicy;
  /** Guests fill in Name and Email; signed-in commenters and edits do not. */
  asksGuestIdentity: boolean;
  needsSignIn: boolean;
  signedIn: boolean;
  /** The signed-in commenter, shown as the author of the comment on its way. */
  viewer: Viewer | undefined;
  /** Why the text is too long, if it is. */
  tooLong: string | undefined;
}

/** What the submission controller asks of the form it submits for. */
export interface SubmissionOptions extends Pick<PostingOptions, 'link' | 'retryOptions' | 'timeoutMs' | 'savedSend'> {
  drafts: DraftController;
  context(): SubmissionContext;
  /** Fields were marked invalid: focus goes to the first one, as the message asks. */
  showInvalid(): void;
}

/**
 * `<comment-form>`'s side of posting: checks what was typed, hands it to the
 * PostingController (which sends it once, however often Post is pressed, and retries it),
 * and keeps what the outcome leaves on the form: the fields marked invalid, a thread the
 * backend said is closed, the address a guest must confirm, the draft emptied once stored.
 * It has no lifecycle of its own (its PostingController has), so it is not added to the host.
 */
export class SubmissionController {
  readonly posting: PostingController;
  #fieldErrors: Partial<Record<CommentField, string>> = {};
  #closedByBackend = false;
  #addressToConfirm: string | undefined;

  constructor(
    private readonly host: ReactiveControllerHost & HTMLElement,
    private readonly options: SubmissionOptions,
  ) {
    const {drafts} = options;
    this.posting = new PostingController(host, {
      onScreen: () => drafts.slot,
      link: options.link,
      retryOptions: options.retryOptions,
      timeoutMs: options.timeoutMs,
      drafts,
      savedSend: options.savedSend,
      resubmit: () => this.submit({automatic: true}),
      stored: (_slot, input, onScreen) => {
        this.#stored(input.guest, onScreen);
        const adapter = options.context().adapter;
        this.#setAddressToConfirm(adapter && addressToConfirm(input, adapter.capabilities));
        return this.#addressToConfirm && confirmationMessage(this.#addressToConfirm);
      },
      failing: (error) => this.#failing(error),
    });
  }

  /** Messages under the fields the backend or the form rejected. */
  get fieldErrors(): Readonly<Partial<Record<CommentField, string>>> {
    return this.#fieldErrors;
  }

  /** The backend refused a comment because the thread is closed. */
  get closedByBackend(): boolean {
    return this.#closedByBackend;
  }

  /** The address a guest was just told to confirm, until they dismiss the notice. */
  get addressToConfirm(): string | undefined {
    return this.#addressToConfirm;
  }

  dismissNotice(): void {
    this.#setAddressToConfirm(undefined);
  }

  /** The commenter changed `field`: its message goes. */
  clearFieldError(field: CommentField): void {
    if (this.#fieldErrors[field]) this.#setFieldErrors({...this.#fieldErrors, [field]: undefined});
  }

  /** The form shows `slot`'s draft now: marks and failures of the draft before go. */
  enter(slot: DraftSlot): void {
    this.posting.enter(slot);
    this.#setFieldErrors({});
  }

  /**
   * Checks what was typed and hands it to the posting controller, which sends one request
   * however often Post is pressed. `automatic` is a retry nobody pressed a button for.
   */
  submit({automatic = false} = {}): void {
    const context = this.options.context();
    const {adapter, editing, policy} = context;
    const slot = this.options.drafts.slot;
    if (!context.canSubmit || !adapter || !slot) return;
    const content = this.options.drafts.content;
    const guest = context.asksGuestIdentity ? {identity: content.guest, rules: policy.guests} : undefined;
    const problems = validateComment(content.text, context.tooLong, guest);
    if (Object.keys(problems).length > 0) {
      this.posting.fail(new CommentError('invalid', '', {fieldErrors: problems}));
      return;
    }
    if (!editing && context.needsSignIn) {
      this.posting.fail(new CommentError('unauthorized', ''));
      return;
    }
    const text = content.text.trim();
    const sent = editing
      ? this.posting.edit(adapter, slot, editing, text, {automatic})
      : this.posting.post(
          adapter,
          slot,
          {
            thread: slot.thread,
            text,
            parentId: slot.parentId,
            ...(guest
              ? {guest: {name: content.guest.name.trim(), email: content.guest.email.trim(), website: content.guest.website?.trim() ?? ''}}
              : {}),
            ...(policy.notifications.comments || policy.notifications.posts ? {notify: {...content.notify}} : {}),
          },
          {viewer: context.viewer, automatic},
        );
    if (sent) this.#setFieldErrors({});
  }

  /**
   * The post of a draft was stored: a guest's details are remembered when the box is ticked
   * (as it is now: they may have changed their mind meanwhile) and forgotten otherwise; the
   * form empties if it still shows that draft.
   */
  #stored(guest: GuestIdentity | undefined, onScreen: boolean) {
    const {drafts} = this.options;
    if (guest && drafts.content.rememberGuest) rememberedGuest.remember(guest);
    else if (guest) rememberedGuest.forget();
    if (!onScreen) return;
    this.#setFieldErrors({});
    // Not saved: the draft was let go with the post.
    drafts.update({text: '', notify: {comments: false, posts: false}}, {save: false});
  }

  /** What the form shows of a failure beyond its message: marked fields, a closed thread, an ended session. */
  #failing(error: CommentError): {signedOut?: boolean} {
    if (error.code === 'invalid') {
      this.#setFieldErrors({...error.fieldErrors});
      this.options.showInvalid();
    }
    if (error.code === 'closed' && !this.#closedByBackend) {
      this.#closedByBackend = true;
      this.host.requestUpdate();
    }
    const {adapter, signedIn} = this.options.context();
    if (error.code === 'unauthorized' && adapter && signedIn) {
      sessionStoreFor(adapter).set(null);
      return {signedOut: true};
    }
    return {};
  }

  #setFieldErrors(errors: Partial<Record<CommentField, string>>) {
    this.#fieldErrors = errors;
    this.host.requestUpdate();
  }

  #setAddressToConfirm(address: string | undefined) {
    if (address === this.#addressToConfirm) return;
    this.#addressToConfirm = address;
    this.host.requestUpdate();
  }
}
