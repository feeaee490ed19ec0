import assert from 'node:assert/strict';
import {spawn, spawnSync} from 'node:child_process';
import {writeFileSync} from 'node:fs';
import {join} from 'node:path';
import {gzipSync} from 'node:zlib';
import {after, before, describe, it} from 'node:test';
import type {Database} from '../src/db/database.js';
import {ImportFileError} from '../src/import/formats.js';
import {htmlToStoredText} from '../src/import/html-text.js';
import {importFile, type ImportOptions} from '../src/import/importer.js';
import {threadIdFor} from '../src/import/stage.js';
import {ADMIN_TOKEN, BIN, client, startTestServer, tempDir} from './helpers.js';
import {disqus, wxr, wxrHeader, wxrItem, WXR_FOOTER, type WpComment, type WpItem} from '../src/import/sample-exports.js';

// `colloquy-server import` on export files built from the formats' documentation, into a
// server on PGlite; what was imported is then read back through the protocol.

let server: Awaited<ReturnType<typeof startTestServer>>;
const files = tempDir('colloquy-import-test-');

before(async () => {
  server = await startTestServer();
});
after(async () => {
  await server.cleanup();
  files.remove();
});

function file(name: string, content: string): string {
  const path = join(files.path, name);
  writeFileSync(path, content);
  return path;
}

const options = (path: string, extra: Partial<ImportOptions> = {}): ImportOptions => ({
  file: path, threadFrom: 'path', spam: 'keep', maxTextLength: 65_535, batchSize: 3, ...extra,
});

const moderator = () => client(server.url, null);
async function page(thread: string, asModerator = false) {
  const reader = moderator();
  const answer = asModerator
    ? await reader.call('GET', `threads/${encodeURIComponent(thread)}/comments?sort=oldest&limit=100`, undefined, {Authorization: `Bearer ${ADMIN_TOKEN}`})
    : await reader.page(thread);
  assert.equal(answer.status, 200, JSON.stringify(answer.body));
  return answer.body as {thread: any; comments: any[]};
}

async function countsAgree(): Promise<void> {
  const rows = await server.db.query<{id: string; approved_count: number; actual: number}>(
    `SELECT t.id, t.approved_count, (SELECT count(*)::int FROM comments c WHERE c.thread_id = t.id AND c.status = 'approved') AS actual FROM threads t`,
  );
  for (const row of rows) assert.equal(row.approved_count, row.actual, `thread ${row.id}`);
}

/**
 * Every comment's path (migrations/007) is the one the row trigger gives it: its parent's
 * path and its own seq, here walked down from the top-level comments afresh. Imports fill
 * paths themselves, a batch at a time (migrations/008).
 */
async function pathsAgree(): Promise<void> {
  const wrong = await server.db.query<{id: string; stored: string | null; walked: string | null}>(
    `WITH RECURSIVE walk AS (
       SELECT id, ARRAY[seq] AS path FROM comments WHERE parent_id IS NULL
       UNION ALL
       SELECT child.id, walk.path || child.seq FROM comments child JOIN walk ON child.parent_id = walk.id
     )
     SELECT c.id, c.path::text AS stored, w.path::text AS walked FROM comments c LEFT JOIN walk w ON w.id = c.id
     WHERE c.path IS DISTINCT FROM w.path`,
  );
  assert.deepEqual(wrong, []);
  const [deep] = await server.db.query<{n: number}>('SELECT count(*)::int AS n FROM imports i JOIN comments c ON c.id = i.comment_id WHERE c.depth >= 2');
  assert.ok(deep!.n > 0, 'imported replies to replies were checked');
}

const depthOf = (comments: any[], id: string): number => {
  const byId = new Map(comments.map((comment) => [comment.id, comment]));
  let depth = 0;
  for (let c = byId.get(id); c?.parentId; c = byId.get(c.parentId)) depth++;
  return depth;
};

