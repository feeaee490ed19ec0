import assert from 'node:assert/strict';
import {after, before, describe, it} from 'node:test';
import {openPglite} from '../src/db/pglite.js';
import {migrate} from '../src/db/migrations.js';
import {ADMIN_TOKEN, client, startTestServer, tempDir} from './helpers.js';
import {startSmtp} from './smtp.helpers.js';

// colloquy-server in the reader's language: the error envelope by the request's
// Accept-Language, the pages a visitor opens with their `lang` and `dir`, and notification
// emails in the language the address subscribed in, against a real SMTP server.

type Server = Awaited<ReturnType<typeof startTestServer>>;
type Smtp = Awaited<ReturnType<typeof startSmtp>>;

const PORT = 9702;
const BASE = `http://127.0.0.1:${PORT}`;
const SITE = 'https://blog.example';
let smtp: Smtp;
let server: Server;
const dataDir = tempDir('colloquy-i18n-test-');

/**
 * A database as a server before migration 008 left it, holding one confirmed subscriber
 * of new posts: the server started on it below migrates it, and that address must still
 * get English.
 */
async function databaseFromBeforeLocales(): Promise<void> {
  const db = await openPglite(dataDir.path);
  await migrate(db);
  await db.query(`ALTER TABLE notify_addresses DROP COLUMN locale`);
  await db.query(`DELETE FROM schema_migrations WHERE version = 8`);
  const [address] = await db.query<{id: string}>(
    `INSERT INTO notify_addresses (address, token, confirmed_at) VALUES ('early@example.com', 'a_earlyaddresstoken0123456789', now()) RETURNING id::text AS id`,
  );
  await db.query(`INSERT INTO notify_subscriptions (address_id, kind, token) VALUES ($1, 'posts', 's_earlysubscription012345678')`, [address!.id]);
  await db.close();
}

before(async () => {
  smtp = await startSmtp(9701);
  await databaseFromBeforeLocales();
  server = await startTestServer({
    PORT: String(PORT),
    COLLOQUY_DATA_DIR: dataDir.path,
    COLLOQUY_SMTP_URL: smtp.url,
    COLLOQUY_PUBLIC_URL: BASE,
    COLLOQUY_MODERATION: 'links',
    COLLOQUY_MODERATION_LINKS: '0',
    COLLOQUY_CONFIRMATIONS_PER_IP: '1000',
    COLLOQUY_ORIGINS: SITE,
  });
});
after(async () => {
  await server?.cleanup();
  await smtp?.close();
  dataDir.remove();
});

async function post(language: string | undefined, body: Record<string, unknown>, thread = 'i18n') {
  const guest = client(server.url);
  return guest.call('POST', `threads/${thread}/comments`, body, {
    'Idempotency-Key': crypto.randomUUID(),
    Origin: SITE,
    ...(language === undefined ? {} : {'Accept-Language': language}),
  });
}

describe('errors in the reader\u2019s language', () => {
  it('answers in French for Accept-Language: fr, field by field', async () => {
    const answer = await post('fr-FR,fr;q=0.9,en;q=0.5', {text: '', parentId: null, guest: {name: ''}});
    assert.equal(answer.status, 400);
    assert.equal(answer.body.error.code, 'invalid', 'codes stay the protocol\u2019s');
    assert.equal(answer.body.error.fields.name, 'Veuillez indiquer votre nom.');
    assert.equal(answer.body.error.fields.text, 'Veuillez écrire un commentaire.');
    assert.equal(answer.headers.get('content-language'), 'fr');
    assert.match(answer.headers.get('vary') ?? '', /Accept-Language/i);
  });

  it('falls back to English for no, unknown, garbage or oversized headers', async () => {
    // The last is a browser-like list, only far too long: read whole, it would say French.
    for (const language of [undefined, 'tlh, xx;q=0.9', '%C3%A9%C3%A9;q=abc,,;<>', `fr, ${'de;q=0.5, '.repeat(60)}`]) {
      const answer = await post(language, {text: 'Hi', parentId: null, guest: {name: ''}});
      assert.equal(answer.body.error.fields.name, 'Please give your name.', String(language).slice(0, 40));
      assert.equal(answer.headers.get('content-language'), 'en');
    }
  });

  it('uses the count\u2019s plural form (Polish: 5000 takes "many")', async () => {
    const answer = await post('pl', {text: 'x'.repeat(server.config.maxTextLength + 1), parentId: null, guest: {name: 'Ola'}});
    assert.equal(answer.status, 400);
    assert.equal(answer.body.error.fields.text, 'Komentarz może mieć co najwyżej 5000 znaków.');
  });

  it('translates errors thrown deep in the store and before any route (404, 401)', async () => {
    const stored = await post('de', {text: 'Hallo', parentId: null, guest: {name: 'Jo'}}, 'i18n-de');
    assert.equal(stored.status, 201, JSON.stringify(stored.body));
    const missing = await client(server.url).call('PATCH', 'threads/i18n-de/comments/cnope', {text: 'Hallo!'}, {'Accept-Language': 'de-AT'});
    assert.equal(missing.status, 404);
    assert.equal(missing.body.error.message, 'Diesen Kommentar gibt es nicht.');
    const signedOut = await client(server.url, null).call('GET', 'threads/i18n/comments', undefined, {
      Authorization: `Bearer ${'x'.repeat(43)}`,
      'Accept-Language': 'ja',
    });
    assert.equal(signedOut.status, 401);
    assert.equal(signedOut.body.error.message, 'サインインの有効期限が切れました。もう一度サインインしてください。');
  });

  it('leaves the admin API in English', async () => {
    const answer = await client(server.url, null).call('POST', 'admin/blocks', {}, {Authorization: `Bearer ${ADMIN_TOKEN}`, 'Accept-Language': 'fr'});
    assert.equal(answer.status, 400);
    assert.match(answer.body.error.message, /^Send exactly one of/);
  });
});

