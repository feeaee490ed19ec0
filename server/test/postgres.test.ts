import assert from 'node:assert/strict';
import {after, before, it} from 'node:test';
import {writeFileSync} from 'node:fs';
import {join} from 'node:path';
import {openPostgres} from '../src/db/postgres.js';
import {importFile} from '../src/import/importer.js';
import {wxr, type WpComment} from '../src/import/sample-exports.js';
import {client, openEvents, startServerProcess, tempDir} from './helpers.js';
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

it('never stores a reply as public under a comment a moderator is marking as spam meanwhile', async () => {
  const parent = (await client(a.url).post('spam-race', 'a comment about to be marked as spam')).body.comment;
  // The moderator's transaction, paused after locking the comment, as moderate() locks it.
  const db = await openPostgres(databaseUrl);
  try {
    let reply: Promise<{status: number}> | undefined;
    await db.transaction(async (tx) => {
      await tx.query('SELECT 1 FROM comments WHERE id = $1 FOR UPDATE', [parent.id]);
      reply = client(b.url).post('spam-race', 'a reply arriving meanwhile', parent.id);
      await new Promise((resolve) => setTimeout(resolve, 500));
      await tx.query(`UPDATE comments SET status = 'spam' WHERE id = $1`, [parent.id]);
    });
    assert.equal((await reply!).status, 400, 'the reply waited for the decision and found its parent gone');
    const [{approved_count}] = await db.query<{approved_count: number}>(`SELECT approved_count FROM threads WHERE id = 'spam-race'`);
    assert.equal(approved_count, 0);
  } finally {
    await db.close();
  }
});

it('imports with the reading-order paths the row trigger gives, and leaves the trigger to every other writer', async () => {
  const db = await openPostgres(databaseUrl);
  const files = tempDir('colloquy-pg-import-');
  try {
    // Two runs: a chain four deep and siblings, then replies to what the first run imported.
    const comment = (id: number, parent: number, minute: number): WpComment =>
      ({id, parent, author: `Writer ${id}`, date: `2024-03-01 10:${String(minute).padStart(2, '0')}:00`, content: `comment ${id}`});
    const first = [comment(1, 0, 0), comment(2, 1, 1), comment(3, 2, 2), comment(4, 3, 3), comment(5, 1, 4), comment(6, 0, 5), comment(7, 6, 6)];
    const second = [...first, comment(8, 4, 7), comment(9, 6, 8), comment(10, 9, 9)];
    const item = (comments: WpComment[]) => wxr([{title: 'Paths', link: 'https://pg.example/paths/', postId: 1, comments}], 'https://pg.example');
    for (const [name, comments] of [['first.xml', first], ['second.xml', second]] as const) {
      const path = join(files.path, name);
      writeFileSync(path, item(comments));
      await importFile(db, {file: path, threadFrom: 'path', spam: 'keep', maxTextLength: 65_535, batchSize: 2});
    }
    const imported = await db.query<{id: string}>(`SELECT c.id FROM comments c WHERE c.thread_id = '/paths/' AND c.depth = 4`);
    assert.equal(imported.length, 1);
    const posted = await client(a.url).post('/paths/', 'posted after the imports', imported[0]!.id);
    assert.equal(posted.status, 201, JSON.stringify(posted.body));
    const wrong = await db.query(
      `WITH RECURSIVE walk AS (
         SELECT id, ARRAY[seq] AS path FROM comments WHERE parent_id IS NULL
         UNION ALL
         SELECT child.id, walk.path || child.seq FROM comments child JOIN walk ON child.parent_id = walk.id
       )
       SELECT c.id, c.path::text AS stored, w.path::text AS walked FROM comments c LEFT JOIN walk w ON w.id = c.id
       WHERE c.thread_id = '/paths/' AND c.path IS DISTINCT FROM w.path`,
    );
    assert.deepEqual(wrong, []);
    const page = await client(b.url).page('/paths/', 'sort=oldest&limit=10&replies=3');
    assert.deepEqual(page.body.comments.map((c: any) => c.content.value), ['comment 1', 'comment 2', 'comment 3', 'comment 4', 'comment 6', 'comment 7', 'comment 9', 'comment 10']);
  } finally {
    files.remove();
    await db.close();
  }
});

it('passes the conformance command', async () => {
  const {code, output} = await runCheck(a.url);
  assert.equal(code, 0, output);
});
