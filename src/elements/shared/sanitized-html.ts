import {nothing, noChange, type ChildPart} from 'lit';
import {AsyncDirective, directive, PartType, type PartInfo} from 'lit/async-directive.js';
import {loadOnce} from '../../core/load-once.js';

type SanitizerModule = typeof import('../../sanitizer/index.js');

let sanitizer: SanitizerModule | undefined;

/** Imports the sanitizer chunk once, on first use; a failed import may be retried later. */
const loadSanitizer = loadOnce(() => import('../../sanitizer/index.js').then((module) => (sanitizer = module)));

class SanitizedHtmlDirective extends AsyncDirective {
  #html: string | undefined;

  constructor(part: PartInfo) {
    super(part);
    if (part.type !== PartType.CHILD) throw new Error('sanitizedHtml() renders content, not attributes.');
  }

  render(html: string, fallback: unknown, baseUrl?: string): unknown {
    return sanitizer ? sanitizer.sanitizeHtml(html, {baseUrl}) : fallback;
  }

  // Sanitizes only when the markup changes: the fragment is moved into the DOM when it is
  // committed, so handing it over again on the next render would empty the content.
  override update(_part: ChildPart, [html, fallback, baseUrl]: [string, unknown, string?]): unknown {
    const key = `${baseUrl ?? ''}\n${html}`;
    if (key === this.#html) return noChange;
    this.#html = key;
    if (sanitizer) return sanitizer.sanitizeHtml(html, {baseUrl});
    loadSanitizer().then(
      (module) => {
        if (this.#html === key) this.setValue(module.sanitizeHtml(html, {baseUrl}));
      },
      () => {
        // Keep showing the fallback; the next render of this part tries again.
        if (this.#html === key) this.#html = undefined;
      },
    );
    return fallback ?? nothing;
  }
}

/**
 * Renders untrusted HTML as sanitized DOM. The sanitizer (DOMPurify) is imported the first
 * time any HTML content is rendered; until then, `fallback` is shown. Relative links
 * resolve against `baseUrl` (the backend's address for the content).
 */
export const sanitizedHtml = directive(SanitizedHtmlDirective);
