import assert from 'node:assert/strict';
import {after, before, describe, it} from 'node:test';
import {createApp} from '../src/app.js';
import {createSession, upsertUser} from '../src/auth/store.js';
import type {ServerConfig} from '../src/config.js';
import type {Database} from '../src/db/database.js';
import {LiveHub, type LiveEvent} from '../src/live/hub.js';
import {moderate} from '../src/store/moderation.js';
import {ADMIN_TOKEN, client, openEvents, startTestServer} from './helpers.js';

// Moderation from the widget (docs/rest-protocol.md, "Moderation") and blocking, against a
// real server on PGlite. The moderator is whoever viewer.ts says moderates: here the admin token.

let server: Awaited<ReturnType<typeof startTestServer>>;
const thread = (name: string) => `${name}-${Math.random().toString(36).slice(2, 8)}`;
const AUTH = {Authorization: `Bearer ${ADMIN_TOKEN}`};

function withConfig(changes: Partial<ServerConfig>, guest?: string | null, fetchHeaders: Record<string, string> = {}) {
  const app = createApp({config: {...server.config, ...changes}, db: server.db, live: server.live});
  return client('http://app.test', guest, (url, init) => {
    const headers = new Headers(init.headers);
    for (const [name, value] of Object.entries(fetchHeaders)) headers.set(name, value);
    return app.request(url, {...init, headers});
  });
}

/** The thread as a moderator's widget sees it, and the moderation route it calls. */
function moderator(base = server.url) {
  const api = client(base, null);
  return {
    page: (t: string) => api.call('GET', `threads/${t}/comments?sort=oldest&limit=100`, undefined, AUTH),
    decide: (t: string, id: string, action: unknown) => api.call('POST', `threads/${t}/comments/${id}/moderation`, {action}, AUTH),
  };
}

const ids = (page: {body: any}) => page.body.comments.map((c: any) => c.id);

before(async () => {
  server = await startTestServer({COLLOQUY_POSTS_PER_IP: '100000', COLLOQUY_POSTS_PER_IDENTITY: '100000', COLLOQUY_MODERATION: 'all'});
});
after(async () => {
  await server.cleanup();
});

