import assert from 'node:assert/strict';
import {connect} from 'node:net';
import {after, before, describe, it} from 'node:test';
import {createApp} from '../src/app.js';
import {ConfigError, readConfig, type ServerConfig} from '../src/config.js';
import {LiveHub} from '../src/live/hub.js';
import {publish} from '../src/store/single.js';
import {ADMIN_TOKEN, client, openEvents, startTestServer} from './helpers.js';

// The protocol against a real server on PGlite in a temp folder. Policies that need
// another configuration run through createApp over the same database (app.request, no socket).

let server: Awaited<ReturnType<typeof startTestServer>>;
const thread = (name: string) => `${name}-${Math.random().toString(36).slice(2, 8)}`;

/** A client of an app built with other settings over the same database and live hub. */
function withConfig(changes: Partial<ServerConfig>, guest?: string | null, identity?: {name: string; email?: string}) {
  const app = createApp({config: {...server.config, ...changes}, db: server.db, live: server.live});
  return client('http://app.test', guest, (url, init) => app.request(url, init), identity);
}

before(async () => {
  server = await startTestServer({COLLOQUY_POSTS_PER_IP: '100000', COLLOQUY_POSTS_PER_IDENTITY: '100000'});
});
after(async () => {
  await server.cleanup();
});

describe('reading and posting', () => {
  it('serves the service document with the capabilities it implements', async () => {
    const {status, body, headers} = await client(server.url).call('GET', '');
    assert.equal(status, 200);
    assert.equal(body.protocol, 'colloquy-rest/1');
    assert.deepEqual(body.capabilities, {edit: true, delete: true, reactions: ['like'], signIn: false, session: false, live: true, moderate: true, replies: true});
    assert.match(headers.get('Cache-Control')!, /max-age=3600/);
  });

  it('announces its page maximum (COLLOQUY_MAX_PAGE_SIZE, 500 by default) and accepts pages up to it', async () => {
    const {body} = await client(server.url).call('GET', '');
    assert.deepEqual(body.limits, {pageSize: 500});
    const ada = client(server.url);
    const t = thread('maximum');
    for (let i = 0; i < 3; i++) await ada.post(t, `top ${i}`);
    assert.equal((await ada.page(t, 'sort=oldest&limit=500')).body.comments.length, 3);
    const over = await ada.page(t, 'sort=oldest&limit=501');
    assert.equal(over.status, 400);
    assert.equal(over.body.error.code, 'invalid');
    assert.match(over.body.error.message, /from 1 to 500/);

    const smaller = withConfig({maxPageSize: 150});
    assert.deepEqual((await smaller.call('GET', '')).body.limits, {pageSize: 150});
    assert.equal((await smaller.page(t, 'sort=oldest&limit=150')).status, 200);
    assert.equal((await smaller.page(t, 'sort=oldest&limit=151')).status, 400);
    assert.equal(readConfig({COLLOQUY_MAX_PAGE_SIZE: '1000'}).maxPageSize, 1000);
    assert.throws(() => readConfig({COLLOQUY_MAX_PAGE_SIZE: '1001'}), ConfigError);
    assert.throws(() => readConfig({COLLOQUY_MAX_PAGE_SIZE: '99'}), ConfigError);
  });

  it('pages top-level comments with keyset cursors that neither repeat nor skip when comments arrive meanwhile', async () => {
    const ada = client(server.url);
    const t = thread('paging');
    const ids: string[] = [];
    for (let i = 0; i < 5; i++) ids.push((await ada.post(t, `top ${i}`)).body.comment.id);
    const reply = (await ada.post(t, 'reply to 1', ids[1]!)).body.comment.id;
    const first = await ada.page(t, 'sort=oldest&limit=2');
    assert.deepEqual(first.body.comments.map((c: any) => c.id), [ids[0], ids[1], reply]);
    await ada.post(t, 'arrives while paging');
    const second = await ada.page(t, `sort=oldest&limit=2&cursor=${first.body.nextCursor}`);
    assert.deepEqual(second.body.comments.map((c: any) => c.id), [ids[2], ids[3]]);
    const newest = await ada.page(t, 'sort=newest&limit=2');
    assert.equal(newest.body.comments[0].text, undefined);
    assert.equal(newest.body.comments[0].content.value, 'arrives while paging');
    await ada.post(t, 'arrives while paging newest');
    const newest2 = await ada.page(t, `sort=newest&limit=2&cursor=${newest.body.nextCursor}`);
    assert.deepEqual(newest2.body.comments.map((c: any) => c.id), [ids[3], ids[2]]);
    assert.equal(first.body.thread.totalCount, 6);
  });

  it('sorts by likes with top and keeps replies depth first, oldest first', async () => {
    const [ada, bo, cy] = [client(server.url), client(server.url), client(server.url)];
    const t = thread('top');
    const a = (await ada.post(t, 'a')).body.comment.id;
    const b = (await ada.post(t, 'b')).body.comment.id;
    const a1 = (await bo.post(t, 'a1', a)).body.comment.id;
    const a2 = (await bo.post(t, 'a2', a)).body.comment.id;
    const a11 = (await cy.post(t, 'a11', a1)).body.comment.id;
    for (const who of [bo, cy]) assert.equal((await who.call('PUT', `threads/${t}/comments/${b}/reactions/like`)).status, 200);
    const again = await cy.call('PUT', `threads/${t}/comments/${b}/reactions/like`);
    assert.deepEqual(again.body.comment.reactions, [{key: 'like', count: 2, viewerReacted: true}]);
    const top = await ada.page(t, 'sort=top&limit=10');
    assert.deepEqual(top.body.comments.map((c: any) => c.id), [b, a, a1, a11, a2]);
    assert.equal(top.body.comments.find((c: any) => c.id === a).replyCount, 2);
    const undo = await cy.call('DELETE', `threads/${t}/comments/${b}/reactions/like`);
    assert.equal(undo.body.comment.reactions[0].count, 1);
  });

  it('answers If-None-Match with 304 per viewer', async () => {
    const ada = client(server.url);
    const t = thread('etag');
    await ada.post(t, 'hello');
    const first = await ada.page(t);
    const etag = first.headers.get('ETag')!;
    assert.equal((await ada.call('GET', `threads/${t}/comments?sort=oldest&limit=100`, undefined, {'If-None-Match': etag})).status, 304);
    const other = await client(server.url).call('GET', `threads/${t}/comments?sort=oldest&limit=100`, undefined, {'If-None-Match': etag});
    assert.equal(other.status, 200, 'another viewer sees isViewer false, so another ETag');
  });

  it('stores one comment for concurrent posts with one Idempotency-Key, and refuses the key for another body', async () => {
    const ada = client(server.url);
    const t = thread('idem');
    const key = crypto.randomUUID();
    const body = {text: 'only once', parentId: null, guest: {name: 'Ada'}};
    const answers = await Promise.all(
      Array.from({length: 5}, () => ada.call('POST', `threads/${t}/comments`, body, {'Idempotency-Key': key})),
    );
    assert.deepEqual(answers.map((a) => a.status), [201, 201, 201, 201, 201]);
    assert.equal(new Set(answers.map((a) => a.body.comment.id)).size, 1);
    assert.equal(answers.filter((a) => a.headers.get('Idempotency-Replayed') === 'true').length, 4);
    assert.equal((await ada.page(t)).body.comments.length, 1);
    const other = await ada.call('POST', `threads/${t}/comments`, {...body, text: 'different'}, {'Idempotency-Key': key});
    assert.equal(other.status, 422);
    assert.equal(other.body.error.code, 'invalid');
  });

  it('forgets an Idempotency-Key after 24 hours', async () => {
    const ada = client(server.url);
    const t = thread('expired');
    const key = crypto.randomUUID();
    const first = await ada.call('POST', `threads/${t}/comments`, {text: 'a day ago', guest: {name: 'Ada'}}, {'Idempotency-Key': key});
    await server.db.query(`UPDATE idempotency_keys SET created_at = now() - interval '25 hours' WHERE key = $1`, [key]);
    const later = await ada.call('POST', `threads/${t}/comments`, {text: 'today', guest: {name: 'Ada'}}, {'Idempotency-Key': key});
    assert.equal(later.status, 201);
    assert.notEqual(later.body.comment.id, first.body.comment.id);
    assert.equal(later.headers.get('Idempotency-Replayed'), null);
  });

  it('refuses the same text from the same author as a duplicate', async () => {
    const ada = client(server.url);
    const t = thread('dup');
    assert.equal((await ada.post(t, 'same words')).status, 201);
    const again = await ada.post(t, 'same words');
    assert.equal(again.status, 409);
    assert.equal(again.body.error.code, 'duplicate');
  });
});

