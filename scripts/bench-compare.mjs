// `npm run bench`, part two (after `npm run build`): issue 16's comparison. The same thread
// (scripts/bench-data.mjs) shown by
//   floor         innerHTML of the final markup, the data already in the page;
//   floor+fetch   the same after its own fetch + JSON.parse of the whole thread;
//   lit           a 60-line Lit component with `repeat` (scripts/bench-lit-thread.js),
//                 fetching the whole thread in one request;
//   colloquy      the script-tag bundle, <comment-thread adapter="rest" page-size="100">,
//                 against a local server that pages like a conforming one (at most 100
//                 top-level comments a page, cursors), Load more clicked as a reader would.
// Everything gzipped by the server. Each run is cold (a fresh browser context, nothing
// cached), runs in shuffled order, medians printed. Times count from navigation start to
// the first animation frame that has the comments in the DOM (first: one; full: all N),
// once they are laid out (style and layout forced in that frame; paint not counted).
// Also: longest task, JS heap after GC, DOM nodes per comment, bytes and requests before
// the first comments, ratios to the floor, and the top self-time functions at N = 5,000.
//
//   node scripts/bench-compare.mjs [--quick] [--sizes=100,1000] [--runs=5] [--timeout=90] [--no-profile]
//                                  [--page-size=100] [--server-max=100]
// --server-max=500 --page-size=500: a server announcing a larger page maximum (as colloquy-server does).
// --quick: N = 100 and 1,000 only, no profile (about a minute on 2 cores).
// COLLOQUY_BENCH_PORT picks the port (default: any free one).
import {cpus} from 'node:os';
import {build} from 'esbuild';
import {chromium} from 'playwright-core';
import {markup, thread} from './bench-data.mjs';
import {exitUnlessBuilt, heapAfterGc, root, sendBody, serveDist} from './bench-server.mjs';
import {chromiumArgs, findChromium} from './chromium.mjs';
import {startCpuProfile, topSelfTime} from './bench-profile.mjs';

exitUnlessBuilt();
const args = process.argv.slice(2);
const option = (name, fallback) => args.find((arg) => arg.startsWith(`--${name}=`))?.slice(name.length + 3) ?? fallback;
const quick = args.includes('--quick');
const sizes = option('sizes', quick ? '100,1000' : '100,1000,5000,20000').split(',').map(Number).filter((n) => n > 0);
const runs = Math.max(1, Number(option('runs', '5')));
const timeoutMs = Number(option('timeout', '90')) * 1000;
const profileAt = quick || args.includes('--no-profile') ? undefined : 5000;
/** `page-size` of the thread (--page-size=500), and the most a page may hold (--server-max=500, announced as `limits.pageSize`). */
const PAGE_SIZE = Number(option('page-size', '100'));
const SERVER_MAX = Number(option('server-max', '100'));
const variants = ['floor', 'floor+fetch', 'lit', 'colloquy'];

const threads = new Map();
const threadOf = (n) => {
  if (!threads.has(n)) {
    const data = thread(n);
    threads.set(n, {...data, json: JSON.stringify({comments: data.comments}), markup: markup(data.comments)});
  }
  return threads.get(n);
};

const litBundle = (
  await build({entryPoints: [new URL('./bench-lit-thread.js', import.meta.url).pathname], bundle: true, minify: true, format: 'esm', write: false, logLevel: 'silent'})
).outputFiles[0].text;

const html = (body) => `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Bench</title></head><body>${body}</body></html>`;
const pages = {
  floor: (n) => html(`<div id="comments"></div><script type="module">document.getElementById('comments').innerHTML = ${JSON.stringify(threadOf(n).markup).replace(/</g, '\\u003c')};</script>`),
  'floor+fetch': (n) =>
    html(`<div id="comments"></div><script type="module">
const markup = ${markup.toString()};
const {comments} = await (await fetch('/data/${n}.json')).json();
document.getElementById('comments').innerHTML = markup(comments);
</script>`),
  lit: (n) => html(`<script type="module" src="/bench/lit-thread.js"></script><lit-thread src="/data/${n}.json"></lit-thread>`),
  colloquy: (n) =>
    html(`<script type="module" src="/dist/cdn/colloquy.js"></script><comment-thread adapter="rest" endpoint="/api/${n}" thread="t" page-size="${PAGE_SIZE}"></comment-thread>`),
};

