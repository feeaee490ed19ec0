// Work on the xliff files without an xliff editor.
//
//   node scripts/translations.mjs todo [locale…]      what each locale lacks or has stale, as
//                                                     JSON ({locale: {id: english}}), to translate
//   node scripts/translations.mjs fill <file.json>    writes {locale: {id: translation}} into
//                                                     the xliff files, then run `npm run localize:build`
//   node scripts/translations.mjs stamp <locale…>     records that every translation of those
//                                                     locales was made from the current English
//
// In todo and fill, a placeholder is written `{0}`, `{1}` (the source's `${…}` in order) and
// a plural message's number `#`. A counted message can be filled under its base id with one
// entry per plural category the language has ({"thread.count": {"one": "…", "other": "…"}});
// the categories it does not use get the `other` text. Run `npm run localize:extract` first
// so every locale's file has every message.
//
// Each translation keeps the English it was made from in a `<note from="translated-from">`
// (lit-localize keeps notes when it updates a <source>), so a translation left behind by a
// changed English text is still found after `localize:extract` (check-translations.mjs).
import {readFileSync, writeFileSync} from 'node:fs';
import {config, decodeXml, sourceOf, targetOf, translatedFrom, unitPattern, xliffPath} from './source-messages.mjs';

const escape = (text) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** A unit with its target and the English it was translated from. */
function unit(whole, body, target = targetOf(body)) {
  const source = sourceOf(body);
  const lines = [`  <source>${source}</source>`];
  if (target !== undefined) lines.push(`  <target>${target}</target>`, `  <note from="translated-from">${source}</note>`);
  return `${whole.slice(0, whole.indexOf('>') + 1)}\n${lines.join('\n')}\n</trans-unit>`;
}

function todo(locales) {
  const result = {};
  for (const locale of locales.length ? locales : config.targetLocales) {
    const missing = {};
    for (const [, id, body] of readFileSync(xliffPath(locale), 'utf8').matchAll(unitPattern)) {
      const source = sourceOf(body);
      const target = targetOf(body);
      const from = translatedFrom(body);
      if (!target?.trim()) missing[id] = decodeXml(source);
      else if (from !== undefined && from !== source) missing[id] = {english: decodeXml(source), was: decodeXml(target), from: decodeXml(from)};
    }
    if (Object.keys(missing).length) result[locale] = missing;
  }
  console.log(JSON.stringify(result, null, 2));
}

const categories = ['zero', 'one', 'two', 'few', 'many', 'other'];

/** {"thread.count": {"one", "other"}} → {"thread.count.zero": other, "thread.count.one": …}. */
function expandPlurals(locale, translations) {
  const expanded = {};
  for (const [id, text] of Object.entries(translations)) {
    if (typeof text === 'string') expanded[id] = text;
    else {
      if (typeof text.other !== 'string') throw new Error(`${locale}: "${id}" has no "other" form`);
      for (const category of categories) expanded[`${id}.${category}`] = text[category] ?? text.other;
    }
  }
  return expanded;
}

function fill(file) {
  const byLocale = JSON.parse(readFileSync(file, 'utf8'));
  for (const [locale, given] of Object.entries(byLocale)) {
    const translations = expandPlurals(locale, given);
    const path = xliffPath(locale);
    const left = new Set(Object.keys(translations));
    const xliff = readFileSync(path, 'utf8').replace(unitPattern, (whole, id, body) => {
      if (!(id in translations)) return whole;
      left.delete(id);
      const source = sourceOf(body);
      const markers = new Map([...source.matchAll(/<x id="(\d+)"[^>]*\/>/g)].map((m) => [m[1], m[0]]));
      return unit(whole, body, escape(translations[id]).replace(/\{(\d+)\}/g, (text, n) => markers.get(n) ?? text));
    });
    if (left.size) throw new Error(`${locale}: no such message ${[...left].join(', ')} (run npm run localize:extract?)`);
    writeFileSync(path, xliff);
    console.log(`${locale}: ${Object.keys(translations).length} translations written`);
  }
}

function stamp(locales) {
  for (const locale of locales) {
    const path = xliffPath(locale);
    writeFileSync(path, readFileSync(path, 'utf8').replace(unitPattern, (whole, id, body) => unit(whole, body)));
    console.log(`${locale}: translations recorded as made from the current English`);
  }
}

const [command, ...rest] = process.argv.slice(2);
if (command === 'todo') todo(rest);
else if (command === 'fill' && rest[0]) fill(rest[0]);
else if (command === 'stamp' && rest.length) stamp(rest);
else {
  console.error('usage: node scripts/translations.mjs todo [locale…] | fill <file.json> | stamp <locale…>');
  process.exit(1);
}
