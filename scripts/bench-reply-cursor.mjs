// `npm run bench:reply-cursor` (after `npm run build`): issue 16's case "a page of 10
// conversations with 4,999 replies each", through the real colloquy-server (PGlite) and the
// production bundle in headless Chromium, with and without the per-conversation reply cursor
// (docs/rest-protocol.md, "Long conversations"):
//
//   all replies  the page request reaches the server without `replies=` (what a server
//                without the cursor, or a client from before it, does): every reply comes
//                with its page;
//   cursor       the request as the widget sends it (`replies=50`): each conversation's first
//                50 replies and `moreReplies`; "Show N more replies" fetches the next 100.
//
// Runs alternate between the two (cold: a fresh browser context each) and print medians of
// time to first comments, time until the thread is settled, JS heap after GC, the page's
// JSON bytes (gzip) and, with the cursor, one press of "Show N more replies". Figures only.
//
//   node scripts/bench-reply-cursor.mjs [runs]      (default 3 of each)
//   COLLOQUY_BENCH_PORT=9660                         (this page; the server takes the next port)
import {spawn} from 'node:child_process';
import {mkdtempSync, rmSync} from 'node:fs';
import {cpus, loadavg, tmpdir} from 'node:os';
import {join} from 'node:path';
import {gzipSync} from 'node:zlib';
import {chromium} from 'playwright-core';
import {register} from 'tsx/esm/api';
import {exitUnlessBuilt, heapAfterGc, root, sendBody, serveDist} from './bench-server.mjs';
import {chromiumArgs, findChromium} from './chromium.mjs';

exitUnlessBuilt();
const RUNS = Number(process.argv[2]) || 3;
const PORT = Number(process.env.COLLOQUY_BENCH_PORT ?? 9660);
const CONVERSATIONS = 10;
const REPLIES = 4_999;
const TIME_CAP_MS = 300_000;

/** 10 conversations of 4,999 replies; every tenth reply answers the one before it (some nesting). */
async function seed(dataDir) {
  register();
  const {openDatabase} = await import('../server/src/db/database.ts');
  const {migrate} = await import('../server/src/db/migrations.ts');
  const db = await openDatabase({databaseUrl: '', dataDir});
  try {
    await migrate(db);
    // The thread's count is kept by a trigger that updates the thread row per comment: 50,000
    // updates of one row in one statement take minutes on PGlite. Counted once instead.
    await db.query('ALTER TABLE comments DISABLE TRIGGER comments_count_approved');
    await db.query(`INSERT INTO threads (id, title) VALUES ('bench', 'Bench')`);
    await db.query(
      `INSERT INTO comments (id, thread_id, parent_id, root_id, depth, author_key, author_name, text, status, created_at)
       SELECT 'c' || i, 'bench', NULL, 'c' || i, 0, 'g:seed', 'Person ' || i, 'Conversation ' || i || ', with a link https://example.com/' || i || '.', 'approved',
         timestamptz '2026-01-01' + (i * interval '1 day')
       FROM generate_series(1, $1::int) AS i ORDER BY i`,
      [CONVERSATIONS],
    );
    await db.query(
      `INSERT INTO comments (id, thread_id, parent_id, root_id, depth, author_key, author_name, text, status, created_at)
       SELECT 'c' || i || '-' || j, 'bench', CASE WHEN j % 10 = 0 THEN 'c' || i || '-' || (j - 1) ELSE 'c' || i END, 'c' || i,
         CASE WHEN j % 10 = 0 THEN 2 ELSE 1 END, 'g:seed', 'Person ' || (j % 97), 'Reply ' || j || ' in conversation ' || i || '.', 'approved',
         timestamptz '2026-01-01' + (i * interval '1 day') + (j * interval '1 second')
       FROM generate_series(1, $1::int) AS i, generate_series(1, $2::int) AS j ORDER BY i, j`,
      [CONVERSATIONS, REPLIES],
    );
    await db.query(`UPDATE threads SET approved_count = (SELECT count(*) FROM comments WHERE thread_id = 'bench') WHERE id = 'bench'`);
    await db.query('ALTER TABLE comments ENABLE TRIGGER comments_count_approved');
  } finally {
    await db.close();
  }
}

