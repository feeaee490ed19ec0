import type {CommentAdapter, EditCommentRequest, NewComment} from '../../core/adapter.js';
import {CommentError, isAbortError} from '../../core/errors.js';
import {withDeadline} from '../../adapters/shared/deadline.js';
import type {Comment} from '../../core/types.js';
import {newIdempotencyKey} from './idempotency-key.js';

/** A new comment as the commenter wrote it, before it is bound to an idempotency key. */
export type PostBody = Omit<NewComment, 'idempotencyKey'>;

/** What became of a post. */
export type PostOutcome =
  /** Stored as written (or it had been stored before with the same text). */
  | {kind: 'posted'; comment: Comment}
  /** An earlier, unconfirmed send of an older text had been stored: it was edited to the new text. */
  | {kind: 'edited'; comment: Comment}
  /**
   * An earlier, unconfirmed send of an older text had been stored and cannot be changed
   * (`comment` is null when the backend only said it has it): the new text stays with the commenter.
   */
  | {kind: 'earlier-posted'; comment: Comment | null};

/**
 * The idempotency keys of one draft's posts: which key a comment is sent with, and what is
 * done about an earlier send whose answer never came (docs/rest-protocol.md, "Changing a
 * comment whose send was not confirmed"). The form's PostingController keeps one per draft.
 *
 * A key belongs to one body. A send whose outcome is unknown (no answer, a 5xx, the
 * deadline) leaves the body and key *unconfirmed*; it is kept in the draft, so it
 * outlives a reload. Sending the same body again replays the same key. Sending a changed
 * body first replays the unconfirmed one, to learn whether it was stored, and then:
 * - not stored (the backend refused it): the new body goes out with a new key;
 * - stored: it is edited to the new text when the backend allows, and otherwise the new
 *   text is handed back to the commenter rather than posted as a second comment.
 * So a key is never reused for other content (which a protocol-following server refuses
 * with 422 forever) and an edit is never silently dropped (which a server replaying by
 * key alone would do).
 */
export class IdempotentPost {
  #unconfirmed: NewComment | undefined;
  /** A stored earlier version whose edit to the new text has not been confirmed yet. */
  #toEdit: Comment | undefined;

  /** @param changed Called whenever `unconfirmed` changes, so the draft holding it is saved. */
  constructor(private readonly changed: () => void) {}

  /** The send whose outcome is unknown, as sent. */
  get unconfirmed(): NewComment | undefined {
    return this.#unconfirmed;
  }

  /** Takes back an unconfirmed send saved in a draft (after a reload), or none. */
  restore(sent: NewComment | undefined): void {
    this.#unconfirmed = sent;
    this.#toEdit = undefined;
  }

  /**
   * The commenter emptied the field: whatever was sent before is let go (it may have
   * been stored; it is never sent again on its own).
   */
  abandon(): void {
    if (!this.#unconfirmed && !this.#toEdit) return;
    this.#unconfirmed = undefined;
    this.#toEdit = undefined;
    this.changed();
  }

  /** The request that will carry `body`: the unconfirmed one when nothing changed, else a new key. */
  prepare(body: PostBody): NewComment {
    const earlier = this.#unconfirmed;
    if (earlier && sameBody(earlier, body)) return earlier;
    return {...body, idempotencyKey: newIdempotencyKey()};
  }

  /**
   * Sends `input` (from `prepare`), settling an earlier unconfirmed send first. Rejects
   * with a CommentError; a transient one leaves the unconfirmed send in place for Retry.
   */
  async post(adapter: CommentAdapter, input: NewComment, timeoutMs: number): Promise<PostOutcome> {
    if (this.#toEdit) return this.#edit(adapter, this.#toEdit, input, timeoutMs);
    const earlier = this.#unconfirmed;
    if (earlier && earlier.idempotencyKey !== input.idempotencyKey) {
      const stored = await this.#settle(adapter, earlier, timeoutMs);
      if (stored === null) return {kind: 'earlier-posted', comment: null};
      if (stored) {
        if (sameText(stored, input.text)) return {kind: 'posted', comment: stored};
        if (!adapter.editComment || !stored.viewerCan.edit || stored.parentId !== input.parentId) {
          return {kind: 'earlier-posted', comment: stored};
        }
        return this.#edit(adapter, stored, input, timeoutMs);
      }
    }
    this.#set(input);
    try {
      const comment = await claimed(input.idempotencyKey, () => withDeadline(timeoutMs, undefined, (signal) => adapter.postComment(input, {signal})));
      // Not saved: the caller now discards the whole draft. Saving it first (the text
      // without its send) would leave a copy that a later post of the text would duplicate,
      // should the discard not reach it (the tab's storage id can change meanwhile); the
      // draft as saved before the send replays its key instead, which stores nothing twice.
      this.#unconfirmed = undefined;
      return {kind: 'posted', comment};
    } catch (error) {
      const failure = asCommentError(error);
      if (provesNotStored(failure)) this.#set(undefined);
      throw failure;
    }
  }

  /**
   * Replays the earlier send: the comment stored (now or before), `null` when the backend
   * has it but did not say which, `undefined` when it refused it (nothing stored).
   */
  async #settle(adapter: CommentAdapter, earlier: NewComment, timeoutMs: number): Promise<Comment | null | undefined> {
    try {
      const stored = await claimed(earlier.idempotencyKey, () => withDeadline(timeoutMs, undefined, (signal) => adapter.postComment(earlier, {signal})));
      this.#set(undefined);
      return stored;
    } catch (error) {
      const failure = asCommentError(error);
      if (failure.code === 'duplicate') {
        this.#set(undefined);
        return null;
      }
      if (!provesNotStored(failure)) throw failure;
      this.#set(undefined);
      return undefined;
    }
  }

  async #edit(adapter: CommentAdapter, stored: Comment, input: NewComment, timeoutMs: number): Promise<PostOutcome> {
    this.#toEdit = stored;
    try {
      const edited = await editWithin(timeoutMs, adapter, {thread: input.thread, commentId: stored.id, text: input.text});
      this.#toEdit = undefined;
      return {kind: 'edited', comment: edited};
    } catch (error) {
      const failure = asCommentError(error);
      // Refused (the edit window closed…): the stored earlier version stays as it is.
      if (provesNotStored(failure) && failure.code !== 'conflict') {
        this.#toEdit = undefined;
        return {kind: 'earlier-posted', comment: stored};
      }
      throw failure;
    }
  }

