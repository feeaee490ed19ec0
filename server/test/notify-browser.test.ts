import assert from 'node:assert/strict';
import {createRequire} from 'node:module';
import {after, before, it} from 'node:test';
import {chromium, type Browser, type Page} from 'playwright-core';
import {chromiumArgs, findChromium} from '../../scripts/chromium.mjs';
import {client, startTestServer} from './helpers.js';
import {CLIENT, startIssuer} from './oidc-issuer.js';
import {startSite} from './site.helpers.js';
import {startSmtp} from './smtp.helpers.js';

// The issue's end to end: on a site (the built bundle), a visitor ticks "Notify me of new
// comments via email" and posts, signed in through a real OpenID Connect provider or as a
// guest who confirms from the email; someone replies; the notification reaches the local
// SMTP server; its unsubscribe page works in the browser.

const API_PORT = 9434;
const SITE_PORT = 9435;
const ISSUER_PORT = 9436;
const apiUrl = `http://127.0.0.1:${API_PORT}`;
const axePath = createRequire(import.meta.url).resolve('axe-core/axe.min.js');
let api: Awaited<ReturnType<typeof startTestServer>>;
let issuer: Awaited<ReturnType<typeof startIssuer>>;
let site: Awaited<ReturnType<typeof startSite>>;
let smtp: Awaited<ReturnType<typeof startSmtp>>;
let browser: Browser;

before(async () => {
  smtp = await startSmtp(9437);
  site = await startSite(
    () => `<!doctype html><html lang="en"><title>Notified of replies</title>
<script type="module" src="/colloquy.js"></script>
<comment-thread adapter="rest" endpoint="${apiUrl}" thread="notify-browser"><comment-form></comment-form></comment-thread>`,
    SITE_PORT,
  );
  issuer = await startIssuer(ISSUER_PORT, [`${apiUrl}/auth/providers/local/callback`]);
  api = await startTestServer({
    PORT: String(API_PORT),
    COLLOQUY_PUBLIC_URL: apiUrl,
    COLLOQUY_ORIGINS: site.url,
    COLLOQUY_SMTP_URL: smtp.url,
    COLLOQUY_OIDC_PROVIDERS: 'local',
    COLLOQUY_OIDC_LOCAL_ISSUER: issuer.issuer,
    COLLOQUY_OIDC_LOCAL_CLIENT_ID: CLIENT.id,
    COLLOQUY_OIDC_LOCAL_CLIENT_SECRET: CLIENT.secret,
    COLLOQUY_OIDC_LOCAL_NAME: 'Local ID',
  });
  browser = await chromium.launch({executablePath: findChromium(), args: chromiumArgs});
});

after(async () => {
  await browser?.close();
  await api?.cleanup();
  await issuer?.stop();
  await site?.close();
  await smtp?.close();
});

async function openPage(): Promise<Page> {
  // The link pages allow no scripts (CSP); bypassing it lets axe-core look at them.
  const context = await browser.newContext({bypassCSP: true});
  const page = await context.newPage();
  page.on('pageerror', (error) => console.error('page error:', error.message));
  await page.goto(site.url);
  await page.locator('comment-thread [part="heading"]').first().waitFor();
  return page;
}

