// What must never survive sanitizing, checked on the DOM a browser actually built.

const forbiddenElements = new Set([
  'script', 'style', 'iframe', 'frame', 'frameset', 'object', 'embed', 'applet', 'form', 'input', 'button',
  'textarea', 'select', 'option', 'link', 'meta', 'base', 'template', 'svg', 'math', 'noscript', 'audio', 'video',
  'source', 'slot', 'portal', 'dialog',
]);
const urlAttributes = new Set(['href', 'src', 'xlink:href', 'action', 'formaction', 'srcset', 'poster', 'background', 'cite', 'data', 'longdesc', 'ping']);
const allowedLinkProtocols = new Set(['http:', 'https:', 'mailto:']);

export interface Vector {
  title: string;
  payload: string;
}

export async function loadVectors(): Promise<Vector[]> {
  const response = await fetch(new URL('/test/fixtures/xss/dompurify-vectors.json', location.href));
  return (await response.json()) as Vector[];
}

/** Every unsafe thing found under `root`, described; empty when it is safe to show. */
export function unsafeMarkup(root: ParentNode): string[] {
  const problems: string[] = [];
  for (const element of root.querySelectorAll('*')) {
    const tag = element.localName;
    if (forbiddenElements.has(tag) || element.namespaceURI !== 'http://www.w3.org/1999/xhtml') problems.push(`<${tag}>`);
    for (const {name, value} of Array.from(element.attributes)) {
      const lower = name.toLowerCase();
      if (lower.startsWith('on')) problems.push(`${tag}[${name}]`);
      // The one class the sanitizer sets itself: on images drawn at text size.
      const ownClass = tag === 'img' && lower === 'class' && value === 'inline-image';
      if (['style', 'id', 'name', 'class', 'is', 'slot', 'part', 'srcdoc', 'target'].includes(lower) && !ownClass) problems.push(`${tag}[${name}]`);
      if (urlAttributes.has(lower) && !allowedUrl(tag, lower, value)) problems.push(`${tag}[${name}=${value.slice(0, 40)}]`);
    }
    if (tag === 'a' && element.hasAttribute('href') && element.getAttribute('rel') !== 'nofollow ugc noopener noreferrer') {
      problems.push(`a without rel: ${element.getAttribute('rel')}`);
    }
  }
  return problems;
}

function allowedUrl(tag: string, attribute: string, value: string): boolean {
  // A fragment link stays in this page (where the thread follows #comment-… links).
  if (tag === 'a' && attribute === 'href' && /^#[^\s]/.test(value)) return true;
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return false;
  }
  if (tag === 'img' && attribute === 'src') {
    return url.protocol === 'http:' || url.protocol === 'https:' || /^data:image\//i.test(value.trim());
  }
  if (attribute === 'href' || attribute === 'cite') return allowedLinkProtocols.has(url.protocol);
  return false;
}
