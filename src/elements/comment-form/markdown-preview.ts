import {msg} from '@lit/localize';
import {css, html, nothing, type ReactiveController, type ReactiveElement, type TemplateResult} from 'lit';
import {MarkdownController} from '../shared/markdown.js';

/**
 * "Write" and "Preview" tabs over the comment box, for backends that take Markdown: the
 * preview shows the comment as the thread will. The box stays in the form while hidden, so
 * the text, its draft and its validation are untouched by switching.
 */
export class MarkdownPreview implements ReactiveController {
  #previewing = false;
  readonly #markdown: MarkdownController;

  constructor(
    private readonly host: ReactiveElement,
    private readonly options: {enabled(): boolean; text(): string},
  ) {
    host.addController(this);
    this.#markdown = new MarkdownController(host);
  }

  hostConnected(): void {}

  get previewing(): boolean {
    return this.#previewing && this.options.enabled();
  }

  /** Shows the comment box again (before validation points at it, for example). */
  write(): void {
    if (!this.#previewing) return;
    this.#previewing = false;
    this.host.requestUpdate();
  }

  /** The tabs, the box (`field`) in the Write panel, and the Preview panel. */
  render(field: TemplateResult): TemplateResult {
    if (!this.options.enabled()) return field;
    const previewing = this.previewing;
    return html`
      <div class="markdown-tabs" role="tablist" aria-label=${msg('Comment editor', {id: 'form.markdown.tabs'})} @keydown=${this.#onKeydown}>
        ${this.#tab('write', msg('Write', {id: 'form.markdown.write'}), !previewing)}
        ${this.#tab('preview', msg('Preview', {id: 'form.markdown.preview'}), previewing)}
      </div>
      <div id="write-panel" role="tabpanel" aria-labelledby="write-tab" ?hidden=${previewing}>${field}</div>
      <div id="preview-panel" role="tabpanel" aria-labelledby="preview-tab" tabindex="0" part="preview" class="preview" dir="auto" ?hidden=${!previewing}>
        ${previewing ? this.#renderPreview() : nothing}
      </div>
      <p part="markdown-hint" class="markdown-hint">
        ${msg('Formatting with Markdown: **bold**, *italic*, `code`, [link](https://…), lists and quotes.', {id: 'form.markdown.hint'})}
      </p>
    `;
  }

  #renderPreview(): unknown {
    const text = this.options.text().trim();
    if (!text) return html`<p class="preview-empty">${msg('Nothing to preview yet.', {id: 'form.markdown.empty'})}</p>`;
    return this.#markdown.render(text) ?? html`<p>${text}</p>`;
  }

  #tab(name: 'write' | 'preview', label: string, selected: boolean): TemplateResult {
    return html`<button
      type="button"
      role="tab"
      id="${name}-tab"
      part="${name}-tab"
      class="markdown-tab"
      aria-selected=${selected ? 'true' : 'false'}
      aria-controls="${name}-panel"
      tabindex=${selected ? '0' : '-1'}
      @click=${() => this.#select(name === 'preview')}
    >
      ${label}
    </button>`;
  }

  #select(preview: boolean, focusTab = false): void {
    this.#previewing = preview;
    this.host.requestUpdate();
    if (focusTab) {
      void this.host.updateComplete.then(() =>
        this.host.renderRoot.querySelector<HTMLElement>(preview ? '#preview-tab' : '#write-tab')?.focus(),
      );
    }
  }

  // Arrow keys, Home and End move between tabs (the ARIA tabs pattern).
  readonly #onKeydown = (event: KeyboardEvent): void => {
    if (!['ArrowLeft', 'ArrowRight', 'Home', 'End'].includes(event.key)) return;
    event.preventDefault();
    const preview = event.key === 'Home' ? false : event.key === 'End' ? true : !this.#previewing;
    this.#select(preview, true);
  };
}

export const markdownPreviewStyles = css`
  .markdown-tabs {
    display: flex;
    gap: 0.25rem;
    margin-block-end: 0.5rem;
    border-block-end: 1px solid var(--_border);
  }

  .markdown-tab {
    min-block-size: 2.25rem;
    padding-block: 0.25rem;
    padding-inline: 0.9rem;
    border: 1px solid transparent;
    border-block-end: 0;
    border-start-start-radius: var(--_radius);
    border-start-end-radius: var(--_radius);
    background: none;
    color: var(--_muted);
    font: inherit;
    cursor: pointer;
  }

  .markdown-tab[aria-selected='true'] {
    border-color: var(--_border);
    background: var(--_background);
    color: var(--_text);
    font-weight: 600;
    margin-block-end: -1px;
  }

  .preview {
    min-block-size: 6rem;
    padding-block: 0.25rem;
    padding-inline: 0.75rem;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    overflow-wrap: anywhere;
  }

  .preview-empty,
  .markdown-hint {
    color: var(--_muted);
    font-size: 0.875em;
  }

  .markdown-hint {
    margin-block: 0.25rem 0;
  }

  @media (pointer: coarse) {
    .markdown-tab {
      min-block-size: 2.75rem;
    }
  }
`;
