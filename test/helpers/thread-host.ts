import {provide} from '@lit/context';
import {LitElement, html} from 'lit';
import {property} from 'lit/decorators.js';
import type {CommentAdapter, ThreadEvent} from '../../src/core/adapter.js';
import type {Comment, ThreadInfo} from '../../src/core/types.js';
import {adapterContext, threadContext, type ThreadLink} from '../../src/elements/shared/context.js';

/**
 * Stands in for `<comment-thread>` around a `<comment-form>`: provides the adapter and a
 * `ThreadLink` that records what the form asks of the thread, so the form's side of the
 * contract is tested on its own.
 */
export class TestThreadHostElement extends LitElement {
  @provide({context: adapterContext})
  @property({attribute: false})
  adapter: CommentAdapter | undefined;

  @provide({context: threadContext})
  @property({attribute: false})
  link: ThreadLink | undefined;

  /** Comments shown as sending, by idempotency key. */
  readonly outgoing = new Map<string, Comment>();
  /** Every `resolveOutgoing` call, in order. */
  readonly resolved: Array<{key: string; stored: Comment | null}> = [];
  readonly focused: string[] = [];
  readonly applied: ThreadEvent[] = [];
  reloads = 0;
  comments: readonly Comment[] = [];

  /** Links the host to `thread`, loading its first page as the thread would. */
  async connect(adapter: CommentAdapter, thread: string): Promise<void> {
    this.adapter = adapter;
    const page = await adapter.loadPage({thread, sort: 'oldest', limit: 50}, {});
    this.comments = page.comments;
    this.link = this.#linkFor(thread, page.thread, null);
    await this.updateComplete;
  }

  /** A new link object for every change, so consumers hear of it. */
  #linkFor(threadId: string, info: ThreadInfo, replyingTo: Comment | null): ThreadLink {
    return {
      threadId,
      info,
      replyingTo,
      shown: this.comments,
      reply: (commentId) => {
        const comment = commentId === null ? null : this.comments.find((shown) => shown.id === commentId);
        if (comment !== undefined) this.link = this.#linkFor(threadId, info, comment);
      },
      addOutgoing: (key, comment) => {
        this.outgoing.set(key, comment);
      },
      resolveOutgoing: (key, stored) => {
        this.outgoing.delete(key);
        this.resolved.push({key, stored});
      },
      focusComment: (commentId) => {
        this.focused.push(commentId);
      },
      apply: (event) => {
        this.applied.push(event);
      },
      reload: async () => {
        this.reloads++;
        const page = await this.adapter!.loadPage({thread: threadId, sort: 'oldest', limit: 50}, {});
        this.comments = page.comments;
        return page.comments;
      },
    };
  }

  protected override render() {
    return html`<slot></slot>`;
  }
}

customElements.define('test-thread-host', TestThreadHostElement);

declare global {
  interface HTMLElementTagNameMap {
    'test-thread-host': TestThreadHostElement;
  }
}
