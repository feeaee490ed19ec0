// `npm run build`: tsc emits JS and declarations, rollup bundles tsc's output, and the
// custom-elements manifest is generated from the elements' JSDoc.
import {spawnSync} from 'node:child_process';
import {copyFileSync, rmSync} from 'node:fs';

const bin = (name) => new URL(`../node_modules/.bin/${name}`, import.meta.url).pathname;
function run(command, args) {
  const result = spawnSync(command, args, {stdio: 'inherit'});
  if (result.status !== 0) process.exit(result.status || 1);
}

rmSync(new URL('../build', import.meta.url), {recursive: true, force: true});
rmSync(new URL('../dist', import.meta.url), {recursive: true, force: true});
run(bin('tsc'), ['-p', 'tsconfig.build.json']);
run(bin('rollup'), ['-c', 'rollup.config.mjs', '--silent']);
// The ready-made callback page (no inline script: it loads sign-in-callback-page.js).
copyFileSync(new URL('../src/sign-in/sign-in-callback.html', import.meta.url), new URL('../dist/cdn/sign-in-callback.html', import.meta.url));
run(bin('cem'), ['analyze', '--litelement', '--globs', 'src/elements/**/*.ts', '--outdir', '.', '--quiet']);
run('node', ['scripts/generate-framework-types.mjs']);
