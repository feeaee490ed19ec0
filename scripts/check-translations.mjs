// `npm test` runs this before anything slow: every message in src/ must have a translation
// in every xliff file, for its current English text, and the generated locale modules
// must match the xliff files. Offline and without the TypeScript compiler: it reads
// msg() calls with a regular expression, which the explicit-id rule makes reliable.
import {readFileSync, readdirSync} from 'node:fs';
import {join, relative} from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const config = JSON.parse(readFileSync(join(root, 'lit-localize.json'), 'utf8'));
const generatedDir = join(root, config.output.outputDir);

const problems = [];
const report = (problem) => problems.push(problem);

/**
 * A template literal's text with escapes decoded and each `${…}` written `{n}`: n counts
 * the placeholders in order (the source's), or is the number inside (`${1}`, a built
 * module's reference to the source's second placeholder).
 */
function normalizedTemplate(body, {numbered = false} = {}) {
  let index = 0;
  let text = '';
  for (let i = 0; i < body.length; i++) {
    if (body[i] === '$' && body[i + 1] === '{') {
      const start = i + 2;
      let depth = 0;
      for (i += 1; i < body.length; i++) {
        if (body[i] === '{') depth++;
        else if (body[i] === '}' && --depth === 0) break;
      }
      text += `{${numbered ? body.slice(start, i) : index++}}`;
    } else if (body[i] === '\\') {
      const next = body[++i];
      if (next === 'n') text += '\n';
      else if (next === 't') text += '\t';
      else if (next === 'u') {
        const hex = body[i + 1] === '{' ? body.slice(i + 2, body.indexOf('}', i)) : body.slice(i + 1, i + 5);
        i += body[i + 1] === '{' ? hex.length + 2 : 4;
        text += String.fromCodePoint(parseInt(hex, 16));
      } else text += next;
    } else {
      text += body[i];
    }
  }
  return text;
}

function decodeXml(text) {
  return text
    .replace(/<x id="(\d+)"[^>]*\/>/g, '{$1}')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, '&');
}

function* typeScriptFiles(dir) {
  for (const entry of readdirSync(dir, {withFileTypes: true})) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) {
      if (path !== generatedDir.replace(/\/$/, '')) yield* typeScriptFiles(path);
    } else if (entry.name.endsWith('.ts') && !entry.name.endsWith('.d.ts')) {
      yield path;
    }
  }
}

// --- The messages in the code -------------------------------------------------------
const call = /\bmsg\(\s*(str)?(`(?:[^`\\]|\\.)*`|'(?:[^'\\]|\\.)*'|"(?:[^"\\]|\\.)*")\s*,\s*\{\s*id:\s*'([^']+)'/g;
/** id → {text, where} */
const messages = new Map();
for (const file of typeScriptFiles(join(root, 'src'))) {
  // Block comments hold usage examples, not messages.
  const source = readFileSync(file, 'utf8').replace(/\/\*[\s\S]*?\*\//g, (comment) => comment.replace(/[^\n]/g, ' '));
  const lineOf = (offset) => source.slice(0, offset).split('\n').length;
  const found = new Set();
  for (const match of source.matchAll(call)) {
    found.add(match.index);
    const [, , literal, id] = match;
    const text = normalizedTemplate(literal.slice(1, -1));
    const where = `${relative(root, file)}:${lineOf(match.index)}`;
    const known = messages.get(id);
    if (known && known.text !== text) report(`${where}: id "${id}" is also used for other text at ${known.where}`);
    else if (!known) messages.set(id, {text, where});
  }
  for (const match of source.matchAll(/\bmsg\(/g)) {
    if (!found.has(match.index)) report(`${relative(root, file)}:${lineOf(match.index)}: msg() without an explicit {id: '…'} as its second argument`);
  }
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
  const xliffPath = join(root, config.interchange.xliffDir, `${locale}.xlf`);
  const xliff = readFileSync(xliffPath, 'utf8');
  const units = new Map();
  for (const unit of xliff.matchAll(/<trans-unit id="([^"]+)"[^>]*>([\s\S]*?)<\/trans-unit>/g)) {
    const source = unit[2].match(/<source>([\s\S]*?)<\/source>/)?.[1];
    const target = unit[2].match(/<target>([\s\S]*?)<\/target>/)?.[1];
    units.set(unit[1], {source: source === undefined ? undefined : decodeXml(source), target: target === undefined ? undefined : decodeXml(target)});
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
