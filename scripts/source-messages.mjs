// The messages in src/: every msg() call with its explicit id and English text, read with
// a regular expression (which the explicit-id rule makes reliable), offline and without
// the TypeScript compiler. Used by check-translations.mjs and messages-doc.mjs.
import {readFileSync, readdirSync} from 'node:fs';
import {join, relative} from 'node:path';

export const root = new URL('..', import.meta.url).pathname;
export const config = JSON.parse(readFileSync(join(root, 'lit-localize.json'), 'utf8'));
export const generatedDir = join(root, config.output.outputDir);

/**
 * A template literal's text with escapes decoded and each `${…}` written `{n}`: n counts
 * the placeholders in order (the source's), or is the number inside (`${1}`, a built
 * module's reference to the source's second placeholder).
 */
export function normalizedTemplate(body, {numbered = false} = {}) {
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

/** The xliff file of `locale`. */
export const xliffPath = (locale) => join(root, config.interchange.xliffDir, `${locale}.xlf`);

/** An xliff file's units: [whole, id, body]. */
export const unitPattern = /<trans-unit id="([^"]+)"[^>]*>([\s\S]*?)<\/trans-unit>/g;

/** A unit's English, as xml. */
export const sourceOf = (unitBody) => unitBody.match(/<source>([\s\S]*?)<\/source>/)?.[1];

/** A unit's translation, as xml. */
export const targetOf = (unitBody) => unitBody.match(/<target>([\s\S]*?)<\/target>/)?.[1];

/** The English a unit's translation was made from (see scripts/translations.mjs), as xml. */
export const translatedFrom = (unitBody) => unitBody.match(/<note from="translated-from">([\s\S]*?)<\/note>/)?.[1];

export function decodeXml(text) {
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

const call = /\bmsg\(\s*(str)?(`(?:[^`\\]|\\.)*`|'(?:[^'\\]|\\.)*'|"(?:[^"\\]|\\.)*")\s*,\s*\{\s*id:\s*'([^']+)'/g;

/** The `${…}` expressions of a template literal's body, in order. */
function expressions(body) {
  const found = [];
  for (let i = 0; i < body.length; i++) {
    if (body[i] === '\\') i++;
    else if (body[i] === '$' && body[i + 1] === '{') {
      const start = i + 2;
      let depth = 0;
      for (i += 1; i < body.length; i++) {
        if (body[i] === '{') depth++;
        else if (body[i] === '}' && --depth === 0) break;
      }
      found.push(body.slice(start, i));
    }
  }
  return found;
}

/**
 * id → {text, where, values}: the English text with its values written {0}, {1}, where
 * the first call is, and each value's expression. `report` hears of ids used for two
 * texts and of msg() calls without an id.
 */
export function sourceMessages(report) {
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
      else if (!known) messages.set(id, {text, where, values: expressions(literal.slice(1, -1))});
    }
    for (const match of source.matchAll(/\bmsg\(/g)) {
      if (!found.has(match.index)) report(`${relative(root, file)}:${lineOf(match.index)}: msg() without an explicit {id: '…'} as its second argument`);
    }
  }
  return messages;
}
