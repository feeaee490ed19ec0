import assert from 'node:assert/strict';
import {after, before, describe, it} from 'node:test';
import {startTestServer} from './helpers.js';
import {CLIENT, PEOPLE, signInAtIssuer, startIssuer} from './oidc-issuer.js';

// Sign-in against a real OpenID Connect provider (oidc-provider) on this machine: the
// server's authorize → the issuer's login and consent → the server's provider callback →
// the site's callback with a one-time code → a session token → posting as that person.

const API_PORT = 9401;
const ISSUER_PORT = 9403;
const api = `http://127.0.0.1:${API_PORT}`;
const site = 'http://127.0.0.1:9402';
const siteCallback = `${site}/colloquy-callback.html`;
let clock = Date.now();
let server: Awaited<ReturnType<typeof startTestServer>>;
let issuer: Awaited<ReturnType<typeof startIssuer>>;

before(async () => {
  issuer = await startIssuer(ISSUER_PORT, [`${api}/auth/providers/local/callback`]);
  server = await startTestServer(
    {
      PORT: String(API_PORT),
      COLLOQUY_PUBLIC_URL: api,
      COLLOQUY_ORIGINS: site,
      COLLOQUY_OIDC_PROVIDERS: 'local',
      COLLOQUY_OIDC_LOCAL_ISSUER: issuer.issuer,
      COLLOQUY_OIDC_LOCAL_CLIENT_ID: CLIENT.id,
      COLLOQUY_OIDC_LOCAL_CLIENT_SECRET: CLIENT.secret,
      COLLOQUY_OIDC_LOCAL_NAME: 'Local ID',
      COLLOQUY_MODERATORS: 'local:alan',
      COLLOQUY_SESSION_HOURS: '1',
    },
    {now: () => clock},
  );
});

after(async () => {
  await server?.cleanup();
  await issuer?.stop();
});

const randomState = () => Buffer.from(crypto.getRandomValues(new Uint8Array(32))).toString('base64url');

function authorizeUrl(state: string, redirectUri = siteCallback, extra: Record<string, string> = {}) {
  const url = new URL(`${api}/auth/providers/local/authorize`);
  for (const [name, value] of Object.entries({state, redirect_uri: redirectUri, mode: 'popup', ...extra})) url.searchParams.set(name, value);
  return url.href;
}

async function call(method: string, path: string, {token, body}: {token?: string; body?: unknown} = {}) {
  const response = await fetch(`${api}/${path}`, {
    method,
    headers: {
      ...(token ? {Authorization: `Bearer ${token}`} : {}),
      ...(body === undefined ? {} : {'Content-Type': 'application/json'}),
    },
    ...(body === undefined ? {} : {body: JSON.stringify(body)}),
    signal: AbortSignal.timeout(15_000),
  });
  const text = await response.text();
  return {status: response.status, headers: response.headers, body: text && response.headers.get('Content-Type')?.includes('json') ? JSON.parse(text) : text};
}

/** Signs `login` in all the way; returns the token and the site callback's parameters. */
async function signIn(login: string) {
  const state = randomState();
  const back = await signInAtIssuer(authorizeUrl(state), login, siteCallback);
  assert.equal(back.searchParams.get('state'), state);
  const code = back.searchParams.get('code')!;
  const exchanged = await call('POST', 'auth/session', {body: {provider: 'local', result: {code}}});
  assert.equal(exchanged.status, 201, JSON.stringify(exchanged.body));
  return {token: exchanged.body.token as string, code, state, answer: exchanged.body};
}

