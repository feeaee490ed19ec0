import {existsSync, readFileSync} from 'node:fs';
import {nodeResolve} from '@rollup/plugin-node-resolve';
import terser from '@rollup/plugin-terser';
import {preloadImports} from './scripts/rollup-preload-imports.mjs';
import {cssTemplates, templateWhitespace} from './scripts/rollup-template-whitespace.mjs';

// Rollup bundles what `tsc -p tsconfig.build.json` wrote to build/ (see scripts/build.mjs).
const inputs = (entries) =>
  Object.fromEntries(Object.entries(entries).filter(([, path]) => existsSync(path)));

/** Names a lazy chunk after its folder (`memory`, `sanitizer`, `fr`…), not `index`. */
const chunkName = (chunk) => {
  const folderOf = (id) => id?.match(/([\w-]+)\/index\.js$/)?.[1];
  // A chunk that small shared modules were merged into has no facade: it is still named
  // after the folder whose index it holds (an adapter's), not "index".
  const folder = folderOf(chunk.facadeModuleId) ?? chunk.moduleIds.map(folderOf).find(Boolean);
  return `chunks/${folder ?? chunk.name}-[hash].js`;
};

/**
 * Hands rollup the source map tsc wrote beside each file of build/, so the bundles' maps
 * lead to the TypeScript in src/ (shipped, and embedded in the maps) rather than to
 * build/, which is not.
 */
const tscSourceMaps = {
  name: 'tsc-source-maps',
  load(id) {
    if (!id.includes('/build/') || !existsSync(`${id}.map`)) return null;
    return {code: readFileSync(id, 'utf8'), map: readFileSync(`${id}.map`, 'utf8')};
  },
};

// tsc's decorator helper refers to top-level `this`; harmless in ES modules.
const onwarn = (warning, warn) => {
  if (warning.code !== 'THIS_IS_UNDEFINED') warn(warning);
};

export default [
  // For npm: one module per entry, dependencies left to the app's bundler.
  {
    input: inputs({
      index: 'build/index.js',
      core: 'build/core/index.js',
      conformance: 'build/core/conformance.js',
      memory: 'build/adapters/memory/index.js',
      rest: 'build/adapters/rest/index.js',
      wordpress: 'build/adapters/wordpress/index.js',
      'sign-in-callback': 'build/sign-in/callback.js',
      'login-choice': 'build/login-choice.js',
    }),
    external: (id) => /^(lit|@lit\/|dompurify|marked)/.test(id),
    plugins: [tscSourceMaps, templateWhitespace()],
    output: {dir: 'dist', format: 'es', chunkFileNames: 'chunks/[name]-[hash].js', sourcemap: true},
    onwarn,
  },
  // For a script tag: everything in one file (keeping the `@license` notices of Lit and
  // DOMPurify, which their licences require), with the sanitizer, adapters, locales and
  // the sign-in panel split into chunks that load only when a page needs them.
  {
    input: inputs({colloquy: 'build/bundle.js'}),
    // Lazy chunks import shared code from the entry itself; without this, rollup moves
    // everything into a second chunk behind a facade, costing every page an extra request.
    preserveEntrySignatures: 'allow-extension',
    // package.json's `sideEffects` describes dist/ to apps' bundlers; applied to build/ here,
    // it would let rollup drop the built-in adapters' registration.
    plugins: [tscSourceMaps, templateWhitespace(), cssTemplates(), preloadImports(), nodeResolve({exportConditions: ['browser', 'production'], ignoreSideEffectsForRoot: true}), terser({format: {comments: 'some'}, module: true, ecma: 2022, compress: {passes: 2}})],
    // Small modules the adapters share (value readers, thread order) are one chunk, fetched
    // beside the adapter's own (preloadImports), not merged into the entry, where every
    // page would pay for them before its first comments.
    output: {
      dir: 'dist/cdn',
      format: 'es',
      chunkFileNames: chunkName,
      sourcemap: true,
      // The entity decoder is shared by the sanitizer and the WordPress adapter; merged into
      // either, a thread with HTML from another backend would also load the WordPress adapter.
      manualChunks: (id) => {
        if (id.endsWith('/build/content/entities.js')) return 'entities';
        if (/\/build\/adapters\/shared\/(values|thread-order)\.js$/.test(id)) return 'adapter-shared';
        return undefined;
      },
    },
    onwarn,
  },
  // The sign-in callback page's scripts, self-contained so a backend can serve them alone;
  // scripts/build.mjs copies the page itself (sign-in-callback.html) beside them.
  {
    input: inputs({'sign-in-callback': 'build/sign-in/callback.js', 'sign-in-callback-page': 'build/sign-in/callback-page.js'}),
    plugins: [tscSourceMaps, templateWhitespace(), cssTemplates(), terser({format: {comments: 'some'}})],
    output: {dir: 'dist/cdn', format: 'es', sourcemap: true},
    onwarn,
  },
];
