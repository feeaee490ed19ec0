import assert from 'node:assert/strict';
import {after, before, it} from 'node:test';
import {runCheck} from './conformance.helpers.js';
import {startTestServer} from './helpers.js';

let server: Awaited<ReturnType<typeof startTestServer>>;
before(async () => {
  server = await startTestServer();
});
after(() => server.cleanup());

it('passes the conformance command on PGlite', async () => {
  const {code, output} = await runCheck(server.url);
  assert.equal(code, 0, output);
  assert.match(output, /\b(\d+) passed, 0 failed/);
});

it('reports a failing server: the command fails against something that is not a Colloquy server', async () => {
  const {code, output} = await runCheck(`${server.url}threads`);
  assert.notEqual(code, 0, output);
});
