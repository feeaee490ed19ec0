// What the script-tag bundle (dist/cdn) makes a page download, read from the built files:
// the import graph from the entry, and the critical path of a page that shows a thread
// through one named adapter in English (the entry, every chunk it imports statically, the
// adapter's chunk and every chunk that imports statically). Shared by `npm run size` and
// the size budget check, so both count the same bytes.
import {existsSync, readFileSync, readdirSync} from 'node:fs';
import {basename, dirname, join, resolve} from 'node:path';
import {brotliCompressSync, constants, gzipSync} from 'node:zlib';

export const cdn = new URL('../dist/cdn/', import.meta.url).pathname;
export const entry = join(cdn, 'colloquy.js');

const staticImport = /(?:^|[;}\s])(?:import|export)\s*(?:[^'"()]*?from\s*)?["']([^"']+\.js)["']/g;
const dynamicImport = /import\(\s*["']([^"']+\.js)["']\s*\)/g;

/** Content that arrives as HTML (WordPress) also loads the sanitizer before it shows. */
const HTML_CONTENT_ADAPTERS = new Set(['wordpress']);

export function assertBuilt() {
  if (!existsSync(entry)) throw new Error('dist/cdn/colloquy.js is missing: run `npm run build` first.');
}

function imports(file, pattern) {
  return [...readFileSync(file, 'utf8').matchAll(pattern)]
    .map((match) => resolve(dirname(file), match[1]))
    .filter((target) => existsSync(target));
}

/** `file` and everything it imports statically, transitively. */
function withStaticImports(file, into = new Set()) {
  if (into.has(file)) return into;
  into.add(file);
  for (const target of imports(file, staticImport)) withStaticImports(target, into);
  return into;
}

/** Every file reachable from the entry, with whether it loads up front or lazily. */
export function graph() {
  const upFront = withStaticImports(entry);
  const found = new Map([...upFront].map((file) => [file, 'up front']));
  const queue = [...upFront];
  while (queue.length > 0) {
    for (const target of imports(queue.shift(), dynamicImport)) {
      if (found.has(target)) continue;
      found.set(target, 'lazy');
      queue.push(target);
    }
    // Static imports of lazy chunks are lazy too.
    for (const file of [...found.keys()].filter((name) => found.get(name) === 'lazy')) {
      for (const target of withStaticImports(file)) if (!found.has(target)) {
        found.set(target, 'lazy');
        queue.push(target);
      }
    }
  }
  return found;
}

/** The lazy chunk rollup named after `name` (`chunks/<name>-<hash>.js`), or throws. */
function chunkNamed(name) {
  const matches = readdirSync(join(cdn, 'chunks')).filter((file) => file.endsWith('.js') && file.replace(/-[\w-]{8}\.js$/, '') === name);
  if (matches.length !== 1) throw new Error(`expected one chunk named "${name}" in dist/cdn/chunks, found ${matches.length}`);
  return join(cdn, 'chunks', matches[0]);
}

/** Files a page with `<comment-thread adapter="…">` downloads before its comments show (English). */
export function criticalPath(adapter) {
  const files = withStaticImports(entry);
  withStaticImports(chunkNamed(adapter), files);
  if (HTML_CONTENT_ADAPTERS.has(adapter)) withStaticImports(chunkNamed('sanitizer'), files);
  return [...files];
}

/** The critical path's files with their source maps, for reading which modules their bytes come from. */
export function criticalPathSources(adapter) {
  return criticalPath(adapter).map((file) => ({code: readFileSync(file, 'utf8'), map: readFileSync(`${file}.map`, 'utf8')}));
}

/** Raw, gzip (level 9) and brotli (quality 11) sizes of `bytes`: how every script here is weighed. */
export function compressedSizes(bytes) {
  return {
    raw: bytes.length,
    gzip: gzipSync(bytes, {level: 9}).length,
    brotli: brotliCompressSync(bytes, {params: {[constants.BROTLI_PARAM_QUALITY]: 11}}).length,
  };
}

const weights = new Map();

/** The file's sizes, compressed once per run: the entry and shared chunks lie on every adapter's path. */
export function weigh(file) {
  if (weights.has(file)) return weights.get(file);
  const weight = {file: file.slice(cdn.length), chunk: basename(file, '.js'), ...compressedSizes(readFileSync(file))};
  weights.set(file, weight);
  return weight;
}

export const kib = (bytes) => `${(bytes / 1024).toFixed(1)} KiB`;
export const sum = (rows, key) => rows.reduce((total, row) => total + row[key], 0);
