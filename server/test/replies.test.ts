import assert from 'node:assert/strict';
import {readFileSync} from 'node:fs';
import {after, before, describe, it} from 'node:test';
import {client, startTestServer} from './helpers.js';

// Long conversations (docs/rest-protocol.md, "Long conversations"): a page asked with
// `replies=K` brings each conversation's first K replies and a cursor; `…/replies` the rest.

let server: Awaited<ReturnType<typeof startTestServer>>;
const thread = (name: string) => `${name}-${Math.random().toString(36).slice(2, 8)}`;
const ids = (comments: {id: string}[]) => comments.map((comment) => comment.id);

before(async () => {
  server = await startTestServer({COLLOQUY_POSTS_PER_IP: '100000', COLLOQUY_POSTS_PER_IDENTITY: '100000', COLLOQUY_DUPLICATE_WINDOW: '0'});
});
after(async () => {
  await server.cleanup();
});

/**
 * One conversation, replies nested: root ← a ← a1 ← a1x, a ← a2, root ← b ← b1, root ← c,
 * so reading order (depth first, oldest first) differs from posting order.
 */
async function conversation(ada: ReturnType<typeof client>, t: string) {
  const post = async (text: string, parent: string | null) => (await ada.post(t, text, parent)).body.comment.id as string;
  const root = await post('root', null);
  const a = await post('a', root);
  const b = await post('b', root);
  const a1 = await post('a1', a);
  const c = await post('c', root);
  const b1 = await post('b1', b);
  const a2 = await post('a2', a);
  const a1x = await post('a1x', a1);
  return {root, readingOrder: [a, a1, a1x, a2, b, b1, c]};
}

async function allBatches(ada: ReturnType<typeof client>, t: string, root: string, more: {cursor: string} | null, limit: number) {
  const seen: string[] = [];
  for (let requests = 0; more && requests < 50; requests++) {
    const answer = await ada.call('GET', `threads/${t}/comments/${root}/replies?limit=${limit}&cursor=${more.cursor}`);
    assert.equal(answer.status, 200, JSON.stringify(answer.body));
    seen.push(...ids(answer.body.comments));
    more = answer.body.moreReplies;
  }
  return seen;
}

