import {msg} from '@lit/localize';
import {html, nothing, type ReactiveController, type ReactiveElement, type TemplateResult} from 'lit';
import {withActionDeadline} from '../../adapters/shared/deadline.js';
import type {CommentAdapter} from '../../core/adapter.js';
import {isAbortError, isCommentError} from '../../core/errors.js';
import type {Comment, Reaction} from '../../core/types.js';
import {CommentSignInRequestEvent} from '../../events/comment-sign-in-request.js';
import {sessionStoreFor} from '../shared/session-store.js';
import {renderReactionButtons, renderReactionFailure, storedReaction} from './reaction-buttons.js';

export interface ReactionsOptions {
  adapter(): CommentAdapter | undefined;
  threadId(): string;
  /** Shows the backend's copy of a comment after a reaction was stored. */
  stored(comment: Comment): void;
}

/** What the viewer asked for on one comment's reaction, not yet confirmed by the backend. */
interface Wanted {
  active: boolean;
  /** The request on its way; a newer wish waits for it, then is sent if still different. */
  request: AbortController | undefined;
}

/**
 * What like buttons do (reaction-buttons.ts renders them): a press shows
 * at once and is sent in the background; when the backend refuses, the button goes back
 * and a message says why. Someone not signed in is asked to sign in first, unless the
 * backend counts guests' reactions by browser (`capabilities.guestReactions`).
 */
export class ReactionController implements ReactiveController {
  readonly #wanted = new Map<string, Wanted>();
  readonly #failed = new Map<string, string>();
  /** The comment under which "Sign in to like comments" is shown. */
  #askedToSignIn: string | undefined;

  constructor(
    private readonly host: ReactiveElement,
    private readonly options: ReactionsOptions,
  ) {
    host.addController(this);
  }

  hostConnected(): void {}

  hostDisconnected(): void {
    for (const wanted of this.#wanted.values()) wanted.request?.abort();
    this.#wanted.clear();
  }

  /** The reaction buttons of `comment`, a press not yet confirmed shown, or nothing when the backend has no reactions. */
  renderButtons(comment: Comment, locale: string): TemplateResult | typeof nothing {
    const keys = this.options.adapter()?.capabilities.reactions ?? [];
    return renderReactionButtons(comment, keys, (key) => this.#shown(comment, key), (reaction) => void this.toggle(comment, reaction), locale);
  }

  /** A failure or the sign-in request under `comment`'s actions, or nothing. */
  renderMessage(comment: Comment): TemplateResult | typeof nothing {
    const failure = this.#failed.get(comment.id);
    if (failure !== undefined) return renderReactionFailure(failure);
    if (this.#askedToSignIn !== comment.id) return nothing;
    return html`<p part="reaction-sign-in" class="reaction-message" role="alert">
      ${msg('Sign in to like comments.', {id: 'thread.like.signIn'})}
      <button type="button" class="link-button sign-in" @click=${this.#requestSignIn}>
        ${msg('Sign in', {id: 'thread.like.signInButton'})}
      </button>
    </p>`;
  }

  /** The reaction as shown: the backend's, with a press not yet confirmed applied on top. */
  #shown(comment: Comment, key: string): Reaction {
    const stored = storedReaction(comment, key);
    const wanted = this.#wanted.get(wantedKey(comment.id, key));
    if (!wanted || wanted.active === stored.viewerReacted) return stored;
    return {key, viewerReacted: wanted.active, count: Math.max(0, stored.count + (wanted.active ? 1 : -1))};
  }

  /** A press of `comment`'s button that showed `shown`. */
  async toggle(comment: Comment, shown: Reaction): Promise<void> {
    const adapter = this.options.adapter();
    if (!adapter?.react) return;
    this.#failed.delete(comment.id);
    if (!adapter.capabilities.guestReactions) {
      const store = sessionStoreFor(adapter);
      const session = store.session ?? (await store.load());
      if (!session) {
        this.#askedToSignIn = comment.id;
        this.host.requestUpdate();
        return;
      }
    }
    if (this.#askedToSignIn === comment.id) this.#askedToSignIn = undefined;
    const id = wantedKey(comment.id, shown.key);
    let wanted = this.#wanted.get(id);
    if (!wanted) this.#wanted.set(id, (wanted = {active: !shown.viewerReacted, request: undefined}));
    else wanted.active = !shown.viewerReacted;
    this.host.requestUpdate();
    if (!wanted.request) void this.#send(adapter, comment, shown.key, wanted);
  }

  /** Sends the wished state until the backend agrees with the latest wish, or refuses. */
  async #send(adapter: CommentAdapter, comment: Comment, key: string, wanted: Wanted): Promise<void> {
    const id = wantedKey(comment.id, key);
    let latest = comment;
    let sent: boolean | undefined;
    while (this.#wanted.get(id) === wanted && wanted.active !== sent) {
      sent = wanted.active;
      const controller = new AbortController();
      wanted.request = controller;
      try {
        const request = {thread: this.options.threadId(), commentId: comment.id, reaction: key, active: sent};
        latest = await withActionDeadline(controller.signal, (signal) => adapter.react!(request, {signal}));
      } catch (error) {
        if (controller.signal.aborted || isAbortError(error)) return;
        this.#wanted.delete(id);
        if (isCommentError(error) && error.code === 'unauthorized') {
          this.#askedToSignIn = comment.id;
        } else {
          const message = sent
            ? msg('Your like could not be saved.', {id: 'thread.like.failed'})
            : msg('Your like could not be taken back.', {id: 'thread.like.undoFailed'});
          const detail = isCommentError(error) && error.message ? ` ${error.message}` : '';
          this.#failed.set(comment.id, message + detail);
        }
        this.host.requestUpdate();
        return;
      } finally {
        wanted.request = undefined;
      }
    }
    if (this.#wanted.get(id) === wanted) this.#wanted.delete(id);
    this.options.stored(latest);
    this.host.requestUpdate();
  }

  readonly #requestSignIn = (): void => {
    this.#askedToSignIn = undefined;
    this.host.requestUpdate();
    // A form inside the thread offers sign-in itself; the page is told in any case.
    const form = this.host.querySelector('comment-form');
    if (form) {
      form.scrollIntoView({block: 'nearest'});
      form.focus();
    }
    this.host.dispatchEvent(new CommentSignInRequestEvent());
  };
}

function wantedKey(commentId: string, key: string): string {
  return `${commentId}\u0000${key}`;
}