describe('moderation from the thread', () => {
  it('lists everyone\'s held comments to moderators only, offering them moderation and counting them', async () => {
    const t = thread('held-list');
    const [ada, bo] = [client(server.url), client(server.url)];
    const open = withConfig({moderation: 'none'});
    const shown = (await open.post(t, 'approved at once')).body.comment;
    const adaHeld = (await ada.post(t, 'held, by Ada')).body.comment;
    const boHeld = (await bo.post(t, 'held, by Bo')).body.comment;
    assert.equal(adaHeld.status, 'pending');

    const mod = await moderator().page(t);
    assert.deepEqual(ids(mod), [shown.id, adaHeld.id, boHeld.id]);
    assert.equal(mod.body.thread.totalCount, 3, 'a moderator\'s count includes every held comment');
    for (const comment of mod.body.comments) assert.equal(comment.viewerCan.moderate, true, `${comment.id} offers moderation`);

    const ofAda = await ada.page(t);
    assert.deepEqual(ids(ofAda), [shown.id, adaHeld.id], 'an author sees their own held comment, not others\'');
    assert.equal(ofAda.body.thread.totalCount, 2);
    const reader = await client(server.url, null).page(t);
    assert.deepEqual(ids(reader), [shown.id]);
    assert.equal(reader.body.thread.totalCount, 1);
    for (const page of [ofAda, reader]) {
      for (const comment of page.body.comments) assert.equal(comment.viewerCan.moderate, undefined, 'nobody else is offered moderation');
    }
  });

  it('approves: the comment is public at once, announced live once, and a retried approval changes nothing', async () => {
    const t = thread('approve');
    const ada = client(server.url);
    const held = (await ada.post(t, 'approve me')).body.comment;
    const [publicStream, modStream] = [await openEvents(`${server.url}threads/${t}/events`), await openEvents(`${server.url}threads/${t}/events`, undefined, AUTH)];
    try {
      const approved = await moderator().decide(t, held.id, 'approve');
      assert.equal(approved.status, 200);
      assert.equal(approved.body.comment.status, 'approved');
      assert.equal(approved.body.comment.viewerCan.moderate, true);
      assert.equal(approved.headers.get('Cache-Control'), 'no-store');
      const added = await publicStream.waitFor((e) => e.type === 'comment-added');
      assert.equal(added.data.comment.id, held.id);
      assert.equal(added.data.comment.status, 'approved');
      assert.equal(added.data.comment.viewerCan.moderate, undefined, 'the public event offers nobody moderation');
      await modStream.waitFor((e) => e.type === 'comment-added' && e.data.comment.id === held.id);
      assert.deepEqual(ids(await client(server.url, null).page(t)), [held.id]);

      const again = await moderator().decide(t, held.id, 'approve');
      assert.equal(again.status, 200);
      assert.equal(again.body.comment.status, 'approved');
      await openEvents(`${server.url}threads/${t}/events`, '0').then(async (replay) => {
        await replay.waitFor((e) => e.type === 'comment-added');
        await new Promise((resolve) => setTimeout(resolve, 200));
        assert.equal(replay.events.filter((e) => e.type === 'comment-added').length, 1, 'announced once however often approved');
        await replay.close();
      });
    } finally {
      await publicStream.close();
      await modStream.close();
    }
  });

  it('approves once when two moderators (or a retry) decide at the same moment', async () => {
    const t = thread('race');
    const held = (await client(server.url).post(t, 'raced')).body.comment;
    const answers = await Promise.all([1, 2, 3].map(() => moderator().decide(t, held.id, 'approve')));
    assert.deepEqual(answers.map((a) => a.status), [200, 200, 200]);
    const [{count}] = await server.db.query<{count: number}>(
      `SELECT count(*)::int AS count FROM events WHERE thread_id = $1 AND type = 'comment-added' AND NOT moderators_only`, [t],
    );
    assert.equal(count, 1);
    const [{approved_count}] = await server.db.query<{approved_count: number}>('SELECT approved_count FROM threads WHERE id = $1', [t]);
    assert.equal(approved_count, 1);
  });

  it('announces held comments coming and going to moderators\' streams only', async () => {
    const t = thread('mod-live');
    const seed = (await withConfig({moderation: 'none'}).post(t, 'so the thread exists')).body.comment;
    const [publicStream, modStream] = [await openEvents(`${server.url}threads/${t}/events`), await openEvents(`${server.url}threads/${t}/events`, undefined, AUTH)];
    try {
      const held = (await client(server.url).post(t, 'arrives held')).body.comment;
      const arrived = await modStream.waitFor((e) => e.type === 'comment-added' && e.data.comment.id === held.id);
      assert.equal(arrived.data.comment.status, 'pending');
      assert.equal(arrived.data.comment.viewerCan.moderate, true);
      assert.equal((await moderator().decide(t, held.id, 'spam')).status, 200);
      await modStream.waitFor((e) => e.type === 'comment-removed' && e.data.commentId === held.id);
      // A public event after them: once it is through, anything before it would have been too.
      await moderator().decide(t, seed.id, 'delete');
      await publicStream.waitFor((e) => e.type === 'comment-removed' && e.data.commentId === seed.id);
      assert.ok(!publicStream.events.some((e) => JSON.stringify(e.data).includes(held.id)), 'nothing of the held comment reached readers');
    } finally {
      await publicStream.close();
      await modStream.close();
    }
  });

  it('counts replies for each audience: the author\'s answer includes their held reply, the public announcement does not', async () => {
    const t = thread('counts');
    const secret = `guest-${Math.random().toString(36).slice(2)}-secret`;
    const [ada, adaUnmoderated] = [client(server.url, secret), withConfig({moderation: 'none'}, secret)];
    const parent = (await adaUnmoderated.post(t, 'shown at once')).body.comment;
    assert.equal((await ada.post(t, 'a held reply', parent.id)).body.comment.status, 'pending');
    const stream = await openEvents(`${server.url}threads/${t}/events`);
    try {
      const edited = await ada.call('PATCH', `threads/${t}/comments/${parent.id}`, {text: 'shown at once, edited'});
      assert.equal(edited.body.comment.replyCount, 1, 'the author sees their held reply');
      const announced = await stream.waitFor((e) => e.type === 'comment-updated' && e.data.comment.id === parent.id);
      assert.equal(announced.data.comment.replyCount, 0, 'readers are not told of a reply they cannot see');
    } finally {
      await stream.close();
    }
  });

  it('marks as spam: gone for everyone with its replies, kept in the database, and spam twice is still spam', async () => {
    const t = thread('spam');
    const open = withConfig({moderation: 'none'});
    const [ada, bo] = [client(server.url), client(server.url)];
    const spam = (await open.post(t, 'buy things')).body.comment;
    const reply = (await open.post(t, 'an innocent reply', spam.id)).body.comment;
    const other = (await open.post(t, 'another conversation')).body.comment;
    const heldSpam = (await ada.post(t, 'held spam')).body.comment;
    const stream = await openEvents(`${server.url}threads/${t}/events`);
    try {
      const answer = await moderator().decide(t, spam.id, 'spam');
      assert.equal(answer.status, 200);
      assert.equal(answer.body.comment, null);
      await stream.waitFor((e) => e.type === 'comment-removed' && e.data.commentId === spam.id);
      await stream.waitFor((e) => e.type === 'comment-removed' && e.data.commentId === reply.id);
      assert.equal((await moderator().decide(t, heldSpam.id, 'spam')).body.comment, null);
      assert.deepEqual(ids(await moderator().page(t)), [other.id]);
      assert.equal((await moderator().page(t)).body.thread.totalCount, 1);
      assert.deepEqual(ids(await ada.page(t)), [other.id], 'its author no longer sees held spam either');
      assert.deepEqual(ids(await bo.page(t)), [other.id]);
      assert.equal((await bo.page(t)).body.thread.totalCount, 1);
      assert.equal((await ada.call('DELETE', `threads/${t}/comments/${heldSpam.id}`)).status, 404);
      assert.equal((await bo.post(t, 'answering spam', spam.id)).status, 400);

      const retried = await moderator().decide(t, spam.id, 'spam');
      assert.deepEqual([retried.status, retried.body.comment], [200, null]);
      assert.equal((await moderator().decide(t, spam.id, 'approve')).status, 409, 'spam is not approved by mistake');
      const kept = await client(server.url).admin('GET', 'comments?status=spam');
      assert.ok(kept.body.comments.some((c: any) => c.id === spam.id), 'the admin API still lists spam');

      // Spam under a comment does not keep it as a placeholder, nor block its deletion.
      const parent = (await open.post(t, 'parent of spam')).body.comment;
      const spamReply = (await open.post(t, 'spam reply', parent.id)).body.comment;
      await moderator().decide(t, spamReply.id, 'spam');
      const deleted = await moderator().decide(t, parent.id, 'delete');
      assert.deepEqual([deleted.status, deleted.body.comment], [200, null]);
      assert.equal((await server.db.query('SELECT 1 FROM comments WHERE id = ANY($1::text[])', [[parent.id, spamReply.id]])).length, 0);
    } finally {
      await stream.close();
    }
  });

  it('spams a conversation in one statement of events, parent first, and a process reads only the events of threads it follows', async () => {
    const t = thread('spam-set');
    const elsewhere = thread('unfollowed');
    const open = withConfig({moderation: 'none'});
    const root = (await open.post(t, 'spam root')).body.comment;
    const first = (await open.post(t, 'first reply', root.id)).body.comment;
    const second = (await open.post(t, 'second reply', first.id)).body.comment;
    const held = (await client(server.url).post(t, 'held reply', root.id)).body.comment;
    const unrelated = (await open.post(elsewhere, 'nobody here listens')).body.comment;

    const statements: string[] = [];
    const counting: Database = {
      ...server.db,
      transaction: (work) => server.db.transaction((tx) => work({query: (text, params) => (statements.push(text), tx.query(text, params))})),
    };
    const reads: unknown[][] = [];
    const hub = new LiveHub({...server.db, query: (text, params) => (/FROM events WHERE id/.test(text) && reads.push(params ?? []), server.db.query(text, params))});
    await hub.start(60);
    const heard: LiveEvent[] = [];
    const stop = hub.subscribe(t, (event) => heard.push(event), () => {});
    try {
      await moderate(server.db, unrelated.id, elsewhere, 'delete', {key: null, isModerator: true}, server.config);
      await moderate(counting, root.id, t, 'spam', {key: null, isModerator: true}, server.config);
      assert.equal(statements.filter((text) => text.includes('INSERT INTO events')).length, 1, 'one statement records every removal');
      const events = await server.db.query<{data: string; moderators_only: boolean}>(
        `SELECT data, moderators_only FROM events WHERE thread_id = $1 AND type = 'comment-removed' ORDER BY id`, [t],
      );
      const removed = events.map((event) => [JSON.parse(event.data).commentId, event.moderators_only]);
      assert.deepEqual(removed.map(([id]) => id).sort(), [root.id, first.id, second.id, held.id].sort());
      assert.equal(removed[0]![0], root.id, 'the conversation first');
      assert.deepEqual(removed.find(([id]) => id === held.id), [held.id, true], 'a held reply’s removal reaches moderators only');
      for (let waited = 0; heard.length < 4 && waited < 5000; waited += 20) await new Promise((resolve) => setTimeout(resolve, 20));
      assert.deepEqual(heard.map((event) => JSON.parse(event.data).commentId), removed.map(([id]) => id), 'heard in order');
      assert.equal(reads.length, 4, 'the unfollowed thread’s event was never read');
      assert.ok(reads.every((params) => params[1] === t));
    } finally {
      stop();
      hub.stop();
    }
  });

  it('deletes as DELETE does: a placeholder while replies keep it, else nothing; gone is 404', async () => {
    const t = thread('mod-delete');
    const open = withConfig({moderation: 'none'});
    const parent = (await open.post(t, 'parent')).body.comment;
    await open.post(t, 'child', parent.id);
    const placeholder = await moderator().decide(t, parent.id, 'delete');
    assert.equal(placeholder.status, 200);
    assert.equal(placeholder.body.comment.status, 'deleted');
    assert.equal(placeholder.body.comment.content.value, '');
    const held = (await client(server.url).post(t, 'held, then deleted')).body.comment;
    assert.equal((await moderator().decide(t, held.id, 'delete')).body.comment, null);
    assert.equal((await moderator().decide(t, held.id, 'delete')).status, 404);
  });

  it('refuses everyone but moderators, and bad requests, changing nothing', async () => {
    const t = thread('refuse');
    const ada = client(server.url);
    const held = (await ada.post(t, 'not yours to approve')).body.comment;
    const url = `threads/${t}/comments/${held.id}/moderation`;
    const guest = await ada.call('POST', url, {action: 'approve'});
    assert.deepEqual([guest.status, guest.body.error.code], [401, 'unauthorized']);
    const anonymous = await client(server.url, null).call('POST', url, {action: 'approve'});
    assert.deepEqual([anonymous.status, anonymous.body.error.code], [401, 'unauthorized']);
    const forged = await ada.call('POST', url, {action: 'approve'}, {Authorization: 'Bearer not-a-token-of-this-server'});
    assert.deepEqual([forged.status, forged.body.error.code], [401, 'unauthorized']);
    // A signed-in reader who does not moderate (sessions come from sign-in; the store decides).
    await assert.rejects(
      moderate(server.db, held.id, t, 'approve', {key: 'u:reader', isModerator: false}, server.config),
      (error: any) => error.status === 403 && error.code === 'forbidden',
    );
    const bad = await moderator().decide(t, held.id, 'publish');
    assert.deepEqual([bad.status, bad.body.error.code], [400, 'invalid']);
    const noBody = await client(server.url, null).call('POST', url, undefined, AUTH);
    assert.equal(noBody.status, 415);
    const unknown = await moderator().decide(t, 'no-such-comment', 'approve');
    assert.deepEqual([unknown.status, unknown.body.error.code], [404, 'not-found']);
    const elsewhere = await moderator().decide(thread('other'), held.id, 'approve');
    assert.equal(elsewhere.status, 404, 'a comment is moderated under its own thread only');
    assert.deepEqual(ids(await client(server.url, null).page(t)), []);
    assert.equal((await ada.page(t)).body.comments[0].status, 'pending');
  });

  it('keeps the admin API on the same decisions: approve, spam, reject only what is held', async () => {
    const t = thread('admin');
    const api = client(server.url);
    const first = (await api.post(t, 'first')).body.comment;
    const second = (await api.post(t, 'second')).body.comment;
    assert.equal((await api.admin('POST', `comments/${first.id}/approve`)).body.comment.status, 'approved');
    assert.equal((await api.admin('POST', `comments/${first.id}/reject`)).status, 409);
    assert.equal((await api.admin('POST', `comments/${second.id}/spam`)).body.comment, null);
    assert.deepEqual(ids(await moderator().page(t)), [first.id]);
  });
});

