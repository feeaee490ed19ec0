// `npm run size:floor -- --check`: shows each minimal thread that size-floor.mjs measured
// in headless Chromium, from the bundle it wrote, against a fake rest endpoint (every
// request answered by the browser's request interception: nothing listens on the port),
// and prints what it rendered, so the floor is known to be a thread that works.
import {readFileSync, existsSync} from 'node:fs';
import {join} from 'node:path';
import {chromiumArgs, findChromium} from './chromium.mjs';
import {thread} from './bench-data.mjs';

const origin = 'http://127.0.0.1:9720';
const COMMENTS = 12;

/** Resolves whether every thread showed every comment with its Like and Reply buttons. */
export async function showMinimalThreads(out, layers) {
  const {chromium} = await import('playwright-core');
  const {comments} = thread(COMMENTS);
  const browser = await chromium.launch({executablePath: findChromium(), args: chromiumArgs});
  let ok = true;
  try {
    console.log(`\nEach minimal thread in Chromium, a thread of ${COMMENTS} comments from a fake rest endpoint:`);
    for (const layer of layers) {
      const page = await browser.newPage();
      const errors = [];
      page.on('pageerror', (error) => errors.push(error.message));
      const asked = [];
      await page.route(`${origin}/**`, (route) => {
        const url = new URL(route.request().url());
        const json = (body) => route.fulfill({contentType: 'application/json', body: JSON.stringify(body)});
        if (url.pathname === '/') {
          return route.fulfill({
            contentType: 'text/html',
            body: `<!doctype html><html lang="en"><body><${layer.element} endpoint="${origin}/api" thread="t1"></${layer.element}><script type="module" src="/${layer.key}/${layer.entry}"></script></body></html>`,
          });
        }
        if (!url.pathname.endsWith('.js')) asked.push(url.pathname);
        if (url.pathname === '/api') return json({capabilities: {reactions: ['like']}, limits: {pageSize: 100}});
        if (url.pathname === '/api/threads/t1/comments') {
          return json({thread: {title: 'A post', totalCount: comments.length, posting: {open: true}}, comments, nextCursor: null});
        }
        const file = join(out, url.pathname);
        if (url.pathname.endsWith('.js') && existsSync(file)) return route.fulfill({contentType: 'text/javascript', body: readFileSync(file)});
        return route.fulfill({status: 404, body: ''});
      });
      await page.goto(`${origin}/`);
      await page.waitForFunction(([tag, count]) => (document.querySelector(tag)?.shadowRoot?.querySelectorAll('article').length ?? 0) >= count, [layer.element, COMMENTS], {timeout: 10_000}).catch(() => {});
      const seen = await page.evaluate((tag) => {
        const root = document.querySelector(tag).shadowRoot;
        // "Collapse thread" on a conversation's first comment is comment-view.ts's own, not a control the floor adds.
        const buttons = (article) => [...article.querySelectorAll('.actions button:not(.collapse)')].map((button) => button.textContent.trim()).join('+');
        return {
          heading: root.querySelector('h2')?.textContent.trim(),
          articles: [...root.querySelectorAll('article')].filter((article) => article.querySelector('time') && buttons(article) === 'Like+Reply').length,
          nested: root.querySelectorAll('ol.replies article').length,
        };
      }, layer.element);
      const good = seen.articles === COMMENTS && errors.length === 0;
      ok &&= good;
      console.log(
        `  ${layer.key}. ${good ? 'ok' : 'PROBLEM'}: heading "${seen.heading}", ${seen.articles} of ${COMMENTS} comments with a time, Like and Reply (${seen.nested} as replies); asked for ${asked.join(', ')}` +
          (errors.length > 0 ? `; errors: ${errors.join('; ')}` : ''),
      );
      await page.close();
    }
  } finally {
    await browser.close();
  }
  return ok;
}
