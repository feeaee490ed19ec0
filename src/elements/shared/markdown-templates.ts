import {html, nothing, type TemplateResult} from 'lit';
import type {Token, Tokens} from 'marked';
import {markdownText} from '../../content/markdown.js';
import {httpUrl, UGC_LINK_REL} from '../../content/urls.js';

// Markdown's tokens as Lit templates (see markdown.ts): loaded with the lexer, only where a
// comment in Markdown shows.

/** Deeper nesting (quotes in quotes in lists…) is shown as the text typed. */
const MAX_DEPTH = 12;

export function markdownTemplate(tokens: readonly Token[]): TemplateResult {
  return html`${blocks(tokens, 0)}`;
}

function blocks(tokens: readonly Token[], depth: number): unknown[] {
  return tokens.map((token) => block(token, depth));
}

function block(token: Token, depth: number): unknown {
  if (depth > MAX_DEPTH) return html`<p>${token.raw}</p>`;
  switch (token.type) {
    case 'paragraph':
      return html`<p>${inline((token as Tokens.Paragraph).tokens, depth)}</p>`;
    // A heading inside a comment would break the page's outline: strong text says as much.
    case 'heading':
      return html`<p><strong>${inline((token as Tokens.Heading).tokens, depth)}</strong></p>`;
    case 'blockquote':
      return html`<blockquote>${blocks((token as Tokens.Blockquote).tokens, depth + 1)}</blockquote>`;
    case 'list':
      return list(token as Tokens.List, depth);
    case 'code':
      return html`<pre><code>${(token as Tokens.Code).text}</code></pre>`;
    case 'hr':
      return html`<hr />`;
    case 'text': {
      const text = token as Tokens.Text;
      return text.tokens ? inline(text.tokens, depth) : markdownText(text.text);
    }
    case 'space':
    case 'def':
      return nothing;
    // HTML and tables are shown as typed.
    default:
      return html`<p>${token.raw.trim()}</p>`;
  }
}

function list(token: Tokens.List, depth: number): TemplateResult {
  const items = token.items.map((item) => html`<li>${blocks(item.tokens, depth + 1)}</li>`);
  if (!token.ordered) return html`<ul>${items}</ul>`;
  const start = typeof token.start === 'number' && token.start !== 1 ? token.start : nothing;
  return html`<ol start=${start}>${items}</ol>`;
}

function inline(tokens: readonly Token[] | undefined, depth: number): unknown[] {
  return (tokens ?? []).map((token) => inlineToken(token, depth));
}

function inlineToken(token: Token, depth: number): unknown {
  if (depth > MAX_DEPTH) return token.raw;
  switch (token.type) {
    case 'text': {
      const text = token as Tokens.Text;
      return text.tokens ? inline(text.tokens, depth + 1) : markdownText(text.text);
    }
    case 'strong':
      return html`<strong>${inline((token as Tokens.Strong).tokens, depth + 1)}</strong>`;
    case 'em':
      return html`<em>${inline((token as Tokens.Em).tokens, depth + 1)}</em>`;
    case 'del':
      return html`<del>${inline((token as Tokens.Del).tokens, depth + 1)}</del>`;
    case 'codespan':
      return html`<code>${markdownText((token as Tokens.Codespan).text)}</code>`;
    case 'br':
      return html`<br />`;
    case 'escape':
      return (token as Tokens.Escape).text;
    case 'link': {
      const link = token as Tokens.Link;
      const href = safeHref(link.href);
      const content = inline(link.tokens, depth + 1);
      return href ? html`<a href=${href} rel=${UGC_LINK_REL}>${content}</a>` : content;
    }
    // Pictures from anywhere would let any commenter track readers: a link to it instead.
    case 'image': {
      const image = token as Tokens.Image;
      const href = httpUrl(image.href);
      const label = image.text || image.href;
      return href ? html`<a href=${href} rel=${UGC_LINK_REL}>${label}</a>` : label;
    }
    // Inline HTML is shown as typed; checkboxes have no meaning in a comment.
    case 'html':
      return token.raw;
    default:
      return token.raw;
  }
}

/** Links go to web pages or email addresses only. */
function safeHref(href: string): string | undefined {
  if (/^mailto:[^\s]+@[^\s]+$/i.test(href)) return href;
  return httpUrl(href);
}
