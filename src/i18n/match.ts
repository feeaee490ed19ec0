/**
 * A language tag with its likely script and region filled in (`pt` → `pt-Latn-BR`,
 * `zh-TW` → `zh-Hant-TW`) and deprecated codes replaced (`iw` → `he`, `in` → `id`): the
 * CLDR data behind `Intl.Locale`, so no table of ours has to know that Taiwan writes
 * Traditional Chinese. `undefined` for a malformed tag.
 */
function likely(tag: string): Intl.Locale | undefined {
  try {
    return new Intl.Locale(tag.trim().replace(/_/g, '-')).maximize();
  } catch {
    return undefined;
  }
}

/**
 * The locale of `available` that best serves the first of `requested` (in order of
 * preference) that any of them can serve, as `Intl.LocaleMatcher`'s lookup does:
 * language and script must agree, and the same region is preferred (`pt-PT` still gets
 * `pt-BR`, `zh-HK` gets `zh-Hant`, `sr-Latn` does not get Cyrillic Serbian). `fallback`
 * when none can.
 */
export function bestLocale(requested: readonly string[], available: readonly string[], fallback: string): string {
  const candidates = available.map((tag) => ({tag, likely: likely(tag)}));
  for (const wanted of requested.map(likely)) {
    if (!wanted) continue;
    let best: string | undefined;
    let bestScore = 0;
    for (const {tag, likely: offered} of candidates) {
      if (!offered || offered.language !== wanted.language || offered.script !== wanted.script) continue;
      const score = offered.region === wanted.region ? 2 : 1;
      if (score > bestScore) [best, bestScore] = [tag, score];
    }
    if (best) return best;
  }
  return fallback;
}

/**
 * `rtl` for languages written right to left (Arabic, Hebrew, Persian, Urdu…), from
 * `Intl.Locale`'s text info where the browser has it (`getTextInfo()`, earlier the
 * `textInfo` getter), else from the script its likely subtags name.
 */
export function directionOf(tag: string): 'ltr' | 'rtl' {
  const locale = likely(tag) as (Intl.Locale & {getTextInfo?(): {direction?: string}; textInfo?: {direction?: string}}) | undefined;
  if (!locale) return 'ltr';
  const direction = locale.getTextInfo?.().direction ?? locale.textInfo?.direction;
  if (direction === 'rtl' || direction === 'ltr') return direction;
  return /^(Arab|Hebr|Syrc|Thaa|Nkoo|Adlm|Rohg|Mand|Samr|Mend)$/.test(locale.script ?? '') ? 'rtl' : 'ltr';
}
