import {msg} from '@lit/localize';
import type {ReactiveController, ReactiveControllerHost} from 'lit';
import type {CommentAdapter, NewComment} from '../../core/adapter.js';
import {CommentError} from '../../core/errors.js';
import type {Comment, Viewer} from '../../core/types.js';
import {isDeadlineError} from '../../adapters/shared/deadline.js';
import {sameSlot, type DraftSlot} from '../../drafts/draft-store.js';
import {CommentEditedEvent} from '../../events/comment-edited.js';
import {CommentErrorEvent} from '../../events/comment-error.js';
import {CommentPostedEvent} from '../../events/comment-posted.js';
import {CommentSubmitEvent} from '../../events/comment-submit.js';
import {announce} from '../shared/announcer.js';
import type {ThreadLink} from '../shared/context.js';
import {CountdownController} from './countdown-controller.js';
import type {DraftController} from './draft-controller.js';
import {asCommentError, editWithin, IdempotentPost, sameText, type PostBody} from './idempotent-post.js';
import {RetryScheduler} from './retry-scheduler.js';
import {decideRetry, type RetryDecision, type RetryOptions} from './retry-policy.js';

/** The posting deadline when the page sets none (`post-timeout`). */
export const defaultPostTimeoutMs = 20_000;

/** Why the comment on screen was not sent, as the form shows it. */
export interface Failure {
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

/** What the posting controller asks of the form it sends for. */
export interface PostingOptions {
  /** The draft on screen: what becomes of another draft's send is not shown over it. */
  onScreen(): DraftSlot | undefined;
  /** The enclosing thread, when it shows the thread posted to. */
  link(): ThreadLink | undefined;
  retryOptions(): RetryOptions;
  /** How long one try may go unanswered. */
  timeoutMs(): number;
  drafts: Pick<DraftController, 'save' | 'discard'>;
  /** The unconfirmed send a saved draft holds (it outlives a reload). */
  savedSend(slot: DraftSlot): NewComment | undefined;
  /** Sends the draft on screen again without the commenter (back online), as Post does. */
  resubmit(): void;
  /**
   * The backend stored `input`, the post of `slot`'s draft, shown or not. What it returns
   * is announced after "Comment posted".
   */
  stored(slot: DraftSlot, input: NewComment, onScreen: boolean): string | undefined;
  /** Marks what a failure is about (fields, a closed thread, an ended session); says whether it signed the person out. */
  failing(error: CommentError): Pick<Failure, 'signedOut'>;
}

/** One post or edit, carried through its retries. */
interface Send {
  slot: DraftSlot;
  operation: 'post' | 'edit';
  /** One try; resolves once the backend has it. */
  attempt(): Promise<void>;
  /** What follows a failed try: this send's own retry rules. */
  decide(error: CommentError): RetryDecision;
  /** What the failure shown says beyond its code (a duplicate that is the commenter's own held comment). */
  note?(error: CommentError): Failure['note'];
}

/**
 * Sends what `<comment-form>` holds and never loses or duplicates it: one send at a time,
 * retries of server errors with backoff and of a dropped connection when the browser is
 * back online, a rate limit's wait counted down, the failure to show, and the comment
 * shown in the thread while it is on its way. The idempotency keys of each draft's posts
 * are its IdempotentPost's, kept for as long as the form lives.
 */
export class PostingController implements ReactiveController {
  readonly #retries: RetryScheduler;
  readonly #countdown: CountdownController;
  readonly #posts = new Map<string, IdempotentPost>();
  #sending: DraftSlot | undefined;
  #failure: Failure | undefined;
  /** Tries of the current comment since the commenter last pressed a button (Post or Retry). */
  #attempts = 0;
  /** The key of the comment shown as sending in the thread, while it is. */
  #outgoingKey: string | undefined;

  constructor(
    private readonly host: ReactiveControllerHost & HTMLElement,
    private readonly options: PostingOptions,
  ) {
    host.addController(this);
    this.#retries = new RetryScheduler(host);
    this.#countdown = new CountdownController(host);
  }

  /** The draft whose post or edit is on its way, or waits for its automatic retry. */
  get sending(): DraftSlot | undefined {
    return this.#sending;
  }

  get failure(): Failure | undefined {
    return this.#failure;
  }

  /** Whether a new send may start: none is under way and no rate limit's wait runs. */
  get canSend(): boolean {
    return !this.#sending && !this.#countdown.running;
  }

  /** Whether a rate limit's wait is running. */
  get waiting(): boolean {
    return this.#countdown.running;
  }

  /** Whole seconds left of a rate limit's wait, while it is counted down. */
  get secondsLeft(): number | undefined {
    return this.#countdown.secondsLeft;
  }

