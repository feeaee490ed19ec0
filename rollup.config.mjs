import {existsSync} from 'node:fs';
import {nodeResolve} from '@rollup/plugin-node-resolve';
import terser from '@rollup/plugin-terser';

// Rollup bundles what `tsc -p tsconfig.build.json` wrote to build/ (see scripts/build.mjs).
const inputs = (entries) =>
  Object.fromEntries(Object.entries(entries).filter(([, path]) => existsSync(path)));

/** Names a lazy chunk after its folder (`memory`, `sanitizer`, `fr`…), not `index`. */
const chunkName = (chunk) => {
  const folder = chunk.facadeModuleId?.match(/([\w-]+)\/index\.js$/)?.[1];
  return `chunks/${folder ?? chunk.name}-[hash].js`;
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
    output: {dir: 'dist', format: 'es', chunkFileNames: 'chunks/[name]-[hash].js', sourcemap: true},
    onwarn,
  },
  // For a script tag: everything in one file, with the sanitizer, adapters, locales and
  // the sign-in panel split into chunks that load only when a page needs them.
  {
    input: inputs({colloquy: 'build/bundle.js'}),
    // Lazy chunks import shared code from the entry itself; without this, rollup moves
    // everything into a second chunk behind a facade, costing every page an extra request.
    preserveEntrySignatures: 'allow-extension',
    plugins: [nodeResolve({exportConditions: ['browser', 'production']}), terser({format: {comments: false}})],
    output: {dir: 'dist/cdn', format: 'es', chunkFileNames: chunkName, sourcemap: true},
    onwarn,
  },
  // The sign-in callback page's script, self-contained so a backend can serve the one file.
  {
    input: inputs({'sign-in-callback': 'build/sign-in/callback.js'}),
    plugins: [terser({format: {comments: false}})],
    output: {dir: 'dist/cdn', format: 'es', sourcemap: true},
    onwarn,
  },
];
