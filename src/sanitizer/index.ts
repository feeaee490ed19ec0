/**
 * The one place where HTML from a backend becomes DOM (WordPress's `content.rendered`, for
 * example). Loaded with a dynamic `import()` only when such content arrives, so pages whose
 * backend sends plain text never download DOMPurify.
 *
 * The result is a DocumentFragment, rendered as a Lit child: never a string that the page
 * would parse again, which is where mutation XSS lives.
 */
import createDOMPurify, {type Config} from 'dompurify';
import {htmlToText} from '../content/entities.js';
import {UGC_LINK_REL} from '../content/urls.js';

// Comment markup: text formatting, quotes, code, lists, tables, links and images. No
// forms, media players, frames, styles or scripts; no SVG or MathML (USE_PROFILES off).
const ALLOWED_TAGS = [
  'a', 'abbr', 'b', 'bdi', 'bdo', 'blockquote', 'br', 'caption', 'cite', 'code', 'col',
  'colgroup', 'dd', 'del', 'details', 'dfn', 'div', 'dl', 'dt', 'em', 'figcaption', 'figure',
  'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'hr', 'i', 'img', 'ins', 'kbd', 'li', 'mark', 'ol', 'p',
  'pre', 'q', 's', 'samp', 'small', 'span', 'strike', 'strong', 'sub', 'summary', 'sup',
  'table', 'tbody', 'td', 'tfoot', 'th', 'thead', 'time', 'tr', 'u', 'ul', 'var', 'wbr',
];

// No `id`, `name`, `class` or data attributes: content could clobber globals, restyle the
// thread's own elements or pass for them (the thread finds its comments by data
// attribute). No `style` either: a comment must not cover the page, and inline styles
// break a strict CSP.
const ALLOWED_ATTR = [
  'href', 'src', 'alt', 'title', 'width', 'height', 'cite', 'datetime', 'lang', 'dir',
  'colspan', 'rowspan', 'scope', 'headers', 'start', 'reversed', 'type', 'value', 'open', 'abbr',
];

// Attributes whose values are words or numbers, never URLs. DOMPurify tests every
// attribute it does not know to be URI-safe against its URL pattern, which would drop
// `dir="rtl"` or `colspan="2"`; URLs (`href`, `src`, `cite`) are checked by the hook below.
const PLAIN_ATTR = [
  'alt', 'title', 'width', 'height', 'datetime', 'lang', 'dir', 'colspan', 'rowspan', 'scope',
  'headers', 'start', 'reversed', 'type', 'value', 'open', 'abbr',
];

const linkProtocols = new Set(['http:', 'https:', 'mailto:']);
const imageProtocols = new Set(['http:', 'https:']);
/** Set on images drawn at the size of the text around them (smileys, emoji). */
const INLINE_IMAGE_CLASS = 'inline-image';

const purify = createDOMPurify(window);

/** The address relative URLs in the markup being sanitized resolve against, if any. */
let currentBase: string | undefined;
/** Images the markup marked as inline (WordPress's `wp-smiley`, `emoji`) before classes were dropped. */
let inlineImages = new WeakSet<Element>();

purify.addHook('beforeSanitizeAttributes', (node) => {
  if (node instanceof Element && node.localName === 'img' && (node.classList.contains('wp-smiley') || node.classList.contains('emoji'))) {
    inlineImages.add(node);
  }
});

