// The server's tests, for scripts/test.mjs (`npm test -- --only=server`): the PGlite suites,
// then the two-process suite on a private PostgreSQL started and stopped here. Without
// PostgreSQL (and no root to install it) that suite is recorded as skipped, loudly.
import {spawnSync} from 'node:child_process';
import {existsSync} from 'node:fs';
import {fileURLToPath} from 'node:url';
import {recordCounts} from '../../scripts/counting-reporter.mjs';
import {ensureChromium} from '../../scripts/chromium.mjs';
import {startPostgres} from '../../scripts/postgres.mjs';

const root = fileURLToPath(new URL('../..', import.meta.url));
const reporter = fileURLToPath(new URL('../../scripts/node-test-reporter.mjs', import.meta.url));

function runSuite(suite, files, env = {}) {
  const result = spawnSync(
    process.execPath,
    [
      '--import', 'tsx', '--test', '--test-concurrency=1',
      '--test-reporter=spec', '--test-reporter-destination=stdout',
      `--test-reporter=${reporter}`, '--test-reporter-destination=stdout',
      ...files.map((file) => `server/test/${file}`),
    ],
    {cwd: root, stdio: 'inherit', env: {...process.env, COLLOQUY_SUITE: suite, ...env}},
  );
  return result.status === 0;
}

// One file a line, so branches that add suites merge without conflict.
const pgliteSuites = [
  'protocol.test.ts',
  'crash.test.ts',
  'conformance.test.ts',
  'moderation.test.ts',
  'import.test.ts',
  'auth-providers.test.ts',
  'auth.test.ts',
  'notifications.test.ts',
  'notify-crash.test.ts',
  'replies.test.ts',
  'config.test.ts',
  'i18n-catalogs.test.ts',
  'i18n.test.ts',
];
const postgresSuites = [
  'postgres.test.ts',
  'notify-postgres.test.ts',
  'auth-email.test.ts',
];
const browserSuites = [
  'browser.test.ts',
  'auth-browser.test.ts',
  'moderation-browser.test.ts',
  'notify-browser.test.ts',
];

let ok = runSuite('server (PGlite)', pgliteSuites);

let postgres;
try {
  postgres = startPostgres({port: 9450});
} catch (error) {
  console.error(`\nSKIPPED: colloquy-server on PostgreSQL: ${error.message}`);
  recordCounts({suite: 'server (PostgreSQL, two processes)', skippedSuite: error.message});
}
if (postgres) {
  try {
    ok = runSuite('server (PostgreSQL, two processes)', postgresSuites, {COLLOQUY_TEST_DATABASE_URL: postgres.url}) && ok;
  } finally {
    postgres.stop();
  }
}
// The elements (the built bundle, so after `npm run build`) against the real server.
let chromiumFound;
try {
  chromiumFound = ensureChromium();
} catch (error) {
  console.error(`\nSKIPPED: the elements against colloquy-server in Chromium: ${error.message}`);
  recordCounts({suite: 'server (elements in Chromium)', skippedSuite: error.message});
}
if (chromiumFound && !existsSync(new URL('../../dist/cdn/colloquy.js', import.meta.url))) {
  spawnSync(process.execPath, ['scripts/build.mjs'], {cwd: root, stdio: 'inherit'});
}
if (chromiumFound) ok = runSuite('server (elements in Chromium)', browserSuites, {CHROME_PATH: chromiumFound}) && ok;

process.exit(ok ? 0 : 1);