// A post whose comments exercise everything: a chain five deep, a reply that comes before
// its parent in the file, a reply to a comment that is not there, held, spam and trash,
// a pingback, entities and split CDATA, right-to-left names and emoji, and a <script>.
const nested: WpComment[] = [
  {id: 10, author: 'Ada', email: 'ada@example.com', url: 'https://ada.example/', ip: '192.0.2.1', date: '2024-08-06 10:00:00', content: 'Level zero', userId: 3},
  {id: 12, parent: 11, author: 'Level Two', date: '2024-08-06 10:02:00', content: 'Level two (its parent comes later in the file)'},
  {id: 11, parent: 10, author: 'Level One', date: '2024-08-06 10:01:00', content: 'Level one'},
  {id: 13, parent: 12, author: 'Level Three', date: '2024-08-06 10:03:00', content: 'Level three'},
  {id: 14, parent: 13, author: 'Level Four', date: '2024-08-06 10:04:00', content: 'Level four'},
  {id: 15, parent: 14, author: 'Level Five', date: '2024-08-06 10:05:00', content: 'Level five'},
  {id: 16, parent: 999, author: 'Orphan', date: '2024-08-06 10:06:00', content: 'My parent was never exported'},
  {id: 17, author: 'Held', date: '2024-08-06 10:07:00', content: 'Waiting for a moderator', approved: '0'},
  {id: 18, author: 'Spammer', date: '2024-08-06 10:08:00', content: 'Buy now', approved: 'spam'},
  {id: 19, author: 'Binned', date: '2024-08-06 10:09:00', content: 'Thrown away, but answered', approved: 'trash'},
  {id: 20, parent: 19, author: 'Answerer', date: '2024-08-06 10:10:00', content: 'Answer to a binned comment'},
  {id: 21, author: 'Other Blog', url: 'https://other.example/post', date: '2024-08-06 10:11:00', content: '[&#8230;] linked here [&#8230;]', type: 'pingback'},
  {id: 22, author: 'Tom &amp; Jerry', date: '2024-08-06 10:12:00', content: 'Fish &amp; chips &lt;3 &#8220;quoted&#8221; and a CDATA end ]]> inside'},
  {id: 23, author: 'مريم', date: '2024-08-06 10:13:00', content: 'שלום עולם 👋🏽 مرحبا'},
  {id: 24, author: '<b>Eve</b>', date: '2024-08-06 10:14:00', content: 'Hello<script>document.cookie</script> <img src=x onerror=alert(1)>world &lt;script&gt;alert(2)&lt;/script&gt;'},
];

