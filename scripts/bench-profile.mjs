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

/**
 * Starts V8's sampling profiler on a CDP session (one sample every `intervalUs`
 * microseconds); the returned function stops it and gives the profile.
 */
export async function startCpuProfile(cdp, intervalUs) {
  await cdp.send('Profiler.enable');
  if (intervalUs !== undefined) await cdp.send('Profiler.setSamplingInterval', {interval: intervalUs});
  await cdp.send('Profiler.start');
  return async () => (await cdp.send('Profiler.stop')).profile;
}

/** The `count` functions with the most self time (all of them with `Infinity`): {ms, share, name, where}. */
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
      const {name, where} = originalOf(root, url, lineNumber, columnNumber);
      // Times in a profile are in microseconds.
      return {ms: ((hits / samples) * total) / 1000, share: hits / samples, name: name ?? (functionName || '(anonymous)'), where};
    });
}

/**
 * Where a position (0-based line, column) in a script of the bundle comes from in src/ or
 * Lit, and the name the source map gives it there (a class's own name when the position is
 * its `class` keyword), through the bundle's source maps.
 */
export function originalOf(root, url, lineNumber, columnNumber) {
  const map = mapFor(root, url);
  const original = map ? traceMapping.originalPositionFor(map, {line: lineNumber + 1, column: columnNumber}) : undefined;
  if (!original?.source) return {name: undefined, where: url ? `${url.replace(/^https?:\/\/[^/]+/, '')}:${lineNumber + 1}:${columnNumber + 1}` : ''};
  const line = traceMapping.sourceContentFor(map, original.source)?.split('\n')[original.line - 1] ?? '';
  const name = original.name ?? /\bclass\s+([\w$]+)/.exec(line.slice(original.column))?.[1];
  return {name, where: `${original.source.replace(/^(\.\.\/)+/, '')}:${original.line}`};
}
