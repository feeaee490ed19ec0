/**
 * The one place where HTML from a backend becomes DOM (WordPress's `content.rendered`, for
 * example). Loaded with a dynamic `import()` only when such content arrives, so pages whose
 * backend sends plain text never download DOMPurify.
 *
 * The result is a DocumentFragment, rendered as a Lit child: never a string that the page
 * would parse again, which is where mutation XSS lives.
 */
import createDOMPurify, {type Config} from 'dompurify';
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

const linkProtocols = new Set(['http:', 'https:', 'mailto:']);
const imageProtocols = new Set(['http:', 'https:']);

const purify = createDOMPurify(window);

purify.addHook('afterSanitizeAttributes', (node) => {
  if (!(node instanceof Element)) return;
  // DOMPurify already filters URLs; these checks are ours, stricter, and not left to its
  // defaults (which allow any data: URL on an image).
  if (node.localName === 'a') {
    const href = node.getAttribute('href');
    if (href !== null && !hasProtocol(href, linkProtocols)) node.removeAttribute('href');
    if (node.hasAttribute('href')) node.setAttribute('rel', UGC_LINK_REL);
  } else if (node.localName === 'img') {
    const src = node.getAttribute('src');
    if (src !== null && !hasProtocol(src, imageProtocols) && !/^data:image\//i.test(src.trim())) node.removeAttribute('src');
    node.setAttribute('loading', 'lazy');
    node.setAttribute('decoding', 'async');
    node.setAttribute('referrerpolicy', 'no-referrer');
  }
});

function hasProtocol(value: string, protocols: ReadonlySet<string>): boolean {
  try {
    return protocols.has(new URL(value).protocol);
  } catch {
    return false;
  }
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
 * Parses untrusted HTML into a fragment holding only safe comment markup: links only to
 * http(s) and mailto (with `rel="nofollow ugc noopener noreferrer"`), images only from
 * http(s) or `data:` URLs, no scripts, styles, forms, frames or event handlers.
 */
export function sanitizeHtml(dirty: string): DocumentFragment {
  const fragment: DocumentFragment | null = purify.sanitize(dirty, {
    ALLOWED_TAGS,
    ALLOWED_ATTR,
    ALLOW_DATA_ATTR: false,
    ALLOW_ARIA_ATTR: false,
    ALLOWED_URI_REGEXP: /^(?:https?|mailto):/i,
    RETURN_DOM_FRAGMENT: true,
    ...(policy ? {TRUSTED_TYPES_POLICY: policy} : {}),
  });
  // Markup that makes the parser build a frameset document has no body, and DOMPurify
  // then returns null despite its types.
  return fragment ?? document.createDocumentFragment();
}
