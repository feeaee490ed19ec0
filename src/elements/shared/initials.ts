import {perLocale} from '../../i18n/per-locale.js';

const segmenters = new Map<string, Intl.Segmenter>();

/**
 * Text in these scripts with no marks, joiners or emoji (most names) has one grapheme per
 * code point, so it needs no `Intl.Segmenter`: the page's first one costs 10–18 ms in
 * Chromium here (ICU's break rules), before the first comments can show.
 */
const ONE_CODE_POINT_EACH = /^[\p{Script=Latin}\p{Script=Cyrillic}\p{Script=Greek}\p{Nd}]*$/u;

function graphemes(word: string, locale: string): string[] {
  if (ONE_CODE_POINT_EACH.test(word)) return Array.from(word);
  const segmenter = perLocale(segmenters, locale, (tag) => new Intl.Segmenter(tag, {granularity: 'grapheme'}));
  return Array.from(segmenter.segment(word), (part) => part.segment);
}

/**
 * One or two letters standing for a person when there is no avatar image: the first
 * letters of their first and last words ("Ada Lovelace" → "AL"). Whole graphemes, so an
 * emoji or an accented letter is never cut in half.
 */
export function initialsOf(name: string, locale: string): string {
  const key = `${locale}\u0000${name}`;
  let initials = initialsCache.get(key);
  if (initials === undefined) {
    // Segmenting is slow enough to matter when a thread of a thousand comments re-renders.
    if (initialsCache.size >= 2000) initialsCache.clear();
    initials = computeInitials(name, locale);
    initialsCache.set(key, initials);
  }
  return initials;
}

const initialsCache = new Map<string, string>();

function computeInitials(name: string, locale: string): string {
  // Only letters stand for a name: an emoji, a digit or a combining mark left alone (a
  // word starting with one) would be a strange picture of a person.
  const letters = name
    .trim()
    .split(/[\s\p{P}]+/u)
    .map((word) => graphemes(word, locale).find((grapheme) => /^\p{L}/u.test(grapheme)))
    .filter((letter): letter is string => letter !== undefined);
  if (letters.length === 0) return '?';
  const first = letters[0]!;
  const last = letters.length > 1 ? letters.at(-1)! : '';
  try {
    return (first + last).toLocaleUpperCase(locale);
  } catch {
    return (first + last).toUpperCase();
  }
}

/** A stable palette slot (0–5) for a name, so one person's initials keep their color. */
export function paletteIndexOf(name: string): number {
  let hash = 0;
  for (const character of name) hash = (hash * 31 + character.codePointAt(0)!) | 0;
  return Math.abs(hash) % 6;
}
