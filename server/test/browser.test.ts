import assert from 'node:assert/strict';
import {after, before, it} from 'node:test';
import {chromium, type Browser, type Locator, type Page} from 'playwright-core';
import {chromiumArgs, findChromium} from '../../scripts/chromium.mjs';
import {startTestServer} from './helpers.js';
import {startSite} from './site.helpers.js';

// The real elements (the built script-tag bundle, dist/cdn/) against the real server in
// Chromium, from another origin as on a real site: post, reply six deep, edit, delete,
// a held comment shown to its author only, and a live update in a second page.

let api: Awaited<ReturnType<typeof startTestServer>>;
let site: Awaited<ReturnType<typeof startSite>>;
let siteUrl: string;
let browser: Browser;

before(async () => {
  site = await startSite(() => `<!doctype html><html lang="en"><title>Colloquy against colloquy-server</title>
<script type="module" src="/colloquy.js"></script>
<comment-thread adapter="rest" endpoint="${api.url}" thread="browser"><comment-form></comment-form></comment-thread>`);
  siteUrl = site.url;
  // Comments with a link are held, so one server shows both approved and pending comments.
  api = await startTestServer({COLLOQUY_ORIGINS: siteUrl, COLLOQUY_MODERATION: 'links', COLLOQUY_MODERATION_LINKS: '0'});
  browser = await chromium.launch({executablePath: findChromium(), args: chromiumArgs});
});

after(async () => {
  await browser?.close();
  await api?.cleanup();
  await site?.close();
});

async function openPage(): Promise<Page> {
  const page = await browser.newPage();
  page.on('pageerror', (error) => console.error('page error:', error.message));
  await page.goto(siteUrl);
  await untilReady(page);
  return page;
}

/**
 * The form loads after the first comments, and its guest fields appear once it knows the
 * thread's posting policy: filling it in before then would post without a name.
 */
async function untilReady(page: Page) {
  await page.locator('comment-thread [part="heading"]').first().waitFor();
  await page.locator('comment-thread > comment-form [part="name-input"]').waitFor();
}

const comment = (page: Page, text: string): Locator => page.locator('comment-thread article', {hasText: text}).last();

/** The thread shows a comment at once while it is being sent: wait until the server has it. */
async function untilStored(page: Page, text: string) {
  await comment(page, text).waitFor();
  await comment(page, text).locator('.sending-label').waitFor({state: 'detached'});
}

async function submit(form: Locator, text: string) {
  const name = form.locator('[part="name-input"]');
  if ((await name.count()) && (await name.isVisible()) && !(await name.inputValue())) await name.fill('Ada');
  await form.locator('textarea').fill(text);
  await form.locator('[part="submit-button"]').click();
}

it('posts, replies six deep, edits and deletes through the real server', async () => {
  const page = await openPage();
  const form = page.locator('comment-thread > comment-form');
  await submit(form, 'Top-level comment from Chromium');
  await untilStored(page, 'Top-level comment from Chromium');
  let parent = 'Top-level comment from Chromium';
  for (let depth = 1; depth <= 6; depth++) {
    await comment(page, parent).locator('[part="reply-button"]').first().click();
    const text = `Reply at depth ${depth}`;
    await submit(form, text);
    await untilStored(page, text);
    parent = text;
  }
  const stored = (await (await fetch(`${api.url}threads/browser/comments?sort=oldest&limit=100`)).json()) as any;
  const depths = stored.comments.map((c: any) => c.content.value);
  assert.deepEqual(depths, ['Top-level comment from Chromium', ...[1, 2, 3, 4, 5, 6].map((d) => `Reply at depth ${d}`)]);

  await comment(page, 'Reply at depth 6').locator('[part="edit-button"]').click();
  const editor = page.locator('comment-thread comment-form.edit-form');
  await editor.locator('textarea').fill('Reply at depth 6, edited');
  await editor.locator('[part="submit-button"]').click();
  await comment(page, 'Reply at depth 6, edited').waitFor();

  await comment(page, 'Reply at depth 6, edited').locator('[part="delete-button"]').click();
  await comment(page, 'Reply at depth 6, edited').locator('[part="confirm-delete-button"]').click();
  await comment(page, 'Reply at depth 6, edited').waitFor({state: 'detached'});
  const after = (await (await fetch(`${api.url}threads/browser/comments?sort=oldest&limit=100`)).json()) as any;
  assert.equal(after.comments.length, 6);
  assert.ok(!after.comments.some((c: any) => c.content.value.includes('depth 6')));
  await page.close();
});

it('shows a held comment to its author only, across a reload, and a live update in a second page', async () => {
  const [author, reader] = [await openPage(), await openPage()];
  const held = 'Held: see https://example.com';
  await submit(author.locator('comment-thread > comment-form'), held);
  await comment(author, held).locator('[part="moderation-note"]').waitFor();
  await author.reload();
  await untilReady(author);
  await comment(author, held).locator('[part="moderation-note"]').waitFor();
  assert.equal(await comment(reader, held).count(), 0);

  const live = 'Live from the author page';
  await submit(author.locator('comment-thread > comment-form'), live);
  await comment(reader, live).waitFor({timeout: 15_000});
  assert.equal(await comment(reader, held).count(), 0, 'the held comment never reached the other reader');
  await author.close();
  await reader.close();
});
