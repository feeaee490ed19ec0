// Reads a site's own words (see ColloquyStrings in overrides.ts) into @lit/localize
// templates. Loaded with the first override, so pages without any never download it.
import type {LocaleModule} from '@lit/localize';

type Template = LocaleModule['templates'][string];
type Templates = Record<string, Template>;
type PluralCategory = Intl.LDMLPluralRule;
type Strings = Record<string, string | Partial<Record<PluralCategory, string>>>;
/** Message ids and how many values each has. */
type Catalogue = Readonly<Record<string, number>>;

const categories: readonly PluralCategory[] = ['zero', 'one', 'two', 'few', 'many', 'other'];

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

export function parse(strings: Strings, known: Catalogue): Templates {
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