purify.addHook('afterSanitizeAttributes', (node) => {
  if (!(node instanceof Element)) return;
  if (node.localName === 'a') {
    keepUrl(node, 'href', linkProtocols, true);
    if (node.hasAttribute('href')) node.setAttribute('rel', UGC_LINK_REL);
  } else if (node.localName === 'img') {
    // Our own check, stricter than DOMPurify's defaults (which allow any data: URL).
    const src = node.getAttribute('src');
    if (src === null || !/^\s*data:image\//i.test(src)) keepUrl(node, 'src', imageProtocols, false);
    if (inlineImages.has(node) || isTiny(node)) node.setAttribute('class', INLINE_IMAGE_CLASS);
    node.setAttribute('loading', 'lazy');
    node.setAttribute('decoding', 'async');
    node.setAttribute('referrerpolicy', 'no-referrer');
  }
  if (node.hasAttribute('cite')) keepUrl(node, 'cite', imageProtocols, false);
});

/**
 * Keeps `name` only as an absolute URL with one of `protocols`: relative URLs are resolved
 * against the backend's address (a comment's permalink), since the embedding page's own
 * address means nothing to them. With `fragments`, `#…` stays as it is: it points into
 * this page, where the thread follows `#comment-…` links.
 */
function keepUrl(node: Element, name: string, protocols: ReadonlySet<string>, fragments: boolean): void {
  const value = node.getAttribute(name);
  if (value === null) return;
  const trimmed = value.trim();
  if (fragments && trimmed.startsWith('#') && trimmed.length > 1) return;
  let url: URL | undefined;
  try {
    url = new URL(trimmed, currentBase);
  } catch {
    url = undefined;
  }
  if (url && protocols.has(url.protocol)) node.setAttribute(name, url.href);
  else node.removeAttribute(name);
}

/** An image its markup sizes like a character (at most 32 × 32), e.g. an old-style smiley. */
function isTiny(image: Element): boolean {
  const width = Number(image.getAttribute('width'));
  const height = Number(image.getAttribute('height'));
  return width > 0 && height > 0 && width <= 32 && height <= 32;
}

interface TrustedTypePolicyFactory {
  createPolicy(
    name: string,
    rules: {createHTML(input: string): string; createScriptURL(input: string): string},
  ): {createHTML(input: string): unknown; createScriptURL(input: string): unknown};
}

/**
 * DOMPurify parses its input with `DOMParser`, which an enforced Trusted Types CSP only
 * accepts through a policy. Giving it its own policy means a page lists `colloquy-sanitizer`
 * in `trusted-types` instead of allowing the generic `dompurify` name to everyone.
 * Undefined when Trusted Types are missing or the page's CSP refuses the name.
 */
function createPolicy(): Config['TRUSTED_TYPES_POLICY'] {
  const factory = (globalThis as {trustedTypes?: TrustedTypePolicyFactory}).trustedTypes;
  if (!factory) return undefined;
  try {
    return factory.createPolicy('colloquy-sanitizer', {
      // Only DOMPurify sees these values, and it parses them in an inert document.
      createHTML: (input) => input,
      createScriptURL: (input) => input,
    }) as Config['TRUSTED_TYPES_POLICY'];
  } catch {
    return undefined;
  }
}

const policy = createPolicy();

/**
 * Whether the page enforces Trusted Types (`require-trusted-types-for 'script'`) while
 * refusing our policy: then DOMPurify can parse nothing (and would quietly return an
 * empty fragment). Probed once, with a string that can do no harm.
 */
let parsingRefused: boolean | undefined;
function isParsingRefused(): boolean {
  if (parsingRefused === undefined) {
    parsingRefused = false;
    if (!policy && (globalThis as {trustedTypes?: unknown}).trustedTypes) {
      try {
        new DOMParser().parseFromString('<p></p>', 'text/html');
      } catch {
        parsingRefused = true;
      }
    }
  }
  return parsingRefused;
}

export interface SanitizeOptions {
  /**
   * What relative links and image addresses resolve against: the backend's address for
   * this content (a comment's permalink). Without it, relative URLs are dropped.
   */
  baseUrl?: string;
}

/**
 * Parses untrusted HTML into a fragment holding only safe comment markup: links only to
 * http(s) and mailto (with `rel="nofollow ugc noopener noreferrer"`) or to a `#fragment`,
 * relative ones resolved against `baseUrl`; images only from http(s) or raster `data:`
 * URLs, smileys sized as text; no scripts, styles, forms, frames or event handlers.
 *
 * When the page's Trusted Types policy refuses `colloquy-sanitizer`, DOMPurify cannot
 * parse anything; the content is then shown as its plain text rather than not at all.
 */
export function sanitizeHtml(dirty: string, {baseUrl}: SanitizeOptions = {}): DocumentFragment {
  if (isParsingRefused()) return plainTextFallback(dirty);
  currentBase = baseUrl && /^https?:/i.test(baseUrl) ? baseUrl : undefined;
  inlineImages = new WeakSet();
  let fragment: DocumentFragment | null;
  try {
    fragment = purify.sanitize(dirty, {
      ALLOWED_TAGS,
      ALLOWED_ATTR,
      ADD_URI_SAFE_ATTR: PLAIN_ATTR,
      ALLOW_DATA_ATTR: false,
      ALLOW_ARIA_ATTR: false,
      RETURN_DOM_FRAGMENT: true,
      ...(policy ? {TRUSTED_TYPES_POLICY: policy} : {}),
    });
  } catch (error) {
    return plainTextFallback(dirty, error);
  } finally {
    currentBase = undefined;
  }
  // Markup that makes the parser build a frameset document has no body, and DOMPurify
  // then returns null despite its types.
  return fragment ?? document.createDocumentFragment();
}

let warned = false;

/**
 * The markup's text, one paragraph per block, built with text nodes only (parsing it is
 * what was refused). Tags are dropped and character references decoded.
 */
function plainTextFallback(dirty: string, error?: unknown): DocumentFragment {
  if (!warned) {
    warned = true;
    console.warn(
      "Colloquy: HTML comments are shown as plain text because the page's Trusted Types policy refuses " +
        "'colloquy-sanitizer'. Add it to the CSP's trusted-types directive (see docs/csp.md).",
      error,
    );
  }
  const fragment = document.createDocumentFragment();
  const blocks = dirty
    .replace(/<(script|style|template|textarea|title)\b[\s\S]*?<\/\1\s*>/gi, '')
    .split(/<\/?(?:p|div|br|li|blockquote|h[1-6]|pre|tr)\b[^>]*>/i)
    .map(htmlToText)
    .filter(Boolean);
  for (const block of blocks) {
    const paragraph = document.createElement('p');
    paragraph.textContent = block;
    fragment.append(paragraph);
  }
  return fragment;
}
