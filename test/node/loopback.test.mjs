import assert from 'node:assert/strict';
import {test} from 'node:test';
import {startDevServer} from '@web/dev-server';
import {keepServersOnLoopback} from '../../scripts/loopback-only.mjs';

// The test runner and the demo serve through @web/dev-server, which listens on every
// interface when told `localhost`: they must stay reachable from this machine only.
test('the dev server behind the tests and the demo listens on 127.0.0.1 only', async () => {
  keepServersOnLoopback();
  const server = await startDevServer({
    config: {rootDir: process.cwd(), port: 0, hostname: 'localhost'},
    readCliArgs: false,
    readFileConfig: false,
    logStartMessage: false,
  });
  try {
    assert.equal(server.server.address().address, '127.0.0.1');
  } finally {
    await server.stop();
  }
});
