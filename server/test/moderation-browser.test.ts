import assert from 'node:assert/strict';
import {createRequire} from 'node:module';
import {after, before, it} from 'node:test';
import {chromium, type Browser, type Locator, type Page} from 'playwright-core';
import {chromiumArgs, findChromium} from '../../scripts/chromium.mjs';
import {createSession, upsertUser} from '../src/auth/store.js';
import {client, startTestServer} from './helpers.js';
import {startSite} from './site.helpers.js';

// Moderation from inside the thread, with the built bundle (dist/cdn/) in Chromium against
// the real server holding every guest's comment: a moderator's page (a person named in
// COLLOQUY_MODERATORS, the rest adapter carrying their session token as sign-in stores it)
// shows a guest's held comment with Approve, and approving it shows it live in a guest's page.

const axePath = createRequire(import.meta.url).resolve('axe-core/axe.min.js');
const THREAD = 'moderated';
let api: Awaited<ReturnType<typeof startTestServer>>;
let site: Awaited<ReturnType<typeof startSite>>;
let siteUrl: string;
let browser: Browser;

before(async () => {
  site = await startSite(() => `<!doctype html><html lang="en"><title>Moderating on colloquy-server</title>
<main><script type="module" src="/colloquy.js"></script>
<comment-thread adapter="rest" endpoint="${api.url}" thread="${THREAD}"><comment-form></comment-form></comment-thread></main>`);
  siteUrl = site.url;
  // GitHub configured (never called here) so the server offers sessions and the page shows who is signed in.
  api = await startTestServer({
    COLLOQUY_ORIGINS: siteUrl, COLLOQUY_MODERATION: 'all', COLLOQUY_MODERATORS: 'github:moderator-1',
    COLLOQUY_GITHUB_CLIENT_ID: 'test-client', COLLOQUY_GITHUB_CLIENT_SECRET: 'test-secret', COLLOQUY_PUBLIC_URL: 'http://127.0.0.1:9470',
  });
  browser = await chromium.launch({executablePath: findChromium(), args: chromiumArgs});
});

after(async () => {
  await browser?.close();
  await api?.cleanup();
  await site?.close();
});

/** The rest adapter's key for its sign-in token: per endpoint, in sessionStorage (rest-adapter.ts). */
function tokenKey(): string {
  const url = new URL(api.url);
  url.pathname = url.pathname.replace(/\/+$/, '');
  return `colloquy:rest:token:${url.href}`;
}

async function openPage(as: 'guest' | 'moderator'): Promise<Page> {
  const context = await browser.newContext();
  const page = await context.newPage();
  page.on('pageerror', (error) => console.error('page error:', error.message));
  if (as === 'moderator') {
    // What a completed sign-in leaves behind: a session on the server, its token in this tab's sessionStorage.
    const user = await upsertUser(api.db, 'github', {subject: 'moderator-1', name: 'Mo Derator'});
    const expiresAt = Date.now() + 3_600_000;
    const token = await createSession(api.db, user.id, 'github', expiresAt);
    await page.addInitScript(([key, value]) => sessionStorage.setItem(key!, value!), [tokenKey(), JSON.stringify({token, expiresAt: new Date(expiresAt).toISOString()})]);
  }
  await page.goto(siteUrl);
  await page.locator('comment-thread [part="heading"]').first().waitFor();
  return page;
}

const comment = (page: Page, text: string): Locator => page.locator('comment-thread article', {hasText: text}).last();

async function post(page: Page, text: string) {
  const form = page.locator('comment-thread > comment-form');
  await form.locator('[part="name-input"]').waitFor();
  const name = form.locator('[part="name-input"]');
  if (!(await name.inputValue())) await name.fill('Grace');
  await form.locator('textarea').fill(text);
  await form.locator('[part="submit-button"]').click();
}