describe('WordPress (WXR)', () => {
  const post: WpItem = {title: 'AQIM Updates, August 6 &amp; more', link: 'https://blog.example/2024/08/aqim-updates/', postId: 14, comments: nested};
  let first: Awaited<ReturnType<typeof importFile>>;

  before(async () => {
    first = await importFile(server.db, options(file('wp.xml', wxr([post, {title: 'No comments', link: 'https://blog.example/quiet/', postId: 15, comments: []}]))));
  });

  it('imports comments with their authors, dates, nesting and approval state, and reports the rest', async () => {
    assert.equal(first.format, 'wxr');
    assert.equal(first.source, 'wordpress:https://blog.example');
    assert.deepEqual(first.threads, {created: 1, existing: 0, identifierFromUrl: 0});
    assert.deepEqual(first.imported, {approved: 11, pending: 1, spam: 1, placeholders: 1});
    assert.deepEqual(first.skipped, {trash: 1, pingback: 1});
    assert.deepEqual(first.orphans, {count: 1, ids: ['16']});
    assert.equal(first.alreadyThere, 0);
    await countsAgree();
    await pathsAgree();
  });

  it('serves them through the protocol in order, nested, with held ones hidden from readers', async () => {
    const {thread, comments} = await page('/2024/08/aqim-updates/');
    assert.equal(thread.title, 'AQIM Updates, August 6 & more');
    assert.equal(thread.url, 'https://blog.example/2024/08/aqim-updates/');
    assert.equal(thread.totalCount, 11);
    const names = comments.map((c) => c.author.name);
    assert.deepEqual(names, ['Ada', 'Level One', 'Level Two', 'Level Three', 'Level Four', 'Level Five', 'Orphan', '', 'Answerer', 'Tom & Jerry', 'مريم', 'Eve']);
    const byName = (name: string) => comments.find((c) => c.author.name === name)!;
    assert.equal(depthOf(comments, byName('Level Five').id), 5);
    assert.equal(byName('Orphan').parentId, null);
    assert.equal(byName('Ada').createdAt, '2024-08-06T10:00:00.000Z');
    assert.equal(byName('Ada').author.profileUrl, 'https://ada.example/');
    assert.equal(byName('Level Two').parentId, byName('Level One').id);
    const placeholder = comments[7]!;
    assert.equal(placeholder.status, 'deleted');
    assert.equal(placeholder.content.value, '');
    assert.equal(byName('Answerer').parentId, placeholder.id);
    assert.equal(byName('Tom & Jerry').content.value, 'Fish & chips <3 “quoted” and a CDATA end ]]> inside');
    assert.equal(byName('مريم').content.value, 'שלום עולם 👋🏽 مرحبا');
    assert.equal(byName('Eve').content.value, 'Hello world <script>alert(2)</script>');
    assert.ok(!comments.some((c) => /Buy now|linked here|Waiting/.test(c.content.value)), 'spam, pingbacks and held comments are not shown to readers');
    const asModerator = await page('/2024/08/aqim-updates/', true);
    const held = asModerator.comments.find((c) => c.author.name === 'Held');
    assert.equal(held?.status, 'pending');
    assert.equal(asModerator.thread.totalCount, 12);
  });

  it('keeps the same author one author, and erases what the old site threw away', async () => {
    const [row] = await server.db.query<{author_email: string; author_ip: string}>(
      `SELECT author_email, author_ip FROM comments c JOIN imports i ON i.comment_id = c.id WHERE i.external_id = '10'`,
    );
    assert.deepEqual(row, {author_email: 'ada@example.com', author_ip: '192.0.2.1'});
    const binned = await server.db.query<{text: string; author_name: string}>(
      `SELECT text, author_name FROM comments c JOIN imports i ON i.comment_id = c.id WHERE i.external_id = '19'`,
    );
    assert.deepEqual(binned, [{text: '', author_name: ''}]);
    const gone = await server.db.query(`SELECT 1 FROM imports WHERE source = 'wordpress:https://blog.example' AND external_id = '21'`);
    assert.equal(gone.length, 0, 'the pingback left nothing behind');
    const spam = await server.db.query<{status: string; text: string}>(
      `SELECT status, text FROM comments c JOIN imports i ON i.comment_id = c.id WHERE i.external_id = '18'`,
    );
    assert.deepEqual(spam, [{status: 'spam', text: 'Buy now'}], 'spam is kept as the server keeps it, listed to nobody');
  });

  it('imports nothing twice, and a newer export brings in only its new comments', async () => {
    const again = await importFile(server.db, options(file('wp-again.xml', wxr([post]))));
    assert.deepEqual(again.imported, {approved: 0, pending: 0, spam: 0, placeholders: 0});
    assert.equal(again.alreadyThere, 14);
    assert.deepEqual(again.skipped, {pingback: 1});
    const newer: WpItem = {
      ...post,
      comments: [
        ...nested,
        {id: 30, parent: 15, author: 'Level Six', date: '2024-09-01 08:00:00', content: 'Late reply, deeper still'},
        {id: 31, author: 'Newcomer', date: '2024-09-01 09:00:00', content: 'New top-level comment'},
        {id: 32, parent: 31, author: 'Ada', email: 'ada@example.com', date: '2024-09-01 10:00:00', content: 'Welcome back', userId: 3},
      ],
    };
    const third = await importFile(server.db, options(file('wp-newer.xml', wxr([newer]))));
    assert.deepEqual(third.imported, {approved: 3, pending: 0, spam: 0, placeholders: 0});
    assert.equal(third.alreadyThere, 14);
    const {comments, thread} = await page('/2024/08/aqim-updates/');
    assert.equal(thread.totalCount, 14);
    const six = comments.find((c) => c.author.name === 'Level Six')!;
    assert.equal(depthOf(comments, six.id), 6);
    assert.deepEqual(comments.slice(-2).map((c) => c.author.name), ['Newcomer', 'Ada']);
    const adas = comments.filter((c) => c.author.name === 'Ada');
    assert.equal(adas.length, 2);
    assert.equal(adas[0].author.id, adas[1].author.id, 'one WordPress user stays one author');
    assert.notEqual(adas[0].author.id, comments.find((c) => c.author.name === 'Newcomer').author.id);
    await countsAgree();
    // Replies to comments imported by an earlier run, and one posted after: the import's
    // paths went no further than its own transactions.
    const answer = await client(server.url).post('/2024/08/aqim-updates/', 'Posted after the imports', six.id);
    assert.equal(answer.status, 201, JSON.stringify(answer.body));
    await pathsAgree();
  });

  it('names threads by path, full address or WordPress post id, as the site owner chooses', () => {
    const thread = {key: 'item:1', link: 'https://blog.example/2024/08/aqim/?lang=fr#comments', title: '', identifier: '14', closed: false};
    assert.equal(threadIdFor(thread, 'path').id, '/2024/08/aqim/?lang=fr');
    assert.equal(threadIdFor(thread, 'url').id, 'https://blog.example/2024/08/aqim/?lang=fr');
    assert.equal(threadIdFor(thread, 'identifier').id, '14');
    assert.deepEqual(threadIdFor({...thread, identifier: ''}, 'identifier'), {id: 'https://blog.example/2024/08/aqim/?lang=fr', fellBack: true});
    assert.equal(threadIdFor({...thread, link: 'javascript:alert(1)'}, 'path').id, null);
    assert.equal(threadIdFor({...thread, link: `https://blog.example/${'a'.repeat(300)}`}, 'path').id, null);
  });

  it('closes the thread of a post whose comments were closed, and finds it by post id', async () => {
    const summary = await importFile(server.db, options(file('wp-closed.xml', wxr([
      {title: 'Closed', link: 'https://blog.example/closed/', postId: 77, commentStatus: 'closed', comments: [
        {id: 700, author: 'Ann', date: '2024-01-01 00:00:00', content: 'hi'},
        {id: 701, author: 'Spammer', date: '2024-01-01 00:01:00', content: 'buy', approved: 'spam'},
      ]},
    ])), {threadFrom: 'identifier', spam: 'skip'}));
    assert.equal(summary.threads.created, 1);
    assert.deepEqual(summary.skipped, {spam: 1});
    const {thread, comments} = await page('77');
    assert.equal(thread.posting.open, false);
    assert.equal(comments[0].content.value, 'hi');
  });
});

