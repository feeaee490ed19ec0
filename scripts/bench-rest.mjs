// `npm run bench` part two (after `npm run build`): a script-tag page with
// <comment-thread adapter="rest"> against a local server that pages like a conforming one
// (limit ≤ 100 top-level comments, cursors), cold in a fresh tab per run. Prints, per
// thread size: time to the first comments, time until all N are in the DOM (clicking Load
// more as a reader would), DOM nodes and JS heap per comment. Figures only; nothing asserted.
import {cpus} from 'node:os';
import {chromium} from 'playwright-core';
import {exitUnlessBuilt, serveDist} from './bench-server.mjs';
import {chromiumArgs, findChromium} from './chromium.mjs';

exitUnlessBuilt();
const sizes = process.argv.slice(2).map(Number).filter(Boolean);
const counts = sizes.length > 0 ? sizes : [100, 1000, 5000];
const runs = 3;
const PAGE_SIZE = 100;
const PORT = Number(process.env.COLLOQUY_BENCH_PORT ?? 9801);

/** N comments as the protocol sends them: a third top-level, replies chained up to 5 deep. */
function thread(count) {
  const start = Date.parse('2026-01-01T00:00:00Z');
  const comments = [];
  let rootId = null;
  let parentId = null;
  let depth = 0;
  for (let index = 0; index < count; index++) {
    const id = `c${index}`;
    if (index % 3 === 0 || rootId === null) {
      rootId = id;
      parentId = null;
      depth = 1;
    } else if (depth >= 5) {
      parentId = rootId;
      depth = 2;
    } else {
      depth++;
    }
    comments.push({
      id,
      parentId,
      author: {name: `Person ${index % 97}`, ...(index % 4 === 0 ? {profileUrl: `https://example.com/${index}`} : {})},
      createdAt: new Date(start + index * 60_000).toISOString(),
      content: {kind: 'text', value: `Comment number ${index} with a link https://example.com/${index}.\n\nAnd a second paragraph.`},
      status: 'approved',
      replyCount: 0,
      viewerCan: {reply: true, edit: false, delete: false},
    });
    parentId = id;
  }
  const roots = [];
  for (const comment of comments) {
    if (comment.parentId === null) roots.push([comment]);
    else roots.at(-1).push(comment);
  }
  return {count, roots};
}

let current = thread(0);
const info = () => ({
  id: 't',
  title: 'Bench',
  totalCount: current.count,
  posting: {open: true, guests: {allowed: true, requireName: true, requireEmail: true}, notifications: {comments: false, posts: false}},
});

const page = (withThread) => `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Colloquy REST bench</title>
<script type="module" src="/dist/cdn/colloquy.js"></script></head>
<body>${withThread ? `<comment-thread adapter="rest" endpoint="/api" thread="t" page-size="${PAGE_SIZE}"></comment-thread>` : ''}</body></html>`;

const server = await serveDist((url, response) => {
  const json = (body) => response.writeHead(200, {'content-type': 'application/json'}).end(JSON.stringify(body));
  if (url.pathname === '/bench.html' || url.pathname === '/empty.html') {
    response.writeHead(200, {'content-type': 'text/html'}).end(page(url.pathname === '/bench.html'));
  } else if (url.pathname === '/api' || url.pathname === '/api/') {
    json({protocol: 'colloquy-rest/1', capabilities: {}});
  } else if (url.pathname === '/api/threads/t/comments') {
    const limit = Number(url.searchParams.get('limit'));
    if (!Number.isInteger(limit) || limit < 1 || limit > 100) {
      response.writeHead(400, {'content-type': 'application/json'}).end(JSON.stringify({error: {code: 'invalid', message: 'limit 1 to 100'}}));
      return true;
    }
    const offset = Number(url.searchParams.get('cursor') ?? 0);
    const roots = current.roots.slice(offset, offset + limit);
    json({thread: info(), comments: roots.flat(), nextCursor: offset + limit < current.roots.length ? String(offset + limit) : null});
  } else {
    return false;
  }
  return true;
}, PORT);

/** In the page: first article, then Load more until `count` articles, then a layout. */
async function measure(count) {
  const shadow = () => document.querySelector('comment-thread')?.shadowRoot;
  const articles = () => shadow()?.querySelectorAll('article').length ?? 0;
  const frame = () => new Promise((resolve) => requestAnimationFrame(resolve));
  while (articles() === 0) await frame();
  const first = performance.now();
  let updates = 0;
  while (articles() < count) {
    const more = shadow().querySelector('[part~="load-more-button"]');
    if (more && more.getAttribute('aria-disabled') !== 'true') {
      more.click();
      updates++;
    }
    await frame();
  }
  shadow().querySelector('ol').getBoundingClientRect();
  const full = performance.now();
  const walker = document.createTreeWalker(shadow().querySelector('ol'), NodeFilter.SHOW_ALL);
  let nodes = 0;
  while (walker.nextNode()) nodes++;
  return {first, full, pages: updates + 1, nodesPerComment: nodes / count};
}

async function heapAfterGc(page) {
  const session = await page.context().newCDPSession(page);
  await session.send('HeapProfiler.collectGarbage');
  const {usedSize} = await session.send('Runtime.getHeapUsage');
  await session.detach();
  return usedSize;
}

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const browser = await chromium.launch({executablePath: findChromium(), args: chromiumArgs});
try {
  const empty = await browser.newPage();
  await empty.goto(`http://127.0.0.1:${PORT}/empty.html`);
  await empty.waitForFunction(() => customElements.get('comment-thread'));
  const baseHeap = await heapAfterGc(empty);
  await empty.close();
  console.log(`\nScript-tag bundle, adapter="rest", page-size ${PAGE_SIZE} against a local paging server; fresh tab per run, median of ${runs}:`);
  console.log(`${new Date().toISOString().slice(0, 10)}, ${cpus().length} × ${cpus()[0]?.model ?? 'CPU'}, headless Chromium\n`);
  console.log(`${'N'.padStart(6)}  ${'pages'.padStart(5)}  ${'first comments'.padStart(14)}  ${'all N in DOM'.padStart(12)}  ${'nodes/comment'.padStart(13)}  ${'heap/comment'.padStart(12)}`);
  for (const count of counts) {
    current = thread(count);
    const results = [];
    for (let run = 0; run < runs; run++) {
      const tab = await browser.newPage({viewport: {width: 1100, height: 900}});
      tab.on('pageerror', (error) => console.error(error.message));
      await tab.goto(`http://127.0.0.1:${PORT}/bench.html`);
      const result = await tab.evaluate(measure, count);
      result.heapPerComment = ((await heapAfterGc(tab)) - baseHeap) / count;
      results.push(result);
      await tab.close();
    }
    const pick = (name) => median(results.map((result) => result[name]));
    console.log(
      `${count.toLocaleString('en').padStart(6)}  ${String(results[0].pages).padStart(5)}  ${`${pick('first').toFixed(0)} ms`.padStart(14)}` +
        `  ${`${pick('full').toFixed(0)} ms`.padStart(12)}  ${pick('nodesPerComment').toFixed(1).padStart(13)}  ${`${(pick('heapPerComment') / 1024).toFixed(1)} KB`.padStart(12)}`,
    );
  }
} finally {
  await browser.close();
  server.close();
}
