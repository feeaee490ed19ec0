import {msg, str} from '@lit/localize';
import {html, nothing, type ReactiveController, type ReactiveElement, type TemplateResult} from 'lit';
import type {CommentAdapter, ModerationAction} from '../../core/adapter.js';
import {isAbortError, isCommentError} from '../../core/errors.js';
import type {Comment} from '../../core/types.js';
import {CommentErrorEvent} from '../../events/comment-error.js';
import {withActionDeadline} from '../../adapters/shared/deadline.js';
import {formatNumber} from '../../i18n/format.js';
import {focusAfterUpdate} from '../shared/focus-after-update.js';
import type {ThreadNode} from './thread-tree.js';

export interface ModerationOptions {
  adapter(): CommentAdapter | undefined;
  threadId(): string;
  /** Shows the backend's answer: the comment as stored, or `null` when it left the thread. */
  stored(comment: Comment, result: Comment | null): void;
  announce(text: string): void;
}

/**
 * What a moderator sees in the thread: held comments of everyone marked as held, with
 * Approve, Spam and Delete inline, and a "Held (N)" filter. Shown only where the backend
 * says the viewer may moderate (`capabilities.moderate` and `viewerCan.moderate`), so
 * guests and ordinary readers never see any of it.
 *
 * Approval shows at once and is rolled back, with a message, when the backend refuses;
 * Spam and Delete take the comment away only once the backend has done it.
 */
export class ModerationController implements ReactiveController {
  #heldOnly = false;
  /** Comment id → the action on its way. */
  readonly #busy = new Map<string, ModerationAction>();
  /** Comment id → the action that failed, and why. */
  readonly #failed = new Map<string, {action: ModerationAction; detail: string}>();
  /** Bumped whenever what `isHeld` answers may have changed without new comments. */
  #version = 0;
  #lastHeld = 0;
  #counted: {lists: ReadonlyArray<readonly Comment[]>; version: number; held: number} | undefined;
  #filtered: {nodes: readonly ThreadNode[]; version: number; kept: readonly ThreadNode[]} | undefined;

  constructor(
    private readonly host: ReactiveElement,
    private readonly options: ModerationOptions,
  ) {
    host.addController(this);
  }

  hostConnected(): void {}

