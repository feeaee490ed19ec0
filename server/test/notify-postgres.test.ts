import assert from 'node:assert/strict';
import {after, before, it} from 'node:test';
import {client, startServerProcess} from './helpers.js';
import {startSmtp} from './smtp.helpers.js';

// Two server processes on one PostgreSQL (started by server/test/run.mjs) drain one mail
// queue at the same time: every notification is sent, and none twice.

const databaseUrl = process.env['COLLOQUY_TEST_DATABASE_URL']!;
let smtp: Awaited<ReturnType<typeof startSmtp>>;
let a: Awaited<ReturnType<typeof startServerProcess>>;
let b: Awaited<ReturnType<typeof startServerProcess>>;

before(async () => {
  smtp = await startSmtp(9430);
  const env = (port: number) => ({
    PORT: String(port),
    DATABASE_URL: databaseUrl,
    COLLOQUY_SMTP_URL: smtp.url,
    COLLOQUY_PUBLIC_URL: 'http://127.0.0.1:9428',
    COLLOQUY_MAIL_LEASE_SECONDS: '10',
    COLLOQUY_CONFIRMATIONS_PER_IP: '1000',
    COLLOQUY_POSTS_PER_IP: '100000',
  });
  [a, b] = await Promise.all([startServerProcess(env(9428)), startServerProcess(env(9429))]);
});
after(async () => {
  await Promise.all([a?.stop(), b?.stop()]);
  await smtp?.close();
});

it('sends every notification exactly once while both processes drain the queue', async () => {
  const subscribers = Array.from({length: 8}, (_, i) => `pg${i}@example.com`);
  for (const [i, email] of subscribers.entries()) {
    const server = i % 2 ? b : a;
    const answer = await client(server.url, `pg-subscriber-${i}-secret`).call('POST', 'threads/two-workers/comments', {
      text: `Following ${i}`, parentId: null, guest: {name: `Sub ${i}`, email}, notify: {comments: true, posts: false},
    });
    assert.equal(answer.status, 201);
    const mail = await smtp.waitFor((m) => m.to === email && /confirm/i.test(m.subject));
    assert.equal((await fetch(mail.link('http://127.0.0.1:9428/notifications/confirm?token='), {method: 'POST'})).status, 200);
  }
  // A slow SMTP server keeps both workers busy at once.
  smtp.behave(() => (_m, accept) => void setTimeout(accept, 15));
  const texts = Array.from({length: 6}, (_, i) => `Burst comment ${i}`);
  await Promise.all(
    texts.map((text, i) =>
      client(i % 2 ? a.url : b.url, 'pg-poster-secret-0123456').call('POST', 'threads/two-workers/comments', {
        text, parentId: null, guest: {name: 'Poster', email: 'poster@example.com'},
      }),
    ),
  );
  const expected = subscribers.length * texts.length;
  const burst = () => smtp.accepted.filter((m) => m.text.includes('Burst comment'));
  const deadline = Date.now() + 60_000;
  while (burst().length < expected && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 50));
  await new Promise((resolve) => setTimeout(resolve, 2000));
  const keys = burst().map((m) => `${m.to} ${texts.find((t) => m.text.includes(t))}`);
  assert.equal(new Set(keys).size, expected, 'every notification arrived');
  assert.equal(keys.length, expected, 'and none twice');
});