describe('bad input', () => {
  it('answers malformed JSON, wrong types and missing fields with the invalid envelope', async () => {
    const ada = client(server.url);
    const t = thread('bad');
    const post = (body: unknown) => ada.call('POST', `threads/${t}/comments`, body, {'Idempotency-Key': crypto.randomUUID()});
    for (const [body, field] of [
      ['{"text": ', undefined],
      ['"just a string"', undefined],
      [{text: 5, guest: {name: 'Ada'}}, 'text'],
      [{text: 'hi', guest: {name: ['Ada']}}, 'name'],
      [{text: 'hi'}, 'name'],
      [{text: 'hi', guest: {name: 'Ada', email: 'not-an-email'}}, 'email'],
      [{text: 'hi', guest: {name: 'Ada', website: 'javascript:alert(1)'}}, 'website'],
      [{text: 'hi', parentId: 42, guest: {name: 'Ada'}}, 'parent'],
      [{text: 'x'.repeat(5001), guest: {name: 'Ada'}}, 'text'],
    ] as const) {
      const answer = await post(body);
      assert.equal(answer.status, 400, JSON.stringify(body).slice(0, 60));
      assert.equal(answer.body.error.code, 'invalid');
      if (field) assert.ok(answer.body.error.fields[field], `fields.${field} for ${JSON.stringify(body).slice(0, 60)}`);
    }
    const wrongType = await ada.call('POST', `threads/${t}/comments`, undefined, {'Content-Type': 'text/plain'});
    assert.equal(wrongType.body.error.code, 'invalid');
  });

  it('refuses an unknown parent and a parent from another thread', async () => {
    const ada = client(server.url);
    const [t1, t2] = [thread('p1'), thread('p2')];
    const elsewhere = (await ada.post(t2, 'in another thread')).body.comment.id;
    await ada.post(t1, 'here');
    for (const parent of ['no-such-comment', elsewhere]) {
      const answer = await ada.post(t1, 'reply', parent);
      assert.equal(answer.status, 400);
      assert.ok(answer.body.error.fields.parent);
    }
  });

  it('refuses replies deeper than the configured depth', async () => {
    const ada = withConfig({maxDepth: 2});
    const t = thread('deep');
    let parent: string | null = null;
    for (let depth = 0; depth <= 2; depth++) {
      const answer = await ada.post(t, `depth ${depth}`, parent);
      assert.equal(answer.status, 201);
      parent = answer.body.comment.id;
      assert.equal(answer.body.comment.viewerCan.reply, depth < 2);
    }
    const tooDeep = await ada.post(t, 'depth 3', parent);
    assert.equal(tooDeep.status, 400);
    assert.ok(tooDeep.body.error.fields.parent);
  });

  it('refuses invalid UTF-8 and oversized bodies, streamed or declared, with the envelope', async () => {
    const t = thread('bytes');
    const endpoint = server.url;
    const invalidUtf8 = await fetch(`${endpoint}threads/${t}/comments`, {
      method: 'POST',
      headers: {'Content-Type': 'application/json'},
      body: Buffer.from([0x7b, 0x22, 0x74, 0x22, 0x3a, 0x22, 0xc3, 0x28, 0x22, 0x7d]),
    });
    assert.equal(invalidUtf8.status, 400);
    assert.equal(((await invalidUtf8.json()) as any).error.code, 'invalid');
    const declared = await fetch(`${endpoint}threads/${t}/comments`, {
      method: 'POST',
      headers: {'Content-Type': 'application/json'},
      body: JSON.stringify({text: 'x'.repeat(200_000)}),
    });
    assert.equal(declared.status, 413);
    // No Content-Length: the server must stop reading once the stream passes the limit.
    let sent = 0;
    const endless = new ReadableStream<Uint8Array>({
      pull(controller) {
        sent += 16_384;
        if (sent > 50_000_000) controller.close();
        else controller.enqueue(new Uint8Array(16_384).fill(0x20));
      },
    });
    const streamed = await fetch(`${endpoint}threads/${t}/comments`, {
      method: 'POST',
      headers: {'Content-Type': 'application/json'},
      body: endless,
      duplex: 'half',
    } as RequestInit);
    assert.equal(streamed.status, 413);
    assert.ok(sent < 5_000_000, `the server read ${sent} bytes before refusing`);
  });

  it('treats SQL metacharacters and path tricks in ids as opaque text', async () => {
    const ada = client(server.url);
    const tricky = ["'; DROP TABLE comments; --", 'a%2F..%2F..%2Fetc%2Fpasswd', '$1', 'ü\u202etxt', 'x'.repeat(200)];
    for (const id of tricky) {
      const posted = await ada.post(id, `in ${id.slice(0, 10)}`);
      assert.equal(posted.status, 201, id);
      const page = await ada.page(id);
      assert.equal(page.body.thread.id, id);
      assert.equal(page.body.comments.length, 1);
      const missing = await ada.call('PATCH', `threads/${encodeURIComponent(id)}/comments/${encodeURIComponent("' OR '1'='1")}`, {text: 'x'});
      assert.equal(missing.status, 404);
      assert.equal(missing.body.error.code, 'not-found');
    }
    for (const path of ['threads/..%2F/comments', 'threads/%00/comments', `threads/${'y'.repeat(201)}/comments`]) {
      const answer = await ada.call('GET', `${path}?sort=oldest&limit=5`);
      assert.ok([200, 404].includes(answer.status), `${path}: ${answer.status}`);
      if (answer.status === 404) assert.equal(answer.body.error.code, 'not-found');
    }
    assert.equal((await ada.page(tricky[0]!)).body.comments.length, 1, 'the comments table is still there');
  });

  it('survives a client that disconnects mid-request, storing nothing from it', async () => {
    const t = thread('cut');
    const {port} = new URL(server.url);
    await new Promise<void>((resolve, reject) => {
      const socket = connect(Number(port), '127.0.0.1', () => {
        const body = JSON.stringify({text: 'never finished', guest: {name: 'Ada'}});
        socket.write(
          `POST /threads/${t}/comments HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: ${body.length}\r\n\r\n${body.slice(0, 10)}`,
        );
        setTimeout(() => {
          socket.destroy();
          resolve();
        }, 100);
      });
      socket.on('error', reject);
    });
    const page = await client(server.url).page(t);
    assert.equal(page.status, 200);
    assert.equal(page.body.comments.length, 0);
  });

  it('answers unknown routes and bad page parameters with the envelope', async () => {
    const ada = client(server.url);
    for (const [path, status] of [
      ['nowhere', 404],
      ['threads/x/comments?sort=random&limit=5', 400],
      ['threads/x/comments?sort=oldest&limit=501', 400],
      ['threads/x/comments?sort=oldest&limit=0', 400],
      ['threads/x/comments?sort=oldest&limit=5&cursor=bm9wZQ', 400],
    ] as const) {
      const answer = await ada.call('GET', path);
      assert.equal(answer.status, status, path);
      assert.ok(answer.body.error.message);
    }
    const badToken = await ada.call('GET', 'threads/x/comments', undefined, {Authorization: 'Bearer forged'});
    assert.equal(badToken.status, 401);
    assert.equal(badToken.body.error.code, 'unauthorized');
  });
});

