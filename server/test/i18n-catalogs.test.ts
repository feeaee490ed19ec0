import assert from 'node:assert/strict';
import {describe, it} from 'node:test';
import {LOCALES, matchLocale, negotiateLocale, SOURCE_LOCALE} from '../src/i18n/locales.js';
import {english, type CatalogEntry, type MessageId} from '../src/i18n/messages.js';
import {Markup, readCatalog, translatorFor} from '../src/i18n/translate.js';

// The server's message catalogs, checked like scripts/check-translations.mjs checks the
// widget's: every locale has every message, the same placeholders, and exactly the plural
// forms its language uses; then the language negotiation and the translator itself.

const ids = Object.keys(english) as MessageId[];
const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((match) => match[1]!).sort();
const categories = (locale: string) => new Intl.PluralRules(locale).resolvedOptions().pluralCategories.slice().sort();
const forms = (entry: CatalogEntry) => (typeof entry === 'string' ? [entry] : Object.values(entry));

/** Everything wrong with one catalog, as readable lines (empty when it is complete). */
function problemsOf(locale: (typeof LOCALES)[number]): string[] {
  const problems: string[] = [];
  let catalog: Record<string, unknown>;
  try {
    catalog = readCatalog(locale) as Record<string, unknown>;
  } catch (error) {
    return [`${locale}: cannot be read: ${(error as Error).message}`];
  }
  for (const extra of Object.keys(catalog).filter((id) => !(id in english))) problems.push(`${locale}: ${extra} is not an English message`);
  for (const id of ids) {
    const source: CatalogEntry = english[id];
    const entry = catalog[id] as CatalogEntry | undefined;
    if (entry === undefined) {
      problems.push(`${locale}: ${id} is missing`);
      continue;
    }
    if (typeof source === 'string') {
      if (typeof entry !== 'string') problems.push(`${locale}: ${id} must be a string`);
      else if (placeholders(entry).join() !== placeholders(source).join()) problems.push(`${locale}: ${id} has {${placeholders(entry)}}, English {${placeholders(source)}}`);
      continue;
    }
    if (typeof entry !== 'object' || entry === null || Array.isArray(entry)) {
      problems.push(`${locale}: ${id} must have plural forms`);
      continue;
    }
    const expected = categories(locale);
    if (Object.keys(entry).sort().join() !== expected.join()) problems.push(`${locale}: ${id} has forms ${Object.keys(entry).sort()}, its language uses ${expected}`);
    const wanted = placeholders(source.other).filter((name) => name !== 'count');
    for (const [category, text] of Object.entries(entry)) {
      if (typeof text !== 'string') {
        problems.push(`${locale}: ${id}.${category} must be a string`);
        continue;
      }
      // A form may say its number in words (Arabic's "two"), so only {count} may be left out.
      const found = placeholders(text);
      if (found.filter((name) => name !== 'count').join() !== wanted.join() || found.some((name) => !placeholders(source.other).includes(name))) {
        problems.push(`${locale}: ${id}.${category} has {${found}}, English {${placeholders(source.other)}}`);
      }
    }
  }
  for (const id of ids) {
    for (const text of forms((catalog[id] ?? '') as CatalogEntry)) {
      if (typeof text === 'string' && /[{}]/.test(text.replace(/\{\w+\}/g, ''))) problems.push(`${locale}: ${id} has a stray brace`);
    }
  }
  return problems;
}

describe('the message catalogs', () => {
  it('English has the plural forms English uses', () => {
    for (const [id, entry] of Object.entries(english)) {
      if (typeof entry !== 'string') assert.deepEqual(Object.keys(entry).sort(), categories('en'), id);
    }
  });

  it('every locale has every message, with the same placeholders and its own plural forms', () => {
    const problems = LOCALES.filter((locale) => locale !== SOURCE_LOCALE).flatMap(problemsOf);
    assert.deepEqual(problems, []);
  });

  it('a translation differs from English (a catalog is not English copied over)', () => {
    for (const locale of LOCALES.filter((l) => l !== SOURCE_LOCALE)) {
      const catalog = readCatalog(locale);
      const same = ids.filter((id) => JSON.stringify(catalog[id]) === JSON.stringify(english[id]));
      // Brand names and protocol words may stay as they are, not whole catalogs.
      assert.ok(same.length <= 3, `${locale}: ${same.length} messages are the English ones: ${same.join(', ')}`);
    }
  });
});

