import {httpUrl} from './urls.js';

/**
 * Plain comment text split into what the elements render: paragraphs (separated by a blank
 * line), lines (single line breaks), and runs of text or links. Pure data, so the renderer
 * only ever binds strings as text and checked URLs as `href`.
 */
export type TextRun = {kind: 'text'; text: string} | {kind: 'link'; text: string; href: string};
export type TextLine = TextRun[];
export type TextParagraph = TextLine[];

// Candidates start at "http(s)://" and run to whitespace or a character that cannot be
// part of a URL typed in prose; trailing punctuation is trimmed afterwards.
const urlCandidate = /\bhttps?:\/\/[^\s<>"`]+/gi;
const trailingPunctuation = /[.,;:!?'’”»]+$/;
const closingBrackets: Readonly<Record<string, string>> = {')': '(', ']': '['};

export function parseText(value: string): TextParagraph[] {
  return value
    .replace(/\r\n?/g, '\n')
    .split(/\n[^\S\n]*\n\s*/)
    .map((paragraph) => paragraph.replace(/^\n+|\s+$/g, ''))
    .filter((paragraph) => paragraph.length > 0)
    .map((paragraph) => paragraph.split('\n').map(parseLine));
}

function parseLine(line: string): TextLine {
  const runs: TextLine = [];
  let textStart = 0;
  for (const match of line.matchAll(urlCandidate)) {
    const candidate = trimUrl(match[0]);
    const href = httpUrl(candidate);
    if (!href) continue;
    if (match.index > textStart) runs.push({kind: 'text', text: line.slice(textStart, match.index)});
    runs.push({kind: 'link', text: candidate, href});
    textStart = match.index + candidate.length;
  }
  if (textStart < line.length || runs.length === 0) runs.push({kind: 'text', text: line.slice(textStart)});
  return runs;
}

/**
 * Drops sentence punctuation after a URL, and a closing bracket the URL did not open
 * ("(see https://example.com/a)" links without the ")", Wikipedia's "…_(band)" keeps it).
 */
function trimUrl(candidate: string): string {
  let url = candidate.replace(trailingPunctuation, '');
  for (;;) {
    const opener = closingBrackets[url.at(-1) ?? ''];
    if (opener === undefined || count(url, url.at(-1)!) <= count(url, opener)) return url;
    url = url.slice(0, -1).replace(trailingPunctuation, '');
  }
}

function count(value: string, character: string): number {
  return value.split(character).length - 1;
}