function startColloquyServer(dataDir, port) {
  const child = spawn(process.execPath, [join(root, 'server/bin/colloquy-server.mjs')], {
    env: {...process.env, COLLOQUY_DATA_DIR: dataDir, PORT: String(port), HOST: '127.0.0.1'},
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  return new Promise((resolve, reject) => {
    const onData = (chunk) => {
      output += chunk;
      if (/listening on/.test(output)) resolve(child);
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.once('exit', (code) => reject(new Error(`colloquy-server exited (${code}):\n${output}`)));
  });
}

const benchPage = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Colloquy reply cursor bench</title></head>
<body><script type="module" src="/dist/cdn/colloquy.js"></script>
<comment-thread adapter="rest" endpoint="/api" thread="bench" page-size="10" load-timeout="300000"></comment-thread>
<script>
  window.bench = {};
  const thread = document.querySelector('comment-thread');
  const poll = () => {
    const articles = thread.shadowRoot?.querySelectorAll('article').length ?? 0;
    if (articles > 0 && window.bench.first === undefined) window.bench.first = performance.now();
    const busy = thread.shadowRoot?.querySelector('[part~="base"]')?.getAttribute('aria-busy');
    if (articles > 0 && busy === 'false' && window.bench.settled === undefined) {
      window.bench.settled = performance.now();
      window.bench.articles = articles;
      return;
    }
    requestAnimationFrame(poll);
  };
  requestAnimationFrame(poll);
</script></body></html>`;

/** In the page: one press of the first "Show N more replies"; ms until its replies are shown. */
async function pressMore() {
  const thread = document.querySelector('comment-thread');
  const count = () => thread.shadowRoot.querySelectorAll('article').length;
  const button = thread.shadowRoot.querySelector('[part~="more-replies-button"]');
  if (!button) return undefined;
  const label = button.textContent.trim();
  const before = count();
  const started = performance.now();
  button.click();
  while (count() === before) await new Promise((resolve) => requestAnimationFrame(resolve));
  return {ms: performance.now() - started, added: count() - before, label};
}

const median = (values) => {
  const sorted = values.filter((value) => value !== undefined).sort((a, b) => a - b);
  return sorted.length === 0 ? undefined : sorted[Math.floor((sorted.length - 1) / 2)];
};

const dataDir = mkdtempSync(join(tmpdir(), 'colloquy-bench-reply-cursor-'));
let server;
let colloquy;
let browser;
try {
  const seeding = performance.now();
  await seed(dataDir);
  console.log(`Seeded ${CONVERSATIONS} conversations × ${REPLIES.toLocaleString('en')} replies in ${((performance.now() - seeding) / 1000).toFixed(1)} s`);
  colloquy = await startColloquyServer(dataDir, PORT + 1);
  // Even when this script dies of an error, the server it started goes with it.
  process.on('exit', () => colloquy.kill());
  process.once('SIGTERM', () => process.exit(143));
  let mode = 'cursor';
  let pageBytes = 0;
  let pageMs = 0;
  server = await serveDist(async (url, response, request) => {
    if (url.pathname === '/bench.html') {
      response.writeHead(200, {'content-type': 'text/html'}).end(benchPage);
      return true;
    }
    if (!url.pathname.startsWith('/api')) return false;
    // No live stream through this proxy (it reads whole answers): 204 tells the widget so.
    if (url.pathname.endsWith('/events')) return void response.writeHead(204).end(), true;
    const target = new URL(`http://127.0.0.1:${PORT + 1}${url.pathname.slice(4) || '/'}${url.search}`);
    if (mode === 'all replies') target.searchParams.delete('replies');
    const asked = performance.now();
    let answer;
    let body;
    // Once more on a reset connection (a keep-alive socket the server closed meanwhile).
    for (let attempt = 0; !body; attempt++) {
      try {
        answer = await fetch(target, {headers: {accept: 'application/json'}, signal: AbortSignal.timeout(TIME_CAP_MS)});
        body = Buffer.from(await answer.arrayBuffer());
      } catch (error) {
        if (attempt > 0) {
          console.error(`proxy: ${target.pathname}: ${error.cause?.code ?? error.message}`);
          response.writeHead(502).end();
          return true;
        }
      }
    }
    const answeredIn = performance.now() - asked;
    if (answer.status !== 200) {
      response.writeHead(answer.status, {'content-type': 'application/json'}).end(body);
      return true;
    }
    if (/\/threads\/bench\/comments$/.test(url.pathname)) {
      pageBytes = gzipSync(body).length;
      pageMs = answeredIn;
    }
    sendBody(request, response, 'application/json', body);
    return true;
  }, PORT);
  browser = await chromium.launch({executablePath: findChromium(), args: chromiumArgs});
  const results = {'all replies': [], cursor: []};
  for (let run = 0; run < RUNS; run++) {
    for (const current of run % 2 === 0 ? ['all replies', 'cursor'] : ['cursor', 'all replies']) {
      mode = current;
      pageBytes = 0;
      const context = await browser.newContext({viewport: {width: 1100, height: 900}});
      try {
        const page = await context.newPage();
        page.on('pageerror', (error) => console.error(error.message));
        await page.goto(`http://127.0.0.1:${PORT}/bench.html`);
        await page.waitForFunction(() => window.bench.settled !== undefined, undefined, {timeout: TIME_CAP_MS, polling: 200});
        const figures = await page.evaluate(() => window.bench);
        const heap = await heapAfterGc(page);
        const press = current === 'cursor' ? await page.evaluate(pressMore) : undefined;
        results[current].push({...figures, heap, bytes: pageBytes, serverMs: pageMs, press});
        process.stdout.write(`  run ${run + 1} ${current}: first comments ${figures.first.toFixed(0)} ms, heap ${(heap / 1e6).toFixed(1)} MB\n`);
      } catch (error) {
        // A run the machine's load stalled past the cap is reported, not fatal.
        process.stdout.write(`  run ${run + 1} ${current}: ${error.name === 'TimeoutError' ? `no comments within ${TIME_CAP_MS / 1000} s` : error.message}\n`);
      } finally {
        await context.close();
      }
    }
  }
  const ms = (value) => (value === undefined ? '–' : `${value.toFixed(0)} ms`);
  console.log(`\nIssue 16's case: a page of ${CONVERSATIONS} conversations with ${REPLIES.toLocaleString('en')} replies each, colloquy-server (PGlite),`);
  console.log(`production bundle, headless Chromium, cold; medians of ${RUNS}; ${cpus().length} cores, load ${loadavg().map((l) => l.toFixed(1)).join(' ')}`);
  console.log('');
  console.log('                   first comments    settled     JS heap   page JSON (gzip)   server: page   comments in the DOM');
  for (const [name, runs] of Object.entries(results)) {
    const pick = (key) => median(runs.map((r) => r[key]));
    console.log(
      `  ${name.padEnd(14)} ${ms(pick('first')).padStart(12)} ${ms(pick('settled')).padStart(11)} ${`${(pick('heap') / 1e6).toFixed(1)} MB`.padStart(11)} ${`${(pick('bytes') / 1024).toFixed(0)} KiB`.padStart(18)} ${ms(pick('serverMs')).padStart(14)} ${String(pick('articles')).padStart(21)}`,
    );
  }
  const all = results['all replies'];
  const cursor = results.cursor;
  const ratio = (key) => (median(all.map((r) => r[key])) / median(cursor.map((r) => r[key]))).toFixed(1);
  console.log(`\n  cursor vs all replies: first comments ${ratio('first')}× sooner, heap ${ratio('heap')}× smaller, page ${ratio('bytes')}× smaller`);
  const presses = cursor.map((r) => r.press).filter(Boolean);
  if (presses.length) {
    console.log(`  "${presses[0].label}" press: ${ms(median(presses.map((p) => p.ms)))} until its ${presses[0].added} replies were shown (fetch + render)`);
  }
} finally {
  await browser?.close();
  server?.close();
  colloquy?.kill();
  rmSync(dataDir, {recursive: true, force: true});
}
