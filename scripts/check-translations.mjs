// `npm test` runs this before anything slow: every message in src/ must have a translation
// in every xliff file, for its current English text, keeping its placeholders; the
// generated locale modules must match the xliff files; and the list of message ids
// (docs/messages.md, src/generated/messages.ts) must match the code.
import {readFileSync} from 'node:fs';
import {join, relative} from 'node:path';
import {staleMessageFiles} from './messages-doc.mjs';
import {
  config, decodeXml, generatedDir, normalizedTemplate, root, sourceMessages, sourceOf, targetOf, translatedFrom, unitPattern, xliffPath as xliffOf,
} from './source-messages.mjs';

const problems = [];
const report = (problem) => problems.push(problem);

const messages = sourceMessages(report);
for (const file of staleMessageFiles(messages)) {
  report(`${file} does not match the messages in src/: run \`node scripts/messages-doc.mjs\``);
}

// --- Translations -----------------------------------------------------------------------
/** The integers from 0 to 1000 (and a few millions) each plural category covers in `locale`. */
function categorySizes(locale) {
  const rules = new Intl.PluralRules(locale);
  const sizes = new Map();
  for (const count of [...Array(1001).keys(), 1_000_000, 2_000_000]) {
    const category = rules.select(count);
    sizes.set(category, (sizes.get(category) ?? 0) + 1);
  }
  return sizes;
}

const placeholders = (text) => (text.match(/\{\d+\}/g) ?? []).sort().join(' ');

for (const locale of config.targetLocales) {
  const xliffPath = xliffOf(locale);
  const xliff = readFileSync(xliffPath, 'utf8');
  const units = new Map();
  for (const unit of xliff.matchAll(unitPattern)) {
    const source = sourceOf(unit[2]);
    const target = targetOf(unit[2]);
    const from = translatedFrom(unit[2]);
    units.set(unit[1], {
      source: source === undefined ? undefined : decodeXml(source),
      target: target === undefined ? undefined : decodeXml(target),
      from: from === undefined ? undefined : decodeXml(from),
    });
  }
  const file = relative(root, xliffPath);
  const sizes = categorySizes(locale);

  for (const [id, {text, where}] of messages) {
    const unit = units.get(id);
    if (!unit) {
      report(`${file}: "${id}" (${where}) is missing: run \`npm run localize:extract\` and translate it`);
    } else if (!unit.target?.trim()) {
      report(`${file}: "${id}" has no <target> translation`);
    } else if (unit.source !== text) {
      report(`${file}: the English text of "${id}" changed (${where}): run \`npm run localize:extract\` and review its translation`);
    } else if (unit.from !== undefined && unit.from !== text) {
      report(`${file}: "${id}" was translated from older English ("${unit.from}"): translate it again (\`node scripts/translations.mjs todo ${locale}\` lists it)`);
    } else if (placeholders(unit.target) !== placeholders(text)) {
      report(`${file}: the translation of "${id}" must keep exactly the placeholders of its source`);
    } else {
      // `#` is the number in plural messages (see plural() in src/i18n/locale.ts). A form
      // may say its number in words only when its category stands for one number alone.
      const category = id.match(/\.(zero|one|two|few|many|other)$/)?.[1];
      if (category && text.includes('#') && !unit.target.includes('#') && (sizes.get(category) ?? 0) > 1) {
        report(`${file}: the translation of "${id}" must show the number (#): "${category}" covers several numbers in ${locale}`);
      }
    }
  }
  for (const id of units.keys()) {
    if (!messages.has(id)) report(`${file}: "${id}" is no longer used in src/: run \`npm run localize:extract\``);
  }

  // The modules the elements load are built from the xliff files by `lit-localize build`.
  const modulePath = join(generatedDir, `${locale}.ts`);
  const built = new Map();
  for (const entry of readFileSync(modulePath, 'utf8').matchAll(/^\s*'((?:[^'\\]|\\.)*)': (?:str)?`((?:[^`\\]|\\.)*)`,?$/gm)) {
    built.set(entry[1], normalizedTemplate(entry[2], {numbered: true}));
  }
  const stale = [...units].filter(([id, {target}]) => target !== undefined && messages.has(id) && built.get(id) !== target);
  if (stale.length > 0 || [...built.keys()].some((id) => !units.has(id))) {
    report(`${relative(root, modulePath)} does not match ${file} (${stale.map(([id]) => id).slice(0, 5).join(', ') || 'extra ids'}): run \`npm run localize:build\``);
  }
}

if (problems.length > 0) {
  console.error(`Translations are incomplete or out of date:\n${problems.map((problem) => `  - ${problem}`).join('\n')}`);
  process.exit(1);
}
console.log(`${messages.size} messages, translated into ${config.targetLocales.join(', ')}.`);
