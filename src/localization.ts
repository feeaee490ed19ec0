import {configureLocalization, type LocaleModule} from '@lit/localize';
import {sourceLocale, targetLocales} from './generated/locale-codes.js';

type TargetLocale = (typeof targetLocales)[number];

export {sourceLocale, targetLocales};

/**
 * The translation closest to one or more BCP 47 tags, in order of preference: `fr-CA` →
 * `fr`, `ar-EG` → `ar`, `['de', 'fr']` → `fr`; the source locale (`en`) when none has one.
 */
export function matchLocale(tags: string | readonly string[]): string {
  for (const tag of typeof tags === 'string' ? [tags] : tags) {
    const language = tag.trim().toLowerCase().split(/[-_]/)[0] ?? '';
    if (language === sourceLocale || (targetLocales as readonly string[]).includes(language)) return language;
  }
  return sourceLocale;
}

const noTranslation: LocaleModule = {templates: {}};

/**
 * Colloquy's messages in `locale` (or the nearest it has, see `matchLocale`), for an app
 * that configures @lit/localize itself and merges them into its own `loadLocale`. Where
 * Colloquy has no translation the result is empty, so its elements stay in English.
 * Each import is written out so bundlers keep every locale as its own lazy chunk.
 */
export function loadColloquyLocale(locale: string): Promise<LocaleModule> {
  switch (matchLocale(locale) as TargetLocale) {
    case 'ar':
      return import('./generated/locales/ar.js');
    case 'fr':
      return import('./generated/locales/fr.js');
    default:
      return Promise.resolve(noTranslation);
  }
}

let following = false;

/**
 * For pages whose own code does not localize with @lit/localize (it can be configured
 * only once per page): configures it with Colloquy's translations and follows the
 * page's `<html lang>` (else the browser's languages), now and whenever it changes. The
 * script-tag build calls it; npm users call it, or merge `loadColloquyLocale` into their
 * own `configureLocalization`. Calling it again does nothing.
 */
export function followPageLanguage(root: HTMLElement = document.documentElement): void {
  if (following) return;
  following = true;
  let setLocale: (locale: string) => Promise<void>;
  try {
    ({setLocale} = configureLocalization({sourceLocale, targetLocales, loadLocale: loadColloquyLocale}));
  } catch {
    // The page (or another copy of Colloquy) configured it first: that configuration wins.
    console.warn('Colloquy: @lit/localize is already configured on this page; its locale is used.');
    return;
  }
  const apply = () => {
    setLocale(matchLocale(root.lang ? [root.lang] : navigator.languages)).catch((error: unknown) => {
      console.warn('Colloquy: the translation could not be loaded.', error);
    });
  };
  apply();
  new MutationObserver(apply).observe(root, {attributes: true, attributeFilter: ['lang']});
}

/** How Colloquy follows another copy of @lit/localize: unknown yet, not needed (`null`), or its setLocale. */
let adopted: ((locale: string) => Promise<void>) | null | undefined;

/**
 * Called for every locale a copy of @lit/localize on the page reports ready. When the app
 * configured a copy that is not Colloquy's (npm could not share one: another minor
 * version, a strict package manager, a second bundle), Colloquy's own copy was never
 * configured and would stay in English; it then configures itself with its own
 * translations and follows that locale. When Colloquy's copy is the configured one (the
 * usual case, and every later event), `configureLocalization` refuses and nothing changes.
 */
export function followLocaleOfAnotherCopy(locale: string): void {
  if (adopted === undefined) {
    try {
      adopted = configureLocalization({sourceLocale, targetLocales, loadLocale: loadColloquyLocale}).setLocale;
    } catch {
      adopted = null;
    }
  }
  adopted?.(matchLocale(locale)).catch((error: unknown) => {
    console.warn('Colloquy: the translation could not be loaded.', error);
  });
}