describe('Disqus', () => {
  const threads = [
    {id: '5001', identifier: 'aqim-updates-aug-6', link: 'https://blog.example/aqim/', title: 'AQIM &amp; friends'},
    {id: '5002', link: 'https://blog.example/no-identifier/', title: 'No identifier'},
  ];
  const posts = [
    {id: '9002', thread: '5001', parent: '9001', message: '<p>Agreed!<br>Second line</p><p>Next paragraph with <a href="https://ex.example/page" rel="nofollow">a link</a></p>', createdAt: '2024-08-06T11:00:00Z', name: 'Bob', username: 'bob_d'},
    {id: '9001', thread: '5001', message: '<p>First!</p>', createdAt: '2024-08-06T10:00:00Z', name: 'Ada', email: 'ada@example.com', anonymous: true},
    {id: '9003', thread: '5001', message: '<p>Removed</p>', createdAt: '2024-08-06T12:00:00Z', name: 'Gone', deleted: true},
    {id: '9004', thread: '5001', message: '<p>Spam</p>', createdAt: '2024-08-06T13:00:00Z', name: 'Spammer', spam: true},
    {id: '9005', thread: '5002', message: '<p>يوم سعيد 🎉</p>', createdAt: '2024-08-07T10:00:00Z', name: 'ليلى'},
    {id: '9006', thread: '5999', message: '<p>Thread not in the file</p>', createdAt: '2024-08-07T10:00:00Z', name: 'Lost'},
  ];

  it('imports threads by their disqus_identifier, falling back to the address', async () => {
    const summary = await importFile(server.db, options(file('disqus.xml', disqus(threads, posts)), {threadFrom: 'identifier', spam: 'hold'}));
    assert.equal(summary.format, 'disqus');
    assert.equal(summary.source, 'disqus:myblog');
    assert.deepEqual(summary.threads, {created: 2, existing: 0, identifierFromUrl: 1});
    assert.deepEqual(summary.imported, {approved: 3, pending: 1, spam: 0, placeholders: 0});
    assert.equal(summary.spamHeld, 1);
    assert.deepEqual(summary.skipped, {'no-thread': 1, deleted: 1});
    const {thread, comments} = await page('aqim-updates-aug-6');
    assert.equal(thread.title, 'AQIM & friends');
    assert.deepEqual(comments.map((c) => [c.author.name, c.content.value]), [
      ['Ada', 'First!'],
      ['Bob', 'Agreed!\nSecond line\n\nNext paragraph with a link (https://ex.example/page)'],
    ]);
    assert.equal(comments[1].parentId, comments[0].id);
    assert.equal(comments[1].createdAt, '2024-08-06T11:00:00.000Z');
    assert.equal((await page('https://blog.example/no-identifier/')).comments[0].author.name, 'ليلى');
    const held = (await page('aqim-updates-aug-6', true)).comments.find((c) => c.status === 'pending');
    assert.equal(held?.content.value, 'Spam');
    const again = await importFile(server.db, options(file('disqus.xml', disqus(threads, posts)), {threadFrom: 'identifier', spam: 'hold'}));
    assert.equal(again.alreadyThere, 4);
    assert.deepEqual(again.imported, {approved: 0, pending: 0, spam: 0, placeholders: 0});
    // Disqus mails its export gzipped: read as it is.
    const gzipped = join(files.path, 'disqus.xml.gz');
    writeFileSync(gzipped, gzipSync(disqus(threads, posts)));
    const fromGzip = await importFile(server.db, options(gzipped, {threadFrom: 'identifier', spam: 'hold'}));
    assert.equal(fromGzip.alreadyThere, 4);
    await countsAgree();
    await pathsAgree();
  });
});

