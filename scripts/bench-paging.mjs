// `npm run bench:paging` (after `npm run build`): what each "Load more" costs as a thread
// grows. A script-tag page with <comment-thread adapter="rest"> against a local server that
// pages like a conforming one (100 top-level comments a page, each with its replies); the
// script clicks Load more page after page and prints, for chosen pages, the time from the
// click until the page's comments are all in the DOM and the thread is no longer busy, the
// Lit updates of the thread in that time and their total time, and the longest task. Then
// DOM nodes and JS heap per comment with everything loaded, the longest task of the whole
// run, and what one tick of the page's clock costs with everything shown (forced from the
// page; comments written over the last N minutes, so some labels change). Figures only;
// nothing asserted.
//
//   node scripts/bench-paging.mjs [N …]     (default 1000 5000 20000 50000)
//   COLLOQUY_BENCH_PORT=9501                (default 9501)
//   BENCH_HEAP_BREAKDOWN=1                  also prints the heap per comment by constructor
import {cpus} from 'node:os';
import {chromium} from 'playwright-core';
import {heapDifference, heapGroups, printHeapDifference, takeHeapSnapshot} from './bench-heap.mjs';
import {exitUnlessBuilt, heapAfterGc, root, serveDist} from './bench-server.mjs';
import {originalOf, startCpuProfile, topSelfTime} from './bench-profile.mjs';
import {chromiumArgs, findChromium} from './chromium.mjs';

exitUnlessBuilt();
const sizes = process.argv.slice(2).map(Number).filter(Boolean);
const counts = sizes.length > 0 ? sizes : [1000, 5000, 20000, 50000];
const PAGE_SIZE = 100;
const PORT = Number(process.env.COLLOQUY_BENCH_PORT ?? 9501);
/** BENCH_PROFILE_PAGE=50: prints where that page's Load more spent its time. */
const PROFILE_PAGE = Number(process.env.BENCH_PROFILE_PAGE ?? 0);
/** BENCH_SHAPE=one-conversation: one comment and N − 1 replies to it (then BENCH_PROFILE_PAGE=1 profiles it). */
const ONE_CONVERSATION = process.env.BENCH_SHAPE === 'one-conversation';
/**
 * BENCH_HEAP_BREAKDOWN=1: where the heap per comment goes, from heap snapshots of this page and
 * of an empty one (telling from about 5,000 comments on, where what differs between the two
 * pages besides the comments weighs little; slow at 20,000 and more).
 */
const HEAP_BREAKDOWN = Boolean(process.env.BENCH_HEAP_BREAKDOWN);
/** A size still loading after this long is reported as far as it got. */
const TIME_CAP_MS = 300_000;

/** Conversations of one to five comments (replies nested up to 4 deep), `count` comments in all. */
function conversations(count) {
  // The newest a minute old: "3 minutes ago" … "1 month ago", as on a busy thread.
  const start = Date.now() - count * 60_000;
  const roots = [];
  for (let index = 0; index < count; index++) {
    const size = ONE_CONVERSATION ? count : 1 + (roots.length % 5);
    const conversation = roots.at(-1);
    const fresh = !conversation || conversation.length >= size;
    const id = `c${index}`;
    const comment = {
      id,
      parentId: fresh ? null : ONE_CONVERSATION ? conversation[0].id : conversation.at(-1).id,
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
  const stats = {updates: 0, updateMs: 0, longest: 0, longestOverall: 0};
  window.__bench = stats;
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) {
      stats.longest = Math.max(stats.longest, entry.duration);
      stats.longestOverall = Math.max(stats.longestOverall, entry.duration);
    }
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

/**
 * In the page: waits until the thread lists `count` conversations and is no longer busy
 * (every comment of theirs rendered). Looked up near the top or counted as children: a
 * search of thousands of comments every frame would cost more than what is measured.
 */
async function shown(count) {
  const shadow = () => document.querySelector('comment-thread')?.shadowRoot;
  const frame = () => new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve)));
  while (!(shadow()?.querySelector('.thread')?.getAttribute('aria-busy') === 'false' && (shadow().querySelector('ol')?.children.length ?? 0) >= count)) {
    await frame();
  }
}

