import {LOCALE_STATUS_EVENT} from '@lit/localize';

// The page configures @lit/localize (a library must not); follow the locale it loads.
let loadedLocale = 'en';
window.addEventListener(LOCALE_STATUS_EVENT, (event) => {
  if (event.detail.status === 'ready') loadedLocale = event.detail.readyLocale;
});

/**
 * The language for numbers, dates and plurals around `element`: its nearest `lang`
 * attribute (through shadow roots), else the page's, else the loaded message locale.
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
  return document.documentElement.lang || loadedLocale;
}

const pluralRules = new Map<string, Intl.PluralRules>();

/** CLDR plural category of `count` in `locale`, with the rules object cached per locale. */
export function pluralCategory(count: number, locale: string): Intl.LDMLPluralRule {
  let rules = pluralRules.get(locale);
  if (!rules) {
    try {
      rules = new Intl.PluralRules(locale);
    } catch {
      // A malformed `lang` attribute: Intl throws a RangeError on it.
      rules = new Intl.PluralRules();
    }
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