describe('bad and hostile files', () => {
  it('stops at malformed XML naming the line, having written no comment', async () => {
    const before = await server.db.query<{n: number}>('SELECT count(*)::int AS n FROM comments');
    const broken = wxrHeader() + wxrItem({title: 'Broken', link: 'https://blog.example/broken/', postId: 90, comments: [
      {id: 900, author: 'A', date: '2024-01-01 00:00:00', content: 'fine'},
    ]}) + '\t<item><title>unclosed</titel></item>\n' + WXR_FOOTER;
    const path = file('broken.xml', broken);
    const line = broken.split('\n').findIndex((text) => text.includes('</titel>')) + 1;
    await assert.rejects(importFile(server.db, options(path)), (error: Error) => {
      assert.ok(error instanceof ImportFileError);
      assert.match(error.message, new RegExp(`^broken\\.xml:${line}:\\d+: `));
      return true;
    });
    const after = await server.db.query<{n: number}>('SELECT count(*)::int AS n FROM comments');
    assert.deepEqual(after, before);
    assert.deepEqual(await server.db.query('SELECT 1 FROM import_staged_comments'), []);
    assert.deepEqual(await server.db.query(`SELECT 1 FROM threads WHERE id = '/broken/'`), []);
  });

  it('stops half way (a lost connection) with whole batches written, and the same run again writes the rest once', async () => {
    const comments: WpComment[] = Array.from({length: 12}, (_, i) => ({
      id: 950 + i, parent: i % 2 ? 949 + i : 0, author: `Writer ${i}`, date: `2024-02-01 00:00:${String(i).padStart(2, '0')}`, content: `comment ${i}`,
    }));
    const path = file('interrupted.xml', wxr([{title: 'Interrupted', link: 'https://blog.example/interrupted/', postId: 95, comments}]));
    // Transactions: staging, the final staging flush, then batches of 3: the second batch fails.
    let transactions = 0;
    const failing: Database = {
      ...server.db,
      transaction: (work) => (++transactions === 4 ? Promise.reject(new Error('connection lost')) : server.db.transaction(work)),
    };
    await assert.rejects(importFile(failing, options(path)), /connection lost/);
    assert.equal((await page('/interrupted/')).comments.length, 3);
    assert.deepEqual(await server.db.query('SELECT 1 FROM import_staged_comments'), []);
    const rest = await importFile(server.db, options(path));
    assert.equal(rest.alreadyThere, 3);
    assert.equal(rest.imported.approved, 9);
    const {thread, comments: served} = await page('/interrupted/');
    assert.equal(thread.totalCount, 12);
    assert.deepEqual(served.map((c) => c.content.value).sort(), comments.map((c) => c.content).sort());
    for (const comment of served.filter((c) => Number(c.author.name.split(' ')[1]) % 2)) assert.ok(comment.parentId, `${comment.author.name} is a reply`);
    await countsAgree();
    await pathsAgree();
  });

  it('leaves no staged row behind: not its own, nor what a killed run left, which it never mixes in', async () => {
    await server.db.query(
      `INSERT INTO import_staged_threads (run, key, thread_id, title, url, closed) VALUES ('killed', 't', '/leftover/', 'Leftover', NULL, false)`,
    );
    await server.db.query(
      `INSERT INTO import_staged_comments (run, ord, external_id, thread_key, author_key, author_name, author_email, text, status, created_at, line)
       VALUES ('killed', 1, '970', 't', 'k', 'Killed', 'killed@example.com', 'from a killed run', 'approved', now(), 1)`,
    );
    const path = file('after-killed.xml', wxr([{title: 'After', link: 'https://blog.example/after-killed/', postId: 97, comments: [
      {id: 970, author: 'Fresh', date: '2024-03-01 00:00:00', content: 'this run'},
    ]}]));
    const summary = await importFile(server.db, options(path));
    assert.equal(summary.imported.approved, 1);
    assert.deepEqual((await page('/after-killed/')).comments.map((c) => c.content.value), ['this run']);
    assert.deepEqual(await server.db.query(`SELECT 1 FROM threads WHERE id = '/leftover/'`), []);
    assert.deepEqual(await server.db.query('SELECT 1 FROM import_staged_comments'), []);
    assert.deepEqual(await server.db.query('SELECT 1 FROM import_staged_threads'), []);
  });

  it('refuses a file that is neither format', async () => {
    await assert.rejects(importFile(server.db, options(file('html.xml', '<html><body>hi</body></html>'))), /neither a WordPress export.*<html>/);
  });

  it('reads a 10 MB comment without keeping it whole, and cuts it to the longest allowed', async () => {
    const huge = `<p>${'x'.repeat(10 * 1024 * 1024)}</p>`;
    const summary = await importFile(server.db, options(file('huge.xml', wxr([
      {title: 'Huge', link: 'https://blog.example/huge/', postId: 91, comments: [{id: 910, author: 'Big', date: '2024-01-01 00:00:00', content: huge}]},
    ])), {maxTextLength: 5000}));
    assert.deepEqual(summary.truncated, {count: 1, ids: ['910']});
    const {comments} = await page('/huge/');
    assert.equal(comments[0].content.value.length, 5000);
    assert.ok(comments[0].content.value.endsWith('…'));
  });

  it('turns comment HTML into text without a DOM', () => {
    assert.equal(htmlToStoredText('<p>One</p>\n<p>Two<br />Three</p>'), 'One\n\nTwo\nThree');
    assert.equal(htmlToStoredText('line one\nline two\n\n\n\nnext'), 'line one\nline two\n\nnext');
    assert.equal(htmlToStoredText('see <a href="https://a.example/x">https://a.example/x</a> and <a href="javascript:alert(1)">this</a>'), 'see https://a.example/x and this');
    assert.equal(htmlToStoredText('<a href=\'https://a.example/?a=1&amp;b=2\'>q</a>'), 'q (https://a.example/?a=1&b=2)');
    assert.equal(htmlToStoredText('a<style>p{}</style>b<!-- note -->c<script type="x">if (a > b) {}</script>d'), 'abcd');
    assert.equal(htmlToStoredText('<blockquote>quoted</blockquote>reply'), 'quoted\n\nreply');
    assert.equal(htmlToStoredText('&amp;lt;b&amp;gt; &#x1F600; &nbsp;x'), '&lt;b&gt; 😀 \u00a0x');
    assert.equal(htmlToStoredText('a < b > c'), 'a < b > c');
    assert.equal(htmlToStoredText('<a title="x>y" href="https://a.example/">t</a>'), 't (https://a.example/)');
  });

  // A hang guard, not a speed target: a quadratic scan would take hours on this.
  it('reads a megabyte of unclosed tags in linear time', {timeout: 30_000}, () => {
    for (const unit of ['<a ', '<a "', '<!', '<b title=\'']) {
      const text = htmlToStoredText(unit.repeat(Math.ceil(1_000_000 / unit.length)));
      assert.ok(typeof text === 'string');
    }
  });
});

