import type {LocaleModule} from '@lit/localize';

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

const categories: readonly PluralCategory[] = ['zero', 'one', 'two', 'few', 'many', 'other'];

/** The catalogue of message ids and how many values each has, loaded with the first override. */
type Catalogue = Readonly<Record<string, number>>;
let catalogue: Promise<Catalogue> | undefined;
const loadCatalogue = () => (catalogue ??= import('../generated/messages.js').then((module) => module.messagePlaceholders));

/** Overrides for every locale under '', else under the locale they were given for. */
const overrides = new Map<string, Templates>();
/** The templates handed to @lit/localize per locale, updated in place by later overrides. */
const merged = new Map<string, {base: Templates; templates: Templates}>();
let pending: Promise<unknown> = Promise.resolve();

const warn = (problem: string) => console.warn(`Colloquy strings: ${problem}`);

/** `{count, plural, one {…} other {…}}` → {one: '…', other: '…'}; undefined when not ICU. */
function icuPlural(text: string): Partial<Record<PluralCategory, string>> | undefined {
  const head = /^\s*\{\s*[\w-]+\s*,\s*plural\s*,/.exec(text);
  if (!head) return undefined;
  const forms: Partial<Record<PluralCategory, string>> = {};
  let index = head[0].length;
  for (;;) {
    const selector = /^\s*(=?[\w-]+)\s*\{/.exec(text.slice(index));
    if (!selector) break;
    let depth = 1;
    let end = index + selector[0].length;
    for (; end < text.length && depth > 0; end++) {
      if (text[end] === '{') depth++;
      else if (text[end] === '}') depth--;
    }
    if (depth > 0) return undefined;
    const key = selector[1]!;
    const body = text.slice(index + selector[0].length, end - 1);
    if ((categories as readonly string[]).includes(key)) forms[key as PluralCategory] = body;
    else warn(`"${key}" in "${text}" is not a plural category (${categories.join(', ')}); it is ignored`);
    index = end;
  }
  return /^\s*\}\s*$/.test(text.slice(index)) ? forms : undefined;
}

/** A string for @lit/localize, with `{n}` turned into the message's n-th value. */
function template(id: string, text: string, values: number): Template | undefined {
  const parts = text.split(/\{(\d+)\}/);
  if (parts.length === 1) return text;
  const strings: string[] = [];
  const order: number[] = [];
  for (let i = 0; i < parts.length; i++) {
    if (i % 2 === 0) strings.push(parts[i]!);
    else order.push(Number(parts[i]));
  }
  const unknown = order.find((n) => n >= values);
  if (unknown !== undefined) {
    warn(`"${id}" has ${values === 0 ? 'no values' : `values {0}…{${values - 1}}`}, not {${unknown}}; its override is ignored`);
    return undefined;
  }
  return {strTag: true, strings: Object.assign(strings, {raw: strings}), values: order} as unknown as Template;
}

function parse(strings: ColloquyStrings, known: Catalogue): Templates {
  const result: Templates = {};
  if (typeof strings !== 'object' || strings === null || Array.isArray(strings)) {
    warn('strings must be one object, keyed by message id');
    return result;
  }
  // Own keys only: "constructor" or "toString" are not message ids.
  const isMessage = (id: string) => Object.prototype.hasOwnProperty.call(known, id);
  const add = (id: string, text: unknown) => {
    if (typeof text !== 'string') return warn(`"${id}" must be a string`);
    const made = template(id, text, known[id]!);
    if (made !== undefined) result[id] = made;
  };
  for (const [id, value] of Object.entries(strings)) {
    if (isMessage(id) && !id.endsWith('.other')) {
      add(id, value);
    } else if (isMessage(`${id}.other`) || (id.endsWith('.other') && isMessage(id))) {
      const base = id.replace(/\.other$/, '');
      const forms = typeof value === 'string' ? (icuPlural(value) ?? {other: value}) : value;
      if (typeof forms !== 'object' || forms === null || typeof forms.other !== 'string') {
        warn(`"${base}" is counted: give it an "other" form (ICU "{count, plural, … other {…}}" or {"other": "…"})`);
        continue;
      }
      const only = id.endsWith('.other') ? ['other' as const] : categories;
      for (const category of only) add(`${base}.${category}`, forms[category] ?? forms.other);
    } else {
      warn(`there is no message "${id}" (the list is in docs/messages.md)`);
    }
  }
  return result;
}

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
    const known = await loadCatalogue();
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
