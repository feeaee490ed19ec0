// `npm test`: everything CI checks, in the order that fails fastest.
//
// Each suite that counts tests writes its totals to the file named by
// COLLOQUY_TEST_COUNTS (one JSON line per run: {"suite", "passed", "failed", "skipped"});
// this script adds them up and ends with one plain "N passed, N failed, N skipped" line,
// which is what CI reads. A suite that cannot run here (a missing system package and no
// root to install it) records {"suite", "skippedSuite": "why"} and is listed loudly at the
// end instead of passing in silence.
//
// `npm test -- --only=<step>` runs the steps whose key starts with <step> (e.g. `browser`,
// `server`); any other arguments go to web-test-runner.
import {spawnSync} from 'node:child_process';
import {mkdtempSync, readFileSync, rmSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {ensureChromium} from './chromium.mjs';

const bin = (name) => new URL(`../node_modules/.bin/${name}`, import.meta.url).pathname;
const args = process.argv.slice(2);
const only = args.find((a) => a.startsWith('--only='))?.slice('--only='.length);
const passThrough = args.filter((a) => !a.startsWith('--only='));

/** `node --test` printing the spec for people and counting for the summary. */
const nodeTestArgs = [
  '--test',
  '--test-reporter=spec',
  '--test-reporter-destination=stdout',
  '--test-reporter=./scripts/node-test-reporter.mjs',
  '--test-reporter-destination=/dev/null',
];

/** Steps in order; `key` names a step for --only. */
const steps = [
  {key: 'sinks', label: 'check for HTML sinks outside the sanitizer', command: 'node', args: ['scripts/check-sinks.mjs']},
  {key: 'translations', label: 'check that every message is translated', command: 'node', args: ['scripts/check-translations.mjs']},
  {key: 'typecheck', label: 'type-check src, test and demo', command: bin('tsc'), args: ['--noEmit', '-p', 'tsconfig.json']},
  {key: 'typecheck-server', label: 'type-check colloquy-server', command: bin('tsc'), args: ['--noEmit', '-p', 'server/tsconfig.json']},
  {key: 'build', label: 'build the bundles', command: 'node', args: ['scripts/build.mjs']},
  {
    key: 'size-budget',
    label: 'check the script a rest thread page loads up front against size-budget.json, the template whitespace plugin and the per-module weights',
    command: 'node',
    args: [...nodeTestArgs, 'test/node/size-budget.test.mjs', 'test/node/template-whitespace.test.mjs', 'test/node/source-weight.test.mjs'],
    env: {COLLOQUY_SUITE: 'size-budget'},
  },
  {
    key: 'node-imports',
    label: 'import every package entry in Node (server rendering); the dev server on 127.0.0.1 only',
    command: 'node',
    args: [...nodeTestArgs, 'test/node/package-imports.test.mjs', 'test/node/loopback.test.mjs'],
    env: {COLLOQUY_SUITE: 'node-imports'},
  },
  {
    key: 'package',
    label: 'check what npm pack ships: licences, publint, are-the-types-wrong, source maps, custom-elements.json',
    command: 'node',
    args: [...nodeTestArgs, 'test/node/package.test.mjs', 'test/node/manifest.test.mjs', 'test/node/framework-typings.test.mjs'],
    env: {COLLOQUY_SUITE: 'package'},
  },
  {
    key: 'server',
    label: 'colloquy-server: protocol, bad input, SIGKILL, conformance (PGlite); two processes (private PostgreSQL)',
    command: 'node',
    args: ['server/test/run.mjs'],
  },
  {
    key: 'csp',
    label: 'a page with the strict CSP of docs/csp.md (Chromium)',
    command: 'node',
    args: [...nodeTestArgs, 'test/csp/strict-csp.test.mjs'],
    env: {COLLOQUY_SUITE: 'csp'},
    needsChromium: true,
  },
  {
    key: 'browser',
    label: 'browser tests (Chromium)',
    command: bin('web-test-runner'),
    args: ['--config', 'web-test-runner.config.mjs', ...passThrough],
    needsChromium: true,
  },
  {
    key: 'wordpress-live',
    label: 'live WordPress: adapter conformance and element flows (Chromium)',
    command: 'node',
    args: ['scripts/test-wordpress-live.mjs'],
    needsChromium: true,
  },
  {
    key: 'wordpress-plugin',
    label: 'WordPress plugin on a live WordPress, classic and block themes (Chromium)',
    command: 'node',
    args: [...nodeTestArgs, 'test/live/wordpress-plugin/plugin.test.mjs'],
    env: {COLLOQUY_SUITE: 'wordpress-plugin'},
    needsChromium: true,
  },
  {
    key: 'soak',
    label: 'soak: two tabs, a fault-injecting server, reloads and offline spells (0 lost, duplicated or stuck)',
    command: 'node',
    args: ['scripts/soak.mjs'],
    needsChromium: true,
  },
];

const countsDir = mkdtempSync(join(tmpdir(), 'colloquy-test-counts-'));
const countsFile = join(countsDir, 'counts.jsonl');
process.on('exit', () => rmSync(countsDir, {recursive: true, force: true}));

function summary() {
  let lines = [];
  try {
    lines = readFileSync(countsFile, 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l));
  } catch {
    // No suite counted anything (e.g. --only on a non-counting step).
  }
  const totals = {passed: 0, failed: 0, skipped: 0};
  const skippedSuites = [];
  for (const line of lines) {
    if (line.skippedSuite) {
      skippedSuites.push(line);
      continue;
    }
    console.log(`  ${line.suite}: ${line.passed} passed, ${line.failed} failed, ${line.skipped ?? 0} skipped`);
    totals.passed += line.passed;
    totals.failed += line.failed;
    totals.skipped += line.skipped ?? 0;
  }
  for (const s of skippedSuites) {
    console.log(`  SKIPPED SUITE ${s.suite}: ${s.skippedSuite}`);
  }
  return {totals, skippedSuites};
}

let failedStep;
for (const step of steps) {
  if (only && !step.key.startsWith(only)) continue;
  if (step.needsChromium && !process.env.CHROME_PATH) {
    try {
      process.env.CHROME_PATH = ensureChromium();
    } catch (error) {
      console.error(error.message);
      process.exit(1);
    }
  }
  console.log(`\n> ${step.label}`);
  const result = spawnSync(step.command, step.args, {
    stdio: 'inherit',
    shell: false,
    env: {...process.env, ...step.env, COLLOQUY_TEST_COUNTS: countsFile},
  });
  if (result.status !== 0) {
    failedStep = `${step.label} failed (exit ${result.status ?? result.signal}).`;
    break;
  }
}

console.log('\nSummary');
const {totals} = summary();
if (failedStep) console.error(`\n${failedStep}`);
// A failed step that counted no failing test (a crash, a type error) still fails the run.
const failed = totals.failed + (failedStep && totals.failed === 0 ? 1 : 0);
console.log(`\n${totals.passed} passed, ${failed} failed, ${totals.skipped} skipped`);
process.exit(failedStep || failed > 0 ? 1 : 0);