describe('signed-in viewers', () => {
  /** A session for a person signed in with a provider, as sign-in leaves it. */
  async function signIn(subject: string, name: string): Promise<Record<string, string>> {
    const user = await upsertUser(server.db, 'github', {subject, name});
    return {Authorization: `Bearer ${await createSession(server.db, user.id, 'github', Date.now() + 3_600_000)}`};
  }

  it('lets a moderator named in COLLOQUY_MODERATORS moderate with their session, and tells a signed-in reader no', async () => {
    const t = thread('sessions');
    const app = withConfig({auth: {...server.config.auth, moderators: ['github:moderating-1']}}, null);
    const [moderatorAuth, readerAuth] = [await signIn('moderating-1', 'Mo'), await signIn('reading-1', 'Rea')];
    const held = (await client(server.url).post(t, 'held for a signed-in moderator')).body.comment;
    const url = `threads/${t}/comments/${held.id}/moderation`;

    const reader = await app.call('POST', url, {action: 'approve'}, readerAuth);
    assert.deepEqual([reader.status, reader.body.error.code], [403, 'forbidden']);
    const readerPage = await app.call('GET', `threads/${t}/comments?sort=oldest&limit=100`, undefined, readerAuth);
    assert.deepEqual(ids(readerPage), []);

    const modPage = await app.call('GET', `threads/${t}/comments?sort=oldest&limit=100`, undefined, moderatorAuth);
    assert.deepEqual(ids(modPage), [held.id]);
    assert.equal(modPage.body.comments[0].viewerCan.moderate, true);
    const approved = await app.call('POST', url, {action: 'approve'}, moderatorAuth);
    assert.deepEqual([approved.status, approved.body.comment.status], [200, 'approved']);
  });

  it('blocks a signed-in author by one of their comments, whatever browser they come back with', async () => {
    const t = thread('block-user');
    const app = withConfig({moderation: 'none'}, null);
    const auth = await signIn('spamming-1', 'Spammer');
    const posted = await app.call('POST', `threads/${t}/comments`, {text: 'signed-in spam'}, {...auth, 'Idempotency-Key': crypto.randomUUID()});
    assert.equal(posted.status, 201);
    const block = await app.admin('POST', 'blocks', {comment: posted.body.comment.id});
    assert.match(block.body.block.identity, /^u:/);
    const secondSession = await signIn('spamming-1', 'Spammer');
    const refused = await app.call('POST', `threads/${t}/comments`, {text: 'more signed-in spam'}, {...secondSession, 'Idempotency-Key': crypto.randomUUID()});
    assert.deepEqual([refused.status, refused.body.error.code], [403, 'forbidden']);
    await app.admin('DELETE', `blocks/${block.body.block.id}`);
  });
});