describe('a reply cursor per conversation', () => {
  it('sends the first replies in reading order, then the rest in batches, each exactly once', async () => {
    const ada = client(server.url);
    const t = thread('replies');
    const {root, readingOrder} = await conversation(ada, t);
    const page = await ada.page(t, 'sort=oldest&limit=10&replies=3');
    assert.equal(page.status, 200);
    assert.deepEqual(ids(page.body.comments), [root, ...readingOrder.slice(0, 3)]);
    const first = page.body.comments[0];
    assert.equal(first.moreReplies.count, 4);
    assert.equal(typeof first.moreReplies.cursor, 'string');
    assert.equal(page.body.comments.filter((comment: any) => 'moreReplies' in comment).length, 1);
    assert.equal(page.body.thread.totalCount, 8, 'totalCount still counts every comment');

    const second = await ada.call('GET', `threads/${t}/comments/${root}/replies?limit=2&cursor=${first.moreReplies.cursor}`);
    assert.equal(second.status, 200);
    assert.deepEqual(ids(second.body.comments), readingOrder.slice(3, 5));
    assert.equal(second.body.moreReplies.count, 2);
    assert.match(second.headers.get('Cache-Control')!, /private/);
    const third = await ada.call('GET', `threads/${t}/comments/${root}/replies?cursor=${second.body.moreReplies.cursor}`);
    assert.deepEqual(ids(third.body.comments), readingOrder.slice(5));
    assert.equal(third.body.moreReplies, null);
    // Without a cursor the batch starts at the first reply.
    const fromStart = await ada.call('GET', `threads/${t}/comments/${root}/replies?limit=500`);
    assert.deepEqual(ids(fromStart.body.comments), readingOrder);
    assert.equal(fromStart.body.moreReplies, null);
  });

  it('sends every reply to a client that does not ask (servers and clients from before keep working)', async () => {
    const ada = client(server.url);
    const t = thread('compat');
    const {root, readingOrder} = await conversation(ada, t);
    const page = await ada.page(t, 'sort=oldest&limit=10');
    assert.deepEqual(ids(page.body.comments), [root, ...readingOrder]);
    assert.equal(page.body.comments.some((comment: any) => 'moreReplies' in comment), false);
    // Nor when the conversation fits.
    const fits = await ada.page(t, 'sort=oldest&limit=10&replies=7');
    assert.deepEqual(ids(fits.body.comments), [root, ...readingOrder]);
    assert.equal(fits.body.comments.some((comment: any) => 'moreReplies' in comment), false);
  });

  it('keeps each conversation to its own first replies on a page of several', async () => {
    const ada = client(server.url);
    const t = thread('several');
    const one = await conversation(ada, t);
    const lone = (await ada.post(t, 'no replies')).body.comment.id;
    const two = await conversation(ada, t);
    const page = await ada.page(t, 'sort=oldest&limit=10&replies=2');
    assert.deepEqual(ids(page.body.comments), [one.root, ...one.readingOrder.slice(0, 2), lone, two.root, ...two.readingOrder.slice(0, 2)]);
    const rest = await allBatches(ada, t, two.root, page.body.comments.at(-3).moreReplies, 3);
    assert.deepEqual(rest, two.readingOrder.slice(2));
  });

  it('counts what remains of each cut conversation on a page, whatever their sizes', async () => {
    const ada = client(server.url);
    const t = thread('sizes');
    const post = async (text: string, parent: string | null) => (await ada.post(t, text, parent)).body.comment.id as string;
    // Four conversations of 6, 2, 9 and 4 replies (flat and nested), one held reply of
    // someone else's in the third: with replies=2 the second fits, the others are cut.
    const sizes = [6, 2, 9, 4];
    const roots: string[] = [];
    for (const [n, size] of sizes.entries()) {
      const root = await post(`root ${n}`, null);
      roots.push(root);
      let parent = root;
      for (let i = 0; i < size; i++) parent = await post(`reply ${n}.${i}`, n % 2 ? root : parent);
    }
    const held = await post('held reply', roots[2]!);
    await server.db.query(`UPDATE comments SET status = 'pending', author_key = 'someone-else' WHERE id = $1`, [held]);
    const page = await ada.page(t, 'sort=oldest&limit=10&replies=2');
    const more = roots.map((root) => page.body.comments.find((comment: any) => comment.id === root).moreReplies?.count ?? null);
    assert.deepEqual(more, [4, null, 7, 2]);
    for (const [n, root] of roots.entries()) {
      if (more[n] === null) continue;
      const rest = await allBatches(ada, t, root, page.body.comments.find((comment: any) => comment.id === root).moreReplies, 2);
      assert.equal(rest.length, more[n], `conversation ${n}: the count is what the batches bring`);
    }
  });

  it('gives each comment its direct replies in replyCount, those not sent yet included', async () => {
    const ada = client(server.url);
    const t = thread('reply-count');
    const {root, readingOrder} = await conversation(ada, t);
    const [a, a1, a1x, a2, b, b1, c] = readingOrder;
    const expected: Record<string, number> = {[root]: 3, [a!]: 2, [a1!]: 1, [a1x!]: 0, [a2!]: 0, [b!]: 1, [b1!]: 0, [c!]: 0};
    const counts = (comments: any[]) => Object.fromEntries(comments.map((comment) => [comment.id, comment.replyCount]));
    const pick = (ids: string[]) => Object.fromEntries(ids.map((id) => [id, expected[id]]));
    // The whole conversation, then cut after a1: root, a and a1 have replies still to come.
    assert.deepEqual(counts((await ada.page(t, 'sort=oldest&limit=10')).body.comments), expected);
    const page = await ada.page(t, 'sort=oldest&limit=10&replies=2');
    assert.deepEqual(counts(page.body.comments), pick([root, a!, a1!]));
    // Batches of one: each comment is sent before any of its replies.
    let more = page.body.comments[0].moreReplies;
    const fromBatches: Record<string, number> = {};
    while (more) {
      const answer = await ada.call('GET', `threads/${t}/comments/${root}/replies?limit=1&cursor=${more.cursor}`);
      Object.assign(fromBatches, counts(answer.body.comments));
      more = answer.body.moreReplies;
    }
    assert.deepEqual(fromBatches, pick([a1x!, a2!, b!, b1!, c!]));
    const first = await ada.call('GET', `threads/${t}/comments/${root}/replies?limit=1`);
    assert.deepEqual(counts(first.body.comments), pick([a!]));
    // Held replies of others are not the reader's to count; the author's own are.
    await server.db.query(`UPDATE comments SET status = 'pending', author_key = 'someone-else' WHERE id = $1`, [a2]);
    assert.equal((await ada.page(t, 'sort=oldest&limit=10&replies=1')).body.comments[1].replyCount, 1);
  });

  it('continues after the last reply sent, whatever was posted meanwhile: no reply twice, none lost', async () => {
    const ada = client(server.url);
    const t = thread('meanwhile');
    const {root, readingOrder} = await conversation(ada, t);
    const page = await ada.page(t, 'sort=oldest&limit=10&replies=6');
    // An answer to a reply already sent lands inside what was sent (the client hears of it
    // live, never in a batch); one to the first comment lands at the end.
    const inside = (await ada.post(t, 'late answer to a1', readingOrder[1]!)).body.comment.id;
    const atEnd = (await ada.post(t, 'late answer to root', root)).body.comment.id;
    const rest = await allBatches(ada, t, root, page.body.comments[0].moreReplies, 1);
    assert.deepEqual(rest, [readingOrder[6], atEnd]);
    assert.equal(rest.includes(inside), false);
    assert.equal(new Set(rest).size, rest.length);
  });

  it('leaves out held replies of others with everything under them, and counts only what the viewer may see', async () => {
    const ada = client(server.url);
    const t = thread('held');
    const {root, readingOrder} = await conversation(ada, t);
    // b held for moderation (as if posted by someone whose comments are held): b and b1 go.
    await server.db.query(`UPDATE comments SET status = 'pending', author_key = 'someone-else' WHERE id = $1`, [readingOrder[4]]);
    const page = await ada.page(t, 'sort=oldest&limit=10&replies=2');
    assert.equal(page.body.comments[0].moreReplies.count, 3, 'a1x, a2 and c remain');
    const rest = await allBatches(ada, t, root, page.body.comments[0].moreReplies, 2);
    assert.deepEqual(rest, [readingOrder[2], readingOrder[3], readingOrder[6]]);
  });

  it('sends a deleted reply as a placeholder only while a shown reply hangs under it, and does not count it', async () => {
    const ada = client(server.url);
    const t = thread('deleted');
    const {root, readingOrder} = await conversation(ada, t);
    const [a, a1, a1x, a2, , , c] = readingOrder;
    await server.db.query(`UPDATE comments SET status = 'deleted' WHERE id = ANY($1)`, [[a1, c]]);
    const page = await ada.page(t, 'sort=oldest&limit=10&replies=1');
    assert.deepEqual(ids(page.body.comments), [root, a]);
    assert.equal(page.body.comments[0].moreReplies.count, 4, 'a1x, a2, b, b1: neither placeholder');
    const rest = await allBatches(ada, t, root, page.body.comments[0].moreReplies, 2);
    assert.deepEqual(rest, [a1, a1x, a2, readingOrder[4], readingOrder[5]], 'a1 kept for a1x; c, with nothing under it, left out');
  });

  it('orders comments written in one statement (imports, seeds) by the same path', async () => {
    const ada = client(server.url);
    const t = thread('bulk');
    await ada.post(t, 'creates the thread');
    await server.db.query(
      `INSERT INTO comments (id, thread_id, parent_id, root_id, depth, author_key, author_name, text, status)
       VALUES ($1 || '-r', $1, NULL, $1 || '-r', 0, 'k', 'Seed', 'root', 'approved'),
              ($1 || '-x', $1, $1 || '-r', $1 || '-r', 1, 'k', 'Seed', 'x', 'approved'),
              ($1 || '-y', $1, $1 || '-r', $1 || '-r', 1, 'k', 'Seed', 'y', 'approved'),
              ($1 || '-x1', $1, $1 || '-x', $1 || '-r', 2, 'k', 'Seed', 'x1', 'approved')`,
      [t],
    );
    const batch = await ada.call('GET', `threads/${t}/comments/${t}-r/replies`);
    assert.deepEqual(ids(batch.body.comments), [`${t}-x`, `${t}-x1`, `${t}-y`]);
  });

  it('gives comments stored before the migration their reading order', async () => {
    const ada = client(server.url);
    const t = thread('backfill');
    const {root, readingOrder} = await conversation(ada, t);
    await server.db.query('UPDATE comments SET path = ARRAY[seq] WHERE thread_id = $1', [t]);
    const migration = readFileSync(new URL('../migrations/007-reply-order.sql', import.meta.url), 'utf8');
    const backfill = /^UPDATE comments[\s\S]*?;$/m.exec(migration)![0].slice(0, -1);
    await server.db.query(backfill);
    const batch = await ada.call('GET', `threads/${t}/comments/${root}/replies`);
    assert.deepEqual(ids(batch.body.comments), readingOrder);
  });

  it('answers bad requests with the error envelope', async () => {
    const ada = client(server.url);
    const t = thread('bad');
    const {root, readingOrder} = await conversation(ada, t);
    const other = await conversation(ada, t);
    const page = await ada.page(t, 'sort=oldest&limit=10&replies=1');
    const otherCursor = page.body.comments.find((comment: any) => comment.id === other.root).moreReplies.cursor;
    const base = `threads/${t}/comments/${root}/replies`;
    const cases: [string, number, string][] = [
      [`${base}?cursor=not-a-cursor`, 400, 'invalid'],
      [`${base}?cursor=${otherCursor}`, 400, 'invalid'],
      [`${base}?cursor=${Buffer.from(JSON.stringify({r: root, p: [1, 'x']})).toString('base64url')}`, 400, 'invalid'],
      [`${base}?cursor=${'A'.repeat(5000)}`, 400, 'invalid'],
      [`${base}?limit=0`, 400, 'invalid'],
      [`${base}?limit=501`, 400, 'invalid'],
      [`${base}?limit=1.5`, 400, 'invalid'],
      [`threads/${t}/comments?replies=abc`, 400, 'invalid'],
      [`threads/${t}/comments?replies=0`, 400, 'invalid'],
      [`threads/${t}/comments/${readingOrder[0]}/replies`, 400, 'invalid'],
      [`threads/${t}/comments/no-such-comment/replies`, 404, 'not-found'],
      [`threads/another-thread-${t}/comments/${root}/replies`, 404, 'not-found'],
    ];
    for (const [path, status, code] of cases) {
      const answer = await ada.call('GET', path);
      assert.equal(answer.status, status, path);
      assert.equal(answer.body.error.code, code, path);
      assert.equal(typeof answer.body.error.message, 'string');
    }
  });
});
