// Reads a V8 CPU profile (CDP `Profiler.stop`) of the benchmark: self time per function,
// with positions in the minified bundle mapped back to src/ through its source maps.
import {existsSync, readFileSync} from 'node:fs';
import {join} from 'node:path';

/** `@jridgewell/trace-mapping` comes with the build tools; without it, minified positions are shown. */
const traceMapping = await import('@jridgewell/trace-mapping').catch(() => undefined);

const maps = new Map();
function mapFor(root, url) {
  const path = /\/dist\/cdn\/[^?#]+\.js$/.exec(url)?.[0];
  if (!path || !traceMapping) return undefined;
  if (!maps.has(path)) {
    const file = join(root, `${path}.map`);
    maps.set(path, existsSync(file) ? new traceMapping.TraceMap(readFileSync(file, 'utf8')) : undefined);
  }
  return maps.get(path);
}

/** The `count` functions with the most self time: {ms, share, name, where}. */
export function topSelfTime(profile, root, count) {
  const total = profile.endTime - profile.startTime;
  const samples = profile.nodes.reduce((sum, node) => sum + (node.hitCount ?? 0), 0) || 1;
  const byFunction = new Map();
  for (const node of profile.nodes) {
    const {functionName, url, lineNumber, columnNumber} = node.callFrame;
    if (!node.hitCount || functionName === '(idle)') continue;
    const key = `${functionName}|${url}|${lineNumber}|${columnNumber}`;
    const entry = byFunction.get(key) ?? {hits: 0, callFrame: node.callFrame};
    entry.hits += node.hitCount;
    byFunction.set(key, entry);
  }
  return [...byFunction.values()]
    .sort((a, b) => b.hits - a.hits)
    .slice(0, count)
    .map(({hits, callFrame}) => {
      const {functionName, url, lineNumber, columnNumber} = callFrame;
      const map = mapFor(root, url);
      const original = map ? traceMapping.originalPositionFor(map, {line: lineNumber + 1, column: columnNumber}) : undefined;
      const where = original?.source
        ? `${original.source.replace(/^(\.\.\/)+/, '')}:${original.line}`
        : url
          ? `${url.replace(/^https?:\/\/[^/]+/, '')}:${lineNumber + 1}:${columnNumber + 1}`
          : '';
      const name = original?.name ?? (functionName || '(anonymous)');
      // Times in a profile are in microseconds.
      return {ms: ((hits / samples) * total) / 1000, share: hits / samples, name, where};
    });
}