describe('the command', () => {
  it('prints a summary; exits 1 on malformed XML saying what a re-run does, and while a server owns the embedded database', async () => {
    const dir = tempDir('colloquy-import-cli-');
    try {
      const env = {...process.env, COLLOQUY_DATA_DIR: dir.path, PORT: '9481'};
      const good = file('cli.xml', wxr([{title: 'CLI', link: 'https://blog.example/cli/', postId: 1, comments: [{id: 1, author: 'A', date: '2024-01-01 00:00:00', content: 'hi'}]}]));
      const ok = spawnSync(process.execPath, [BIN, 'import', good, '--thread-from', 'url'], {env, encoding: 'utf8', timeout: 120_000});
      assert.equal(ok.status, 0, ok.stderr);
      assert.match(ok.stdout, /threads: +1 created/);
      assert.match(ok.stdout, /comments: 1 approved, 0 held/);
      const bad = file('cli-bad.xml', `${wxrHeader()}\t<item>\n\t\t<title>x & y</title>\n\t</item>\n${WXR_FOOTER}`);
      const failed = spawnSync(process.execPath, [BIN, 'import', bad], {env, encoding: 'utf8', timeout: 120_000});
      assert.equal(failed.status, 1);
      assert.match(failed.stderr, /cli-bad\.xml:\d+:\d+: .*\nNothing was imported.*run the same command again/s);
      const usage = spawnSync(process.execPath, [BIN, 'import', good, '--thread-from', 'slug'], {env, encoding: 'utf8', timeout: 120_000});
      assert.equal(usage.status, 2);
      assert.match(usage.stderr, /--thread-from must be path, url or identifier/);
      // Two processes on one embedded database would corrupt it: refused while a server answers.
      // (Not spawnSync: the server answering is in this process.)
      const busy = await new Promise<{status: number | null; stderr: string}>((resolve) => {
        const child = spawn(process.execPath, [BIN, 'import', good], {env: {...env, PORT: new URL(server.url).port}});
        let stderr = '';
        child.stderr.on('data', (chunk) => (stderr += chunk));
        child.once('exit', (status) => resolve({status, stderr}));
      });
      assert.equal(busy.status, 1);
      assert.match(busy.stderr, /a colloquy-server answers on port \d+.*stop the server/s);
    } finally {
      dir.remove();
    }
  });
});
