import assert from 'node:assert/strict';
import {after, before, it} from 'node:test';
import {client, openEvents, startServerProcess} from './helpers.js';
import {runCheck} from './conformance.helpers.js';

// Two server processes on one real PostgreSQL (started by server/test/run.mjs, which
// passes its URL in COLLOQUY_TEST_DATABASE_URL): what one process writes, the other
// streams; idempotency and rate limits hold across both.

const databaseUrl = process.env['COLLOQUY_TEST_DATABASE_URL']!;
let a: Awaited<ReturnType<typeof startServerProcess>>;
let b: Awaited<ReturnType<typeof startServerProcess>>;

before(async () => {
  const env = {PORT: '0', DATABASE_URL: databaseUrl, COLLOQUY_POSTS_PER_IP: '100000', COLLOQUY_POSTS_PER_IDENTITY: '6'};
  // Started together: the migrations' advisory lock keeps them from applying one twice.
  [a, b] = await Promise.all([startServerProcess(env), startServerProcess(env)]);
});
after(async () => {
  await Promise.all([a?.stop(), b?.stop()]);
});

it('streams a comment posted through one process to a reader of the other', async () => {
  const stream = await openEvents(`${b.url}threads/across/events`);
  try {
    const posted = (await client(a.url).post('across', 'from process A')).body.comment;
    const event = await stream.waitFor((e) => e.type === 'comment-added');
    assert.equal(event.data.comment.id, posted.id);
  } finally {
    await stream.close();
  }
});

it('stores one comment when the same Idempotency-Key reaches both processes at once', async () => {
  const guest = 'one-guest-for-both-processes';
  const key = crypto.randomUUID();
  const body = {text: 'sent to both at once', parentId: null, guest: {name: 'Ada'}};
  const answers = await Promise.all(
    [a, b, a, b, a, b].map((server) => client(server.url, guest).call('POST', 'threads/idem-across/comments', body, {'Idempotency-Key': key})),
  );
  assert.deepEqual(answers.map((x) => x.status), [201, 201, 201, 201, 201, 201]);
  assert.equal(new Set(answers.map((x) => x.body.comment.id)).size, 1);
  const page = await client(a.url).page('idem-across');
  assert.equal(page.body.comments.length, 1);
});

it('holds the per-author rate limit across both processes', async () => {
  const guest = 'rate-limited-guest-secret';
  const statuses: number[] = [];
  for (let i = 0; i < 8; i++) {
    const server = i % 2 ? b : a;
    statuses.push((await client(server.url, guest).post('rate-across', `post number ${i}`)).status);
  }
  assert.deepEqual(statuses, [201, 201, 201, 201, 201, 201, 429, 429]);
});

it('passes the conformance command', async () => {
  const {code, output} = await runCheck(a.url);
  assert.equal(code, 0, output);
});
