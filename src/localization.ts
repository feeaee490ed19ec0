import {configureLocalization, LOCALE_STATUS_EVENT, type LocaleModule} from '@lit/localize';
import {sourceLocale, targetLocales} from './generated/locale-codes.js';
import {bestLocale} from './i18n/match.js';
import {addOverrides, withOverrides, type ColloquyStrings} from './i18n/overrides.js';

type TargetLocale = (typeof targetLocales)[number];

export {sourceLocale, targetLocales};
export type {ColloquyStrings};
export {directionOf} from './i18n/match.js';

/**
 * The translation that best serves one or more BCP 47 tags, in order of preference:
 * `fr-CA` → `fr`, `pt` → `pt-BR`, `zh-TW` → `zh-Hant`, `iw` → `he`, `['sv', 'fr']` →
 * `fr`; the source locale (`en`) when none has one. Matched by language and script with
 * the browser's likely-subtags data (see bestLocale).
 */
export function matchLocale(tags: string | readonly string[]): string {
  return bestLocale(typeof tags === 'string' ? [tags] : tags, [sourceLocale, ...targetLocales], sourceLocale);
}

/**
 * Replaces Colloquy's messages with a site's own words, keyed by message id (the list is
 * in docs/messages.md), for every language or for `locale` only (matched like a page's
 * `lang`). Elements already on the page show them at once. A script-tag page can write
 * them in `<script type="application/json" data-colloquy-strings>` instead. Resolves
 * once they are in place.
 */
export function setColloquyStrings(strings: ColloquyStrings, options: {locale?: string} = {}): Promise<void> {
  return addOverrides(strings, options.locale === undefined ? '' : matchLocale(options.locale)).then(() => {
    // Elements re-render when a locale is ready: announce the one showing again.
    if (readyLocale) window.dispatchEvent(new CustomEvent(LOCALE_STATUS_EVENT, {detail: {status: 'ready', readyLocale}}));
  });
}

/**
 * Colloquy's messages in `locale` (or the nearest it has, see `matchLocale`) with the
 * site's own words on top (see `setColloquyStrings`), for an app that configures
 * @lit/localize itself and merges them into its own `loadLocale`. Where Colloquy has no
 * translation only the site's words are there, so its elements stay in English.
 * Each import is written out so bundlers keep every locale as its own lazy chunk.
 */
export async function loadColloquyLocale(locale: string): Promise<LocaleModule> {
  const matched = matchLocale(locale);
  const {templates} = await translations(matched as TargetLocale | typeof sourceLocale);
  return {templates: await withOverrides(matched, templates)};
}

const noTranslation: LocaleModule = {templates: {}};

/** A locale missing here fails to compile (see the `never` below) rather than showing English. */
function translations(locale: TargetLocale | typeof sourceLocale): Promise<LocaleModule> {
  switch (locale) {
    case 'ar':
      return import('./generated/locales/ar.js');
    case 'de':
      return import('./generated/locales/de.js');
    case 'es':
      return import('./generated/locales/es.js');
    case 'fa':
      return import('./generated/locales/fa.js');
    case 'fr':
      return import('./generated/locales/fr.js');
    case 'he':
      return import('./generated/locales/he.js');
    case 'hi':
      return import('./generated/locales/hi.js');
    case 'id':
      return import('./generated/locales/id.js');
    case 'it':
      return import('./generated/locales/it.js');
    case 'ja':
      return import('./generated/locales/ja.js');
    case 'ko':
      return import('./generated/locales/ko.js');
    case 'nl':
      return import('./generated/locales/nl.js');
    case 'pl':
      return import('./generated/locales/pl.js');
    case 'pt-BR':
      return import('./generated/locales/pt-BR.js');
    case 'ru':
      return import('./generated/locales/ru.js');
    case 'tr':
      return import('./generated/locales/tr.js');
    case 'uk':
      return import('./generated/locales/uk.js');
    case 'vi':
      return import('./generated/locales/vi.js');
    case 'zh-Hans':
      return import('./generated/locales/zh-Hans.js');
    case 'zh-Hant':
      return import('./generated/locales/zh-Hant.js');
    case sourceLocale:
      return Promise.resolve(noTranslation);
    default:
      return locale satisfies never;
  }
}