async function expectAccessible(page: Page) {
  await page.addScriptTag({path: axePath});
  const violations = await page.evaluate(async () => {
    const axe = (window as unknown as {axe: {run(context: Element, options: object): Promise<{violations: {id: string; help: string; nodes: {target: string[]}[]}[]}>}}).axe;
    const results = await axe.run(document.querySelector('comment-thread')!, {rules: {'target-size': {enabled: true}}, resultTypes: ['violations']});
    return results.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join('; ')})`);
  });
  assert.deepEqual(violations, [], violations.join('\n'));
}

it('a moderator approves a guest\'s held comment from the thread, and a guest\'s open page shows it live', async () => {
  const [author, reader, moderator] = [await openPage('guest'), await openPage('guest'), await openPage('moderator')];
  const held = 'A guest comment that waits for a moderator';
  await post(author, held);
  await comment(author, held).locator('[part="moderation-note"]').waitFor();
  await comment(author, held).locator('.sending-label').waitFor({state: 'detached'});

  // The moderator's page was open before the comment arrived: it comes in live, held.
  const inModeration = comment(moderator, held);
  await inModeration.locator('[part~="held-label"]').waitFor({timeout: 15_000});
  await inModeration.locator('[part="approve-button"]').waitFor();
  await moderator.locator('comment-thread [part="held-filter"]').waitFor();
  assert.match((await moderator.locator('comment-thread [part="held-filter"]').textContent()) ?? '', /Held \(1\)/);
  // And after a reload, from the page itself, signed in as themselves.
  await moderator.reload();
  await comment(moderator, held).locator('[part="approve-button"]').waitFor();
  await moderator.locator('comment-thread > comment-form').getByText('Mo Derator').waitFor();
  assert.equal(await comment(reader, held).count(), 0, 'a guest does not see another guest\'s held comment');
  assert.equal(await reader.locator('comment-thread [part="approve-button"], comment-thread [part="held-filter"]').count(), 0);
  await expectAccessible(moderator);

  await comment(moderator, held).locator('[part="approve-button"]').click();
  await comment(reader, held).waitFor({timeout: 15_000});
  assert.equal(await comment(reader, held).locator('[part="moderation-note"]').count(), 0, 'the reader sees it as any approved comment');
  await comment(moderator, held).locator('[part="approve-button"]').waitFor({state: 'detached'});
  assert.equal(await moderator.locator('comment-thread [part="held-filter"]').count(), 0, 'nothing is left to decide');
  const stored = (await (await fetch(`${api.url}threads/${THREAD}/comments?sort=oldest&limit=100`)).json()) as any;
  assert.deepEqual(stored.comments.map((c: any) => [c.content.value, c.status]), [[held, 'approved']]);
  await expectAccessible(moderator);

  // Spam goes at once from the moderator's page, and was never in the reader's.
  const spam = 'Buy cheap watches';
  await post(author, spam);
  await comment(moderator, spam).locator('[part="spam-button"]').click();
  await comment(moderator, spam).waitFor({state: 'detached'});
  assert.equal(await comment(reader, spam).count(), 0);
  for (const page of [author, reader, moderator]) await page.context().close();
});

it('a blocked guest is told so and keeps what they wrote', async () => {
  const page = await openPage('guest');
  await post(page, 'Before the block');
  await comment(page, 'Before the block').locator('.sending-label').waitFor({state: 'detached'});
  const stored = (await client(api.url, null).admin('GET', 'comments?status=pending')).body.comments.find((c: any) => c.text === 'Before the block');
  const blocked = await client(api.url, null).admin('POST', 'blocks', {comment: stored.id});
  assert.equal(blocked.status, 201);

  const text = 'Written while blocked, and not to be lost';
  await post(page, text);
  const alert = page.locator('comment-thread > comment-form [part="alert"]');
  await alert.filter({hasText: 'not allowed to comment'}).waitFor();
  assert.equal(await page.locator('comment-thread > comment-form textarea').inputValue(), text, 'the text stays in the form');
  assert.equal(await comment(page, text).count(), 0, 'nothing is shown as posted');
  await expectAccessible(page);
  await page.context().close();
});
