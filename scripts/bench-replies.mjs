// `node scripts/bench-replies.mjs [count]` (after `npm run build`): one comment with 10,000
// replies, shown with the production bundle in headless Chromium. Prints how long the
// longest task blocked the page (the budget is 200 ms), how long until the replies were
// shown (the first 50 and "Show N more replies" since issue 16) and what one press of that
// button costs. Figures only; nothing is asserted (timings depend on the machine).
import {chromium} from 'playwright-core';
import {exitUnlessBuilt, serveDist} from './bench-server.mjs';
import {chromiumArgs, findChromium} from './chromium.mjs';

exitUnlessBuilt();
const count = Number(process.argv[2]) || 10_000;

const benchPage = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Colloquy replies bench</title></head>
<body><script type="module">
import {resolveAdapter} from '/dist/cdn/colloquy.js';

window.bench = async (count) => {
  const start = Date.now() - (count + 1) * 60_000;
  const comments = [{id: 'root', parentId: null, author: {name: 'Original poster'}, createdAt: new Date(start).toISOString(), text: 'Reply to this.'}];
  for (let index = 0; index < count; index++) {
    comments.push({id: 'r' + index, parentId: 'root', author: {name: 'Person ' + (index % 97)}, createdAt: new Date(start + (index + 1) * 60_000).toISOString(), text: 'Reply number ' + index + '.'});
  }
  const seed = 'data:application/json,' + encodeURIComponent(JSON.stringify([{id: 't', title: 'Bench', comments}]));
  const adapter = await resolveAdapter('memory', {seed});
  const longTasks = [];
  const observer = new PerformanceObserver((list) => longTasks.push(...list.getEntries().map((entry) => entry.duration)));
  observer.observe({type: 'longtask'});
  const thread = document.createElement('comment-thread');
  thread.thread = 't';
  thread.adapter = adapter;
  const started = performance.now();
  document.body.append(thread);
  await new Promise((resolve) => thread.addEventListener('comment-load', resolve, {once: true}));
  const articles = () => thread.shadowRoot.querySelectorAll('article').length;
  const moreButton = () => thread.shadowRoot.querySelector('[part~="more-replies-button"]');
  const busy = () => thread.shadowRoot.querySelector('[part~="base"]').getAttribute('aria-busy') === 'true';
  let firstShown;
  // Until every reply is shown, or (a conversation this big shows its first replies only)
  // until the first ones and "Show N more replies" are.
  while (articles() < count + 1 && !(moreButton() && !busy())) {
    if (firstShown === undefined && articles() > 0) firstShown = performance.now() - started;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  const settled = performance.now() - started;
  const shown = articles() - 1;
  // One press of "Show N more replies": until its batch is on the page.
  let batch;
  if (moreButton()) {
    const before = articles();
    const pressed = performance.now();
    moreButton().click();
    while (articles() === before || busy()) await new Promise((resolve) => setTimeout(resolve, 5));
    batch = {ms: performance.now() - pressed, replies: articles() - before};
  }
  await new Promise((resolve) => setTimeout(resolve, 100));
  longTasks.push(...observer.takeRecords().map((entry) => entry.duration));
  observer.disconnect();
  // What every tick of the shared clock costs once they are all shown: one task.
  const mark = performance.now();
  thread.requestUpdate();
  await thread.updateComplete;
  const rerender = performance.now() - mark;
  thread.remove();
  return {firstShown: firstShown ?? settled, settled, shown, batch, rerender, longest: Math.max(0, ...longTasks), longTasks: longTasks.length, all: longTasks.map(Math.round).join(" ")};
};
</script></body></html>`;

const server = await serveDist((url, response) => {
  if (url.pathname !== '/bench.html') return false;
  response.writeHead(200, {'content-type': 'text/html'}).end(benchPage);
  return true;
}, Number(process.env.BENCH_PORT ?? 0));
const browser = await chromium.launch({executablePath: findChromium(), args: chromiumArgs});
try {
  const page = await browser.newPage({viewport: {width: 1100, height: 900}});
  page.on('pageerror', (error) => console.error(error.message));
  await page.goto(`http://127.0.0.1:${server.address().port}/bench.html`);
  await page.waitForFunction(() => typeof window.bench === 'function');
  const result = await page.evaluate((n) => window.bench(n), count);
  console.log(`One comment with ${count.toLocaleString('en')} replies, production bundle, headless Chromium:`);
  console.log(`  first replies shown after   ${result.firstShown.toFixed(0).padStart(6)} ms`);
  const all = result.shown === count;
  console.log(`  ${(all ? 'every reply shown after' : `first ${result.shown} shown after`).padEnd(27)} ${result.settled.toFixed(0).padStart(6)} ms`);
  if (result.batch) console.log(`  "Show N more replies" press ${result.batch.ms.toFixed(0).padStart(6)} ms until its ${result.batch.replies} replies were shown`);
  console.log(`  re-render of them all       ${result.rerender.toFixed(0).padStart(6)} ms (a clock tick, a sign-in)`);
  console.log(`  longest task                ${result.longest.toFixed(0).padStart(6)} ms while they were shown (budget 200 ms; ${result.longTasks} tasks over 50 ms)`);
  if (process.env.BENCH_VERBOSE) console.log(result.all);
} finally {
  await browser.close();
  server.close();
}