describe('pages in the reader\u2019s language', () => {
  it('writes an Arabic page right to left', async () => {
    const response = await fetch(`${BASE}/notifications/unsubscribe?token=s_unknowntoken0123456789`, {headers: {'Accept-Language': 'ar'}});
    assert.equal(response.status, 404);
    const html = await response.text();
    assert.match(html, /<html lang="ar" dir="rtl">/);
    assert.equal(response.headers.get('content-language'), 'ar');
    // Caches keep one copy per language, beside CORS's one per origin.
    const vary = (response.headers.get('vary') ?? '').toLowerCase().split(/\s*,\s*/);
    assert.ok(vary.includes('accept-language') && vary.includes('origin'), vary.join());
    assert.match(html, /<h1>رابط غير معروف<\/h1>/);
  });

  it('localizes the sign-in window\u2019s pages', async () => {
    const problem = await fetch(`${BASE}/auth/providers/nobody/authorize`, {headers: {'Accept-Language': 'he'}});
    assert.equal(problem.status, 404);
    assert.match(await problem.text(), /<html lang="he" dir="rtl">/);
    const callback = await (await fetch(`${BASE}/auth/callback`, {headers: {'Accept-Language': 'es'}})).text();
    assert.match(callback, /<html lang="es" dir="ltr">/);
    assert.doesNotMatch(callback, /Signing you in/);
  });
});

describe('emails in the language the address subscribed in', () => {
  it('sends the confirmation and then the notifications in French', async () => {
    const asked = await post('fr', {
      text: 'Premier !',
      parentId: null,
      guest: {name: 'Amélie', email: 'amelie@example.com'},
      notify: {comments: true, posts: true},
      thread: {title: 'Le billet', url: 'https://blog.example/billet/'},
    }, 'billet');
    assert.equal(asked.status, 201, JSON.stringify(asked.body));
    const confirmation = await smtp.waitFor((mail) => mail.to === 'amelie@example.com');
    assert.equal(confirmation.subject, 'Veuillez confirmer votre adresse e-mail pour les notifications de commentaires');
    assert.match(confirmation.html, /<html lang="fr" dir="ltr">/);
    assert.match(confirmation.text, /nouveaux commentaires de « Le billet » \(blog\.example\)/);
    // The confirmation page follows the browser that opens it, not the subscription.
    const link = confirmation.link(`${BASE}/notifications/confirm?token=`);
    assert.equal((await fetch(link, {method: 'POST'})).status, 200);

    // Someone writing in English does not change the language Amélie reads in.
    await post('en', {text: 'Hello from Bob', parentId: asked.body.comment.id, guest: {name: 'Bob'}}, 'billet');
    const notification = await smtp.waitFor((mail) => mail.to === 'amelie@example.com' && mail.text.includes('Hello from Bob'));
    assert.equal(notification.subject, 'Bob a répondu à votre commentaire sur « Le billet »');
    assert.match(notification.text, /Se désabonner : http/, 'French puts a space before the colon');
  });

  it('keeps an address that subscribed before migration 008 in English', async () => {
    const announced = await client(server.url, null).admin('POST', 'notifications/posts', {id: 'p1', title: 'Spring', url: 'https://blog.example/spring/', excerpt: ''});
    assert.equal(announced.status, 202, JSON.stringify(announced.body));
    const early = await smtp.waitFor((mail) => mail.to === 'early@example.com');
    assert.equal(early.subject, 'New post: Spring');
    assert.match(early.html, /<html lang="en" dir="ltr">/);
    const french = await smtp.waitFor((mail) => mail.to === 'amelie@example.com' && mail.subject.includes('Spring'));
    assert.equal(french.subject, 'Nouvel article : Spring');
  });

  it('sends the sign-in link in the language of the request that asked for it, with its plural', async () => {
    const response = await fetch(`${BASE}/auth/providers/email/link`, {
      method: 'POST',
      headers: {'Content-Type': 'application/json', 'Accept-Language': 'ru-RU, en;q=0.5'},
      body: JSON.stringify({email: 'olga@example.com', state: 'state-0123456789abcdef', redirect_uri: `${SITE}/callback`}),
    });
    assert.equal(response.status, 202, await response.text());
    const mail = await smtp.waitFor((m) => m.to === 'olga@example.com');
    assert.equal(mail.subject, 'Ваша ссылка для входа, чтобы комментировать на blog.example');
    assert.match(mail.html, /<html lang="ru" dir="ltr">/);
    assert.match(mail.text, /Ссылка сработает один раз в течение 10 минут\./, 'ten takes the "many" form');
  });
});
