import {msg} from '@lit/localize';
import {html, nothing, type ReactiveController, type ReactiveElement, type TemplateResult} from 'lit';
import type {Comment} from '../../core/types.js';
import {plural} from '../../i18n/locale.js';

export interface NewCommentsOptions {
  locale(): string;
  /** Whether new top-level comments are listed first (the `newest` sort). */
  newestFirst(): boolean;
  announce(text: string): void;
  /** Scrolls to and focuses a comment once it is shown. */
  reveal(commentId: string): void;
}

/** How long a comment stays marked "New" once the reader has had it on screen. */
const SEEN_AFTER_MS = 4000;

/**
 * Comments that arrive from elsewhere while someone reads: announced once per batch
 * ("2 new comments"), marked "New" until they have been on screen a moment, and never
 * put above the reader's place, which would push the text they are reading down. Those
 * are held back behind a "Show 2 new comments" button instead.
 */
export class NewCommentsController implements ReactiveController {
  /** Arrived but not shown, oldest first. */
  #held: Comment[] = [];
  readonly #marked = new Set<string>();
  #batch = 0;
  #batchTimer: ReturnType<typeof setTimeout> | undefined;
  readonly #seenTimers = new Map<string, ReturnType<typeof setTimeout>>();
  #observer: IntersectionObserver | undefined;
  readonly #observed = new Map<string, Element>();
  #shownCache: {added: readonly Comment[]; version: number; shown: readonly Comment[]} | undefined;
  /** Changes whenever the held comments change, so the host can rebuild its tree. */
  version = 0;

  constructor(
    private readonly host: ReactiveElement,
    private readonly options: NewCommentsOptions,
  ) {
    host.addController(this);
  }

  /** A comment someone else wrote just arrived; call before the host renders it. */
  arrived(comment: Comment): void {
    if (comment.author.isViewer || comment.status !== 'approved') return;
    this.#marked.add(comment.id);
    if (this.#wouldLandAbove(comment)) {
      this.#held = [...this.#held, comment];
      this.version++;
    }
    this.#batch++;
    // Comments often come in bursts (a page of them, a reconnect): one announcement each.
    clearTimeout(this.#batchTimer);
    this.#batchTimer = setTimeout(() => this.#announceBatch(), 300);
    this.host.requestUpdate();
  }

  /** `added` without the comments held back; the same array when none are. */
  shown(added: readonly Comment[]): readonly Comment[] {
    if (this.#held.length === 0) return added;
    if (this.#shownCache?.added !== added || this.#shownCache.version !== this.version) {
      const held = new Set(this.#held.map((comment) => comment.id));
      this.#shownCache = {added, version: this.version, shown: added.filter((comment) => !held.has(comment.id))};
    }
    return this.#shownCache.shown;
  }

  isNew(commentId: string): boolean {
    return this.#marked.has(commentId);
  }

  /** "Show 2 new comments", kept in sight at the top of the list while any are held. */
  renderNotice(locale: string): TemplateResult | typeof nothing {
    const count = this.#held.length;
    if (count === 0) return nothing;
    return html`<div class="new-notice">
      <button type="button" part="new-comments-button" class="button primary" @click=${this.#showHeld}>
        ${plural(count, locale, {
          zero: () => msg('Show # new comments', {id: 'thread.new.show.zero'}),
          one: () => msg('Show # new comment', {id: 'thread.new.show.one'}),
          two: () => msg('Show # new comments', {id: 'thread.new.show.two'}),
          few: () => msg('Show # new comments', {id: 'thread.new.show.few'}),
          many: () => msg('Show # new comments', {id: 'thread.new.show.many'}),
          other: () => msg('Show # new comments', {id: 'thread.new.show.other'}),
        })}
      </button>
    </div>`;
  }

  hostConnected(): void {
    this.#observer = new IntersectionObserver((entries) => this.#onSeen(entries), {threshold: 0.5});
    for (const element of this.#observed.values()) this.#observer.observe(element);
  }

  hostDisconnected(): void {
    this.#observer?.disconnect();
    this.#observer = undefined;
    clearTimeout(this.#batchTimer);
    if (this.#batch > 0) this.#announceBatch();
    for (const timer of this.#seenTimers.values()) clearTimeout(timer);
    this.#seenTimers.clear();
  }

  /** Watches newly rendered "New" comments for the moment they come into view. */
  hostUpdated(): void {
    for (const [id, element] of this.#observed) {
      if (this.#marked.has(id) && element.isConnected) continue;
      this.#observer?.unobserve(element);
      this.#observed.delete(id);
    }
    for (const id of this.#marked) {
      if (this.#observed.has(id)) continue;
      const article = this.host.renderRoot.querySelector(`[data-comment-id="${CSS.escape(id)}"]`);
      if (!article) continue;
      this.#observed.set(id, article);
      this.#observer?.observe(article);
    }
  }

  #announceBatch(): void {
    const count = this.#batch;
    this.#batch = 0;
    if (count === 0) return;
    this.options.announce(
      plural(count, this.options.locale(), {
        zero: () => msg('# new comments', {id: 'thread.new.announce.zero'}),
        one: () => msg('# new comment', {id: 'thread.new.announce.one'}),
        two: () => msg('# new comments', {id: 'thread.new.announce.two'}),
        few: () => msg('# new comments', {id: 'thread.new.announce.few'}),
        many: () => msg('# new comments', {id: 'thread.new.announce.many'}),
        other: () => msg('# new comments', {id: 'thread.new.announce.other'}),
      }),
    );
  }

  /**
   * Where a comment is added, relative to the screen: replies go at the end of their
   * parent's conversation, top-level comments at the start of the list (newest first) or
   * its end. Above means that place is already scrolled past.
   */
  #wouldLandAbove(comment: Comment): boolean {
    const root = this.host.renderRoot;
    if (comment.parentId !== null) {
      if (this.#held.some((held) => held.id === comment.parentId)) return true;
      const parent = root.querySelector(`[data-comment-id="${CSS.escape(comment.parentId)}"]`);
      const conversation = parent?.closest('li');
      if (conversation) return conversation.getBoundingClientRect().bottom <= 0;
    }
    const list = root.querySelector('[part="list"]');
    if (!list) return false;
    const box = list.getBoundingClientRect();
    return (this.options.newestFirst() ? box.top : box.bottom) < 0;
  }

  readonly #showHeld = (): void => {
    const first = this.#held[0];
    this.#held = [];
    this.version++;
    this.host.requestUpdate();
    if (first) this.options.reveal(first.id);
  };

  #onSeen(entries: IntersectionObserverEntry[]): void {
    for (const entry of entries) {
      const id = (entry.target as HTMLElement).dataset['commentId'];
      if (!id || !entry.isIntersecting || this.#seenTimers.has(id)) continue;
      this.#seenTimers.set(
        id,
        setTimeout(() => {
          this.#seenTimers.delete(id);
          this.#marked.delete(id);
          this.host.requestUpdate();
        }, SEEN_AFTER_MS),
      );
    }
  }
}
