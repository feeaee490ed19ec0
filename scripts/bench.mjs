// `npm run bench` (after `npm run build`): renders threads of 1,000 and 5,000 comments
// with the production script-tag bundle in headless Chromium and prints how long each step
// takes. Figures only; nothing is asserted (timings depend on the machine).
import {chromium} from 'playwright-core';
import {exitUnlessBuilt, serveDist} from './bench-server.mjs';
import {chromiumArgs, findChromium} from './chromium.mjs';

exitUnlessBuilt();
const sizes = process.argv.slice(2).map(Number).filter(Boolean);
const counts = sizes.length > 0 ? sizes : [1000, 5000];
const runs = 5;

// Runs in the page: builds a deterministic thread (a third top-level, the rest replies
// up to eight deep), then times each step of showing it.
const benchPage = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Colloquy bench</title></head>
<body><script type="module">
import {resolveAdapter} from '/dist/cdn/colloquy.js';

function comments(count) {
  const list = [];
  const depth = new Map();
  let seed = 42;
  const next = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
  const start = Date.now() - count * 60_000;
  for (let index = 0; index < count; index++) {
    const candidates = list.filter((_, i) => i >= index - 30);
    const parent = index % 3 === 0 || candidates.length === 0 ? null : candidates[Math.floor(next() * candidates.length)];
    const parentId = parent && depth.get(parent.id) < 8 ? parent.id : null;
    depth.set('c' + index, parentId ? depth.get(parentId) + 1 : 1);
    list.push({
      id: 'c' + index,
      parentId,
      author: {name: 'Person ' + (index % 97), ...(index % 4 === 0 ? {profileUrl: 'https://example.com/' + index} : {})},
      createdAt: new Date(start + index * 60_000).toISOString(),
      text: 'Comment number ' + index + ' with a link https://example.com/' + index + '.\\n\\nAnd a second paragraph.',
    });
  }
  return list;
}

const settle = () => new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve)));

window.bench = async (count, pageSize) => {
  // Through the registry, as a script-tag page gets it: the memory adapter's chunk loads lazily.
  const seed = 'data:application/json,' + encodeURIComponent(JSON.stringify([{id: 't', title: 'Bench', comments: comments(count)}]));
  const adapter = await resolveAdapter('memory', {seed});
  const thread = document.createElement('comment-thread');
  thread.thread = 't';
  thread.pageSize = pageSize;
  thread.adapter = adapter;
  const times = {};
  let mark = performance.now();
  const lap = (name) => {
    const now = performance.now();
    times[name] = now - mark;
    mark = now;
  };
  const loaded = new Promise((resolve) => thread.addEventListener('comment-load', resolve, {once: true}));
  document.body.append(thread);
  await loaded;
  lap('adapter');
  await thread.updateComplete;
  lap('render');
  document.body.getBoundingClientRect();
  thread.shadowRoot.querySelector('ol').getBoundingClientRect();
  lap('layout');
  await settle();
  mark = performance.now();
  thread.requestUpdate();
  await thread.updateComplete;
  lap('re-render (clock tick)');
  await settle();
  mark = performance.now();
  thread.maxDepth = 3;
  await thread.updateComplete;
  lap('re-render (max-depth 3)');
  const shown = thread.shadowRoot.querySelectorAll('article').length;
  // Every node Lit and the browser keep for the comments: elements, text (whitespace
  // included) and the comment markers Lit places around its bindings.
  const walker = document.createTreeWalker(thread.shadowRoot.querySelector('ol'), NodeFilter.SHOW_ALL);
  let nodes = 0;
  while (walker.nextNode()) nodes++;
  let whitespace = 0;
  const texts = document.createTreeWalker(thread.shadowRoot.querySelector('ol'), NodeFilter.SHOW_TEXT);
  while (texts.nextNode()) if (texts.currentNode.data.trim() === '') whitespace++;
  const markers = document.createTreeWalker(thread.shadowRoot.querySelector('ol'), NodeFilter.SHOW_COMMENT);
  let lit = 0;
  while (markers.nextNode()) lit++;
  times.nodesPerComment = nodes / shown;
  times.heightPerComment = thread.shadowRoot.querySelector('ol').getBoundingClientRect().height / shown;
  times.whitespacePerComment = whitespace / shown;
  times.markersPerComment = lit / shown;
  thread.remove();
  await settle();
  return {shown, times};
};
</script></body></html>`;

const server = await serveDist((url, response) => {
  if (url.pathname !== '/bench.html') return false;
  response.writeHead(200, {'content-type': 'text/html'}).end(benchPage);
  return true;
});
const {port} = server.address();

const browser = await chromium.launch({executablePath: findChromium(), args: chromiumArgs});
try {
  const page = await browser.newPage({viewport: {width: 1100, height: 900}});
  page.on('pageerror', (error) => console.error(error.message));
  await page.goto(`http://127.0.0.1:${port}/bench.html`);
  await page.waitForFunction(() => typeof window.bench === 'function');
  console.log(`Production bundle, headless Chromium, median of ${runs} runs (ms):\n`);
  for (const count of counts) {
    const results = [];
    for (let run = 0; run < runs; run++) results.push(await page.evaluate(([n]) => window.bench(n, n), [count]));
    const median = (name) => {
      const values = results.map((result) => result.times[name]).sort((a, b) => a - b);
      return values[Math.floor(values.length / 2)];
    };
    console.log(`${count.toLocaleString('en')} comments, all on one page (${results[0].shown} articles):`);
    for (const name of Object.keys(results[0].times)) {
      if (name.endsWith('PerComment')) continue;
      console.log(`  ${name.padEnd(26)} ${median(name).toFixed(1).padStart(8)}`);
    }
    const {nodesPerComment, whitespacePerComment, markersPerComment, heightPerComment} = results[0].times;
    console.log(
      `  DOM nodes per comment      ${nodesPerComment.toFixed(1).padStart(8)}` +
        `  (${whitespacePerComment.toFixed(1)} whitespace text, ${markersPerComment.toFixed(1)} Lit markers; ${heightPerComment.toFixed(2)} px tall each)`,
    );
  }
  const paged = await page.evaluate(() => window.bench(5000, 50));
  console.log(`\n5,000 comments, first page of 50 top-level (${paged.shown} articles):`);
  for (const [name, value] of Object.entries(paged.times)) if (!name.endsWith('PerComment')) console.log(`  ${name.padEnd(26)} ${value.toFixed(1).padStart(8)}`);
} finally {
  await browser.close();
  server.close();
}
