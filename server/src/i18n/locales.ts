/** The widget's languages (lit-localize.json), which the server speaks too. */
export const LOCALES = [
  'en', 'fr', 'ar', 'he', 'fa', 'es', 'de', 'pt-BR', 'it', 'nl', 'pl', 'ru', 'uk', 'tr', 'ja', 'zh-Hans', 'zh-Hant', 'ko', 'hi', 'id', 'vi',
] as const;

export type Locale = (typeof LOCALES)[number];

export const SOURCE_LOCALE: Locale = 'en';

const RIGHT_TO_LEFT: ReadonlySet<Locale> = new Set(['ar', 'he', 'fa']);

export function directionOf(locale: Locale): 'ltr' | 'rtl' {
  return RIGHT_TO_LEFT.has(locale) ? 'rtl' : 'ltr';
}

export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (LOCALES as readonly string[]).includes(value);
}

/**
 * Bounds on `Accept-Language`: browsers send a handful of entries in well under 200
 * characters, so a longer header is not a browser's and is ignored as a whole (English),
 * and only the first entries are looked at.
 */
const MAX_HEADER_LENGTH = 512;
const MAX_ENTRIES = 16;
const TAG = /^[A-Za-z]{1,8}(?:-[A-Za-z0-9]{1,8}){0,7}$/;
const QUALITY = /^q=(0(?:\.\d{0,3})?|1(?:\.0{0,3})?)$/i;

/**
 * The supported locale the reader prefers, from an `Accept-Language` header (RFC 9110
 * §12.5.4): entries by quality (ties keep their order), each matched to a supported
 * locale, the first match winning; English when nothing matches or the header is absent,
 * malformed or oversized.
 */
export function negotiateLocale(header: string | null | undefined): Locale {
  if (!header || header.length > MAX_HEADER_LENGTH) return SOURCE_LOCALE;
  const wanted: {tag: string; quality: number; order: number}[] = [];
  const entries = header.split(',', MAX_ENTRIES);
  for (const [order, entry] of entries.entries()) {
    const [rawTag = '', ...parameters] = entry.split(';').map((part) => part.trim());
    if (!TAG.test(rawTag)) continue;
    let quality = 1;
    const q = parameters.find((parameter) => /^q=/i.test(parameter));
    if (q !== undefined) {
      const value = QUALITY.exec(q)?.[1];
      if (value === undefined) continue;
      quality = Number(value);
    }
    if (quality > 0) wanted.push({tag: rawTag, quality, order});
  }
  wanted.sort((a, b) => b.quality - a.quality || a.order - b.order);
  for (const {tag} of wanted) {
    const locale = matchLocale(tag);
    if (locale) return locale;
  }
  return SOURCE_LOCALE;
}

/**
 * One language tag to a supported locale: Chinese by script (Hant for Taiwan, Hong Kong
 * and Macau, Hans otherwise), any Portuguese to pt-BR, otherwise by the primary language
 * (fr-CA is fr); `iw` and `in` are the old codes for Hebrew and Indonesian.
 */
export function matchLocale(tag: string): Locale | undefined {
  const subtags = tag.toLowerCase().split('-');
  const language = subtags[0];
  if (language === 'zh') {
    const traditional = subtags.includes('hant') || (!subtags.includes('hans') && subtags.some((s) => s === 'tw' || s === 'hk' || s === 'mo'));
    return traditional ? 'zh-Hant' : 'zh-Hans';
  }
  if (language === 'pt') return 'pt-BR';
  if (language === 'iw') return 'he';
  if (language === 'in') return 'id';
  return LOCALES.find((locale) => locale === language);
}