  /** The form shows `slot`'s draft now: its failure, if any, belonged to the draft before. */
  enter(slot: DraftSlot): void {
    this.#postOf(slot);
    this.clearFailure();
  }

  /** The send of `slot`'s draft whose outcome is unknown, as the draft must keep it. */
  unconfirmedSend(slot: DraftSlot): NewComment | undefined {
    return this.#posts.get(slotKey(slot))?.unconfirmed;
  }

  /** The commenter emptied the field: an unconfirmed earlier send is never sent again on its own. */
  abandon(slot: DraftSlot): void {
    this.#posts.get(slotKey(slot))?.abandon();
  }

  /** Reads `slot`'s unconfirmed send from its saved draft again (another tab's draft was adopted). */
  forget(slot: DraftSlot): void {
    this.#posts.delete(slotKey(slot));
  }

  clearFailure(): void {
    this.#setFailure(undefined);
  }

  /**
   * Posts `body` as `slot`'s draft. `automatic` is a retry nobody pressed a button for, so
   * the page is not asked again through `comment-submit`. False when the page vetoed it.
   */
  post(adapter: CommentAdapter, slot: DraftSlot, body: PostBody, {viewer, automatic = false}: {viewer?: Viewer; automatic?: boolean} = {}): boolean {
    if (!automatic) this.#attempts = 0;
    const post = this.#postOf(slot);
    const input = post.prepare(body);
    if (!automatic && !this.#emit(new CommentSubmitEvent(input))) return false;
    // Saved before anything is sent (the IdempotentPost saves it again with the send it is
    // about to make): after a reload the text is back and the send is replayed.
    this.options.drafts.save(slot);
    this.clearFailure();
    this.#showOutgoing(input, viewer);
    void this.#run({
      slot,
      operation: 'post',
      attempt: async () => {
        const outcome = await post.post(adapter, input, this.options.timeoutMs());
        if (outcome.kind === 'earlier-posted') this.#earlierPosted(slot, outcome.comment);
        else this.#posted(slot, input, outcome.comment, outcome.kind === 'edited');
      },
      // A post that outlived its deadline waits for the commenter's Retry, and the
      // protocol's 409 on a post ("the first request with this key is still being
      // processed") is retried like a server error.
      decide: (error) =>
        isDeadlineError(error)
          ? {action: 'stop'}
          : decideRetry(error, this.#attempts, this.options.retryOptions(), undefined, undefined, {conflictIsTransient: true}),
      note: (error) => (error.code === 'duplicate' && this.#ownHeld(input) ? 'held' : undefined),
    });
    return true;
  }

  /** Saves `text` as the new text of `comment`, the draft in `slot`. False when the backend cannot edit. */
  edit(adapter: CommentAdapter, slot: DraftSlot, comment: Comment, text: string, {automatic = false} = {}): boolean {
    if (!adapter.editComment) return false;
    if (!automatic) this.#attempts = 0;
    this.clearFailure();
    void this.#run({
      slot,
      operation: 'edit',
      attempt: async () => {
        const stored = await editWithin(this.options.timeoutMs(), adapter, {thread: slot.thread, commentId: comment.id, text});
        this.#edited(slot, stored);
      },
      decide: (error) => decideRetry(error, this.#attempts, this.options.retryOptions()),
    });
    return true;
  }

  /** Shows why the comment on screen was not (or cannot be) sent, and what may follow. */
  fail(error: CommentError, decision: RetryDecision = {action: 'stop'}, note?: Failure['note']): void {
    this.#setSending(undefined);
    const failure: Failure = {error, decision, ...(note ? {note} : {})};
    if (decision.action === 'wait' && decision.at !== undefined) {
      failure.waitSeconds = Math.ceil((decision.at - Date.now()) / 1000);
      this.#countdown.start(decision.at);
    }
    this.#setFailure({...failure, ...this.options.failing(error)});
  }

  hostDisconnected(): void {
    // A move in the DOM reconnects within the same task; only a real removal gets here
    // still disconnected, and then no planned retry will ever run.
    queueMicrotask(() => {
      if (this.host.isConnected || !this.#retries.planned) return;
      this.#retries.cancel();
      this.#dropOutgoing();
      this.#setSending(undefined);
    });
  }

  async #run(send: Send): Promise<void> {
    this.#setSending(send.slot);
    this.#attempts++;
    try {
      await send.attempt();
    } catch (error) {
      const failure = asCommentError(error);
      const decision = send.decide(failure);
      const willRetry = decision.action === 'retry' || decision.action === 'retry-when-online';
      this.#emit(new CommentErrorEvent(failure, send.operation, willRetry));
      if (decision.action === 'retry') {
        this.#retries.after(decision.delayMs, () => void this.#run(send));
        return;
      }
      this.#dropOutgoing();
      // Moved on to another draft meanwhile: this one is kept for when they come back to
      // it; its failure is not shown over a different one.
      if (!sameSlot(send.slot, this.options.onScreen())) {
        this.#setSending(undefined);
        return;
      }
      this.fail(failure, decision, send.note?.(failure));
      if (decision.action === 'retry-when-online') this.#retryWhenOnline(send.slot);
    }
  }

