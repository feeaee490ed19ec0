// `npm run size` (after `npm run build`): prints the gzip and brotli sizes of the
// script-tag bundle and of each chunk it loads, saying which load up front and which
// only on demand (the sanitizer, adapters, locales). Prints figures; asserts nothing.
import {existsSync, readFileSync, readdirSync} from 'node:fs';
import {basename, dirname, join, resolve} from 'node:path';
import {brotliCompressSync, constants, gzipSync} from 'node:zlib';

const cdn = new URL('../dist/cdn/', import.meta.url).pathname;
const entry = join(cdn, 'colloquy.js');
if (!existsSync(entry)) {
  console.error('dist/cdn/colloquy.js is missing: run `npm run build` first.');
  process.exit(1);
}

const staticImport = /(?:^|[;}\s])(?:import|export)\s*(?:[^'"()]*?from\s*)?["']([^"']+\.js)["']/g;
const dynamicImport = /import\(\s*["']([^"']+\.js)["']\s*\)/g;

/** Every file reachable from the entry, with how it is first reached. */
function graph() {
  const found = new Map([[entry, 'entry']]);
  const queue = [entry];
  while (queue.length > 0) {
    const file = queue.shift();
    const source = readFileSync(file, 'utf8');
    const parentLoad = found.get(file);
    for (const [pattern, how] of [[staticImport, 'static'], [dynamicImport, 'lazy']]) {
      for (const match of source.matchAll(pattern)) {
        const target = resolve(dirname(file), match[1]);
        if (found.has(target) || !existsSync(target)) continue;
        // A static import of a lazy chunk is itself lazy.
        found.set(target, how === 'static' && parentLoad !== 'lazy' ? 'up front' : 'lazy');
        queue.push(target);
      }
    }
  }
  return found;
}

const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KB`;
const rows = [...graph()].map(([file, load]) => {
  const bytes = readFileSync(file);
  return {
    file: file.slice(cdn.length),
    load: load === 'entry' ? 'up front' : load,
    raw: bytes.length,
    gzip: gzipSync(bytes, {level: 9}).length,
    brotli: brotliCompressSync(bytes, {params: {[constants.BROTLI_PARAM_QUALITY]: 11}}).length,
    chunk: basename(file, '.js'),
  };
});

const unreached = readdirSync(join(cdn, 'chunks')).filter(
  (name) => name.endsWith('.js') && !rows.some((row) => row.file === `chunks/${name}`),
);

const width = Math.max(...rows.map((row) => row.file.length), 4);
console.log(`${'file'.padEnd(width)}  ${'loaded'.padEnd(8)}  ${'min'.padStart(9)}  ${'gzip -9'.padStart(9)}  ${'brotli'.padStart(9)}`);
for (const row of rows) {
  console.log(`${row.file.padEnd(width)}  ${row.load.padEnd(8)}  ${kb(row.raw).padStart(9)}  ${kb(row.gzip).padStart(9)}  ${kb(row.brotli).padStart(9)}`);
}
const upFront = rows.filter((row) => row.load === 'up front');
const total = (key) => upFront.reduce((sum, row) => sum + row[key], 0);
console.log(`\nloaded by every page: ${kb(total('raw'))} min, ${kb(total('gzip'))} gzip, ${kb(total('brotli'))} brotli`);
if (unreached.length > 0) console.log(`chunks not reached from the entry: ${unreached.join(', ')}`);
