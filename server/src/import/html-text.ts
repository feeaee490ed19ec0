import {decodeEntities} from '../../../src/content/entities.js';
import {safeUrl} from '../render.js';

/**
 * The server stores comments as plain text (paragraphs split by a blank line, lines by a
 * line break; the widget links bare URLs itself). WordPress and Disqus hand out HTML: this
 * turns it into that text with no DOM, in one pass over the tags. Nothing of the markup
 * survives as markup: tags are dropped, `<script>`/`<style>` with their content, character
 * references decoded last, so `&lt;script&gt;` becomes the visible text `<script>`,
 * which the widget shows as text.
 */

// Elements that end a paragraph where they open and close.
const BLOCK = new Set([
  'p', 'div', 'blockquote', 'pre', 'ul', 'ol', 'li', 'dl', 'dt', 'dd', 'table', 'tr', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6',
  'section', 'article', 'aside', 'header', 'footer', 'figure', 'figcaption', 'hr', 'address', 'details', 'summary',
]);
// Elements whose content is not text a reader was meant to see.
const HIDDEN = new Set(['script', 'style', 'template', 'noscript', 'iframe', 'object', 'title', 'head', 'svg', 'math', 'textarea', 'select']);

// A comment, a doctype/processing instruction, or a tag with its attributes. No part of a
// tag may hold `<`: every attempt then stops at the next `<`, so the scan stays linear
// (with `<` allowed, a body of 60 KB of "<a " took 13 s, and 1 MB would take hours). A
// "tag" that does not match stays as text, which is safe: the result is shown as text.
const TOKEN = /<!--[\s\S]*?(?:-->|$)|<![^>]*>?|<\?[^>]*>?|<(\/?)([A-Za-z][A-Za-z0-9-]*)((?:[^<>"']|"[^<"]*"|'[^<']*')*)>/g;
const HREF = /(?:^|\s)href\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+))/i;

export function htmlToStoredText(html: string): string {
  let out = '';
  let hiddenUntil: string | null = null;
  const links: {href: string; start: number}[] = [];
  let last = 0;
  const text = (raw: string) => {
    if (hiddenUntil === null) out += raw.replace(/[ \t\f\v]+/g, ' ');
  };
  TOKEN.lastIndex = 0;
  for (let match = TOKEN.exec(html); match; match = TOKEN.exec(html)) {
    text(html.slice(last, match.index));
    last = TOKEN.lastIndex;
    const name = match[2]?.toLowerCase();
    if (!name) continue; // a comment, doctype or processing instruction
    const closing = match[1] === '/';
    if (hiddenUntil !== null) {
      if (closing && name === hiddenUntil) hiddenUntil = null;
      continue;
    }
    if (HIDDEN.has(name)) {
      if (!closing && !/\/\s*$/.test(match[3] ?? '')) hiddenUntil = name;
      continue;
    }
    if (name === 'br') out += '\n';
    else if (BLOCK.has(name)) out += '\n\n';
    else if (name === 'a' && !closing) {
      const found = HREF.exec(match[3] ?? '');
      const href = found ? safeUrl(decodeEntities((found[1] ?? found[2] ?? found[3] ?? '').trim())) : undefined;
      if (href) links.push({href, start: out.length});
    } else if (name === 'a' && closing) {
      const link = links.pop();
      // Escaped, since the whole text is decoded once at the end.
      if (link) out += linkSuffix(out.slice(link.start), link.href).replaceAll('&', '&amp;');
    } else if (name === 'img' && !closing) {
      const alt = /(?:^|\s)alt\s*=\s*(?:"([^"]*)"|'([^']*)')/i.exec(match[3] ?? '');
      const altText = alt?.[1] ?? alt?.[2] ?? '';
      if (altText.trim()) out += ` ${altText.trim()} `;
    }
  }
  text(html.slice(last));
  return tidy(decodeEntities(out));
}

/** " (https://…)" after a link's words, unless the words already are its address. */
function linkSuffix(label: string, href: string): string {
  const words = decodeEntities(label).trim();
  const bare = (value: string) => value.replace(/^https?:\/\//i, '').replace(/^www\./i, '').replace(/\/$/, '');
  if (!words) return href;
  if (bare(words) === bare(href) || (words.endsWith('…') && bare(href).startsWith(bare(words.slice(0, -1))))) return '';
  return ` (${href})`;
}

/** Lines trimmed, at most one blank line between paragraphs, none at either end. */
function tidy(value: string): string {
  return value
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .map((line) => line.replace(/[ \t]+$/g, '').replace(/^[ \t]+/g, ''))
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g, '')
    .trim();
}

/** A short field (a name, a title): tags dropped, references decoded, white space made single spaces. */
export function htmlToLine(html: string, maxLength: number): string {
  return decodeEntities(html.replace(/<[^>]*>/g, ''))
    .replace(/[\u0000-\u001f\u007f]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .slice(0, maxLength);
}