describe('blocking', () => {
  it('blocks a guest by one of their comments: their posts and edits are refused with a clear error, others post on', async () => {
    const t = thread('block');
    const open = withConfig({moderation: 'none'});
    const spammer = withConfig({moderation: 'none'}, 'spammer-browser-secret-0001');
    const own = (await spammer.post(t, 'first, before the block')).body.comment;
    const blocked = await spammer.admin('POST', 'blocks', {comment: own.id, reason: 'spam run'});
    assert.equal(blocked.status, 201);
    assert.match(blocked.body.block.identity, /^g:/);
    assert.equal(blocked.body.block.label, 'Ada');
    assert.equal(blocked.body.block.reason, 'spam run');
    const again = await spammer.admin('POST', 'blocks', {comment: own.id});
    assert.deepEqual([again.status, again.body.block.id], [200, blocked.body.block.id], 'blocking twice is one block');

    const refused = await spammer.post(t, 'after the block');
    assert.deepEqual([refused.status, refused.body.error.code], [403, 'forbidden']);
    assert.match(refused.body.error.message, /blocked/);
    const edit = await spammer.call('PATCH', `threads/${t}/comments/${own.id}`, {text: 'edited into spam'});
    assert.equal(edit.status, 403);
    assert.equal((await open.post(t, 'someone else')).status, 201);
    assert.ok(!(await open.page(t)).body.comments.some((c: any) => /after the block|edited into spam/.test(c.content.value)));

    const list = await spammer.admin('GET', 'blocks');
    assert.ok(list.body.blocks.some((b: any) => b.id === blocked.body.block.id));
    assert.equal((await spammer.admin('DELETE', `blocks/${blocked.body.block.id}`)).status, 200);
    assert.equal((await spammer.admin('DELETE', `blocks/${blocked.body.block.id}`)).status, 404);
    assert.equal((await spammer.post(t, 'after the unblock')).status, 201);
  });

  it('blocks IPv4 and IPv6 ranges; moderators post anyway', async () => {
    const t = thread('ranges');
    const v6 = withConfig({moderation: 'none', trustProxy: true}, undefined, {'X-Forwarded-For': '2001:db8:1::77'});
    const v6Elsewhere = withConfig({moderation: 'none', trustProxy: true}, undefined, {'X-Forwarded-For': '2001:db9::1'});
    const v4 = withConfig({moderation: 'none', trustProxy: true}, undefined, {'X-Forwarded-For': '198.51.100.23'});
    const mapped = withConfig({moderation: 'none', trustProxy: true}, undefined, {'X-Forwarded-For': '::ffff:198.51.100.99'});
    const range6 = await v6.admin('POST', 'blocks', {range: '2001:db8::/32'});
    const range4 = await v4.admin('POST', 'blocks', {range: '198.51.100.200/24'});
    try {
      assert.equal(range4.body.block.range, '198.51.100.0/24', 'host bits are cleared');
      for (const blocked of [v6, v4, mapped]) {
        const refused = await blocked.post(t, 'from a blocked range');
        assert.deepEqual([refused.status, refused.body.error.code], [403, 'forbidden']);
      }
      assert.equal((await v6Elsewhere.post(t, 'from another network')).status, 201);
      const asModerator = await v4.call('POST', `threads/${t}/comments`, {text: 'a moderator, from a blocked range'}, AUTH);
      assert.equal(asModerator.status, 201);
    } finally {
      await v4.admin('DELETE', `blocks/${range6.body.block.id}`);
      await v4.admin('DELETE', `blocks/${range4.body.block.id}`);
    }
    assert.equal((await v4.post(t, 'unblocked')).status, 201);
  });

  it('refuses ranges that are not ranges, or far too wide, and blocks that make no sense', async () => {
    const api = client(server.url);
    for (const range of ['nonsense', '10.0.0.0/33', '10.0.0.0/8/1', '0.0.0.0/0', '::/8', '10.0.0.1/x', 'fe80::1%eth0']) {
      const answer = await api.admin('POST', 'blocks', {range});
      assert.deepEqual([answer.status, answer.body.error.code], [400, 'invalid'], range);
    }
    assert.equal((await api.admin('POST', 'blocks', {})).status, 400);
    assert.equal((await api.admin('POST', 'blocks', {range: '10.0.0.0/8', identity: 'g:x'})).status, 400);
    assert.equal((await api.admin('POST', 'blocks', {comment: 'no-such-comment'})).status, 404);
    assert.equal((await api.admin('POST', 'blocks', {identity: 'moderator'})).status, 409);
    const anonymous = withConfig({moderation: 'none'}, null);
    const t = thread('anon');
    const comment = (await anonymous.post(t, 'no lasting identity')).body.comment;
    const byAuthor = await api.admin('POST', 'blocks', {comment: comment.id});
    assert.equal(byAuthor.status, 409, 'an author without a browser key can only be blocked by address');
    assert.equal((await client(server.url, null).call('POST', 'admin/blocks', {range: '10.0.0.0/8'})).status, 401);
  });

  it('blocks and unblocks from the command line', async () => {
    const {runModerateCommand} = await import('../src/moderate-cli.js');
    const config = {...server.config, adminToken: ADMIN_TOKEN};
    const lines: string[] = [];
    const log = console.log;
    console.log = (line: string) => lines.push(line);
    process.env['COLLOQUY_ENDPOINT'] = server.url;
    try {
      assert.equal(await runModerateCommand(['block-range', '203.0.113.0/24', '--reason', 'a botnet'], config), 0);
      assert.equal(await runModerateCommand(['blocks'], config), 0);
      const listed = lines.find((line) => /^\d+ /.test(line) && line.includes('203.0.113.0/24') && line.includes('a botnet'));
      assert.ok(listed, lines.join('\n'));
      assert.equal(await runModerateCommand(['unblock', listed.split(/\s+/)[0]!], config), 0);
      lines.length = 0;
      assert.equal(await runModerateCommand(['blocks'], config), 0);
      assert.ok(!lines.join('\n').includes('203.0.113.0/24'));
      assert.equal(await runModerateCommand(['block-range', 'not-a-range'], config), 1);
    } finally {
      console.log = log;
      delete process.env['COLLOQUY_ENDPOINT'];
    }
  });
});
