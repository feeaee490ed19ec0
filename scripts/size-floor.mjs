// `npm run size:floor` (after `npm run build`): the lower bound under issue 16's script
// target (what a script-tag page with <comment-thread adapter="rest"> downloads before
// its comments show, English, ≤ 20 KiB gzip). Bundles cumulative synthetic entries
// (scripts/size-floor-entries/, each importing this repository's real modules as tsc
// built them) with the plugins and minifier settings of the script-tag build in
// rollup.config.mjs, so the figures compare with `npm run size`:
//   0. Lit's core alone, for reference; 1. Lit as the thread uses it; 2. + localization;
//   3. + the rest adapter's read path; 4. + the thread's styles; 5. + a minimal thread, its comments rendered by
//   comment-view.ts, or (5b, for comparison) by a hand-written template; 5c. that
//   thread alone, keeping only what it uses of layers 1–4;
//   6. the real entry and its rest chunks (dist/cdn, as `npm run size` counts them).
// For each layer: min / gzip -9 / brotli of what loads up front, the increment over the
// layer below, and the source modules it adds with their marginal gzip. A layer missing a
// module it claims or holding one it must not is reported, and the exit code is 1; noted
// are modules a layer holds that the real page does not load before its first comments,
// and modules of a layer's kind (Lit, localization, adapter, styles) that the real page
// loads and the layer lacks, which would make its entry out of date.
// Prints figures only; `--out=<dir>` also writes each layer's bundle to <dir>/<layer>/,
// `--check` shows each minimal thread in Chromium (scripts/size-floor-check.mjs).
import {cpSync, mkdtempSync, rmSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join, resolve} from 'node:path';
import {fileURLToPath, pathToFileURL} from 'node:url';
import {rollup} from 'rollup';
import {assertBuilt, compressedSizes, criticalPathSources, kib, sum} from './script-weight.mjs';
import {moduleWeights} from './source-weight.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));

/** Issue 16's target for the rest thread's critical path. */
const TARGET_GZIP = 20 * 1024;

/**
 * `after`: the layer this one adds to. `element`: the tag a minimal thread defines.
 * `covers`: the modules of the real page the layer stands for (those it lacks are noted). `claims`: modules that must bring bytes (a name as
 * source-weight.mjs gives it); `forbids`: patterns no module of the layer may match.
 */