/**
 * Takes the site's words from `<script type="application/json" data-colloquy-strings>`
 * blocks in `root` (see `setColloquyStrings`): a block is for every language, or for the
 * one its attribute names (`data-colloquy-strings="fr"`). `followPageLanguage` calls it;
 * an app that configures @lit/localize itself may too.
 */
export function applyPageStrings(root: ParentNode = document): Promise<void> {
  const blocks = root.querySelectorAll<HTMLScriptElement>('script[type="application/json"][data-colloquy-strings]');
  const applied = [...blocks].map((block) => {
    let strings: unknown;
    try {
      strings = JSON.parse(block.textContent ?? '');
    } catch (error) {
      console.warn('Colloquy strings: a data-colloquy-strings block is not valid JSON, so it is ignored.', error);
      return undefined;
    }
    if (typeof strings !== 'object' || strings === null || Array.isArray(strings)) {
      console.warn('Colloquy strings: a data-colloquy-strings block must hold one JSON object, keyed by message id.');
      return undefined;
    }
    const locale = block.dataset['colloquyStrings'] || undefined;
    return setColloquyStrings(strings as ColloquyStrings, {locale});
  });
  return Promise.all(applied).then(() => undefined);
}

/**
 * Stands for the English in the code, so that English itself is a locale @lit/localize
 * loads (it never loads its source locale) and can carry the site's words. Never shown.
 */
const codeLocale = 'en-x-code';

let following = false;

/**
 * For pages whose own code does not localize with @lit/localize (it can be configured
 * only once per page): configures it with Colloquy's translations and the site's words
 * (see `applyPageStrings`), and follows the page's `<html lang>` (else the browser's
 * languages), now and whenever it changes. The script-tag build calls it; npm users
 * call it, or merge `loadColloquyLocale` into their own `configureLocalization`.
 * Calling it again does nothing.
 */
export function followPageLanguage(root: HTMLElement = document.documentElement): void {
  if (following) return;
  following = true;
  let setLocale: (locale: string) => Promise<void>;
  try {
    ({setLocale} = configureLocalization({sourceLocale: codeLocale, targetLocales: [sourceLocale, ...targetLocales], loadLocale: loadColloquyLocale}));
  } catch {
    // The page (or another copy of Colloquy) configured it first: that configuration wins.
    console.warn('Colloquy: @lit/localize is already configured on this page; its locale is used.');
    return;
  }
  // Blocks after the script (a classic script, or one in <head>) are there once parsed.
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', () => void applyPageStrings(), {once: true});
  else void applyPageStrings();
  const apply = () => {
    setLocale(matchLocale(root.lang ? [root.lang] : navigator.languages)).catch((error: unknown) => {
      console.warn('Colloquy: the translation could not be loaded.', error);
    });
  };
  apply();
  new MutationObserver(apply).observe(root, {attributes: true, attributeFilter: ['lang']});
}

/** The locale @lit/localize last reported ready on this page, by whichever copy of it; none yet. */
let readyLocale: string | undefined;

/**
 * The messages' locale: the one last reported ready, whoever configured @lit/localize (a
 * library must not); English, the code's own, until one is.
 */
export function loadedLocale(): string {
  return readyLocale ?? sourceLocale;
}

// One listener for the page, from the moment any element loads (they all import this
// module through i18n/locale.ts), so strings set later re-announce a locale that was
// ready before. Server rendering and Node imports have no window and no locale to follow.
if (typeof window !== 'undefined') {
  window.addEventListener(LOCALE_STATUS_EVENT, (event) => {
    if (event.detail.status !== 'ready') return;
    readyLocale = event.detail.readyLocale;
    followLocaleOfAnotherCopy(readyLocale);
  });
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