/** In the page: clicks Load more once it can be, then waits for `count` conversations; the cost. */
async function loadMore(count) {
  const section = document.querySelector('comment-thread').shadowRoot.querySelector('.thread');
  const list = section.querySelector('ol');
  const frame = () => new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve)));
  const button = () => [...section.children].reverse().find((child) => child.classList.contains('more'))?.firstElementChild;
  while (!button() || button().getAttribute('aria-disabled') === 'true') await frame();
  const stats = window.__bench;
  const before = {...stats};
  stats.longest = 0;
  const start = performance.now();
  button().click();
  while (!(section.getAttribute('aria-busy') === 'false' && list.children.length >= count)) await frame();
  return {ms: performance.now() - start, updates: stats.updates - before.updates, updateMs: stats.updateMs - before.updateMs, longest: stats.longest};
}

/**
 * In the page: one tick of the shared clock (forced as the page's becoming visible again
 * does), timed until the thread's update, if any, is done; the labels it rewrote.
 */
async function clockTick(laterMs) {
  const thread = document.querySelector('comment-thread');
  // The page's clock moved on by `laterMs` (cumulative): labels of the last hour change.
  if (laterMs > 0) {
    const now = Date.now;
    Date.now = () => now() + laterMs;
  }
  const frame = () => new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve)));
  let rewritten = 0;
  const observer = new MutationObserver((records) => {
    for (const record of records) if (record.target.nodeName === 'TIME' || record.target.parentNode?.nodeName === 'TIME') rewritten++;
  });
  observer.observe(thread.shadowRoot, {subtree: true, childList: true, characterData: true});
  const updates = window.__bench.updates;
  const start = performance.now();
  document.dispatchEvent(new Event('visibilitychange'));
  await thread.updateComplete;
  const ms = performance.now() - start;
  await frame();
  observer.disconnect();
  return {ms, updates: window.__bench.updates - updates, rewritten};
}

/** In the page: DOM nodes per comment shown. */
function nodesPerComment() {
  const shadow = document.querySelector('comment-thread').shadowRoot;
  const walker = document.createTreeWalker(shadow.querySelector('ol'), NodeFilter.SHOW_ALL);
  let nodes = 0;
  while (walker.nextNode()) nodes++;
  const shown = shadow.querySelectorAll('article').length;
  return {shown, nodesPerComment: nodes / shown};
}

/** Chromium's own time accounting (script, style, layout), in ms so far. */
async function metrics(session) {
  const {metrics: list} = await session.send('Performance.getMetrics');
  const value = (name) => (list.find((metric) => metric.name === name)?.value ?? 0) * 1000;
  return {script: value('ScriptDuration'), style: value('RecalcStyleDuration'), layout: value('LayoutDuration')};
}

/** The functions with the most self time in a CPU profile, mapped to src/. */
function printProfile(profile, page) {
  console.log(`  Page ${page}, top self time:`);
  for (const {ms, name, where} of topSelfTime(profile, root, 15)) console.log(`    ${ms.toFixed(0).padStart(6)} ms  ${name}  ${where}`);
}

