// `npm test`: everything CI checks, in the order that fails fastest.
import {spawnSync} from 'node:child_process';
import {ensureChromium} from './chromium.mjs';

function run(label, command, args) {
  console.log(`\n> ${label}`);
  const result = spawnSync(command, args, {stdio: 'inherit', shell: false});
  if (result.status !== 0) {
    console.error(`\n${label} failed (exit ${result.status ?? result.signal}).`);
    process.exit(result.status || 1);
  }
}

try {
  process.env.CHROME_PATH = ensureChromium();
} catch (error) {
  console.error(error.message);
  process.exit(1);
}

const bin = (name) => new URL(`../node_modules/.bin/${name}`, import.meta.url).pathname;
run('check for HTML sinks outside the sanitizer', 'node', ['scripts/check-sinks.mjs']);
run('check that every message is translated', 'node', ['scripts/check-translations.mjs']);
run('type-check src, test and demo', bin('tsc'), ['--noEmit', '-p', 'tsconfig.json']);
run('build the bundles', 'node', ['scripts/build.mjs']);
run('browser tests (Chromium)', bin('web-test-runner'), ['--config', 'web-test-runner.config.mjs', ...process.argv.slice(2)]);
