import {msg} from '@lit/localize';
import {css, html, nothing, type ReactiveController, type ReactiveElement, type TemplateResult} from 'lit';
import type {Comment} from '../../core/types.js';
import {plural} from '../../i18n/locale.js';

/** Text longer than this may run past the collapsed height; shorter text never does. */
const LONG_TEXT_CHARACTERS = 600;
const LONG_TEXT_LINES = 12;

/**
 * What makes a thread of hundreds of comments easy to move through with a keyboard or a
 * thumb: skip links over the comments, "Collapse thread" on each conversation, and long
 * comments cut to about twelve lines with "Show more".
 */
export class LongThreadController implements ReactiveController {
  readonly #collapsed = new Set<string>();
  readonly #expanded = new Set<string>();
  /** Long-looking comments whose text, measured, runs past the collapsed height. */
  readonly #overflowing = new Set<string>();
  readonly #measured = new Set<string>();
  /** Comments rendered clamped and not measured yet: the next `hostUpdated` measures them. */
  readonly #unmeasured = new Set<string>();

  /**
   * `changed` is told which comments look different (measured, toggled), and shows them;
   * by default the whole host is updated.
   */
  constructor(
    private readonly host: ReactiveElement,
    private readonly changed: (commentIds: string[]) => void = () => host.requestUpdate(),
  ) {
    host.addController(this);
  }

  hostConnected(): void {}