const browser = await chromium.launch({executablePath: findChromium(), args: chromiumArgs});
try {
  const empty = await browser.newPage();
  await empty.goto(`http://127.0.0.1:${PORT}/empty.html`);
  await empty.waitForFunction(() => customElements.get('comment-thread'));
  const baseHeap = await heapAfterGc(empty);
  const nameOf = (url, line, column) => originalOf(root, url, line, column);
  const baseGroups = HEAP_BREAKDOWN ? heapGroups(await takeHeapSnapshot(empty), nameOf) : undefined;
  await empty.close();
  console.log(`\nLoad more, page after page: script-tag bundle, adapter="rest", page-size ${PAGE_SIZE}, local paging server`);
  console.log(`${new Date().toISOString().slice(0, 10)}, ${cpus().length} × ${cpus()[0]?.model ?? 'CPU'}, headless Chromium, one run per size\n`);
  for (const count of counts) {
    roots = conversations(count);
    total = count;
    const expected = [];
    for (let index = 0; index < roots.length; index += PAGE_SIZE) expected.push(Math.min(roots.length, index + PAGE_SIZE));
    const tab = await browser.newPage({viewport: {width: 1100, height: 900}});
    tab.on('pageerror', (error) => console.error(error.message));
    await tab.addInitScript(instrument);
    await tab.goto(`http://127.0.0.1:${PORT}/bench.html`);
    const session = await tab.context().newCDPSession(tab);
    await session.send('Performance.enable');
    const stopFirstProfile = PROFILE_PAGE === 1 ? await startCpuProfile(session) : undefined;
    const firstStart = Date.now();
    await tab.evaluate(shown, expected[0]);
    const firstLongest = await tab.evaluate(() => window.__bench.longest);
    if (ONE_CONVERSATION) console.log(`  all ${count} comments of one conversation shown after ${Date.now() - firstStart} ms`);
    if (stopFirstProfile) printProfile(await stopFirstProfile(), 1);
    const began = Date.now();
    const pages = [];
    for (let index = 1; index < expected.length && Date.now() - began < TIME_CAP_MS; index++) {
      const profiled = index + 1 === PROFILE_PAGE;
      const stopProfile = profiled ? await startCpuProfile(session) : undefined;
      const before = await metrics(session);
      const page = await tab.evaluate(loadMore, expected[index]);
      const after = await metrics(session);
      if (stopProfile) printProfile(await stopProfile(), index + 1);
      pages.push({page: index + 1, ...page, script: after.script - before.script, style: after.style - before.style, layout: after.layout - before.layout});
    }
    await session.detach();
    const ticks = [];
    for (let tick = 0; tick < 5; tick++) ticks.push(await tab.evaluate(clockTick, 0));
    const laterTicks = [];
    for (let tick = 0; tick < 5; tick++) laterTicks.push(await tab.evaluate(clockTick, 61_000));
    const longestOverall = await tab.evaluate(() => window.__bench.longestOverall);
    const result = {pages, ...(await tab.evaluate(nodesPerComment))};
    const heap = ((await heapAfterGc(tab)) - baseHeap) / result.shown;
    const heapRows = baseGroups && heapDifference(baseGroups, heapGroups(await takeHeapSnapshot(tab), nameOf), result.shown);
    await tab.close();
    console.log(`N = ${count.toLocaleString('en')}: ${expected.length} pages; ${result.shown.toLocaleString('en')} comments shown` +
      `${result.shown < count ? ` (stopped after ${TIME_CAP_MS / 1000} s)` : ''}; ${result.nodesPerComment.toFixed(1)} DOM nodes and ${(heap / 1024).toFixed(1)} KB heap per comment (${heap.toFixed(0)} bytes)`);
    const columns = ['page', 'click → shown', 'updates', 'update time', 'script', 'style', 'layout', 'longest task'];
    console.log(`  ${columns.map((name) => name.padStart(Math.max(7, name.length))).join('  ')}`);
    const ms = (value) => `${value.toFixed(0)} ms`;
    const wanted = new Set([2, 3, 5, 10, 25, 50, 100, 200, 500, expected.length]);
    for (const page of result.pages) {
      if (!process.env.BENCH_ALL_PAGES && !wanted.has(page.page) && page !== result.pages.at(-1)) continue;
      const cells = [String(page.page), ms(page.ms), String(page.updates), ms(page.updateMs), ms(page.script), ms(page.style), ms(page.layout), ms(page.longest)];
      console.log(`  ${cells.map((cell, index) => cell.padStart(Math.max(7, columns[index].length))).join('  ')}`);
    }
    for (const [label, list] of [['at once', ticks], ['a minute apart', laterTicks]]) {
      const byTime = [...list].sort((a, b) => a.ms - b.ms);
      console.log(`  clock tick with all shown (5 forced, ${label}): median ${byTime[2].ms.toFixed(2)} ms, slowest ${byTime[4].ms.toFixed(2)} ms; ` +
        `thread updates ${list.reduce((sum, tick) => sum + tick.updates, 0)}; labels rewritten ${list.map((tick) => tick.rewritten).join(' / ')}`);
    }
    if (heapRows) printHeapDifference(heapRows);
    console.log(`  longest task of the whole run: ${longestOverall.toFixed(0)} ms (until the first page was shown: ${firstLongest.toFixed(0)} ms)`);
    if (result.pages.length >= 10) {
      // Medians of five pages at each end: the machine's noise hides less than in one page.
      const median = (values) => [...values].sort((x, y) => x - y)[Math.floor(values.length / 2)];
      const band = (pages, key) => median(pages.map((page) => page[key]));
      const first = result.pages.slice(0, 5);
      const last = result.pages.slice(-5);
      console.log(`  median of pages ${first[0].page}–${first.at(-1).page}: ${ms(band(first, 'ms'))} (updates ${ms(band(first, 'updateMs'))}); ` +
        `of pages ${last[0].page}–${last.at(-1).page}: ${ms(band(last, 'ms'))} (updates ${ms(band(last, 'updateMs'))})`);
    }
  }
} finally {
  await browser.close();
  server.close();
}
