// A page served with the Content Security Policy of docs/csp.md (read from it, so the
// documentation and the proof cannot drift), Trusted Types enforced, loading the built
// script-tag bundle against a small REST backend on the same origin. Chromium must render
// the comments, their HTML and the form with no violation reported; with the sanitizer's
// policy name left out, HTML comments must fall back to their text instead of going blank.
import assert from 'node:assert/strict';
import {spawnSync} from 'node:child_process';
import {existsSync, readFileSync} from 'node:fs';
import {createServer} from 'node:http';
import {extname, join, normalize} from 'node:path';
import {after, before, describe, it} from 'node:test';
import {chromium} from 'playwright-core';
import {chromiumArgs, findChromium} from '../../scripts/chromium.mjs';

const root = new URL('../../', import.meta.url).pathname;
const policy = /```csp\n([^\n]+)\n```/.exec(readFileSync(join(root, 'docs/csp.md'), 'utf8'))?.[1];
const withoutSanitizerPolicy = policy?.replace('trusted-types lit-html colloquy-sanitizer', 'trusted-types lit-html');

const comment = (id, content, extra = {}) => ({
  id,
  parentId: null,
  author: {name: `Author ${id}`},
  createdAt: '2024-08-06T09:00:00Z',
  content,
  status: 'approved',
  replyCount: 0,
  viewerCan: {reply: true, edit: false, delete: false},
  ...extra,
});
const comments = [
  comment('plain', {kind: 'text', value: 'Plain text, with a link: https://example.com/x'}),
  comment('rich', {kind: 'html', value: '<p>Some <em>emphasis</em> &amp; <a href="/2024/07/earlier/">a relative link</a>.</p><p>Second paragraph.</p>'}, {permalink: 'https://blog.example/2024/08/06/post/#comment-rich'}),
];
const thread = {
  id: 'strict',
  title: 'A strict page',
  totalCount: comments.length,
  posting: {open: true, guests: {allowed: true, requireName: true, requireEmail: true}, notifications: {comments: false, posts: false}},
};