const LAYERS = [
  {
    key: '0',
    entry: '0-lit-core.js',
    label: 'for reference: Lit core alone',
    claims: ['lit-html/lit-html.js', 'lit-element/lit-element.js', '@lit/reactive-element/reactive-element.js'],
    forbids: [/^src\//, /^lit-html\/directives\//, /^@lit\/(context|localize)\//],
  },
  {
    key: '1',
    covers: /^(lit|lit-html|lit-element|@lit\/reactive-element|@lit\/context)\//,
    entry: '1-lit.js',
    after: '0',
    label: 'Lit as the thread uses it',
    claims: ['lit-html/lit-html.js', 'lit-element/lit-element.js', '@lit/reactive-element/reactive-element.js', 'lit-html/directives/repeat.js', 'lit-html/directives/guard.js', 'lit-html/async-directive.js', '@lit/context/lib/controllers/context-provider.js'],
    forbids: [/^src\//, /^@lit\/localize\//],
  },
  {
    key: '2',
    covers: /^(@lit\/localize\/|src\/i18n\/|src\/localization\.ts$|src\/generated\/)/,
    entry: '2-localization.js',
    after: '1',
    label: '+ localization, English',
    claims: ['@lit/localize/init/runtime.js', 'src/localization.ts', 'src/i18n/match.ts', 'src/i18n/locale.ts', 'src/i18n/format.ts'],
    forbids: [/^src\/(adapters|elements)\//, /^src\/generated\/locales\//],
  },
  {
    key: '3',
    covers: /^src\/(adapters\/(rest|shared)\/|core\/errors\.ts$)/,
    entry: '3-rest-read.js',
    after: '2',
    label: '+ rest adapter, read path',
    claims: ['src/adapters/rest/start.ts', 'src/adapters/rest/rest-adapter.ts', 'src/adapters/rest/mapping.ts', 'src/adapters/shared/values.ts', 'src/adapters/shared/http.ts', 'src/adapters/shared/deadline.ts'],
    forbids: [/^src\/elements\//, /^src\/adapters\/rest\/(changes|event-stream)\.ts$/, /^eventsource-parser\//],
  },
  {
    key: '4',
    covers: /\.styles\.ts$/,
    entry: '4-styles.js',
    after: '3',
    label: "+ the thread's styles",
    claims: ['src/elements/comment-thread/comment-thread.styles.ts', 'src/elements/shared/theme.styles.ts', 'src/elements/comment-thread/controls.styles.ts'],
    forbids: [/^src\/elements\/comment-thread\/(comment-thread|comment-view|thread-controller)\.ts$/],
  },
  {
    key: '5',
    element: 'size-floor-view-thread',
    entry: '5-view-thread.js',
    after: '4',
    label: '+ minimal thread, comment-view.ts',
    claims: ['minimal-thread.js', 'view-thread.js', 'src/elements/comment-thread/comment-view.ts', 'src/elements/comment-thread/thread-tree.ts'],
    forbids: [/^src\/elements\/comment-thread\/(comment-thread|thread-controller|progressive-render)\.ts$/],
  },
  {
    key: '5b',
    element: 'size-floor-template-thread',
    entry: '5-template-thread.js',
    after: '4',
    label: '+ minimal thread, own template',
    claims: ['minimal-thread.js', 'template-thread.js'],
    forbids: [/^src\/elements\/comment-thread\/(comment-thread|comment-view|thread-controller)\.ts$/],
  },
  {
    key: '5c',
    element: 'size-floor-template-thread',
    entry: '5-template-thread-alone.js',
    label: '5b with only what it uses kept',
    claims: ['template-thread.js', 'minimal-thread.js', 'src/localization.ts', 'src/adapters/rest/mapping.ts', 'src/elements/comment-thread/comment-thread.styles.ts'],
    forbids: [/^@lit\/context\//, /^lit-html\/directives\/guard\.js$/, /^src\/elements\/comment-thread\/comment-view\.ts$/],
  },
];

/** The synthetic entries' own files, named as source-weight.mjs names them. */
const isSynthetic = (name) => !name.includes('/') && (name.endsWith('.js') || name === '(unmapped)');

/** The files' sizes together, each file compressed on its own (as a page downloads them). */
function sizes(codes) {
  const each = codes.map((code) => compressedSizes(Buffer.from(code)));
  return {raw: sum(each, 'raw'), gzip: sum(each, 'gzip'), brotli: sum(each, 'brotli')};
}

/**
 * The script-tag build's rollup options, fresh (its plugins keep state per build): the
 * query string makes Node evaluate rollup.config.mjs again.
 */
async function scriptTagOptions(key) {
  const {default: configs} = await import(`${pathToFileURL(join(root, 'rollup.config.mjs')).href}?size-floor=${key}`);
  const options = configs.find((config) => config.output?.dir === 'dist/cdn' && 'colloquy' in config.input);
  if (!options) throw new Error('rollup.config.mjs has no script-tag build of build/bundle.js: run `npm run build` first.');
  return options;
}

/**
 * Bundles one entry; measures its chunk and the chunks it imports statically (lazy ones
 * load later). With `out`, the layer's files are also written to `out/<key>/`.
 */
async function bundleLayer(layer, folder, out) {
  const options = await scriptTagOptions(layer.key);
  const bundle = await rollup({
    input: join(folder, layer.entry),
    plugins: options.plugins,
    preserveEntrySignatures: options.preserveEntrySignatures,
    onwarn: options.onwarn,
  });
  let output;
  try {
    const outputOptions = {dir: join(folder, 'out'), format: 'es', sourcemap: true};
    ({output} = await bundle.generate(outputOptions));
    if (out) await bundle.write({...outputOptions, dir: join(out, layer.key)});
  } finally {
    await bundle.close();
  }
  const chunks = new Map(output.filter((item) => item.type === 'chunk').map((chunk) => [chunk.fileName, chunk]));
  const upFront = new Set();
  const visit = (chunk) => {
    if (upFront.has(chunk)) return;
    upFront.add(chunk);
    for (const name of chunk.imports) visit(chunks.get(name));
  };
  visit(output.find((item) => item.type === 'chunk' && item.isEntry));
  return {
    files: [...upFront].map((chunk) => ({code: chunk.code, map: chunk.map})),
    lazy: [...chunks.values()].filter((chunk) => !upFront.has(chunk)).map((chunk) => chunk.name),
  };
}

/** The layers' figures and modules, then the real page's (dist/cdn), and what is wrong with them. */
export async function measureFloor({out} = {}) {
  assertBuilt();
  // rollup.config.mjs names its inputs relative to the working directory.
  process.chdir(root);
  const realFiles = criticalPathSources('rest');
  const real = {key: '6', label: 'the real entry + rest chunks', ...sizes(realFiles.map((file) => file.code)), modules: moduleWeights(realFiles), lazy: []};
  const onRealPath = new Set(real.modules.map((row) => row.name));

  // Inside build/, where the entries' relative imports find tsc's output and bare ones
  // node_modules, and where the build's template plugins apply as they do to src.
  const folder = mkdtempSync(join(root, 'build', '.size-floor-'));
  const layers = [];
  try {
    cpSync(join(root, 'scripts', 'size-floor-entries'), folder, {recursive: true});
    for (const layer of LAYERS) {
      const {files, lazy} = await bundleLayer(layer, folder, out);
      const modules = moduleWeights(files);
      const names = new Set(modules.map((row) => row.name));
      const problems = [
        ...layer.claims.filter((name) => !names.has(name)).map((name) => `does not contain ${name}, which it claims`),
        ...[...names].filter((name) => layer.forbids.some((pattern) => pattern.test(name))).map((name) => `contains ${name}, which it must not`),
      ];
      // Not a fault of the layer: the real page may have moved the module out of its way since.
      const offPath = [...names].filter((name) => !isSynthetic(name) && !onRealPath.has(name));
      // The real page's modules of the layer's kind that it lacks: its entry may need updating.
      const lacking = layer.covers ? [...onRealPath].filter((name) => layer.covers.test(name) && !names.has(name)) : [];
      layers.push({...layer, ...sizes(files.map((file) => file.code)), modules, lazy, problems, offPath, lacking});
    }
  } finally {
    rmSync(folder, {recursive: true, force: true});
  }
  return {layers, real};
}

const pad = (text, width) => String(text).padStart(width);
const share = (part, whole) => `${((100 * part) / whole).toFixed(0)}%`;

function print({layers, real}) {
  const byKey = new Map(layers.map((layer) => [layer.key, layer]));
  const base = byKey.get('4');
  console.log(`Script floor under issue 16's target (adapter="rest", English, ≤ ${kib(TARGET_GZIP)} gzip before the first comments); ${new Date().toISOString().slice(0, 10)}\n`);
  console.log(`${'layer'.padEnd(40)} ${pad('min', 10)} ${pad('gzip -9', 10)} ${pad('brotli', 10)} ${pad('+gzip', 10)}`);
  for (const layer of [...layers, real]) {
    const below = byKey.get(layer.after);
    const increment = below ? `+${kib(layer.gzip - below.gzip)}` : '';
    console.log(`${`${layer.key}. ${layer.label}`.padEnd(40)} ${pad(kib(layer.raw), 10)} ${pad(kib(layer.gzip), 10)} ${pad(kib(layer.brotli), 10)} ${pad(increment, 10)}`);
  }
  console.log(`\n${kib(TARGET_GZIP)} − layer 4 (Lit + localization + adapter read path + styles) = ${kib(TARGET_GZIP - base.gzip)} gzip left for the thread's own first-screen code.`);
  // What the least thread (5c) spends its bytes on, each module counted under the layer that brought it.
  const least = byKey.get('5c');
  const layerOf = new Map();
  for (const key of ['0', '1', '2', '3', '4']) for (const row of byKey.get(key).modules) if (!layerOf.has(row.name)) layerOf.set(row.name, key === '0' ? '1' : key);
  const groups = {1: 'Lit', 2: 'localization', 3: 'adapter', 4: 'styles', thread: 'the thread'};
  const spent = Object.entries(groups).map(([key, name]) => {
    const rows = least.modules.filter((row) => row.name !== '(unmapped)' && (layerOf.get(row.name) ?? 'thread') === key);
    const gzip = rows.reduce((total, row) => total + row.gzip, 0);
    return `${name} ${kib(gzip)}`;
  });
  console.log(`5c's ${kib(least.gzip)}, by the layer each module came with (marginal gzip): ${spent.join(', ')}.`);
  const baseModules = new Set(base.modules.map((row) => row.name));
  const own = real.modules.filter((row) => !baseModules.has(row.name));
  const ownGzip = own.reduce((total, row) => total + row.gzip, 0);
  console.log(`The real page: ${kib(real.gzip - base.gzip)} gzip over layer 4; the ${own.length} modules it has beyond layers 1–4 save ${kib(ownGzip)} gzip taken one at a time:`);
  for (const row of own.slice(0, 12)) console.log(`  ${row.name.padEnd(58)} ${pad(kib(row.gzip), 10)}`);

  for (const layer of layers) {
    const below = byKey.get(layer.after);
    const before = new Set(below?.modules.map((row) => row.name) ?? []);
    const added = layer.modules.filter((row) => !before.has(row.name));
    const shown = added.slice(0, 10);
    const rest = added.slice(shown.length);
    console.log(`\n${layer.key}. ${layer.label}: ${added.length} modules${below ? ` beyond layer ${below.key}` : ''} (marginal gzip, share of the layer's ${kib(layer.gzip)})`);
    for (const row of shown) console.log(`  ${row.name.padEnd(58)} ${pad(kib(row.gzip), 10)} ${pad(share(row.gzip, layer.gzip), 5)}`);
    if (rest.length > 0) console.log(`  … ${rest.length} more, ${kib(rest.reduce((total, row) => total + row.gzip, 0))}`);
    if (layer.lazy.length > 0) console.log(`  left in lazy chunks: ${layer.lazy.length} (${[...new Set(layer.lazy)].slice(0, 8).join(', ')}${layer.lazy.length > 8 ? ', …' : ''})`);
    if (layer.lacking.length > 0) console.log(`  loaded by the real page before its first comments, but not here: ${layer.lacking.join(', ')}`);
    if (layer.offPath.length > 0) console.log(`  not loaded before the first comments by the real page: ${layer.offPath.join(', ')}`);
    for (const problem of layer.problems) console.log(`  PROBLEM: layer ${layer.key} ${problem}`);
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  try {
    const check = process.argv.includes('--check');
    const named = process.argv.find((arg) => arg.startsWith('--out='))?.slice('--out='.length);
    const out = named ? resolve(named) : check ? mkdtempSync(join(tmpdir(), 'colloquy-size-floor-')) : undefined;
    const measured = await measureFloor({out});
    print(measured);
    let failed = measured.layers.some((layer) => layer.problems.length > 0);
    if (check) {
      const {showMinimalThreads} = await import('./size-floor-check.mjs');
      failed = !(await showMinimalThreads(out, measured.layers.filter((layer) => layer.element))) || failed;
      if (!named) rmSync(out, {recursive: true, force: true});
    }
    if (failed) process.exitCode = 1;
  } catch (error) {
    console.error(error.message);
    process.exitCode = 1;
  }
}
