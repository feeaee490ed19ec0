// Which source modules the bytes of minified files come from, read from their source maps.
// For each module: its minified bytes, and what gzip would save if those bytes were gone
// (each file gzipped without them), which is what taking the module out is worth. Shared
// by module-weight.mjs (the built bundle) and size-floor.mjs (synthetic bundles).
import {gzipSync} from 'node:zlib';
import {SourceMapConsumer} from 'source-map-js';

const UNMAPPED = '(unmapped)';

/** A source as the tables name it: `src/…`, or a package path without `node_modules/`. */
export const moduleName = (source) => source.replace(/^(\.\.\/)+/, '').replace(/^node_modules\//, '');

/** `code` cut into runs [start, end) each owned by one source (the map's last mapping before it). */
function runs(code, map) {
  const lineStarts = [0];
  for (let index = 0; index < code.length; index++) if (code[index] === '\n') lineStarts.push(index + 1);
  const segments = [];
  new SourceMapConsumer(map).eachMapping((mapping) =>
    segments.push({offset: lineStarts[mapping.generatedLine - 1] + mapping.generatedColumn, source: mapping.source ?? UNMAPPED}),
  );
  segments.sort((a, b) => a.offset - b.offset);
  const cut = [];
  const add = (start, end, source) => {
    if (end <= start) return;
    const last = cut.at(-1);
    if (last?.source === source && last.end === start) last.end = end;
    else cut.push({start, end, source});
  };
  // A chunk ends with its export statement, which has no mapping: without this, the last
  // module before it would be charged for the whole list of exported names.
  const exports = /export\s*\{[^{}]*\};?\s*(\/\/# sourceMappingURL=\S*\s*)?$/.exec(code);
  const mappedEnd = exports && !segments.some((segment) => segment.offset >= exports.index) ? exports.index : code.length;
  add(0, segments[0]?.offset ?? mappedEnd, UNMAPPED);
  segments.forEach((segment, index) => add(segment.offset, segments[index + 1]?.offset ?? mappedEnd, segment.source));
  add(mappedEnd, code.length, UNMAPPED);
  return cut;
}

/**
 * Rows {name, raw, gzip} for the modules of `files` ([{code, map}], map as JSON text or
 * object), the largest gzip first; a module in several files is summed over them.
 */
export function moduleWeights(files) {
  const rows = new Map();
  for (const {code, map} of files) {
    const cut = runs(code, typeof map === 'string' ? JSON.parse(map) : map);
    const whole = gzipSync(code, {level: 9}).length;
    for (const source of new Set(cut.map((run) => run.source))) {
      const kept = cut.filter((run) => run.source !== source);
      const without = kept.map((run) => code.slice(run.start, run.end)).join('');
      const name = moduleName(source);
      const row = rows.get(name) ?? {name, raw: 0, gzip: 0};
      row.raw += code.length - without.length;
      row.gzip += whole - gzipSync(without, {level: 9}).length;
      rows.set(name, row);
    }
  }
  return [...rows.values()].sort((a, b) => b.gzip - a.gzip);
}
