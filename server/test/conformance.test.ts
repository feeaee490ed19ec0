import assert from 'node:assert/strict';
import {after, before, it} from 'node:test';
import {runCheck} from './conformance.helpers.js';
import {ADMIN_TOKEN, client, startTestServer} from './helpers.js';

let server: Awaited<ReturnType<typeof startTestServer>>;
before(async () => {
  server = await startTestServer();
});
after(() => server.cleanup());

it('passes the conformance command on PGlite', async () => {
  const {code, output} = await runCheck(server.url, [], {COLLOQUY_MODERATOR_TOKEN: ADMIN_TOKEN});
  assert.equal(code, 0, output);
  assert.match(output, /\b(\d+) passed, 0 failed/);
  assert.match(output, /✓ adapter: lets a moderator approve, mark as spam and delete/);
});

it('passes the moderator\'s checks, with held comments, when given a moderator\'s token', async () => {
  const held = await startTestServer({COLLOQUY_MODERATION: 'all'});
  try {
    // Seeded by a moderator, whose comments are never held; the checks' own posts are.
    const moderator = client(held.url, null);
    const post = (text: string, parentId: string | null = null) =>
      moderator.call('POST', 'threads/held-conformance/comments', {text, parentId}, {Authorization: `Bearer ${ADMIN_TOKEN}`});
    const first = (await post('First seeded comment.')).body.comment;
    await post('Second seeded comment.');
    await post('Third seeded comment.');
    await post('A seeded reply.', first.id);
    const {code, output} = await runCheck(held.url, ['--thread', 'held-conformance'], {COLLOQUY_MODERATOR_TOKEN: ADMIN_TOKEN});
    assert.equal(code, 0, output);
    assert.match(output, /✓ adapter: lets a moderator approve, mark as spam and delete/);
    assert.match(output, /✓ adapter: refuses moderation to a viewer who may not moderate/);
  } finally {
    await held.cleanup();
  }
});

it('reports a failing server: the command fails against something that is not a Colloquy server', async () => {
  const {code, output} = await runCheck(`${server.url}threads`);
  assert.notEqual(code, 0, output);
});