  // Nothing left to decide: the filter goes, and a filter left on would show an empty
  // thread when held comments come again.
  hostUpdated(): void {
    if (this.#lastHeld === 0) this.#heldOnly = false;
  }

  /** True when the viewer moderates `comment` and it still waits for a decision. */
  isHeld(comment: Comment): boolean {
    return this.#canModerate(comment) && comment.status === 'pending' && this.#busy.get(comment.id) !== 'approve';
  }

  /** Whether `comment` shows as held right now (an approval on its way shows it approved). */
  showsPending(comment: Comment): boolean {
    return comment.status === 'pending' && this.#busy.get(comment.id) !== 'approve';
  }

  /**
   * How many of the comments in `lists` wait for the viewer's decision: none where nobody
   * may moderate (nothing is walked then). Counted again only when the lists or a
   * moderation change.
   */
  heldCount(lists: ReadonlyArray<readonly Comment[]>): number {
    const counted = this.#counted;
    if (counted && counted.version === this.#version && counted.lists.length === lists.length && counted.lists.every((list, index) => list === lists[index])) {
      return (this.#lastHeld = counted.held);
    }
    const adapter = this.options.adapter();
    let held = 0;
    if (adapter?.capabilities.moderate && adapter.moderate) {
      // isHeld() without asking for the adapter again for every comment.
      for (const comments of lists) for (const comment of comments) if (comment.viewerCan.moderate && this.showsPending(comment)) held++;
    }
    this.#counted = {lists, version: this.#version, held};
    return (this.#lastHeld = held);
  }

  /** The "Held (N)" toggle while a moderator has `held` comments to decide on (see `heldCount`). */
  renderFilter(held: number, locale: string): TemplateResult | typeof nothing {
    if (held === 0) return nothing;
    const count = formatNumber(held, locale);
    return html`<button
      type="button"
      part="held-filter"
      class="button held-filter"
      aria-pressed=${this.#heldOnly ? 'true' : 'false'}
      @click=${this.#toggle}
    >
      ${msg(str`Held (${count})`, {id: 'thread.moderation.filter'})}
    </button>`;
  }

  /**
   * `nodes`, or with the filter on (and `held` comments to decide on) only the
   * conversations holding a held comment. Nodes left whole are the same objects, and the
   * result is kept until the nodes or a moderation change: conversations are not rendered
   * again for nothing.
   */
  filter(nodes: readonly ThreadNode[], held: number): readonly ThreadNode[] {
    if (!this.#heldOnly || held === 0) return nodes;
    const cached = this.#filtered;
    if (cached && cached.nodes === nodes && cached.version === this.#version) return cached.kept;
    const keep = (node: ThreadNode): ThreadNode | undefined => {
      const replies = node.replies.map(keep).filter((reply): reply is ThreadNode => reply !== undefined);
      if (!this.isHeld(node.comment) && replies.length === 0) return undefined;
      const same = replies.length === node.replies.length && replies.every((reply, index) => reply === node.replies[index]);
      return same ? node : {...node, replies};
    };
    const kept = nodes.map(keep).filter((node): node is ThreadNode => node !== undefined);
    this.#filtered = {nodes, version: this.#version, kept};
    return kept;
  }

  /** The note under a held comment's author: theirs to the author, "held" to a moderator. */
  renderNote(comment: Comment): TemplateResult | typeof nothing {
    if (!this.showsPending(comment)) return nothing;
    if (this.#canModerate(comment) && !comment.author.isViewer) {
      return html`<p part="moderation-note held-label" class="note held-label">
        ${msg('Held for moderation', {id: 'thread.moderation.held'})}
      </p>`;
    }
    return html`<p part="moderation-note" class="note">
      ${msg('Your comment is awaiting moderation.', {id: 'thread.pending'})}
    </p>`;
  }

  /** Approve, Spam and Delete under a held comment the viewer moderates, or nothing. */
  renderActions(comment: Comment): TemplateResult | typeof nothing {
    const busy = this.#busy.get(comment.id);
    if (!this.#canModerate(comment) || (comment.status !== 'pending' && busy === undefined)) return nothing;
    const failure = this.#failed.get(comment.id);
    const button = (action: ModerationAction, label: string, pendingLabel: string, part: string) => html`<button
      type="button"
      part=${part}
      class=${action === 'approve' ? 'link-button moderation-action' : 'link-button moderation-action danger'}
      data-moderate=${action}
      aria-disabled=${busy ? 'true' : 'false'}
      @click=${() => busy || void this.#moderate(comment, action)}
    >
      ${busy === action ? pendingLabel : label}
    </button>`;
    return html`
      <span class="moderation" role="group" aria-label=${msg('Moderation', {id: 'thread.moderation.group'})}>
        ${button('approve', msg('Approve', {id: 'thread.moderation.approve'}), msg('Approving…', {id: 'thread.moderation.approving'}), 'approve-button')}
        ${button('spam', msg('Spam', {id: 'thread.moderation.spam'}), msg('Marking as spam…', {id: 'thread.moderation.spamming'}), 'spam-button')}
        ${button('delete', msg('Delete', {id: 'thread.moderation.delete'}), msg('Deleting…', {id: 'thread.moderation.deleting'}), 'moderate-delete-button')}
      </span>
      ${failure
        ? html`<p part="moderation-error" class="action-error" role="alert">
            ${this.#failureText(failure.action)} ${failure.detail}
          </p>`
        : nothing}
    `;
  }

  #canModerate(comment: Comment): boolean {
    const adapter = this.options.adapter();
    return Boolean(adapter?.capabilities.moderate && adapter.moderate && comment.viewerCan.moderate);
  }

  #failureText(action: ModerationAction): string {
    if (action === 'approve') return msg('The comment could not be approved.', {id: 'thread.moderation.approve.error'});
    if (action === 'spam') return msg('The comment could not be marked as spam.', {id: 'thread.moderation.spam.error'});
    return msg('The comment could not be deleted.', {id: 'thread.moderation.delete.error'});
  }

  readonly #toggle = () => {
    this.#heldOnly = !this.#heldOnly;
    this.#version++;
    this.host.requestUpdate();
  };

  async #moderate(comment: Comment, action: ModerationAction) {
    const adapter = this.options.adapter();
    if (!adapter?.moderate) return;
    this.#busy.set(comment.id, action);
    this.#failed.delete(comment.id);
    this.#version++;
    this.host.requestUpdate();
    try {
      const request = {thread: this.options.threadId(), commentId: comment.id, action};
      const result = await withActionDeadline(undefined, (signal) => adapter.moderate!(request, {signal}));
      this.#busy.delete(comment.id);
      this.options.stored(comment, result);
      this.options.announce(
        action === 'approve'
          ? msg('Comment approved.', {id: 'thread.moderation.approved'})
          : action === 'spam'
            ? msg('Comment marked as spam.', {id: 'thread.moderation.spammed'})
            : msg('Comment deleted.', {id: 'thread.delete.done'}),
      );
      // Focus stays in the thread: on the comment when it stays, else on the filter or the first comment.
      await focusAfterUpdate(this.host, `[data-comment-id="${CSS.escape(comment.id)}"]`, '.held-filter', '[data-comment-id]');
    } catch (error) {
      // The approval shown ahead of the answer is taken back with the busy state.
      this.#busy.delete(comment.id);
      if (isAbortError(error)) return;
      this.#failed.set(comment.id, {action, detail: isCommentError(error) ? error.message : ''});
      const event = new CommentErrorEvent(error, 'moderate'); // named: see the thread's reply()
      this.host.dispatchEvent(event);
    } finally {
      this.#version++;
      this.host.requestUpdate();
    }
  }
}
