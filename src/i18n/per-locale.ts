/**
 * The `Intl` object built by `create` for `locale`, built once and then reused (they are
 * costly, and a thread asks for one per comment on every tick of the clock). A page's
 * `lang` may be malformed and Intl throws on such tags, so those get the default locale.
 */
export function perLocale<T>(cache: Map<string, T>, locale: string, create: (locale: string | undefined) => T): T {
  let made = cache.get(locale);
  if (!made) {
    try {
      made = create(locale);
    } catch {
      made = create(undefined);
    }
    cache.set(locale, made);
  }
  return made;
}
