// `npm run bench:paging` (after `npm run build`): what each "Load more" costs as a thread
// grows. A script-tag page with <comment-thread adapter="rest"> against a local server that
// pages like a conforming one (100 top-level comments a page, each with its replies); the
// script clicks Load more page after page and prints, for chosen pages, the time from the
// click until the page's comments are all in the DOM and the thread is no longer busy, the
// Lit updates of the thread in that time and their total time, and the longest task. Then
// DOM nodes and JS heap per comment with everything loaded. Figures only; nothing asserted.
//
//   node scripts/bench-paging.mjs [N …]     (default 1000 5000 20000)
//   COLLOQUY_BENCH_PORT=9501                (default 9501)
import {cpus} from 'node:os';
import {chromium} from 'playwright-core';
import {exitUnlessBuilt, serveDist} from './bench-server.mjs';
import {chromiumArgs, findChromium} from './chromium.mjs';

exitUnlessBuilt();
const sizes = process.argv.slice(2).map(Number).filter(Boolean);
const counts = sizes.length > 0 ? sizes : [1000, 5000, 20000];
const PAGE_SIZE = 100;
const PORT = Number(process.env.COLLOQUY_BENCH_PORT ?? 9501);
/** A size still loading after this long is reported as far as it got. */
const TIME_CAP_MS = 300_000;

/** Conversations of one to five comments (replies nested up to 4 deep), `count` comments in all. */
function conversations(count) {
  const start = Date.parse('2026-01-01T00:00:00Z');
  const roots = [];
  for (let index = 0; index < count; index++) {
    const size = 1 + (roots.length % 5);
    const conversation = roots.at(-1);
    const fresh = !conversation || conversation.length >= size;
    const id = `c${index}`;
    const comment = {
      id,
      parentId: fresh ? null : conversation.at(-1).id,
      author: {name: `Person ${index % 97}`, ...(index % 4 === 0 ? {profileUrl: `https://example.com/p/${index % 97}`} : {})},
      createdAt: new Date(start + index * 60_000).toISOString(),
      content: {kind: 'text', value: `Comment ${index}, with a link https://example.com/${index}.\n\nAnd a second paragraph.`},
      status: 'approved',
      replyCount: 0,
      viewerCan: {reply: true, edit: false, delete: false},
    };
    if (fresh) roots.push([comment]);
    else conversation.push(comment);
  }
  return roots;
}

let roots = [];
let total = 0;
const info = () => ({
  id: 't',
  title: 'Bench',
  totalCount: total,
  posting: {open: true, guests: {allowed: true, requireName: true, requireEmail: true}, notifications: {comments: false, posts: false}},
});

const html = (withThread) => `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Colloquy paging bench</title>
<script type="module" src="/dist/cdn/colloquy.js"></script></head>
<body>${withThread ? `<comment-thread adapter="rest" endpoint="/api" thread="t" page-size="${PAGE_SIZE}"></comment-thread>` : ''}</body></html>`;

const server = await serveDist((url, response) => {
  const json = (status, body) => response.writeHead(status, {'content-type': 'application/json'}).end(JSON.stringify(body));
  if (url.pathname === '/bench.html' || url.pathname === '/empty.html') {
    response.writeHead(200, {'content-type': 'text/html'}).end(html(url.pathname === '/bench.html'));
  } else if (url.pathname === '/api' || url.pathname === '/api/') {
    json(200, {protocol: 'colloquy-rest/1', capabilities: {}});
  } else if (url.pathname === '/api/threads/t/comments') {
    const limit = Number(url.searchParams.get('limit'));
    if (!Number.isInteger(limit) || limit < 1 || limit > 100) return json(400, {error: {code: 'invalid', message: 'limit 1 to 100'}}), true;
    const offset = Number(url.searchParams.get('cursor') ?? 0);
    const next = offset + limit < roots.length ? String(offset + limit) : null;
    json(200, {thread: info(), comments: roots.slice(offset, offset + limit).flat(), nextCursor: next});
  } else {
    return false;
  }
  return true;
}, PORT);

/** Counts and times the thread's Lit updates, before the bundle defines the element. */
function instrument() {
  const stats = {updates: 0, updateMs: 0, longest: 0};
  window.__bench = stats;
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) stats.longest = Math.max(stats.longest, entry.duration);
  }).observe({type: 'longtask'});
  const define = customElements.define.bind(customElements);
  customElements.define = (name, constructor, options) => {
    if (name === 'comment-thread') {
      const update = constructor.prototype.update;
      constructor.prototype.update = function (changed) {
        const start = performance.now();
        try {
          return update.call(this, changed);
        } finally {
          stats.updates++;
          stats.updateMs += performance.now() - start;
        }
      };
    }
    return define(name, constructor, options);
  };
}