  /**
   * "Skip to the comment form" (when a form is in the thread) and "Skip past comments"
   * (to "Load more", when more pages wait), shown when focused: the first stops of the
   * thread for a keyboard.
   */
  renderSkipLinks(hasMore: boolean): TemplateResult | typeof nothing {
    const form = this.host.querySelector(':scope > comment-form');
    if (!form && !hasMore) return nothing;
    return html`<div class="skip-links">
      ${form
        ? html`<button type="button" part="skip-link" class="button skip-link" @click=${() => this.#skipToForm()}>
            ${msg('Skip to the comment form', {id: 'thread.skip.form'})}
          </button>`
        : nothing}
      ${hasMore
        ? html`<button type="button" part="skip-link" class="button skip-link" @click=${() => this.#skipPast()}>
            ${msg('Skip past comments', {id: 'thread.skip.comments'})}
          </button>`
        : nothing}
    </div>`;
  }

  isCollapsed(commentId: string): boolean {
    return this.#collapsed.has(commentId);
  }

  /** Opens a collapsed conversation, e.g. to show a comment that a link points to. */
  expand(commentId: string): void {
    if (this.#collapsed.delete(commentId)) this.changed([commentId]);
  }

  /** Collapses an open conversation, or opens a collapsed one (its first comment's toggle was pressed). */
  toggleCollapsed(commentId: string): void {
    this.#toggle(this.#collapsed, commentId);
  }

  /**
   * "Collapse thread (3 replies)" / "Show 3 replies": the label of the toggle on a
   * conversation's first comment (built by the comment's view).
   */
  collapseLabel(commentId: string, replies: number, locale: string): string {
    return this.#collapsed.has(commentId)
      ? plural(replies, locale, {
          zero: () => msg('Show # replies', {id: 'thread.collapse.show.zero'}),
          one: () => msg('Show # reply', {id: 'thread.collapse.show.one'}),
          two: () => msg('Show # replies', {id: 'thread.collapse.show.two'}),
          few: () => msg('Show # replies', {id: 'thread.collapse.show.few'}),
          many: () => msg('Show # replies', {id: 'thread.collapse.show.many'}),
          other: () => msg('Show # replies', {id: 'thread.collapse.show.other'}),
        })
      : plural(replies, locale, {
          zero: () => msg('Collapse thread (# replies)', {id: 'thread.collapse.hide.zero'}),
          one: () => msg('Collapse thread (# reply)', {id: 'thread.collapse.hide.one'}),
          two: () => msg('Collapse thread (# replies)', {id: 'thread.collapse.hide.two'}),
          few: () => msg('Collapse thread (# replies)', {id: 'thread.collapse.hide.few'}),
          many: () => msg('Collapse thread (# replies)', {id: 'thread.collapse.hide.many'}),
          other: () => msg('Collapse thread (# replies)', {id: 'thread.collapse.hide.other'}),
        });
  }

  /** Whether `comment`'s body is cut to the collapsed height now. */
  isClamped(comment: Comment): boolean {
    if (!looksLong(comment) || this.#expanded.has(comment.id)) return false;
    if (this.#measured.has(comment.id)) return this.#overflowing.has(comment.id);
    this.#unmeasured.add(comment.id);
    return true;
  }

  /** "Show more" / "Show less" under a long comment, or nothing. */
  renderShowMore(comment: Comment, bodyId: string): TemplateResult | typeof nothing {
    if (!this.#overflowing.has(comment.id)) return nothing;
    const expanded = this.#expanded.has(comment.id);
    const label = expanded ? msg('Show less', {id: 'thread.showLess'}) : msg('Show more', {id: 'thread.showMore'});
    return this.#toggleButton('show-more', expanded, bodyId, this.#expanded, comment.id, label);
  }

  /** A link-styled button (part `<name>-button`, class `<name>`) that toggles `id` in `set`. */
  #toggleButton(
    name: 'show-more',
    expanded: boolean,
    controls: string,
    set: Set<string>,
    id: string,
    label: string,
  ): TemplateResult {
    return html`<button
      type="button"
      part="${name}-button"
      class="link-button ${name}"
      aria-expanded=${expanded ? 'true' : 'false'}
      aria-controls=${controls}
      @click=${() => this.#toggle(set, id)}
    >
      ${label}
    </button>`;
  }

  /** Measures long-looking comments once rendered: only those that overflow get "Show more". */
  hostUpdated(): void {
    // Found by id: a thread of thousands of comments is not searched on every update.
    const root = this.host.renderRoot as ShadowRoot | DocumentFragment;
    const measured: string[] = [];
    for (const id of this.#unmeasured) {
      const body = root.getElementById(bodyIdOf(id));
      if (!body?.classList.contains('clamped')) continue;
      this.#measured.add(id);
      if (body.scrollHeight > body.clientHeight + 1) this.#overflowing.add(id);
      measured.push(id);
    }
    this.#unmeasured.clear();
    if (measured.length > 0) this.changed(measured);
  }

  #toggle(set: Set<string>, id: string): void {
    if (!set.delete(id)) set.add(id);
    this.changed([id]);
  }

  #skipToForm(): void {
    const form = this.host.querySelector<HTMLElement>(':scope > comment-form');
    form?.scrollIntoView({block: 'center'});
    form?.focus();
  }

  #skipPast(): void {
    const target = this.host.renderRoot.querySelector<HTMLElement>('[part="load-more-button"]');
    target?.scrollIntoView({block: 'center'});
    target?.focus();
  }
}

/** The id of the element holding a comment's text (what "Show more" controls). */
export function bodyIdOf(commentId: string): string {
  return `body-${encodeURIComponent(commentId)}`;
}

function looksLong(comment: Comment): boolean {
  const value = comment.content.value;
  if (value.length > LONG_TEXT_CHARACTERS) return true;
  let lines = 1;
  for (let index = value.indexOf('\n'); index !== -1 && lines <= LONG_TEXT_LINES; index = value.indexOf('\n', index + 1)) lines++;
  return lines > LONG_TEXT_LINES;
}

export const longThreadStyles = css`
  /* Out of sight until a keyboard reaches them. */
  .skip-links {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5rem;
  }

  .skip-link:not(:focus) {
    position: absolute;
    inline-size: 1px;
    block-size: 1px;
    min-block-size: 0;
    min-inline-size: 0;
    padding: 0;
    border: 0;
    overflow: hidden;
    clip-path: inset(50%);
    white-space: nowrap;
  }

  .skip-links:focus-within {
    margin-block-end: var(--_space);
  }

  .collapse,
  .show-more {
    font-size: 0.875em;
    font-weight: 600;
  }

  .replies[hidden] {
    display: none;
  }

  .body.clamped {
    max-block-size: calc(${LONG_TEXT_LINES} * var(--_line-height) * 1em);
    overflow: hidden;
    mask-image: linear-gradient(to bottom, #000 70%, transparent);
  }
`;