describe('authors, moderation and policies', () => {
  it('edits and deletes within the window, only by the author; a deleted comment with replies stays as a placeholder', async () => {
    const [ada, bo] = [client(server.url), client(server.url)];
    const t = thread('edit');
    const parent = (await ada.post(t, 'parent')).body.comment;
    const reply = (await bo.post(t, 'reply', parent.id)).body.comment;
    assert.equal((await bo.call('PATCH', `threads/${t}/comments/${parent.id}`, {text: 'hijack'})).status, 403);
    const edited = await ada.call('PATCH', `threads/${t}/comments/${parent.id}`, {text: 'parent, edited'});
    assert.equal(edited.status, 200);
    assert.ok(edited.body.comment.editedAt);
    assert.equal((await bo.call('DELETE', `threads/${t}/comments/${parent.id}`)).status, 403);
    const deleted = await ada.call('DELETE', `threads/${t}/comments/${parent.id}`);
    assert.equal(deleted.body.comment.status, 'deleted');
    assert.equal(deleted.body.comment.content.value, '');
    assert.equal(deleted.body.comment.author.name, '');
    const page = await bo.page(t);
    assert.deepEqual(page.body.comments.map((c: any) => [c.id, c.status]), [[parent.id, 'deleted'], [reply.id, 'approved']]);
    assert.equal(page.body.thread.totalCount, 1);
    const last = await bo.call('DELETE', `threads/${t}/comments/${reply.id}`);
    assert.equal(last.body.comment, null);
    assert.deepEqual((await bo.page(t)).body.comments, [], 'the placeholder went with its last reply');
  });

  it('refuses edits and deletes once the window has passed', async () => {
    const ada = withConfig({editWindowSeconds: 0});
    const t = thread('late');
    const comment = (await ada.post(t, 'too late to change')).body.comment;
    assert.equal(comment.viewerCan.edit, false);
    const edit = await ada.call('PATCH', `threads/${t}/comments/${comment.id}`, {text: 'changed'});
    assert.equal(edit.status, 409);
    assert.equal(edit.body.error.code, 'conflict');
    assert.equal((await ada.call('DELETE', `threads/${t}/comments/${comment.id}`)).status, 409);
  });

  it('holds comments under moderation all: visible to their author and moderators only, announced once approved', async () => {
    const t = thread('held');
    const ada = withConfig({moderation: 'all'});
    const bo = client(server.url);
    const events = await openEvents(`${server.url}threads/${t}/events`);
    try {
      const held = (await ada.post(t, 'hold me')).body.comment;
      assert.equal(held.status, 'pending');
      assert.deepEqual((await ada.page(t)).body.comments.map((c: any) => c.id), [held.id]);
      assert.equal((await ada.page(t)).body.thread.totalCount, 1, 'the author counts their held comment');
      assert.deepEqual((await bo.page(t)).body.comments, []);
      assert.equal((await bo.page(t)).body.thread.totalCount, 0);
      assert.equal((await bo.post(t, 'reply to held', held.id)).status, 400);
      const list = await bo.admin('GET', 'comments?status=pending');
      assert.ok(list.body.comments.some((c: any) => c.id === held.id));
      assert.equal((await client(server.url).call('GET', 'admin/comments')).status, 401);
      assert.equal((await bo.admin('POST', `comments/${held.id}/approve`)).status, 200);
      assert.deepEqual((await bo.page(t)).body.comments.map((c: any) => c.id), [held.id]);
      assert.equal((await bo.page(t)).body.thread.totalCount, 1, 'approved, it counts for everyone');
      const added = await events.waitFor((e) => e.type === 'comment-added');
      assert.equal(added.data.comment.id, held.id);
      assert.equal(events.events.filter((e) => e.type === 'comment-added').length, 1, 'the pending comment was not announced before');
    } finally {
      await events.close();
    }
  });

  it('holds a guest\'s first comment under moderation first, and links beyond the limit under links', async () => {
    const t = thread('first');
    const ada = withConfig({moderation: 'first'}, 'new-guest-secret-0123456789', {name: 'New Guest', email: 'new@example.com'});
    const first = (await ada.post(t, 'my first')).body.comment;
    assert.equal(first.status, 'pending');
    assert.equal((await ada.post(t, 'my second')).body.comment.status, 'pending');
    await ada.admin('POST', `comments/${first.id}/approve`);
    assert.equal((await ada.post(t, 'my third')).body.comment.status, 'approved');
    const linker = withConfig({moderation: 'links', moderationLinks: 1});
    assert.equal((await linker.post(t, 'one link https://a.example')).body.comment.status, 'approved');
    assert.equal((await linker.post(t, 'https://a.example and www.b.example')).body.comment.status, 'pending');
    const rejected = await ada.admin('POST', `comments/${first.id}/reject`);
    assert.equal(rejected.status, 409, 'only a held comment can be rejected');
  });

  it('limits posts per address and per author with 429 and Retry-After', async () => {
    // Earlier tests posted from this same address: start its bucket empty.
    await server.db.query(`DELETE FROM rate_limits WHERE bucket LIKE 'ip:%'`);
    const t = thread('rate');
    const limited = withConfig({postsPerIp: 3, rateWindowSeconds: 3600});
    for (let i = 0; i < 3; i++) assert.equal((await limited.post(t, `post ${i}`)).status, 201);
    const refused = await limited.post(t, 'one too many');
    assert.equal(refused.status, 429);
    assert.equal(refused.body.error.code, 'rate-limited');
    assert.ok(Number(refused.headers.get('Retry-After')) > 0);
    // Keep this address's bucket from leaking into other tests.
    await server.db.query(`DELETE FROM rate_limits WHERE bucket LIKE 'ip:%'`);
  });

  it('creates threads only from allowed origins, or never under precreated; a closed thread refuses posts', async () => {
    const allowed = 'https://blog.example';
    const strict = createApp({config: {...server.config, origins: [allowed]}, db: server.db, live: server.live});
    const post = (t: string, origin: string) =>
      strict.request(`http://app.test/threads/${t}/comments`, {
        method: 'POST',
        headers: {'Content-Type': 'application/json', Origin: origin},
        body: JSON.stringify({text: 'hi', guest: {name: 'Ada'}, thread: {title: 'A post', url: `${allowed}/a-post/`}}),
      });
    const t = thread('origin');
    const foreign = await post(t, 'https://evil.example');
    assert.equal(foreign.status, 404);
    assert.equal(foreign.headers.get('Access-Control-Allow-Origin'), null);
    const ok = await post(t, allowed);
    assert.equal(ok.status, 201);
    assert.equal(ok.headers.get('Access-Control-Allow-Origin'), allowed);
    const page = (await (await strict.request(`http://app.test/threads/${t}/comments?sort=oldest&limit=5`)).json()) as any;
    assert.equal(page.thread.title, 'A post');
    assert.match(page.comments[0].permalink, /^https:\/\/blog\.example\/a-post\/#comment-/);
    const precreated = withConfig({threadCreation: 'precreated'});
    const t2 = thread('pre');
    assert.equal((await precreated.page(t2)).status, 404);
    assert.equal((await precreated.post(t2, 'hi')).status, 404);
    assert.equal((await precreated.admin('PUT', `threads/${t2}`, {title: 'Made by a moderator', closed: false})).status, 200);
    assert.equal((await precreated.post(t2, 'hi')).status, 201);
    await precreated.admin('PUT', `threads/${t2}`, {title: 'Closed', closed: true});
    const closed = await precreated.post(t2, 'too late');
    assert.equal(closed.status, 403);
    assert.equal(closed.body.error.code, 'closed');
  });

  it('moderates from the command line through the admin API', async () => {
    const {runModerateCommand} = await import('../src/moderate-cli.js');
    const t = thread('cli');
    const held = (await withConfig({moderation: 'all'}).post(t, 'held for the CLI')).body.comment;
    const lines: string[] = [];
    const log = console.log;
    console.log = (line: string) => lines.push(line);
    process.env['COLLOQUY_ENDPOINT'] = server.url;
    try {
      assert.equal(await runModerateCommand(['list'], {...server.config, adminToken: ADMIN_TOKEN}), 0);
      assert.ok(lines.join('\n').includes(held.id));
      assert.equal(await runModerateCommand(['approve', held.id], {...server.config, adminToken: ADMIN_TOKEN}), 0);
    } finally {
      console.log = log;
      delete process.env['COLLOQUY_ENDPOINT'];
    }
    assert.equal((await client(server.url).page(t)).body.comments[0].status, 'approved');
  });
});

describe('live updates', () => {
  it('lets go of streams whose clients leave, and refuses streams beyond the limit with 503 and Retry-After', async () => {
    const before = server.live.connections;
    const streams = await Promise.all(Array.from({length: 50}, () => openEvents(`${server.url}threads/many/events`)));
    assert.equal(server.live.connections, before + 50);
    await Promise.all(streams.map((stream) => stream.close()));
    for (let i = 0; i < 100 && server.live.connections > before; i++) await new Promise((resolve) => setTimeout(resolve, 50));
    assert.equal(server.live.connections, before, 'closed streams are no longer followed');
    const full = withConfig({maxStreams: before});
    const refused = await full.call('GET', 'threads/many/events');
    assert.equal(refused.status, 503);
    assert.equal(refused.body.error.code, 'server');
    assert.equal(refused.headers.get('Retry-After'), '30');
  });

  it('delivers a thread\'s events in the order they were stored, however fast each is read', async () => {
    const t = thread('order');
    // The first event's read answers last, as it may on a pool of connections.
    let slowed = false;
    const db = {
      ...server.db,
      query: async <T>(text: string, params?: unknown[]) => {
        if (/FROM events WHERE id/.test(text) && !slowed) {
          slowed = true;
          await new Promise((resolve) => setTimeout(resolve, 200));
        }
        return server.db.query<T>(text, params);
      },
    } as typeof server.db;
    const hub = new LiveHub(db);
    await hub.start(60);
    const heard: string[] = [];
    const stop = hub.subscribe(t, (event) => heard.push(event.type), () => {});
    try {
      await publish(server.db, t, 'comment-added', {commentId: 'c1'});
      await publish(server.db, t, 'comment-removed', {commentId: 'c1'});
      for (let waited = 0; heard.length < 2 && waited < 5000; waited += 20) await new Promise((resolve) => setTimeout(resolve, 20));
      assert.ok(slowed, 'the first read was slowed');
      assert.deepEqual(heard, ['comment-added', 'comment-removed']);
    } finally {
      stop();
      hub.stop();
    }
  });

  it('streams added, updated and removed comments, and resumes after Last-Event-ID', async () => {
    const ada = client(server.url);
    const t = thread('live');
    const stream = await openEvents(`${server.url}threads/${t}/events`);
    assert.match(stream.headers.get('Content-Type')!, /^text\/event-stream/);
    const comment = (await ada.post(t, 'live one')).body.comment;
    const added = await stream.waitFor((e) => e.type === 'comment-added');
    assert.equal(added.data.comment.author.isViewer, false, 'events show comments as an anonymous reader sees them');
    await ada.call('PATCH', `threads/${t}/comments/${comment.id}`, {text: 'live one, edited'});
    await stream.waitFor((e) => e.type === 'comment-updated');
    await ada.call('DELETE', `threads/${t}/comments/${comment.id}`);
    const removed = await stream.waitFor((e) => e.type === 'comment-removed');
    assert.equal(removed.data.commentId, comment.id);
    await stream.close();
    const resumed = await openEvents(`${server.url}threads/${t}/events`, added.id);
    await resumed.waitFor((e) => e.type === 'comment-removed');
    assert.deepEqual(resumed.events.map((e) => e.type), ['comment-updated', 'comment-removed']);
    await resumed.close();
  });
});
