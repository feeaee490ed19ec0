// `npm test -- --only=wordpress-live`: starts the private WordPress (test/live/wordpress/
// rig.mjs), runs the live browser suites against it, and stops it, whatever happens.
// Without the Debian packages and without root to install them, the suite is recorded as
// skipped with the exact apt-get command, never passed in silence.
import {spawnSync} from 'node:child_process';
import {mkdtempSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {recordCounts} from './counting-reporter.mjs';
import {RigUnavailable, startWordPress} from '../test/live/wordpress/rig.mjs';

// WordPress on `port`, the test server on `port + 1`; when another run holds them (a
// second checkout testing at the same time), the next pair up, a few times.
const firstPort = Number(process.env.COLLOQUY_WP_PORT ?? 9301);
let rig;
for (let port = firstPort; !rig; port += 2) {
  try {
    rig = await startWordPress({port, base: '/wp'});
  } catch (error) {
    if (error instanceof RigUnavailable) {
      recordCounts({suite: 'wordpress-live', skippedSuite: error.message});
      console.log(`SKIPPED: ${error.message}`);
      process.exit(0);
    }
    const busy = /^(Another run|Port \d+ is taken)/.test(error.message);
    if (!busy || port >= firstPort + 8) throw error;
    console.log(`${error.message} Trying port ${port + 2}.`);
  }
}

const folder = mkdtempSync(join(tmpdir(), 'colloquy-wp-rig-'));
let status = 1;
const stop = async () => {
  await rig.stop();
  rmSync(folder, {recursive: true, force: true});
};
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => stop().then(() => process.exit(130)));
try {
  const rigFile = join(folder, 'rig.json');
  const {stop: _stop, ...description} = rig;
  writeFileSync(rigFile, JSON.stringify(description));
  const result = spawnSync(
    new URL('../node_modules/.bin/web-test-runner', import.meta.url).pathname,
    ['--config', 'web-test-runner.live.config.mjs', ...process.argv.slice(2)],
    {stdio: 'inherit', env: {...process.env, COLLOQUY_WP_RIG: rigFile}},
  );
  status = result.status ?? 1;
} finally {
  await stop();
}
process.exit(status);
