import type {LocaleModule} from '@lit/localize';
import {loadOnce} from '../core/load-once.js';

type Template = LocaleModule['templates'][string];
type Templates = Record<string, Template>;
type PluralCategory = Intl.LDMLPluralRule;

/**
 * A site's own words for Colloquy's messages, keyed by message id (see docs/messages.md).
 * `{0}`, `{1}` stand for the values the English message has in that order, `#` for the
 * number of a counted message. A counted message (`thread.heading`) takes either one
 * string per CLDR plural category, an ICU plural (`{count, plural, one {…} other {…}}`),
 * or one string for every number; categories left out use `other`. One category alone
 * can also be set by its full id (`thread.heading.one`).
 */
export type ColloquyStrings = Record<string, string | Partial<Record<PluralCategory, string>>>;

/** The catalogue of message ids and how many values each has, loaded with the first override. */
type Catalogue = Readonly<Record<string, number>>;
const loadCatalogue: () => Promise<Catalogue> = loadOnce(() =>
  import('../generated/messages.js').then((module) => module.messagePlaceholders),
);

/** Overrides for every locale under '', else under the locale they were given for. */
const overrides = new Map<string, Templates>();
/** The templates handed to @lit/localize per locale, updated in place by later overrides. */
const merged = new Map<string, {base: Templates; templates: Templates}>();
let pending: Promise<unknown> = Promise.resolve();

function refreshMerged(): void {
  for (const [locale, entry] of merged) {
    for (const id of Object.keys(entry.templates)) delete entry.templates[id];
    Object.assign(entry.templates, entry.base, overrides.get(''), overrides.get(locale));
  }
}

/**
 * Adds `strings` for `locale` (a locale Colloquy has, already matched), or for every
 * locale when it is ''. Later strings replace earlier ones id by id. Resolves once they
 * are in every loaded locale's templates.
 */
export function addOverrides(strings: ColloquyStrings, locale: string): Promise<void> {
  const applied = pending.then(async () => {
    const [{parse}, known] = await Promise.all([import('./override-parser.js'), loadCatalogue()]);
    overrides.set(locale, {...overrides.get(locale), ...parse(strings, known)});
    refreshMerged();
  });
  pending = applied.catch(() => undefined);
  return applied;
}

/**
 * The templates for `locale`: its translations with the site's overrides on top, in one
 * object that later overrides update in place (so a re-render is enough to show them).
 */
export async function withOverrides(locale: string, base: Templates): Promise<Templates> {
  await pending;
  let entry = merged.get(locale);
  if (!entry || entry.base !== base) {
    entry = {base, templates: {}};
    merged.set(locale, entry);
    refreshMerged();
  }
  return entry.templates;
}
