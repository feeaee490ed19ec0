import {msg} from '@lit/localize';
import {html, nothing, type TemplateResult} from 'lit';
import {ifDefined} from 'lit/directives/if-defined.js';
import {formatNumber} from '../../i18n/format.js';
import {plural} from '../../i18n/locale.js';

/** What the comment field shows. */
export interface CommentFieldView {
  text: string;
  /** The backend's limit, in characters, when it has one. */
  maxLength: number | undefined;
  /** What is wrong with the text, shown under it. */
  error: string | undefined;
  /** Comments are closed: the text is shown, not asked for. */
  closed: boolean;
  readonly: boolean;
  locale: string;
  input(event: InputEvent): void;
}

/** The Comment field, with its character count and its error. */
export function commentField(view: CommentFieldView): TemplateResult {
  const {text, maxLength, error, closed} = view;
  const describedBy = [maxLength ? 'text-limit' : '', error ? 'text-error' : ''].filter(Boolean).join(' ');
  return html`
    <div class="field">
      <label part="label" for="text">
        ${msg('Comment', {id: 'form.label.text'})}
        ${closed ? nothing : html`<span class="required" aria-hidden="true">*</span>`}
      </label>
      <textarea
        id="text"
        part="textarea"
        name="comment"
        rows="4"
        dir="auto"
        .value=${text}
        ?readonly=${view.readonly}
        ?required=${!closed}
        aria-invalid=${error ? 'true' : 'false'}
        aria-describedby=${ifDefined(describedBy || undefined)}
        @input=${view.input}
      ></textarea>
      ${maxLength ? characterCount(text, maxLength, view.locale) : nothing}
      ${error ? html`<p id="text-error" part="field-error" class="field-error">${error}</p>` : nothing}
    </div>
  `;
}

/** "12 / 500" under the comment field, with the limit said in words to screen readers (`#text-limit`). */
function characterCount(text: string, maxLength: number, locale: string): TemplateResult {
  const limit = formatNumber(maxLength, locale);
  return html`
    <p part="character-count" class="count ${text.length > maxLength ? 'over' : ''}">
      <span aria-hidden="true">${formatNumber(text.length, locale)} / ${limit}</span>
      <span id="text-limit" class="visually-hidden">
        ${plural(maxLength, locale, {
          zero: () => msg('Up to # characters.', {id: 'form.count.limit.zero'}),
          one: () => msg('Up to # character.', {id: 'form.count.limit.one'}),
          two: () => msg('Up to # characters.', {id: 'form.count.limit.two'}),
          few: () => msg('Up to # characters.', {id: 'form.count.limit.few'}),
          many: () => msg('Up to # characters.', {id: 'form.count.limit.many'}),
          other: () => msg('Up to # characters.', {id: 'form.count.limit.other'}),
        }, limit)}
      </span>
    </p>
  `;
}

/** How far `text` goes past the backend's limit, or undefined when it fits. */
export function tooLongMessage(text: string, maxLength: number | undefined, locale: string): string | undefined {
  const over = maxLength === undefined ? 0 : text.length - maxLength;
  if (over <= 0) return undefined;
  return plural(over, locale, {
    zero: () => msg('# characters too many.', {id: 'form.invalid.too-long.zero'}),
    one: () => msg('# character too many.', {id: 'form.invalid.too-long.one'}),
    two: () => msg('# characters too many.', {id: 'form.invalid.too-long.two'}),
    few: () => msg('# characters too many.', {id: 'form.invalid.too-long.few'}),
    many: () => msg('# characters too many.', {id: 'form.invalid.too-long.many'}),
    other: () => msg('# characters too many.', {id: 'form.invalid.too-long.other'}),
  });
}

const growsByItself = typeof CSS !== 'undefined' && CSS.supports('field-sizing', 'content');

/** Where CSS `field-sizing: content` is missing (Firefox, older Safari), size the field to its text. */
export function growToFit(textarea: HTMLTextAreaElement): void {
  if (growsByItself) return;
  textarea.style.blockSize = 'auto';
  textarea.style.blockSize = `${textarea.scrollHeight + 2}px`;
}

/** A field people type text into: the comment box, or a name, email or website input. */
export function isTextEntry(target: EventTarget | undefined): boolean {
  if (target instanceof HTMLTextAreaElement) return true;
  return target instanceof HTMLInputElement && ['text', 'email', 'url', 'search', 'tel'].includes(target.type);
}
