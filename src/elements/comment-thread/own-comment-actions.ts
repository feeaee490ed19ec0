import {msg} from '@lit/localize';
import {html, nothing, type ReactiveController, type ReactiveElement, type TemplateResult} from 'lit';
import type {CommentAdapter} from '../../core/adapter.js';
import {isAbortError, isCommentError} from '../../core/errors.js';
import {editableText, type Comment} from '../../core/types.js';
import {CommentErrorEvent} from '../../events/comment-error.js';
import {focusAfterUpdate} from '../shared/focus-after-update.js';
import {loadCommentForm} from '../shared/lazy-elements.js';
import {canEditAt, editLabel} from './edit-window.js';
import {withActionDeadline, withLoadDeadline} from '../../adapters/shared/deadline.js';
import {statusMessage} from '../../adapters/shared/http.js';

export interface OwnCommentActionsOptions {
  adapter(): CommentAdapter | undefined;
  threadId(): string;
  /** Shows the backend's answer to a deletion: the comment's placeholder, or `null` when it is gone. */
  deleted(comment: Comment, placeholder: Comment | null): void;
  announce(text: string): void;
}

/**
 * Edit and Delete on the viewer's own comments (or any, for a moderator), as far as the
 * backend allows: "Edit (4 min left)" opens a `<comment-form>` in place of the comment's
 * text; Delete asks for confirmation first. Focus returns to the button that opened a
 * form when it is cancelled, and goes to the nearest comment after a deletion. A comment
 * that came without its text to edit (a WordPress post's author, who gets comments as
 * rendered) has it loaded from the adapter when Edit is pressed.
 */
export class OwnCommentActions implements ReactiveController {
  #editing: string | undefined;
  #confirming: string | undefined;
  readonly #deleting = new Set<string>();
  readonly #failed = new Set<string>();
  /** Text to edit loaded on demand (`loadEditableText`), by comment id, while its editor is open. */
  readonly #loadedText = new Map<string, string>();
  readonly #loadingText = new Set<string>();
  /** Why a comment's text to edit could not be loaded, by comment id. */
  readonly #loadFailures = new Map<string, string>();