describe('sign-in with an OpenID Connect provider', () => {
  it('lists the provider and says sign-in is on', async () => {
    assert.deepEqual((await call('GET', 'auth/providers')).body, {providers: [{id: 'local', name: 'Local ID'}]});
    const service = (await call('GET', '')).body;
    assert.equal(service.capabilities.signIn, true);
    assert.equal(service.capabilities.session, true);
    assert.equal(service.capabilities.callbackPage, true);
    // No mail server: no email sign-in.
    const link = await call('POST', 'auth/providers/email/link', {body: {email: 'a@b.example', state: randomState(), redirect_uri: siteCallback}});
    assert.equal(link.status, 404);
  });

  it('signs a person in, who then posts, edits and deletes as themselves', async () => {
    const {token, answer} = await signIn('grace');
    assert.equal(answer.session.providerId, 'local');
    assert.equal(answer.session.viewer.name, PEOPLE['grace']!.name);
    assert.equal(answer.session.viewer.avatarUrl, PEOPLE['grace']!.picture);
    assert.equal(answer.session.viewer.isModerator, false);
    assert.match(token, /^[\w-]{43}$/);
    assert.ok(Date.parse(answer.expiresAt) > clock);

    const session = await call('GET', 'auth/session', {token});
    assert.equal(session.status, 200);
    assert.deepEqual(session.body.session, answer.session);

    const posted = await fetch(`${api}/threads/signed-in/comments`, {
      method: 'POST',
      headers: {Authorization: `Bearer ${token}`, 'Content-Type': 'application/json', Origin: site, 'Idempotency-Key': crypto.randomUUID()},
      body: JSON.stringify({text: 'Posted as myself', parentId: null}),
    });
    assert.equal(posted.status, 201);
    const comment = ((await posted.json()) as any).comment;
    assert.equal(comment.author.name, 'Grace Hopper');
    assert.equal(comment.author.avatarUrl, PEOPLE['grace']!.picture);
    assert.equal(comment.author.isViewer, true);
    assert.equal(comment.author.id, answer.session.viewer.id);
    assert.equal(comment.viewerCan.edit, true);

    const page = await call('GET', 'threads/signed-in/comments', {token});
    assert.equal(page.body.comments[0].author.isViewer, true);
    const stranger = await call('GET', 'threads/signed-in/comments');
    assert.equal(stranger.body.comments[0].author.isViewer, false);

    const other = await signIn('alan');
    const foreignEdit = await call('PATCH', `threads/signed-in/comments/${comment.id}`, {token: other.token, body: {text: 'Not yours'}});
    assert.equal(foreignEdit.status, 403);
    const edited = await call('PATCH', `threads/signed-in/comments/${comment.id}`, {token, body: {text: 'Edited by me'}});
    assert.equal(edited.status, 200);
    assert.equal(edited.body.comment.content.value, 'Edited by me');
    const deleted = await call('DELETE', `threads/signed-in/comments/${comment.id}`, {token});
    assert.equal(deleted.status, 200);
  });

  it('makes a configured identity a moderator, whose comments say so', async () => {
    const {token, answer} = await signIn('alan');
    assert.equal(answer.session.viewer.isModerator, true);
    assert.equal((await call('GET', 'auth/session', {token})).body.session.viewer.isModerator, true);
    const posted = await fetch(`${api}/threads/signed-in/comments`, {
      method: 'POST',
      headers: {Authorization: `Bearer ${token}`, 'Content-Type': 'application/json', Origin: site},
      body: JSON.stringify({text: 'Speaking as a moderator', parentId: null}),
    });
    const comment = ((await posted.json()) as any).comment;
    assert.equal(comment.author.isModerator, true);
    assert.equal(comment.author.name, 'Alan Turing');
    const grace = await signIn('grace');
    const page = await call('GET', 'threads/signed-in/comments', {token: grace.token});
    const shown = page.body.comments.find((c: any) => c.id === comment.id);
    assert.equal(shown.author.isModerator, true);
    assert.equal(page.body.comments.filter((c: any) => c.author.name === 'Grace Hopper').every((c: any) => !c.author.isModerator), true);
  });

  it('exchanges a code once only', async () => {
    const {code} = await signIn('grace');
    const again = await call('POST', 'auth/session', {body: {provider: 'local', result: {code}}});
    assert.equal(again.status, 401);
    assert.equal(again.body.error.code, 'unauthorized');
  });

  it('refuses a code that waited too long', async () => {
    const state = randomState();
    const back = await signInAtIssuer(authorizeUrl(state), 'grace', siteCallback);
    clock += 3 * 60 * 1000;
    const late = await call('POST', 'auth/session', {body: {provider: 'local', result: {code: back.searchParams.get('code')}}});
    assert.equal(late.status, 401);
  });

  it('brings a denied consent back to the site as access_denied', async () => {
    const state = randomState();
    const back = await signInAtIssuer(authorizeUrl(state), 'grace', siteCallback, {deny: true});
    assert.equal(back.origin + back.pathname, siteCallback);
    assert.equal(back.searchParams.get('error'), 'access_denied');
    assert.equal(back.searchParams.get('state'), state);
    assert.equal(back.searchParams.get('code'), null);
  });

  it('refuses a forged or replayed provider answer', async () => {
    const forged = await fetch(`${api}/auth/providers/local/callback?code=made-up&state=${randomState()}`, {redirect: 'manual'});
    assert.equal(forged.status, 400);
    assert.equal(forged.headers.get('Location'), null);

    // The provider's answer for a finished sign-in, sent again.
    const state = randomState();
    let providerAnswer = '';
    await signInAtIssuer(authorizeUrl(state), 'grace', siteCallback);
    const started = await fetch(authorizeUrl(randomState()), {redirect: 'manual'});
    const providerUrl = new URL(started.headers.get('Location')!);
    providerAnswer = `${api}/auth/providers/local/callback?code=whatever&state=${providerUrl.searchParams.get('state')}`;
    const first = await fetch(providerAnswer, {redirect: 'manual'});
    assert.equal(first.status, 302, 'the first arrival is taken (and fails at the issuer: a made-up code)');
    assert.match(first.headers.get('Location')!, /error=server_error/);
    const replay = await fetch(providerAnswer, {redirect: 'manual'});
    assert.equal(replay.status, 400);
  });

  it('limits how many sign-ins one client may start', async () => {
    clock += 3600 * 1000;
    let status = 0;
    for (let i = 0; i < 31 && status !== 429; i++) status = (await fetch(authorizeUrl(randomState()), {redirect: 'manual'})).status;
    assert.equal(status, 429);
    clock += 3600 * 1000;
    assert.equal((await fetch(authorizeUrl(randomState()), {redirect: 'manual'})).status, 302, 'a new window, a new start');
  });

  it('sends codes only to registered sites', async () => {
    for (const redirectUri of ['https://evil.example/callback', `${api}/auth/callback`, 'javascript:alert(1)']) {
      const response = await fetch(authorizeUrl(randomState(), redirectUri, {origin: 'https://evil.example'}), {redirect: 'manual'});
      assert.equal(response.status, 400, redirectUri);
      assert.equal(response.headers.get('Location'), null);
    }
  });

  it('serves the callback page, which reports only to the site the sign-in started from', async () => {
    const state = randomState();
    const own = `${api}/auth/callback`;
    const back = await signInAtIssuer(authorizeUrl(state, own, {origin: site}), 'grace', own);
    assert.equal(back.origin + back.pathname, own);
    const page = await fetch(back.href);
    const html = await page.text();
    assert.match(page.headers.get('Content-Security-Policy')!, /script-src 'self'/);
    assert.doesNotMatch(page.headers.get('Content-Security-Policy')!, /unsafe-inline/);
    assert.match(html, new RegExp(`<meta name="colloquy-sign-in-origin" content="${site}" />`));
    assert.doesNotMatch(html, /<script>/);
    const script = await fetch(`${api}/auth/callback.js`);
    assert.equal(script.status, 200);
    assert.match(await script.text(), /colloquy:sign-in/);
    // A URL naming another site changes nothing: the origin comes from the attempt.
    const crafted = await (await fetch(`${own}?state=${randomState()}&code=x&origin=https://evil.example`)).text();
    assert.doesNotMatch(crafted, /colloquy-sign-in-origin/);
  });

  it('hands a finished sign-in to its tab by state once, for a popup cut off from its page', async () => {
    const state = randomState();
    await signInAtIssuer(authorizeUrl(state), 'grace', siteCallback);
    const first = await call('POST', 'auth/session', {body: {provider: 'local', state}});
    assert.equal(first.status, 201);
    assert.equal(first.body.session.viewer.name, 'Grace Hopper');
    const second = await call('POST', 'auth/session', {body: {provider: 'local', state}});
    assert.equal(second.status, 404);
    assert.equal((await call('POST', 'auth/session', {body: {provider: 'local', state: randomState()}})).status, 404);
  });

  it('ends a session when it expires, on sign-out, and everywhere at once', async () => {
    const expiring = await signIn('grace');
    clock += 2 * 3600 * 1000;
    assert.equal((await call('GET', 'auth/session', {token: expiring.token})).status, 401);

    const one = await signIn('grace');
    assert.equal((await call('DELETE', 'auth/session', {token: one.token})).status, 204);
    assert.equal((await call('GET', 'auth/session', {token: one.token})).status, 401);
    const posting = await call('GET', 'threads/signed-in/comments', {token: one.token});
    assert.equal(posting.status, 401, 'a revoked token is refused everywhere, not taken for a guest');

    const [laptop, phone, someoneElse] = [await signIn('grace'), await signIn('grace'), await signIn('alan')];
    assert.equal((await call('DELETE', 'auth/sessions', {token: laptop.token})).status, 204);
    assert.equal((await call('GET', 'auth/session', {token: laptop.token})).status, 401);
    assert.equal((await call('GET', 'auth/session', {token: phone.token})).status, 401);
    assert.equal((await call('GET', 'auth/session', {token: someoneElse.token})).status, 200);
    assert.equal((await call('DELETE', 'auth/sessions')).status, 401);
  });
});
