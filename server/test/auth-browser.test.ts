import assert from 'node:assert/strict';
import {after, before, it} from 'node:test';
import {chromium, type Browser, type Page} from 'playwright-core';
import {chromiumArgs, findChromium} from '../../scripts/chromium.mjs';
import {startTestServer} from './helpers.js';
import {startSite} from './site.helpers.js';
import {CLIENT, startIssuer} from './oidc-issuer.js';
import {signInLinkIn, startInbox} from './smtp-inbox.js';

// Sign-in as a visitor does it: the built bundle on a site, colloquy-server on another
// origin, a real OpenID Connect provider on a third. No `sign-in-callback` on the page: the
// widget uses the server's own callback page.

const API_PORT = 9411;
const SITE_PORT = 9412;
const ISSUER_PORT = 9413;
const SMTP_PORT = 9414;
const apiUrl = `http://127.0.0.1:${API_PORT}`;
const siteUrl = `http://127.0.0.1:${SITE_PORT}`;
let clock = Date.now();
let api: Awaited<ReturnType<typeof startTestServer>>;
let issuer: Awaited<ReturnType<typeof startIssuer>>;
let site: Awaited<ReturnType<typeof startSite>>;
let browser: Browser;
let inbox: Awaited<ReturnType<typeof startInbox>>;

before(async () => {
  site = await startSite(
    () => `<!doctype html><html lang="en"><title>Sign-in against colloquy-server</title>
<script type="module" src="/colloquy.js"></script>
<comment-thread adapter="rest" endpoint="${apiUrl}" thread="auth-browser"><comment-form></comment-form></comment-thread>`,
    SITE_PORT,
  );
  inbox = await startInbox(SMTP_PORT);
  issuer = await startIssuer(ISSUER_PORT, [`${apiUrl}/auth/providers/local/callback`]);
  api = await startTestServer(
    {
      PORT: String(API_PORT),
      COLLOQUY_PUBLIC_URL: apiUrl,
      COLLOQUY_ORIGINS: siteUrl,
      COLLOQUY_OIDC_PROVIDERS: 'local',
      COLLOQUY_OIDC_LOCAL_ISSUER: issuer.issuer,
      COLLOQUY_OIDC_LOCAL_CLIENT_ID: CLIENT.id,
      COLLOQUY_OIDC_LOCAL_CLIENT_SECRET: CLIENT.secret,
      COLLOQUY_OIDC_LOCAL_NAME: 'Local ID',
      COLLOQUY_SMTP_URL: inbox.url,
    },
    {now: () => clock},
  );
  browser = await chromium.launch({executablePath: findChromium(), args: chromiumArgs});
});

after(async () => {
  await browser?.close();
  await api?.cleanup();
  await issuer?.stop();
  await inbox?.close();
  await site?.close();
});

async function openPage(): Promise<Page> {
  const context = await browser.newContext();
  const page = await context.newPage();
  page.on('pageerror', (error) => console.error('page error:', error.message));
  await page.goto(siteUrl);
  await page.locator('comment-thread [part="heading"]').first().waitFor();
  return page;
}

const providerButton = (page: Page) => page.locator('comment-thread [part="provider-button"][data-provider="local"]');
const signedIn = (page: Page) => page.locator('comment-thread [part="signed-in"]');

/** Clicks the provider and goes through the issuer's login and consent in the popup. */
async function signIn(page: Page, login: string, {deny = false} = {}): Promise<string[]> {
  const [popup] = await Promise.all([page.waitForEvent('popup'), providerButton(page).click()]);
  // Every address the popup went through, for replaying them afterwards.
  const visited: string[] = [];
  popup.on('request', (request) => {
    if (request.isNavigationRequest()) visited.push(request.url());
  });
  const closed = popup.waitForEvent('close', {timeout: 20_000});
  // Already signed in at the issuer, with consent given before: the popup just closes.
  const loginField = popup.locator('input[name="login"]');
  if ((await Promise.race([closed.then(() => 'closed'), loginField.waitFor({timeout: 20_000}).then(() => 'login')])) === 'closed') return visited;
  if (deny) {
    await popup.getByText('[ Cancel ]').click();
  } else {
    await popup.locator('input[name="login"]').fill(login);
    await popup.locator('input[name="password"]').fill('any');
    await popup.locator('button[type="submit"]').click();
    await popup.getByRole('button', {name: 'Continue'}).click();
  }
  await closed;
  return visited;
}

const token = (page: Page) =>
  page.evaluate(() => {
    for (let i = 0; i < sessionStorage.length; i++) {
      const key = sessionStorage.key(i)!;
      if (key.startsWith('colloquy:rest:token:')) return (JSON.parse(sessionStorage.getItem(key)!) as {token: string}).token;
    }
    return null;
  });