async function expectAccessible(page: Page, selector: string) {
  await page.addScriptTag({path: axePath});
  const violations = await page.evaluate(async (root) => {
    const axe = (window as unknown as {axe: {run(context: Element, options: object): Promise<{violations: {id: string; help: string; nodes: {target: string[]}[]}[]}>}}).axe;
    const results = await axe.run(document.querySelector(root)!, {rules: {'target-size': {enabled: true}}, resultTypes: ['violations']});
    return results.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join('; ')})`);
  }, selector);
  assert.deepEqual(violations, [], violations.join('\n'));
}

/** Ticks "Notify me of new comments", posts `text`, and resolves with the stored comment's id. */
async function postNotified(page: Page, text: string): Promise<string> {
  const form = page.locator('comment-thread > comment-form');
  await form.locator('input[name="notify-comments"]').check();
  await form.locator('textarea').fill(text);
  await form.locator('[part="submit-button"]').click();
  const article = page.locator('comment-thread article', {hasText: text}).last();
  await article.waitFor();
  await article.locator('.sending-label').waitFor({state: 'detached'});
  const stored = (await (await fetch(`${apiUrl}/threads/notify-browser/comments?sort=oldest&limit=100`)).json()) as {
    comments: {id: string; content: {value: string}}[];
  };
  return stored.comments.find((c) => c.content.value === text)!.id;
}

async function reply(parentId: string, text: string) {
  const answer = await client(`${apiUrl}/`).call('POST', 'threads/notify-browser/comments', {text, parentId, guest: {name: 'Bob'}});
  assert.equal(answer.status, 201);
}

it('a visitor signed in with a provider asks to be notified and gets the reply by email, no confirmation needed', async () => {
  const page = await openPage();
  const [popup] = await Promise.all([page.waitForEvent('popup'), page.locator('comment-thread [part="provider-button"][data-provider="local"]').click()]);
  const closed = popup.waitForEvent('close', {timeout: 20_000});
  await popup.locator('input[name="login"]').fill('grace');
  await popup.locator('input[name="password"]').fill('any');
  await popup.locator('button[type="submit"]').click();
  await popup.getByRole('button', {name: 'Continue'}).click();
  await closed;
  await page.locator('comment-thread [part="signed-in"]').waitFor();
  await page.locator('comment-thread > comment-form input[name="notify-comments"]').waitFor();
  await expectAccessible(page, 'comment-thread');

  const id = await postNotified(page, 'Signed in, and tell me when someone answers');
  await reply(id, 'Grace, here is your <answer> & more');
  const mail = await smtp.waitFor((m) => m.to === 'grace@example.test' && m.text.includes('here is your <answer>'));
  assert.match(mail.subject, /^Bob replied to your comment/);
  assert.ok(mail.html.includes('here is your &#60;answer&#62; &#38; more'));
  assert.equal(smtp.to('grace@example.test').filter((m) => /confirm/i.test(m.subject)).length, 0);
  // Their provider verified the address: nothing to confirm, so nothing to look for.
  assert.equal(await page.locator('comment-thread > comment-form [part="notify-notice"]').count(), 0);
  await page.context().close();
});

it('a guest asks, confirms from the email in the browser, gets the reply, and unsubscribes from it', async () => {
  const page = await openPage();
  const form = page.locator('comment-thread > comment-form');
  await form.locator('[part="name-input"]').fill('Ada');
  await form.locator('[part="email-input"]').fill('ada@example.test');
  const id = await postNotified(page, 'A guest who wants to hear back');
  // The form says where the link went (the server does not say whether one was needed).
  const notice = form.locator('[part="notify-notice"]');
  await notice.waitFor();
  assert.match((await notice.textContent()) ?? '', /check \u2068ada@example\.test\u2069 for a link to confirm it/);
  await expectAccessible(page, 'comment-thread');

  const confirmation = await smtp.waitFor((m) => m.to === 'ada@example.test' && /confirm/i.test(m.subject));
  await page.goto(confirmation.link(`${apiUrl}/notifications/confirm?token=`));
  await page.getByRole('heading', {name: 'Confirm your email'}).waitFor();
  await expectAccessible(page, 'main');
  await page.getByRole('button', {name: 'Confirm'}).click();
  await page.getByRole('heading', {name: 'Email confirmed'}).waitFor();
  await expectAccessible(page, 'main');

  await reply(id, 'Ada, welcome');
  const mail = await smtp.waitFor((m) => m.to === 'ada@example.test' && m.text.includes('Ada, welcome'));
  await page.goto(mail.link(`${apiUrl}/notifications/unsubscribe?token=s_`));
  await page.getByRole('button', {name: 'Unsubscribe'}).click();
  await page.getByRole('heading', {name: 'Unsubscribed'}).waitFor();
  await expectAccessible(page, 'main');
  await reply(id, 'Ada, are you still there?');
  await reply(id, 'A last one');
  for (let i = 0; i < 400; i++) {
    const [due] = await api.db.query<{n: number}>(`SELECT count(*)::int AS n FROM notify_jobs WHERE state IN ('queued', 'sending')`);
    if (due!.n === 0) break;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  assert.equal(smtp.to('ada@example.test').filter((m) => m.text.includes('still there')).length, 0);
  await page.context().close();
});