  constructor(
    private readonly host: ReactiveElement,
    private readonly options: OwnCommentActionsOptions,
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    this.host.renderRoot.addEventListener('comment-cancel', this.#onCancel);
    this.host.renderRoot.addEventListener('comment-edited', this.#onEdited);
  }

  hostDisconnected(): void {
    this.host.renderRoot.removeEventListener('comment-cancel', this.#onCancel);
    this.host.renderRoot.removeEventListener('comment-edited', this.#onEdited);
  }

  isEditing(comment: Comment): boolean {
    return this.#editing === comment.id;
  }

  /** The form that edits `comment`, shown instead of its text. */
  renderEditor(comment: Comment): TemplateResult {
    const loaded = this.#loadedText.get(comment.id);
    const editing: Comment =
      loaded !== undefined && comment.content.kind === 'html' && comment.content.source === undefined
        ? {...comment, content: {...comment.content, source: loaded}}
        : comment;
    return html`<comment-form class="edit-form" data-editing=${comment.id} heading-level="3" .editing=${editing}></comment-form>`;
  }

  /** Edit and Delete for `comment` when the viewer may use them at `now`, or nothing. */
  renderActions(comment: Comment, now: number, locale: string): TemplateResult | typeof nothing {
    const adapter = this.options.adapter();
    const capabilities = adapter?.capabilities;
    if (!capabilities || comment.status === 'deleted' || this.isEditing(comment)) return nothing;
    const edit = capabilities.edit && canEditAt(comment, now, adapter?.loadEditableText !== undefined);
    const loading = this.#loadingText.has(comment.id);
    const loadFailure = this.#loadFailures.get(comment.id);
    const remove = capabilities.delete && comment.viewerCan.delete;
    if (!edit && !remove) return nothing;
    if (this.#confirming === comment.id || this.#deleting.has(comment.id)) return this.#renderConfirm(comment);
    return html`
      ${edit
        ? html`<button
            type="button"
            part="edit-button"
            class="link-button own-action"
            data-edit=${comment.id}
            aria-disabled=${loading ? 'true' : 'false'}
            @click=${() => loading || void this.#edit(comment)}
          >
            ${editLabel(comment, now, locale)}
          </button>`
        : nothing}
      ${remove
        ? html`<button type="button" part="delete-button" class="link-button own-action" data-delete=${comment.id} @click=${() => this.#confirm(comment)}>
            ${msg('Delete', {id: 'thread.delete'})}
          </button>`
        : nothing}
      ${this.#failed.has(comment.id)
        ? html`<p class="action-error" role="alert">
            ${msg('The comment could not be deleted. Please try again.', {id: 'thread.delete.error'})}
          </p>`
        : nothing}
      ${loadFailure ? html`<p class="action-error" role="alert">${loadFailure}</p>` : nothing}
    `;
  }

  #renderConfirm(comment: Comment): TemplateResult {
    const deleting = this.#deleting.has(comment.id);
    const questionId = `delete-question-${encodeURIComponent(comment.id)}`;
    return html`
      <span class="confirm" role="group" aria-labelledby=${questionId}>
        <span id=${questionId}>${msg('Delete this comment?', {id: 'thread.delete.question'})}</span>
        <button
          type="button"
          part="confirm-delete-button"
          class="link-button own-action danger"
          aria-disabled=${deleting ? 'true' : 'false'}
          @click=${() => deleting || void this.#delete(comment)}
        >
          ${deleting ? msg('Deleting…', {id: 'thread.delete.pending'}) : msg('Delete', {id: 'thread.delete.confirm'})}
        </button>
        ${deleting
          ? nothing
          : html`<button type="button" class="link-button own-action" data-keep=${comment.id} @click=${() => this.#keep(comment)}>
              ${msg('Keep', {id: 'thread.delete.keep'})}
            </button>`}
      </span>
    `;
  }

  async #edit(comment: Comment) {
    // The form is not part of the thread's first script; it is defined before it shows, so
    // it renders (and takes focus) with the comment already in it.
    try {
      await loadCommentForm();
    } catch (error) {
      // Offline while its script was fetched: the button stays, pressing it again retries.
      console.error(error);
      return;
    }
    this.#failed.delete(comment.id);
    this.#loadFailures.delete(comment.id);
    if (editableText(comment.content) === undefined && !(await this.#loadText(comment))) return;
    this.#editing = comment.id;
    this.host.requestUpdate();
  }

  /**
   * Loads the text to edit of a comment that came without it, with the page's load
   * deadline. A failure is shown under the comment, which stays as it was; pressing Edit
   * again retries.
   */
  async #loadText(comment: Comment): Promise<boolean> {
    const adapter = this.options.adapter();
    if (!adapter?.loadEditableText) return false;
    this.#loadingText.add(comment.id);
    this.host.requestUpdate();
    try {
      const request = {thread: this.options.threadId(), commentId: comment.id};
      const text = await withLoadDeadline(undefined, (signal) => adapter.loadEditableText!(request, {signal}));
      this.#loadedText.set(comment.id, text);
      return true;
    } catch (error) {
      if (isAbortError(error)) return false;
      // Adapters' errors carry a message meant for people; anything else is a contract breach.
      this.#loadFailures.set(comment.id, isCommentError(error) ? error.message : statusMessage(500));
      const event = new CommentErrorEvent(error, 'edit'); // named: see the thread's reply()
      this.host.dispatchEvent(event);
      return false;
    } finally {
      this.#loadingText.delete(comment.id);
      this.host.requestUpdate();
    }
  }

  async #confirm(comment: Comment) {
    this.#confirming = comment.id;
    this.#failed.delete(comment.id);
    this.#loadFailures.delete(comment.id);
    this.host.requestUpdate();
    // The safe choice takes focus, so Enter pressed twice does not delete.
    await focusAfterUpdate(this.host, `[data-keep="${CSS.escape(comment.id)}"]`);
  }

  async #keep(comment: Comment) {
    this.#confirming = undefined;
    this.host.requestUpdate();
    await focusAfterUpdate(this.host, `[data-delete="${CSS.escape(comment.id)}"]`);
  }

  async #delete(comment: Comment) {
    const adapter = this.options.adapter();
    if (!adapter?.deleteComment) return;
    const neighbours = this.#neighbours(comment.id);
    this.#deleting.add(comment.id);
    this.host.requestUpdate();
    try {
      const request = {thread: this.options.threadId(), commentId: comment.id};
      const placeholder = await withActionDeadline(undefined, (signal) => adapter.deleteComment!(request, {signal}));
      this.options.deleted(comment, placeholder);
      this.options.announce(msg('Comment deleted.', {id: 'thread.delete.done'}));
      const target = placeholder ? [comment.id] : [comment.parentId, ...neighbours];
      await focusAfterUpdate(this.host, ...target.filter((id): id is string => id !== null).map((id) => `[data-comment-id="${CSS.escape(id)}"]`));
    } catch (error) {
      if (isAbortError(error)) return;
      this.#failed.add(comment.id);
      const event = new CommentErrorEvent(error, 'delete'); // named: see the thread's reply()
      this.host.dispatchEvent(event);
    } finally {
      this.#deleting.delete(comment.id);
      if (this.#confirming === comment.id) this.#confirming = undefined;
      this.host.requestUpdate();
    }
  }

  /** The comments shown after and before `commentId`, nearest first: where reading goes on. */
  #neighbours(commentId: string): string[] {
    const ids = Array.from(this.host.renderRoot.querySelectorAll<HTMLElement>('[data-comment-id]'), (article) => article.dataset['commentId']!);
    const index = ids.indexOf(commentId);
    return index === -1 ? [] : [...ids.slice(index + 1), ...ids.slice(0, index).reverse()];
  }

  /** Closes the editor an event came from; focus goes back to its Edit button when cancelled. */
  #closeEditor(event: Event, refocus: boolean): void {
    const commentId = (event.target as Element).closest?.('comment-form[data-editing]')?.getAttribute('data-editing');
    if (!commentId) return;
    this.#editing = undefined;
    this.#loadedText.delete(commentId);
    this.host.requestUpdate();
    if (refocus) void focusAfterUpdate(this.host, `[data-edit="${CSS.escape(commentId)}"]`);
  }

  readonly #onCancel = (event: Event) => this.#closeEditor(event, true);

  readonly #onEdited = (event: Event) => this.#closeEditor(event, false);
}