const server = await serveDist((url, response, request) => {
  const json = (body, status = 200) => response.writeHead(status, {'content-type': 'application/json'}).end(JSON.stringify(body));
  let match;
  if ((match = /^\/(floor|floor\+fetch|lit|colloquy)\.html$/.exec(decodeURIComponent(url.pathname)))) {
    const n = Number(url.searchParams.get('n'));
    sendBody(request, response, 'text/html', pages[match[1]](n), `${match[1]}:${n}`);
  } else if (url.pathname === '/bench/lit-thread.js') {
    sendBody(request, response, 'text/javascript', litBundle, 'lit-thread');
  } else if ((match = /^\/data\/(\d+)\.json$/.exec(url.pathname))) {
    sendBody(request, response, 'application/json', threadOf(Number(match[1])).json, `data:${match[1]}`);
  } else if ((match = /^\/api\/(\d+)\/?$/.exec(url.pathname))) {
    json({protocol: 'colloquy-rest/1', capabilities: {}, ...(SERVER_MAX !== 100 ? {limits: {pageSize: SERVER_MAX}} : {})});
  } else if ((match = /^\/api\/(\d+)\/threads\/t\/comments$/.exec(url.pathname))) {
    const data = threadOf(Number(match[1]));
    const limit = Number(url.searchParams.get('limit'));
    if (!Number.isInteger(limit) || limit < 1 || limit > SERVER_MAX) return json({error: {code: 'invalid', message: `limit is 1 to ${SERVER_MAX}`}}, 400), true;
    const offset = Number(url.searchParams.get('cursor') ?? 0);
    const info = {
      id: 't',
      title: 'Bench',
      totalCount: data.count,
      posting: {open: true, guests: {allowed: true, requireName: true, requireEmail: true}, notifications: {comments: false, posts: false}},
    };
    const body = {thread: info, comments: data.roots.slice(offset, offset + limit).flat(), nextCursor: offset + limit < data.roots.length ? String(offset + limit) : null};
    sendBody(request, response, 'application/json', JSON.stringify(body));
  } else {
    return false;
  }
  return true;
}, Number(process.env.COLLOQUY_BENCH_PORT ?? 0));
const origin = `http://127.0.0.1:${server.address().port}`;

/** Runs in every bench page before its own scripts: watches each frame, clicks Load more. */
function watch(n) {
  const state = (window.__bench = {first: null, full: null, longest: 0, before: null});
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) state.longest = Math.max(state.longest, entry.duration);
  }).observe({type: 'longtask', buffered: true});
  const transferred = () => {
    const done = performance.getEntriesByType('resource').filter((entry) => entry.responseEnd > 0);
    const bytes = done.reduce((sum, entry) => sum + entry.transferSize, performance.getEntriesByType('navigation')[0]?.transferSize ?? 0);
    return {requests: done.length + 1, bytes};
  };
  const rootOf = () => {
    const host = document.querySelector('comment-thread, lit-thread');
    return host ? host.shadowRoot : document.getElementById('comments');
  };
  // Articles are counted from the mutations as they happen (work in proportion to what
  // changed) and the whole tree is read only to confirm the first and the last of them:
  // counting thousands of articles every frame would cost the page seconds at N = 5,000.
  const articlesIn = (node) => (node.nodeType !== 1 ? 0 : (node.matches('article') ? 1 : 0) + node.getElementsByTagName('article').length);
  const isMore = (node) => node.nodeType === 1 && node.matches('[part~="load-more-button"]');
  let observed;
  let estimate = 0;
  let more = null;
  const observe = (root) => {
    estimate = root.querySelectorAll('article').length;
    more = root.querySelector('[part~="load-more-button"]');
    new MutationObserver((records) => {
      for (const record of records) {
        if (record.type === 'attributes') {
          if (isMore(record.target)) more = record.target;
          continue;
        }
        for (const node of record.addedNodes) {
          estimate += articlesIn(node);
          if (node.nodeType === 1) more = isMore(node) ? node : (node.querySelector('[part~="load-more-button"]') ?? more);
        }
        for (const node of record.removedNodes) estimate -= articlesIn(node);
      }
    }).observe(root, {childList: true, subtree: true, attributeFilter: ['aria-disabled']});
  };
  const frame = () => {
    const root = rootOf();
    if (root && observed !== root) observe((observed = root));
    // Laid out, as a reader would see them: style and layout forced before the clock is read.
    const laidOut = () => (root.host ?? root).getBoundingClientRect() && performance.now();
    if (estimate > 0 && state.first === null && root.querySelector('article')) {
      state.first = laidOut();
      state.before = transferred();
    }
    if (estimate >= n && root.querySelectorAll('article').length >= n) {
      state.full = laidOut();
      let nodes = 0;
      const walker = document.createTreeWalker(root, NodeFilter.SHOW_ALL);
      while (walker.nextNode()) nodes++;
      state.nodesPerComment = nodes / n;
      return;
    }
    if (more?.isConnected && more.getAttribute('aria-disabled') !== 'true') more.click();
    requestAnimationFrame(frame);
  };
  requestAnimationFrame(frame);
}

/** One cold run: a fresh context (empty cache), the page, until all N show or time runs out. */
async function run(browser, variant, n, profile = false) {
  const context = await browser.newContext({viewport: {width: 1100, height: 900}});
  try {
    const page = await context.newPage();
    page.on('pageerror', (error) => console.error(`${variant} N=${n}: ${error.message}`));
    await page.addInitScript(watch, n);
    const stopProfile = profile ? await startCpuProfile(await context.newCDPSession(page), 200) : undefined;
    await page.goto(`${origin}/${encodeURIComponent(variant)}.html?n=${n}`, {waitUntil: 'commit'});
    const finished = await page
      .waitForFunction(() => window.__bench?.full !== null, null, {timeout: timeoutMs, polling: 250})
      .then(() => true, () => false);
    if (stopProfile) return stopProfile();
    const state = await page.evaluate(() => window.__bench);
    return {...state, full: finished ? state.full : null, heap: await heapAfterGc(page)};
  } finally {
    await context.close();
  }
}

