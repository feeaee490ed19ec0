import {loadedLocale} from '../localization.js';
import {formatNumber} from './format.js';
import {perLocale} from './per-locale.js';

/**
 * The language for numbers and dates around `element`: its nearest `lang` attribute
 * (through shadow roots), else the page's, else the loaded message locale. (Messages, and
 * so their plural forms, are in the page's one loaded locale; see `plural`.)
 */
export function localeOf(element: Element): string {
  let node: Node | null = element;
  while (node) {
    if (node instanceof Element) {
      const lang = node.closest('[lang]')?.getAttribute('lang');
      if (lang) return lang;
      node = node.getRootNode() instanceof ShadowRoot ? (node.getRootNode() as ShadowRoot).host : null;
    } else {
      node = null;
    }
  }
  return document.documentElement.lang || loadedLocale();
}

const pluralRules = new Map<string, Intl.PluralRules>();

/** CLDR plural category of `count` in `locale`, with the rules object cached per locale. */
function pluralCategory(count: number, locale: string): Intl.LDMLPluralRule {
  const rules = perLocale(pluralRules, locale, (tag) => new Intl.PluralRules(tag));
  return rules.select(count);
}

export type PluralMessages = Partial<Record<Intl.LDMLPluralRule, () => string>> & {other: () => string};

// Text from the backend is isolated (see isolate.ts) and cannot hold isolate controls of
// its own, so a `#` inside an isolate belongs to a title or a name, not to the message.
const countOrIsolated = /\u2068[^\u2068\u2069]*\u2069|#/g;

/**
 * Picks the message for `count` by its CLDR plural category and writes the number
 * where the message has `#` (as in ICU MessageFormat). Give every counted string all six
 * categories, each its own `msg()` id (English repeats `other` for `zero`, `two`, `few`,
 * `many`), so a translation into Polish or Arabic has ids for every form it needs.
 *
 *   plural(count, locale, {
 *     zero: () => msg('# thoughts', {id: 'thread.count.zero'}),
 *     one: () => msg('# thought', {id: 'thread.count.one'}),
 *     …
 *     other: () => msg('# thoughts', {id: 'thread.count.other'}),
 *   })
 *
 * The number is not a `${}` placeholder because a translation may leave it out where its
 * form says it in words (Arabic: تعليقان, "two comments"), and @lit/localize requires
 * every placeholder in every translation.
 *
 * The category follows the language the messages are in (French calls 0 `one`, English
 * `other`), which is the page's loaded locale; `locale` (usually `localeOf(element)`)
 * formats the number, unless `shown` gives it already formatted ("4 min").
 */
export function plural(count: number, locale: string, messages: PluralMessages, shown?: string): string {
  const chosen = messages[pluralCategory(count, loadedLocale())] ?? messages.other;
  const number = shown ?? formatNumber(count, locale);
  return chosen().replace(countOrIsolated, (match) => (match === '#' ? number : match));
}
