// Serves the framework apps of test/frameworks/ as bundles, built with esbuild on first
// request: `/framework-apps/react.js`, `/vue.js`, `/svelte.js` (and `/localize-copy.js`). Each bundle holds its
// framework and its own copy of Colloquy's sources, as an app's bundler would make it.
// Svelte components go through svelte/compiler in a small esbuild plugin.
import {readFile} from 'node:fs/promises';
import {fileURLToPath} from 'node:url';
import {build} from 'esbuild';
import {compile} from 'svelte/compiler';

const root = new URL('../', import.meta.url);
const entries = {
  react: 'test/frameworks/react-app.tsx',
  vue: 'test/frameworks/vue-app.ts',
  svelte: 'test/frameworks/svelte-app.ts',
  // Not a framework: an app with its own copy of @lit/localize.
  'localize-copy': 'test/i18n/localize-copy-app.ts',
};

/** Compiles `.svelte` files to JavaScript (TypeScript in `<script lang="ts">` is stripped by Svelte 5). */
const sveltePlugin = {
  name: 'svelte',
  setup(esbuild) {
    esbuild.onLoad({filter: /\.svelte$/}, async ({path}) => {
      const source = await readFile(path, 'utf8');
      const {js, warnings} = compile(source, {filename: path, generate: 'client', dev: false});
      return {contents: js.code, loader: 'js', warnings: warnings.map((w) => ({text: w.message}))};
    });
  },
};

async function bundle(name) {
  const result = await build({
    absWorkingDir: fileURLToPath(root),
    entryPoints: [entries[name]],
    bundle: true,
    write: false,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    conditions: ['svelte', 'browser', 'production'],
    tsconfig: 'tsconfig.json',
    jsx: 'automatic',
    // Vue's full build compiles the app's template in the page.
    alias: {vue: 'vue/dist/vue.esm-bundler.js'},
    define: {
      'process.env.NODE_ENV': '"production"',
      __VUE_OPTIONS_API__: 'true',
      __VUE_PROD_DEVTOOLS__: 'false',
      __VUE_PROD_HYDRATION_MISMATCH_DETAILS__: 'false',
    },
    plugins: [sveltePlugin],
    logLevel: 'silent',
  });
  return result.outputFiles[0].text;
}

export function frameworkAppsPlugin() {
  const bundles = new Map();
  return {
    name: 'colloquy-framework-apps',
    async serve(context) {
      const name = context.path.match(/^\/framework-apps\/([\w-]+)\.js$/)?.[1];
      if (!name || !(name in entries)) return undefined;
      if (!bundles.has(name)) bundles.set(name, bundle(name));
      return {body: await bundles.get(name), type: 'js'};
    },
  };
}
