import type {Token} from 'marked';
import {loadOnce} from '../core/load-once.js';

/**
 * Markdown, for backends that store comments as Markdown (`capabilities.markdown`). Only
 * `marked`'s lexer is used: it turns the text into tokens, and the elements render those
 * tokens as Lit templates, so nothing written by a commenter is ever parsed as HTML. The
 * parser is loaded the first time a page needs it.
 */
type Lex = (text: string) => Token[];

let lex: Lex | undefined;
let decode: ((text: string) => string) | undefined;

/**
 * Loads the lexer once (again after a failed load), and with it the entity decoder its
 * text needs (both only where a page shows Markdown); resolves when `markdownTokens` and
 * `markdownText` can answer.
 */
export const loadMarkdown: () => Promise<void> = loadOnce(() =>
  Promise.all([import('marked'), import('./entities.js')]).then(([{Lexer}, {decodeEntities}]) => {
    // GitHub's dialect (autolinked URLs), and a single line break kept as one, as people
    // who never heard of Markdown expect from a comment box.
    lex = (text) => Lexer.lex(text, {gfm: true, breaks: true});
    decode = decodeEntities;
  }),
);

/**
 * A token's text as Markdown means it: the lexer leaves character references as typed
 * (`&amp;` is "&") and escapes code spans' text into them.
 */
export function markdownText(text: string): string {
  return decode ? decode(text) : text;
}

const tokensOf = new Map<string, Token[]>();

/** The text's tokens, or undefined until `loadMarkdown` has finished. */
export function markdownTokens(text: string): Token[] | undefined {
  if (!lex) return undefined;
  let tokens = tokensOf.get(text);
  if (!tokens) {
    // A thread re-renders every comment on each clock tick: lex each text once.
    if (tokensOf.size >= 2000) tokensOf.clear();
    tokens = lex(text);
    tokensOf.set(text, tokens);
  }
  return tokens;
}
