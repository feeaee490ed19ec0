// `node scripts/module-weight.mjs [adapter]` (after `npm run build`): which source modules
// the bytes on a script-tag page's critical path (scripts/script-weight.mjs) come from,
// read from the bundles' source maps. For each module: its minified bytes, and what gzip
// would save if those bytes were gone (the file gzipped without them), which is what
// moving the module out of the critical path is worth.
import {readFileSync} from 'node:fs';
import {gzipSync} from 'node:zlib';
import {SourceMapConsumer} from 'source-map-js';
import {assertBuilt, criticalPath, kib} from './script-weight.mjs';

assertBuilt();
const adapter = process.argv[2] ?? 'rest';

/** [source, start, end) byte ranges of one minified file, from its source map. */
function ranges(file) {
  const code = readFileSync(file, 'utf8');
  const map = new SourceMapConsumer(JSON.parse(readFileSync(`${file}.map`, 'utf8')));
  const lineStarts = [0];
  for (let index = 0; index < code.length; index++) if (code[index] === '\n') lineStarts.push(index + 1);
  const segments = [];
  map.eachMapping((mapping) => segments.push({offset: lineStarts[mapping.generatedLine - 1] + mapping.generatedColumn, source: mapping.source}));
  segments.sort((a, b) => a.offset - b.offset);
  const owner = new Array(code.length).fill('(unmapped)');
  for (let index = 0; index < segments.length; index++) {
    const end = index + 1 < segments.length ? segments[index + 1].offset : code.length;
    for (let offset = segments[index].offset; offset < end; offset++) owner[offset] = segments[index].source ?? '(unmapped)';
  }
  return {code, owner};
}

const rows = new Map();
for (const file of criticalPath(adapter)) {
  const {code, owner} = ranges(file);
  const whole = gzipSync(code, {level: 9}).length;
  const modules = new Set(owner);
  for (const module of modules) {
    const without = [...code].filter((_, index) => owner[index] !== module).join('');
    const own = code.length - without.length;
    const name = module.replace(/^(\.\.\/)+/, '').replace(/^node_modules\//, '');
    const row = rows.get(name) ?? {name, raw: 0, gzip: 0};
    row.raw += own;
    row.gzip += whole - gzipSync(without, {level: 9}).length;
    rows.set(name, row);
  }
}
const sorted = [...rows.values()].sort((a, b) => b.gzip - a.gzip);
const total = sorted.reduce((sum, row) => sum + row.gzip, 0);
console.log(`${'module'.padEnd(60)} ${'min'.padStart(10)} ${'gzip saved'.padStart(10)}`);
for (const row of sorted) console.log(`${row.name.padEnd(60)} ${kib(row.raw).padStart(10)} ${kib(row.gzip).padStart(10)}`);
console.log(`(sum of the modules' marginal gzip: ${kib(total)}; less than the files' gzip because shared context compresses)`);