const shuffle = (items) => {
  for (let index = items.length - 1; index > 0; index--) {
    const other = Math.floor(Math.random() * (index + 1));
    [items[index], items[other]] = [items[other], items[index]];
  }
  return items;
};
const median = (values) => {
  const known = values.filter((value) => value !== null && value !== undefined).sort((a, b) => a - b);
  return known.length < values.length / 2 ? null : known[Math.floor(known.length / 2)];
};

const browser = await chromium.launch({executablePath: findChromium(), args: chromiumArgs});
const results = new Map();
const started = Date.now();
try {
  const jobs = shuffle(sizes.flatMap((n) => variants.flatMap((variant) => Array.from({length: runs}, () => ({variant, n})))));
  let done = 0;
  for (const {variant, n} of jobs) {
    const key = `${variant}:${n}`;
    if (!results.has(key)) results.set(key, []);
    results.get(key).push(await run(browser, variant, n));
    process.stderr.write(`\r${++done}/${jobs.length} runs`);
  }
  process.stderr.write('\n');
  const profile = profileAt ? await run(browser, 'colloquy', profileAt, true) : undefined;
  report(profile);
} finally {
  await browser.close();
  server.close();
}

function report(profile) {
  const pick = (variant, n, name) => median((results.get(`${variant}:${n}`) ?? []).map((result) => result[name]));
  const pickBefore = (variant, n, name) => median((results.get(`${variant}:${n}`) ?? []).map((result) => result.before?.[name]));
  const ms = (value) => (value === null ? `> ${timeoutMs / 1000} s` : `${value.toFixed(0)} ms`);
  const cpu = cpus()[0]?.model?.trim() ?? 'CPU';
  console.log(`\nIssue 16's comparison: ${new Date().toISOString().slice(0, 10)}, ${cpus().length} × ${cpu}, headless Chromium, gzip,`);
  console.log(`cold runs in shuffled order, median of ${runs} (wall time ${((Date.now() - started) / 1000).toFixed(0)} s)`);
  console.log(`colloquy: page-size ${PAGE_SIZE}, server maximum ${SERVER_MAX}${SERVER_MAX !== 100 ? ' (announced)' : ''}\n`);
  const columns = ['N', 'contestant', 'first comments', 'all N', 'longest task', 'JS heap', 'nodes/comment', 'before first: KiB', 'requests'];
  const widths = [7, 12, 15, 12, 13, 9, 14, 18, 9];
  const row = (cells) => console.log(cells.map((cell, index) => String(cell).padStart(widths[index])).join('  '));
  row(columns);
  for (const n of sizes) {
    for (const variant of variants) {
      const heap = pick(variant, n, 'heap');
      const bytes = pickBefore(variant, n, 'bytes');
      row([
        n.toLocaleString('en'),
        variant,
        ms(pick(variant, n, 'first')),
        ms(pick(variant, n, 'full')),
        `${pick(variant, n, 'longest').toFixed(0)} ms`,
        heap === null ? '–' : `${(heap / 1024 / 1024).toFixed(1)} MB`,
        pick(variant, n, 'nodesPerComment')?.toFixed(1) ?? '–',
        bytes === null ? '–' : (bytes / 1024).toFixed(1),
        pickBefore(variant, n, 'requests') ?? '–',
      ]);
    }
  }

  const ratio = (value, floor) => (value === null || floor === null || !floor ? '–' : (value / floor).toFixed(2));
  console.log('\nRatio to the floor (its innerHTML, data already in the page), same N, same run:\n');
  const head = ['', ...sizes.map((n) => `N = ${n.toLocaleString('en')}`)];
  const line = (cells) => console.log(cells.map((cell, index) => String(cell).padStart(index === 0 ? 34 : 11)).join('  '));
  line(head);
  for (const variant of ['floor+fetch', 'lit', 'colloquy']) {
    line([`${variant}: all N`, ...sizes.map((n) => ratio(pick(variant, n, 'full'), pick('floor', n, 'full')))]);
  }
  line(['colloquy: first comments', ...sizes.map((n) => ratio(pick('colloquy', n, 'first'), pick('floor', n, 'full')))]);
  line(['colloquy: first, to floor+fetch', ...sizes.map((n) => ratio(pick('colloquy', n, 'first'), pick('floor+fetch', n, 'full')))]);
  line(['colloquy heap / lit heap', ...sizes.map((n) => ratio(pick('colloquy', n, 'heap'), pick('lit', n, 'heap')))]);

  if (profile) {
    console.log(`\nColloquy at N = ${profileAt.toLocaleString('en')}: top self time (one profiled run, sampled every 0.2 ms, dist/cdn mapped to src/):\n`);
    for (const {ms: time, share, name, where} of topSelfTime(profile, root, 15)) {
      console.log(`${`${time.toFixed(0)} ms`.padStart(9)} ${`${(share * 100).toFixed(1)}%`.padStart(6)}  ${name}  ${where}`);
    }
  }
}
