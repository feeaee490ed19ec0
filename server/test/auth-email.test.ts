import assert from 'node:assert/strict';
import {after, before, describe, it} from 'node:test';
import {startTestServer} from './helpers.js';
import {signInLinkIn, startInbox} from './smtp-inbox.js';

// Email-link sign-in against a real SMTP server on this machine: the mail arrives, its link
// signs in once, a second use fails, and the rate limits bite.

const API_PORT = 9404;
const SMTP_PORT = 9405;
const api = `http://127.0.0.1:${API_PORT}`;
const site = 'http://127.0.0.1:9402';
const siteCallback = `${site}/colloquy-callback.html`;
let inbox: Awaited<ReturnType<typeof startInbox>>;
let server: Awaited<ReturnType<typeof startTestServer>>;

before(async () => {
  inbox = await startInbox(SMTP_PORT);
  server = await startTestServer({
    PORT: String(API_PORT),
    COLLOQUY_PUBLIC_URL: api,
    COLLOQUY_ORIGINS: site,
    COLLOQUY_SMTP_URL: inbox.url,
    COLLOQUY_MAIL_FROM: 'Comments <comments@blog.example>',
    COLLOQUY_MODERATORS: 'editor@blog.example',
    COLLOQUY_EMAIL_LINKS_PER_ADDRESS: '3',
    COLLOQUY_EMAIL_LINKS_PER_IP: '6',
  });
});

after(async () => {
  await server?.cleanup();
  await inbox?.close();
});

const randomState = () => Buffer.from(crypto.getRandomValues(new Uint8Array(32))).toString('base64url');

async function call(method: string, path: string, body?: unknown) {
  const response = await fetch(`${api}/${path}`, {
    method,
    headers: body === undefined ? {} : {'Content-Type': 'application/json'},
    ...(body === undefined ? {} : {body: JSON.stringify(body)}),
    signal: AbortSignal.timeout(20_000),
  });
  const text = await response.text();
  return {status: response.status, headers: response.headers, body: text ? JSON.parse(text) : null};
}


describe('sign-in with an email link', () => {
  it('is offered because mail can be sent', async () => {
    assert.deepEqual((await call('GET', 'auth/providers')).body, {providers: [{id: 'email', name: 'Email'}]});
    assert.equal((await call('GET', '')).body.capabilities.signIn, true);
  });

  it('mails a link that signs in once', async () => {
    const state = randomState();
    const asked = await call('POST', 'auth/providers/email/link', {email: 'Ada@Example.test', name: 'Ada', state, redirect_uri: siteCallback});
    assert.equal(asked.status, 202, JSON.stringify(asked.body));
    const mail = await inbox.waitFor('ada@example.test', 1);
    assert.equal(mail.from?.text, '"Comments" <comments@blog.example>');
    assert.match(mail.subject ?? '', /sign-in link/);
    assert.match(String(mail.html), /<a href="http:\/\/127\.0\.0\.1:9404\/auth\/providers\/email\/callback\?token=/);
    const link = signInLinkIn(mail);
    assert.ok(!link.includes(state), 'the site state never travels in the mail');

    const opened = await fetch(link, {redirect: 'manual'});
    assert.equal(opened.status, 302);
    const back = new URL(opened.headers.get('Location')!);
    assert.equal(back.origin + back.pathname, siteCallback);
    assert.equal(back.searchParams.get('state'), state);
    const session = await call('POST', 'auth/session', {provider: 'email', result: {code: back.searchParams.get('code')}});
    assert.equal(session.status, 201);
    assert.equal(session.body.session.viewer.name, 'Ada');
    assert.equal(session.body.session.providerId, 'email');
    assert.equal(session.body.session.viewer.isModerator, false);

    const again = await fetch(link, {redirect: 'manual'});
    assert.equal(again.status, 400, 'a used link signs nobody in');
    assert.equal(again.headers.get('Location'), null);
  });

  it('lets the page that asked pick the sign-in up by its state', async () => {
    const state = randomState();
    await call('POST', 'auth/providers/email/link', {email: 'editor@blog.example', state, redirect_uri: `${api}/auth/callback`, origin: site});
    const link = signInLinkIn(await inbox.waitFor('editor@blog.example', 1));
    assert.equal((await call('POST', 'auth/session', {provider: 'email', state})).status, 404, 'not before the link is opened');
    const opened = await fetch(link, {redirect: 'manual'});
    assert.match(opened.headers.get('Location')!, /^http:\/\/127\.0\.0\.1:9404\/auth\/callback\?code=/);
    const picked = await call('POST', 'auth/session', {provider: 'email', state});
    assert.equal(picked.status, 201);
    assert.equal(picked.body.session.viewer.name, 'editor', 'no name given: the local part, never the address');
    assert.equal(picked.body.session.viewer.isModerator, true, 'a moderator by verified address');
  });

  it('refuses bad requests', async () => {
    const state = randomState();
    assert.equal((await call('POST', 'auth/providers/email/link', {email: 'not-an-address', state, redirect_uri: siteCallback})).status, 400);
    assert.equal((await call('POST', 'auth/providers/email/link', {email: 'a@b.example', state, redirect_uri: 'https://evil.example/cb'})).status, 403);
    assert.equal((await call('POST', 'auth/providers/email/link', {email: 'a@b.example', state: 'short', redirect_uri: siteCallback})).status, 400);
    assert.equal((await fetch(`${api}/auth/providers/email/callback?token=${randomState()}`)).status, 400);
  });

  it('limits the emails per address and per client', async () => {
    const ask = (email: string) => call('POST', 'auth/providers/email/link', {email, state: randomState(), redirect_uri: siteCallback});
    for (let i = 0; i < 3; i++) assert.equal((await ask('flood@example.test')).status, 202);
    const limited = await ask('flood@example.test');
    assert.equal(limited.status, 429);
    assert.equal(limited.body.error.code, 'rate-limited');
    assert.ok(Number(limited.headers.get('Retry-After')) > 0);
    // Every request that got as far as the limits counts for this client: 2 earlier, 4 here.
    // The seventh is over its limit of 6, whatever the address.
    const other = await ask('someone-else@example.test');
    assert.equal(other.status, 429);
    assert.equal((await inbox.waitFor('flood@example.test', 3)).subject?.includes('sign-in link'), true);
    assert.equal(inbox.to('flood@example.test').length, 3);
  });
});