function page(csp) {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>Strict CSP</title>
<script type="module" src="/dist/cdn/colloquy.js"></script>
</head>
<body>
<main>
<comment-thread adapter="rest" endpoint="/api" thread="strict"><comment-form></comment-form></comment-thread>
</main>
</body>
</html>`;
}

const types = {'.js': 'text/javascript', '.map': 'application/json', '.json': 'application/json'};

function handle(request, response) {
  const url = new URL(request.url, 'http://localhost');
  const json = (body) => {
    response.writeHead(200, {'Content-Type': 'application/json'});
    response.end(JSON.stringify(body));
  };
  if (url.pathname === '/strict.html' || url.pathname === '/lit-html-only.html') {
    const csp = url.pathname === '/strict.html' ? policy : withoutSanitizerPolicy;
    response.writeHead(200, {'Content-Type': 'text/html; charset=utf-8', 'Content-Security-Policy': csp});
    response.end(page(csp));
    return;
  }
  if (url.pathname === '/favicon.ico') {
    response.writeHead(204);
    response.end();
    return;
  }
  if (url.pathname === '/api') return json({protocol: 'colloquy-rest/1', capabilities: {edit: false, delete: false, reactions: [], signIn: false, session: false, live: false}});
  if (url.pathname === '/api/threads/strict/comments') return json({thread, comments, nextCursor: null});
  const file = normalize(join(root, url.pathname));
  if (url.pathname.startsWith('/dist/') && file.startsWith(join(root, 'dist')) && existsSync(file)) {
    response.writeHead(200, {'Content-Type': types[extname(file)] ?? 'application/octet-stream'});
    response.end(readFileSync(file));
    return;
  }
  response.writeHead(404, {'Content-Type': 'text/plain'});
  response.end('not found');
}

describe('a page with the strict CSP of docs/csp.md', () => {
  let server;
  let browser;
  let origin;

  before(async () => {
    assert.ok(policy, 'docs/csp.md has no ```csp block');
    if (!existsSync(join(root, 'dist/cdn/colloquy.js'))) {
      const built = spawnSync('node', ['scripts/build.mjs'], {cwd: root, stdio: 'inherit'});
      assert.equal(built.status, 0, 'the build failed');
    }
    server = createServer(handle);
    await new Promise((resolve) => server.listen(Number(process.env.CSP_TEST_PORT ?? 0), '127.0.0.1', resolve));
    origin = `http://127.0.0.1:${server.address().port}`;
    browser = await chromium.launch({executablePath: findChromium(), args: chromiumArgs});
  });

  after(async () => {
    await browser?.close();
    await new Promise((resolve) => (server ? server.close(resolve) : resolve()));
  });

  /** Opens `path`, recording CSP violations and page errors from the first script on. */
  async function open(path) {
    const context = await browser.newContext();
    const tab = await context.newPage();
    const violations = [];
    const errors = [];
    await tab.exposeFunction('reportViolation', (violation) => violations.push(violation));
    // Init scripts run through the DevTools protocol, outside the page's CSP.
    await tab.addInitScript(() => {
      document.addEventListener('securitypolicyviolation', (event) =>
        window.reportViolation(`${event.effectiveDirective}: ${event.blockedURI} ${event.sample}`),
      );
    });
    // What the page asked for and got, in order, to check what waits for what.
    const network = [];
    tab.on('request', (request) => network.push(`asked ${new URL(request.url()).pathname}`));
    tab.on('requestfinished', (request) => network.push(`got ${new URL(request.url()).pathname}`));
    tab.on('pageerror', (error) => errors.push(error.message));
    tab.on('console', (message) => {
      if (message.type() === 'error') errors.push(message.text());
    });
    await tab.goto(`${origin}${path}`);
    await tab.waitForFunction(() => document.querySelector('comment-thread')?.shadowRoot?.querySelectorAll('[part~="comment"]').length === 2, null, {timeout: 15000});
    return {tab, context, violations, errors, network};
  }

  const bodyOf = (tab, id) =>
    tab.evaluate((commentId) => {
      const body = document.querySelector('comment-thread').shadowRoot.querySelector(`[data-comment-id="${commentId}"] [part~="body"]`);
      const paragraphs = [...body.querySelectorAll('p')].map((paragraph) => paragraph.textContent.replace(/\s+/g, ' ').trim());
      return {text: paragraphs.join(' | '), html: body.innerHTML};
    }, id);

  it('renders comments, their HTML and the form with no violation', async () => {
    const {tab, context, violations, errors, network} = await open('/strict.html');
    await tab.waitForFunction(() => document.querySelector('comment-thread').shadowRoot.querySelector('[data-comment-id="rich"] em'), null, {timeout: 15000});
    const rich = await bodyOf(tab, 'rich');
    assert.equal(rich.text, 'Some emphasis & a relative link. | Second paragraph.');
    assert.match(rich.html, /<a href="https:\/\/blog\.example\/2024\/07\/earlier\/" rel="nofollow ugc noopener noreferrer">/);
    const plain = await bodyOf(tab, 'plain');
    assert.match(plain.html, /<a href="https:\/\/example\.com\/x"/);
    await tab.waitForFunction(() => document.querySelector('comment-form')?.shadowRoot?.querySelector('textarea'), null, {timeout: 15000});
    await tab.locator('comment-form textarea').fill('Typed under a strict policy');
    // The first page is asked for before the service document's answer is in, and the
    // form's script only after the comments arrived.
    const at = (entry) => network.findIndex((seen) => seen === entry || (entry.endsWith('*') && seen.startsWith(entry.slice(0, -1))));
    assert.ok(at('asked /api/threads/strict/comments') !== -1 && at('asked /api/threads/strict/comments') < at('got /api'), network.join('\n'));
    assert.ok(at('asked /dist/cdn/chunks/comment-form-*') > at('got /api/threads/strict/comments'), network.join('\n'));
    assert.deepEqual(violations, []);
    assert.deepEqual(errors, []);
    await context.close();
  });

  it("shows HTML comments as their text when the page leaves colloquy-sanitizer out of trusted-types", async () => {
    const {tab, context, violations} = await open('/lit-html-only.html');
    await tab.waitForFunction(
      () => document.querySelector('comment-thread').shadowRoot.querySelector('[data-comment-id="rich"] [part~="body"]').textContent.trim() !== '',
      null,
      {timeout: 15000},
    );
    const rich = await bodyOf(tab, 'rich');
    assert.equal(rich.text, 'Some emphasis & a relative link. | Second paragraph.');
    assert.doesNotMatch(rich.html, /<em>|<a /);
    // Refused: the sanitizer's policy name, and the harmless probe that tells parsing is
    // blocked. The comment's own markup never reached a sink; Lit's policy still works.
    assert.deepEqual(violations, [
      'trusted-types: trusted-types-policy colloquy-sanitizer',
      'require-trusted-types-for: trusted-types-sink DOMParser parseFromString|<p></p>',
    ]);
    await context.close();
  });
});