  #set(unconfirmed: NewComment | undefined) {
    if (this.#unconfirmed === unconfirmed) return;
    this.#unconfirmed = unconfirmed;
    this.changed();
  }
}

/**
 * Edits a comment under the posting deadline: the one way the form sends an edit, whether
 * the commenter edits their comment or a post is corrected after an unconfirmed send.
 */
export function editWithin(timeoutMs: number, adapter: CommentAdapter, request: EditCommentRequest): Promise<Comment> {
  return withDeadline(timeoutMs, undefined, (signal) => adapter.editComment!(request, {signal}));
}

/**
 * Whether an answer proves the request was not stored. A replayed key is answered as the
 * first time, so a refusal of the request itself (invalid, unauthorized, forbidden, closed,
 * not found, duplicate) means the key holds nothing. No answer, a 5xx or the deadline
 * leave it open, and so does 409 `conflict` (the protocol's "the first request with this
 * key is still being processed") and 429: rate limits are often answered by a proxy in
 * front of the server, before any key is looked at.
 */
function provesNotStored(error: CommentError): boolean {
  return !['network', 'server', 'conflict', 'rate-limited'].includes(error.code);
}

/** Same thread, parent, text, guest details and notification choices: the body a key was sent with. */
function sameBody(a: PostBody, b: PostBody): boolean {
  return (
    a.thread === b.thread &&
    a.parentId === b.parentId &&
    a.text === b.text &&
    (a.guest?.name ?? '') === (b.guest?.name ?? '') &&
    (a.guest?.email ?? '') === (b.guest?.email ?? '') &&
    (a.guest?.website ?? '') === (b.guest?.website ?? '') &&
    a.guest === undefined === (b.guest === undefined) &&
    (a.notify?.comments ?? false) === (b.notify?.comments ?? false) &&
    (a.notify?.posts ?? false) === (b.notify?.posts ?? false) &&
    a.notify === undefined === (b.notify === undefined)
  );
}

/** Whether `comment` holds `text`, as the backend trims it. */
export function sameText(comment: Comment, text: string): boolean {
  return comment.content.kind === 'text' && comment.content.value.trim() === text.trim();
}

/**
 * Runs a send of `key` only while no other send of it is on its way, in this tab or
 * another (a duplicated tab copies its drafts): a key is claimed by one send at a time.
 * A send that finds it taken fails like the protocol's 409 "still being processed".
 */
async function claimed<T>(key: string, send: () => Promise<T>): Promise<T> {
  const locks = globalThis.navigator?.locks;
  if (!locks) return send();
  return locks.request(`colloquy-post:${key}`, {ifAvailable: true}, (lock) => {
    if (!lock) throw new CommentError('conflict', '');
    return send();
  });
}

/**
 * Anything that is not a CommentError breaks the contract: an abort is an adapter's own
 * timeout (the connection's fault), anything else counts as a server failure.
 */
export function asCommentError(error: unknown): CommentError {
  if (error instanceof CommentError) return error;
  const message = error instanceof Error ? error.message : String(error);
  return new CommentError(isAbortError(error) ? 'network' : 'server', message, {cause: error});
}
