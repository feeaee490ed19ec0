import {readFileSync} from 'node:fs';
import type {Context} from 'hono';
import {escapeHtml} from '../html.js';
import {directionOf, LOCALES, SOURCE_LOCALE, type Locale} from './locales.js';
import {english, type Catalog, type CatalogEntry, type MessageId, type Values} from './messages.js';

/** Markup placed into an HTML message as it is (already escaped by whoever built it). */
export class Markup {
  constructor(readonly html: string) {}
}

/** The messages of one language, filled in from English where a catalog lacks one. */
export interface Translator {
  readonly locale: Locale;
  /** For `<html lang dir>`: ar, he and fa are written right to left. */
  readonly dir: 'ltr' | 'rtl';
  text(id: MessageId, values?: Values): string;
  /** The message as HTML text: the message and every value escaped, except `Markup`. */
  html(id: MessageId, values?: Record<string, string | number | Markup>): string;
}

/** A translated message with its values, for messages decided before the reader's language is known. */
export interface Message {
  id: MessageId;
  values?: Values;
}

const catalogFolder = new URL('./catalogs/', import.meta.url);

/** A locale's catalog file, as it is: the i18n test checks every one is complete and well formed. */
export function readCatalog(locale: Locale): Catalog {
  if (locale === SOURCE_LOCALE) return english;
  return JSON.parse(readFileSync(new URL(`${locale}.json`, catalogFolder), 'utf8')) as Catalog;
}

/** A catalog that cannot be read leaves its language in English rather than the server down. */
function catalogOrEnglish(locale: Locale): Catalog {
  try {
    return readCatalog(locale);
  } catch (error) {
    console.error(`colloquy-server: the ${locale} messages cannot be read; they are shown in English:`, (error as Error).message);
    return {};
  }
}

const PLACEHOLDER = /\{(\w+)\}/g;

function createTranslator(locale: Locale): Translator {
  const catalog = catalogOrEnglish(locale);
  const plurals = new Intl.PluralRules(locale);
  const numbers = new Intl.NumberFormat(locale);
  const pattern = (id: MessageId, values: Record<string, unknown> | undefined): string => {
    const entry: CatalogEntry = catalog[id] ?? english[id];
    if (typeof entry === 'string') return entry;
    const count = values?.['count'];
    return (typeof count === 'number' ? entry[plurals.select(count)] : undefined) ?? entry.other;
  };
  const show = (value: unknown) => (typeof value === 'number' ? numbers.format(value) : String(value));
  return {
    locale,
    dir: directionOf(locale),
    text(id, values) {
      return pattern(id, values).replace(PLACEHOLDER, (whole, name: string) => (values && name in values ? show(values[name]) : whole));
    },
    html(id, values) {
      // Split at placeholders so the message's own text is escaped apart from the values.
      return pattern(id, values)
        .split(/(\{\w+\})/)
        .map((part) => {
          const name = /^\{(\w+)\}$/.exec(part)?.[1];
          if (name === undefined || !values || !(name in values)) return escapeHtml(part);
          const value = values[name];
          return value instanceof Markup ? value.html : escapeHtml(show(value));
        })
        .join('');
    },
  };
}

/**
 * One translator per locale, built when the server starts: the catalogs are read-only
 * data shipped with the code, like `english` itself, so sharing them holds no state.
 */
const translators = new Map<Locale, Translator>(LOCALES.map((locale) => [locale, createTranslator(locale)]));

export function translatorFor(locale: Locale): Translator {
  return translators.get(locale)!;
}


/** A conversation's title as a sentence quotes it, in the reader's quotation marks. */
export function quotedTitle(t: Translator, title: string | null | undefined): string {
  return t.text('common.quoted', {title: title?.trim() || t.text('common.untitled')});
}

/**
 * `t`, once the answer says it is written in its language (`Content-Language`) and that it
 * depends on the request's `Accept-Language` (`Vary`, added to whatever else it varies on).
 */
export function answerIn(c: Context, t: Translator): Translator {
  c.header('Content-Language', t.locale);
  c.header('Vary', 'Accept-Language', {append: true});
  return t;
}