describe('Accept-Language', () => {
  it('takes the preferred supported language by quality, ties in order', () => {
    assert.equal(negotiateLocale('fr'), 'fr');
    assert.equal(negotiateLocale('fr-CA, en;q=0.8'), 'fr');
    assert.equal(negotiateLocale('en;q=0.5, de;q=0.9, fr;q=0.7'), 'de');
    assert.equal(negotiateLocale('sw, ko;q=0.3, nb'), 'ko', 'unsupported languages are passed over');
    assert.equal(negotiateLocale('ja;q=0, es'), 'es', 'q=0 means "not this one"');
    assert.equal(negotiateLocale('  AR-eg ;q=1.0 '), 'ar');
  });

  it('maps Portuguese and Chinese to the catalogs there are', () => {
    assert.equal(negotiateLocale('pt'), 'pt-BR');
    assert.equal(negotiateLocale('pt-PT'), 'pt-BR');
    assert.equal(negotiateLocale('zh-TW'), 'zh-Hant');
    assert.equal(negotiateLocale('zh-HK'), 'zh-Hant');
    assert.equal(negotiateLocale('zh-Hant-TW'), 'zh-Hant');
    assert.equal(negotiateLocale('zh-CN'), 'zh-Hans');
    assert.equal(negotiateLocale('zh'), 'zh-Hans');
    assert.equal(negotiateLocale('zh-Hans-HK'), 'zh-Hans', 'the script wins over the region');
    assert.equal(matchLocale('iw'), 'he');
  });

  it('falls back to English for an absent, unknown, garbage or oversized header', () => {
    assert.equal(negotiateLocale(null), 'en');
    assert.equal(negotiateLocale(''), 'en');
    assert.equal(negotiateLocale('xx-YY, tlh'), 'en');
    assert.equal(negotiateLocale('*'), 'en');
    assert.equal(negotiateLocale('fr;q=2'), 'en', 'a quality above 1 is malformed: the entry is dropped');
    assert.equal(negotiateLocale('<script>fr</script>, ;;;, =fr'), 'en');
    assert.equal(negotiateLocale(`fr, ${'x-'.repeat(400)}`), 'en', 'a header over the cap is ignored whole');
    // Only the first 16 entries are read: a long list cannot make the parser work for long.
    assert.equal(negotiateLocale(`${Array.from({length: 16}, () => 'xx').join(',')},fr`), 'en');
    assert.equal(negotiateLocale(`${Array.from({length: 15}, () => 'xx').join(',')},fr`), 'fr');
  });
});

describe('the translator', () => {
  it('picks the plural form of the language for the count', () => {
    const ru = translatorFor('ru');
    const forms = [1, 3, 5, 21, 1.5].map((count) => ru.text('error.name-too-long', {count}));
    const entry = readCatalog('ru')['error.name-too-long'] as Record<string, string>;
    assert.deepEqual(
      forms,
      [entry['one'], entry['few'], entry['many'], entry['one'], entry['other']].map((form, i) => form!.replace('{count}', new Intl.NumberFormat('ru').format([1, 3, 5, 21, 1.5][i]!))),
    );
    assert.match(translatorFor('en').text('error.text-too-long', {count: 1}), /at most 1 character long/);
    assert.match(translatorFor('en').text('error.text-too-long', {count: 5000}), /at most 5,000 characters long/);
    assert.match(translatorFor('fr').text('error.text-too-long', {count: 5000}), /5\u202f000 caractères/);
  });

  it('escapes the message and its values for HTML, and leaves Markup as it is', () => {
    const t = translatorFor('en');
    assert.equal(
      t.html('notify-page.stop-all-question', {address: '<b>x</b>@example.com'}),
      'Stop all email about these comments to &#60;b&#62;x&#60;/b&#62;@example.com?',
    );
    assert.equal(t.html('notify-page.confirm-question', {address: new Markup('<strong>a@b.c</strong>')}), 'Send comment notifications to <strong>a@b.c</strong>?');
  });

  it('knows which languages are written right to left', () => {
    assert.deepEqual(LOCALES.filter((locale) => translatorFor(locale).dir === 'rtl'), ['ar', 'he', 'fa']);
  });
});