  #retryWhenOnline(slot: DraftSlot) {
    this.#retries.whenOnline(() => {
      if (sameSlot(slot, this.options.onScreen())) this.options.resubmit();
    });
  }

  /**
   * The backend has the comment: only now is the draft let go. `edited`: an earlier
   * version had been stored and was edited to this text, so the thread may show it already.
   */
  #posted(slot: DraftSlot, input: NewComment, stored: Comment, edited: boolean) {
    const link = this.options.link();
    this.#resolveOutgoing(stored);
    if (edited) link?.apply({type: 'comment-updated', thread: slot.thread, comment: stored});
    this.options.drafts.discard(slot);
    this.#attempts = 0;
    this.#setSending(undefined);
    // The form may have moved to another reply while this one was sent: leave that one be.
    const onScreen = sameSlot(slot, this.options.onScreen());
    if (onScreen) this.clearFailure();
    const more = this.options.stored(slot, input, onScreen);
    const posted =
      stored?.status === 'pending'
        ? msg('Your comment is awaiting moderation', {id: 'form.announce.held'})
        : msg('Comment posted', {id: 'form.announce.posted'});
    // A line break, not punctuation of one language, between the two sentences.
    announce(more ? `${posted}\n${more}` : posted);
    this.#emit(new CommentPostedEvent(stored));
    if (!onScreen) return;
    if (link) link.focusComment(stored.id);
    else this.host.focus();
  }

  /**
   * An earlier version of the comment had been stored and could not be edited: it is in
   * the thread now, and the changed text stays here for the commenter to decide about.
   */
  #earlierPosted(slot: DraftSlot, stored: Comment | null) {
    this.#resolveOutgoing(stored);
    this.#attempts = 0;
    this.#setSending(undefined);
    this.options.drafts.save(slot);
    if (stored) this.#emit(new CommentPostedEvent(stored, true));
    if (sameSlot(slot, this.options.onScreen())) this.fail(new CommentError('duplicate', ''), {action: 'stop'}, 'earlier-posted');
  }

  #edited(slot: DraftSlot, stored: Comment) {
    const link = this.options.link();
    this.#setSending(undefined);
    this.#attempts = 0;
    this.options.drafts.discard(slot);
    link?.apply({type: 'comment-updated', thread: slot.thread, comment: stored});
    announce(msg('Comment updated', {id: 'form.announce.edited'}));
    this.#emit(new CommentEditedEvent(stored));
    link?.focusComment(stored.id);
  }

  /** The backend's duplicate is the commenter's own comment waiting for moderation, as the thread shows it. */
  #ownHeld(input: NewComment): boolean {
    return (this.options.link()?.shown ?? []).some(
      (comment) =>
        comment.author.isViewer === true &&
        comment.status === 'pending' &&
        comment.parentId === input.parentId &&
        sameText(comment, input.text),
    );
  }

  /** The idempotent post of `slot`'s draft, taken from the saved draft the first time. */
  #postOf(slot: DraftSlot): IdempotentPost {
    const key = slotKey(slot);
    let post = this.#posts.get(key);
    if (!post) {
      post = new IdempotentPost(() => {
        if (sameSlot(slot, this.options.onScreen())) this.options.drafts.save(slot);
      });
      post.restore(this.options.savedSend(slot));
      this.#posts.set(key, post);
    }
    return post;
  }

  #showOutgoing(input: NewComment, viewer: Viewer | undefined) {
    const link = this.options.link();
    if (!link) return;
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

  #resolveOutgoing(stored: Comment | null) {
    if (this.#outgoingKey) this.options.link()?.resolveOutgoing(this.#outgoingKey, stored);
    this.#outgoingKey = undefined;
  }

  #dropOutgoing() {
    this.#resolveOutgoing(null);
  }

  #setSending(slot: DraftSlot | undefined) {
    if (slot === this.#sending) return;
    this.#sending = slot;
    this.host.requestUpdate();
  }

  #setFailure(failure: Failure | undefined) {
    if (failure === this.#failure) return;
    this.#failure = failure;
    this.host.requestUpdate();
  }

  /**
   * Every event goes out here: the manifest analyzer would read each `dispatchEvent(new
   * X(arg))` as an event named after `arg`; the form's JSDoc `@fires` lists them instead.
   */
  #emit(event: Event): boolean {
    return this.host.dispatchEvent(event);
  }
}

function slotKey(slot: DraftSlot): string {
  return JSON.stringify([slot.thread, slot.parentId, slot.editing ?? null]);
}
