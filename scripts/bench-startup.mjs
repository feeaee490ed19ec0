// `node scripts/bench-startup.mjs [runs] [--profile]` (after `npm run build`): when each
// request of a script-tag page with `<comment-thread adapter="rest">` starts and ends,
// relative to the entry's start (cold tabs, the bench's local REST server, 100 comments), as
// medians. Shows whether a request waits for another it does not need: the service document
// and the first page should start before the adapter's chunk has arrived, not after it.
// --profile: the functions with the most self time until the first comments show, averaged
// over the runs (sampled every 0.1 ms, mapped to src/), e.g. Intl's first constructions.
import {chromium} from 'playwright-core';
import {thread} from './bench-data.mjs';
import {startCpuProfile, topSelfTime} from './bench-profile.mjs';
import {exitUnlessBuilt, root, sendBody, serveDist} from './bench-server.mjs';
import {chromiumArgs, findChromium} from './chromium.mjs';

exitUnlessBuilt();
const runs = Number(process.argv.slice(2).find((arg) => /^\d+$/.test(arg)) ?? 7);
const profiling = process.argv.includes('--profile');
/** Self time per function, summed over the runs. */
const selfTime = new Map();
const data = thread(100);

const server = await serveDist((url, response, request) => {
  if (url.pathname === '/startup.html') {
    sendBody(request, response, 'text/html', '<!doctype html><meta charset="utf-8"><script type="module" src="/dist/cdn/colloquy.js"></script><comment-thread adapter="rest" endpoint="/api" thread="t"></comment-thread>', 'startup');
  } else if (url.pathname === '/api') {
    response.writeHead(200, {'content-type': 'application/json'}).end(JSON.stringify({protocol: 'colloquy-rest/1', capabilities: {}}));
  } else if (url.pathname === '/api/threads/t/comments') {
    const posting = {open: true, guests: {allowed: true, requireName: true, requireEmail: true}, notifications: {comments: false, posts: false}};
    const body = {thread: {id: 't', title: 'Bench', totalCount: data.count, posting}, comments: data.roots.flat(), nextCursor: null};
    response.writeHead(200, {'content-type': 'application/json'}).end(JSON.stringify(body));
  } else {
    return false;
  }
  return true;
}, Number(process.env.COLLOQUY_BENCH_PORT ?? 0));
const origin = `http://127.0.0.1:${server.address().port}`;

const kindOf = (name) => {
  const path = new URL(name).pathname;
  if (path.endsWith('/colloquy.js')) return 'entry';
  if (/\/chunks\/rest-/.test(path)) return 'rest chunk';
  if (/\/chunks\/adapter-shared-/.test(path)) return 'shared chunk';
  if (path === '/api') return 'service document';
  if (path === '/api/threads/t/comments') return 'first page';
  return undefined;
};

const browser = await chromium.launch({executablePath: findChromium(), args: chromiumArgs});
const samples = new Map();
const firstComments = [];
try {
  for (let run = 0; run < runs; run++) {
    const context = await browser.newContext();
    const page = await context.newPage();
    const stopProfile = profiling ? await startCpuProfile(await context.newCDPSession(page), 100) : undefined;
    await page.goto(`${origin}/startup.html`);
    await page.waitForFunction(() => document.querySelector('comment-thread')?.shadowRoot?.querySelector('[data-comment-id]'), null, {timeout: 30_000, polling: 'raf'});
    if (stopProfile) {
      // Every function, so that one out of the top few in some runs is not undercounted in the mean.
      for (const {ms, name, where} of topSelfTime(await stopProfile(), root, Infinity)) selfTime.set(`${name}  ${where}`, (selfTime.get(`${name}  ${where}`) ?? 0) + ms);
    }
    const entries = await page.evaluate(() => performance.getEntriesByType('resource').map(({name, startTime, responseEnd}) => ({name, startTime, responseEnd})));
    firstComments.push(await page.evaluate(() => performance.now()));
    const entry = entries.find((item) => kindOf(item.name) === 'entry');
    for (const item of entries) {
      const kind = kindOf(item.name);
      if (!kind || !entry) continue;
      const list = samples.get(kind) ?? [];
      list.push({start: item.startTime - entry.startTime, end: item.responseEnd - entry.startTime});
      samples.set(kind, list);
    }
    await context.close();
  }
} finally {
  await browser.close();
  server.close();
}

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
console.log(`adapter="rest" start-up, ${runs} cold tabs, medians, ms after the entry's request started:`);
for (const kind of ['entry', 'rest chunk', 'shared chunk', 'service document', 'first page']) {
  const list = samples.get(kind);
  if (!list) continue;
  console.log(`  ${kind.padEnd(17)} starts ${median(list.map((item) => item.start)).toFixed(1).padStart(6)}   ends ${median(list.map((item) => item.end)).toFixed(1).padStart(6)}`);
}
console.log(`  first comments seen by ${median(firstComments).toFixed(0)} ms after navigation (polling; an upper bound)`);
if (profiling) {
  console.log(`\nSelf time until the first comments, mean of ${runs} runs (the profiler's own cost included):`);
  for (const [label, ms] of [...selfTime].sort((a, b) => b[1] - a[1]).slice(0, 20)) console.log(`  ${(ms / runs).toFixed(1).padStart(6)} ms  ${label}`);
}