it('signs in through the popup and the server\'s callback page, then posts under the provider\'s name', async () => {
  const page = await openPage();
  await providerButton(page).waitFor();
  const visited = await signIn(page, 'grace');
  await signedIn(page).getByText(/^You are commenting using your \u2068?Local ID\u2069? account\./).waitFor();
  assert.equal(await signedIn(page).locator('#viewer-name').textContent(), 'Grace Hopper');
  // No guest fields for a signed-in person.
  assert.equal(await page.locator('comment-thread [part="guest-fields"]').count(), 0);

  const form = page.locator('comment-thread > comment-form');
  await form.locator('textarea').fill('Signed in and commenting');
  await form.locator('[part="submit-button"]').click();
  const article = page.locator('comment-thread article', {hasText: 'Signed in and commenting'}).last();
  await article.waitFor();
  await article.locator('.sending-label').waitFor({state: 'detached'});
  await article.getByText('Grace Hopper').first().waitFor();
  const stored = (await (await fetch(`${apiUrl}/threads/auth-browser/comments?sort=oldest&limit=100`)).json()) as any;
  const mine = stored.comments.find((c: any) => c.content.value === 'Signed in and commenting');
  assert.equal(mine.author.name, 'Grace Hopper');
  // Own comment: editable from the page.
  await article.locator('[part="edit-button"]').waitFor();

  // The code on the callback page, used again, and the provider's answer, sent again: refused.
  const callback = new URL(visited.find((url) => url.startsWith(`${apiUrl}/auth/callback?`))!);
  const replayed = await page.evaluate(
    ([url, code]) => fetch(url!, {method: 'POST', headers: {'Content-Type': 'application/json'}, body: JSON.stringify({provider: 'local', result: {code}})}).then((r) => r.status),
    [`${apiUrl}/auth/session`, callback.searchParams.get('code')],
  );
  assert.equal(replayed, 401);
  const providerAnswer = visited.find((url) => url.startsWith(`${apiUrl}/auth/providers/local/callback?`))!;
  const replayTab = await page.context().newPage();
  assert.equal((await replayTab.goto(providerAnswer))!.status(), 400);
  await replayTab.getByText('This sign-in has expired or was already used.', {exact: false}).waitFor();
  const forged = new URL(providerAnswer);
  forged.searchParams.set('state', 'forged-state-forged-state-forged-state-0000');
  assert.equal((await replayTab.goto(forged.href))!.status(), 400);
  await replayTab.close();

  // Sign-out ends the session on the server, not only in the page.
  const before = await token(page);
  assert.ok(before);
  await signedIn(page).locator('[part="sign-out-button"]').click();
  await providerButton(page).waitFor();
  assert.equal((await fetch(`${apiUrl}/auth/session`, {headers: {Authorization: `Bearer ${before}`}})).status, 401);
  await page.context().close();
});

it('brings the person back to the choice when they deny consent', async () => {
  const page = await openPage();
  await signIn(page, 'grace', {deny: true});
  await providerButton(page).waitFor();
  assert.equal(await signedIn(page).count(), 0);
  assert.equal(await token(page), null);
  await page.context().close();
});

it('forgets an expired session, and signs out everywhere', async () => {
  const page = await openPage();
  await signIn(page, 'alan');
  await signedIn(page).waitFor();
  clock += 8 * 24 * 3600 * 1000;
  await page.reload();
  await page.locator('comment-thread [part="heading"]').first().waitFor();
  await providerButton(page).waitFor();
  assert.equal(await signedIn(page).count(), 0, 'an expired token shows the choice again');
  assert.equal(await token(page), null);

  const [laptop, phone] = [page, await openPage()];
  await signIn(laptop, 'alan');
  await signIn(phone, 'alan');
  await signedIn(phone).waitFor();
  const laptopToken = await token(laptop);
  assert.equal((await fetch(`${apiUrl}/auth/sessions`, {method: 'DELETE', headers: {Authorization: `Bearer ${laptopToken}`}})).status, 204);
  await phone.reload();
  await providerButton(phone).waitFor();
  assert.equal(await signedIn(phone).count(), 0);
  await laptop.context().close();
  await phone.context().close();
});

it('signs in with an emailed link opened in another tab, once', async () => {
  const page = await openPage();
  await page.locator('comment-thread [part="provider-button"][data-provider="email"]').click();
  const address = page.locator('comment-thread [part="email-link-input"]');
  await address.fill('reader@example.test');
  await page.locator('comment-thread [part="email-link-button"]').click();
  await page.locator('comment-thread [part="connecting"]').getByText(/We sent a sign-in link to/).waitFor();

  const link = signInLinkIn(await inbox.waitFor('reader@example.test'));

  // Opened from the mail: a tab of its own, with no way to report to the page.
  const mailTab = await page.context().newPage();
  await mailTab.goto(link);
  await mailTab.getByText('You are signed in. Go back to the page you came from.').waitFor();
  await signedIn(page).getByText('reader').first().waitFor({timeout: 15_000});

  const again = await mailTab.goto(link);
  assert.equal(again!.status(), 400, 'the link signs in once');
  await page.context().close();
});