/** In the page: Load more until every page is in; the cost of each page. */
async function measure({expected, cap}) {
  const thread = document.querySelector('comment-thread');
  const shadow = () => thread.shadowRoot;
  const articles = () => shadow()?.querySelectorAll('article').length ?? 0;
  const frame = () => new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve)));
  const settled = (count) => articles() >= count && shadow().querySelector('.thread')?.getAttribute('aria-busy') === 'false';
  const stats = window.__bench;
  const began = performance.now();
  while (!settled(expected[0])) await frame();
  const pages = [];
  for (let index = 1; index < expected.length && performance.now() - began < cap; index++) {
    let button;
    while (!(button = shadow().querySelector('[part~="load-more-button"]')) || button.getAttribute('aria-disabled') === 'true') await frame();
    const before = {...stats};
    stats.longest = 0;
    const start = performance.now();
    button.click();
    while (!settled(expected[index])) await frame();
    pages.push({
      page: index + 1,
      ms: performance.now() - start,
      updates: stats.updates - before.updates,
      updateMs: stats.updateMs - before.updateMs,
      longest: stats.longest,
    });
  }
  shadow().querySelector('ol').getBoundingClientRect();
  const walker = document.createTreeWalker(shadow().querySelector('ol'), NodeFilter.SHOW_ALL);
  let nodes = 0;
  while (walker.nextNode()) nodes++;
  const shown = articles();
  return {pages, shown, nodesPerComment: nodes / shown};
}

async function heapAfterGc(page) {
  const session = await page.context().newCDPSession(page);
  await session.send('HeapProfiler.collectGarbage');
  const {usedSize} = await session.send('Runtime.getHeapUsage');
  await session.detach();
  return usedSize;
}

const browser = await chromium.launch({executablePath: findChromium(), args: chromiumArgs});
try {
  const empty = await browser.newPage();
  await empty.goto(`http://127.0.0.1:${PORT}/empty.html`);
  await empty.waitForFunction(() => customElements.get('comment-thread'));
  const baseHeap = await heapAfterGc(empty);
  await empty.close();
  console.log(`\nLoad more, page after page: script-tag bundle, adapter="rest", page-size ${PAGE_SIZE}, local paging server`);
  console.log(`${new Date().toISOString().slice(0, 10)}, ${cpus().length} × ${cpus()[0]?.model ?? 'CPU'}, headless Chromium, one run per size\n`);
  for (const count of counts) {
    roots = conversations(count);
    total = count;
    const expected = [];
    for (let shown = 0, index = 0; index < roots.length; index += PAGE_SIZE) {
      shown += roots.slice(index, index + PAGE_SIZE).flat().length;
      expected.push(shown);
    }
    const tab = await browser.newPage({viewport: {width: 1100, height: 900}});
    tab.on('pageerror', (error) => console.error(error.message));
    await tab.addInitScript(instrument);
    await tab.goto(`http://127.0.0.1:${PORT}/bench.html`);
    const result = await tab.evaluate(measure, {expected, cap: TIME_CAP_MS});
    const heap = ((await heapAfterGc(tab)) - baseHeap) / result.shown;
    await tab.close();
    console.log(`N = ${count.toLocaleString('en')}: ${expected.length} pages; ${result.shown.toLocaleString('en')} comments shown` +
      `${result.shown < count ? ` (stopped after ${TIME_CAP_MS / 1000} s)` : ''}; ${result.nodesPerComment.toFixed(1)} DOM nodes and ${(heap / 1024).toFixed(1)} KB heap per comment`);
    console.log(`  ${'page'.padStart(5)}  ${'click → shown'.padStart(13)}  ${'updates'.padStart(7)}  ${'update time'.padStart(11)}  ${'longest task'.padStart(12)}`);
    const wanted = new Set([2, 3, 5, 10, 25, 50, 100, 200, 500, expected.length]);
    for (const page of result.pages) {
      if (!wanted.has(page.page) && page !== result.pages.at(-1)) continue;
      console.log(`  ${String(page.page).padStart(5)}  ${`${page.ms.toFixed(0)} ms`.padStart(13)}  ${String(page.updates).padStart(7)}` +
        `  ${`${page.updateMs.toFixed(0)} ms`.padStart(11)}  ${`${page.longest.toFixed(0)} ms`.padStart(12)}`);
    }
    const times = result.pages.map((page) => page.ms);
    if (times.length > 0) {
      console.log(`  mean of all ${times.length} Load more: ${(times.reduce((a, b) => a + b, 0) / times.length).toFixed(0)} ms`);
    }
  }
} finally {
  await browser.close();
  server.close();
}
