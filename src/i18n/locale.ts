import {getLocale} from '@lit/localize';

/**
 * The language for numbers, dates and plurals around `element`: its nearest `lang`
 * attribute, else the page's, else the active @lit/localize locale.
 */
export function localeOf(element: Element): string {
  const lang = element.closest('[lang]')?.getAttribute('lang') || document.documentElement.lang;
  return lang || getLocale();
}

const pluralRules = new Map<string, Intl.PluralRules>();

/** CLDR plural category of `count` in `locale`, with the rules object cached per locale. */
export function pluralCategory(count: number, locale: string): Intl.LDMLPluralRule {
  let rules = pluralRules.get(locale);
  if (!rules) {
    rules = new Intl.PluralRules(locale);
    pluralRules.set(locale, rules);
  }
  return rules.select(count);
}

/**
 * Picks the message for `count` by its CLDR plural category. Give every counted string
 * all six categories, each its own `msg()` id (English repeats `other` for `zero`, `two`,
 * `few`, `many`), so a translation into Polish or Arabic has ids for every form it needs.
 *
 *   plural(count, locale, {
 *     zero: () => msg(str`${n} thoughts`, {id: 'thread.count.zero'}),
 *     one: () => msg(str`${n} thought`, {id: 'thread.count.one'}),
 *     …
 *     other: () => msg(str`${n} thoughts`, {id: 'thread.count.other'}),
 *   })
 */
export function plural(
  count: number,
  locale: string,
  messages: Partial<Record<Intl.LDMLPluralRule, () => string>> & {other: () => string},
): string {
  const chosen = messages[pluralCategory(count, locale)] ?? messages.other;
  return chosen();
}
