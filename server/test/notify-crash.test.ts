import assert from 'node:assert/strict';
import {after, before, it} from 'node:test';
import {client, startServerProcess, tempDir} from './helpers.js';
import {startSmtp, type Received} from './smtp.helpers.js';

// The mail queue across SIGKILL: the server runs as its own process on a PGlite folder, is
// killed at the worst moments of a send, and started again; the SMTP server started here
// counts what it accepted. Nothing may be lost; the only duplicate allowed is the one
// docs/notifications.md names: SMTP accepted the email, and the process died before it
// recorded that, so the next process sends it again (with the same Message-ID).

const SERVER_PORT = 9427;
const dir = tempDir('colloquy-notify-crash-');
let smtp: Awaited<ReturnType<typeof startSmtp>>;
let server: Awaited<ReturnType<typeof startServerProcess>> | undefined;
const env = () => ({
  PORT: String(SERVER_PORT),
  COLLOQUY_DATA_DIR: dir.path,
  COLLOQUY_SMTP_URL: smtp.url,
  COLLOQUY_PUBLIC_URL: `http://127.0.0.1:${SERVER_PORT}`,
  COLLOQUY_MAIL_LEASE_SECONDS: '2',
  COLLOQUY_MAIL_RETRY_SECONDS: '1',
  COLLOQUY_CONFIRMATIONS_PER_IP: '1000',
  COLLOQUY_POSTS_PER_IP: '100000',
});

before(async () => {
  smtp = await startSmtp(9426);
  server = await startServerProcess(env());
});
after(async () => {
  await server?.stop();
  await smtp?.close();
  dir.remove();
});

let killed: Promise<void> = Promise.resolve();

/** SIGKILL, no goodbye; resolves once the process is gone (a PGlite folder has one owner at a time). */
function kill(): Promise<void> {
  const dying = server;
  server = undefined;
  if (dying && dying.child.exitCode === null && dying.child.signalCode === null) {
    const exited = new Promise<void>((resolve) => dying.child.once('exit', () => resolve()));
    dying.child.kill('SIGKILL');
    killed = exited;
  }
  return killed;
}

async function restart() {
  await kill();
  server = await startServerProcess(env());
}

const base = () => `http://127.0.0.1:${SERVER_PORT}/`;

async function post(name: string, email: string | undefined, thread: string, text: string, notify = false) {
  const answer = await client(base(), `${name}-crash-guest-secret`).call(
    'POST',
    `threads/${thread}/comments`,
    {text, parentId: null, guest: {name, ...(email ? {email} : {})}, ...(notify ? {notify: {comments: true, posts: false}} : {})},
    {'Idempotency-Key': crypto.randomUUID()},
  );
  assert.equal(answer.status, 201, JSON.stringify(answer.body));
}

async function subscribe(email: string, thread: string) {
  await post(email.split('@')[0]!, email, thread, `Following, says ${email}`, true);
  const mail = await smtp.waitFor((m) => m.to === email && /confirm/i.test(m.subject));
  const confirmed = await fetch(mail.link(`http://127.0.0.1:${SERVER_PORT}/notifications/confirm?token=`), {method: 'POST'});
  assert.equal(confirmed.status, 200);
}

const copies = (match: (m: Received) => boolean) => smtp.accepted.filter(match);

it('sends an email again after a crash before SMTP accepted it, exactly once', async () => {
  await subscribe('before@example.com', 'crash-a');
  smtp.behave((message) =>
    message.to === 'before@example.com' && message.text.includes('before the answer')
      ? (_m, _accept, refuse) => {
          // The whole message is here, the 250 not yet sent: the process dies now.
          smtp.behave(() => 'accept');
          void kill().then(refuse);
        }
      : 'accept',
  );
  await post('Bob', undefined, 'crash-a', 'Killed before the answer');
  while (server) await new Promise((resolve) => setTimeout(resolve, 20));
  await restart();
  await smtp.waitFor((m) => m.to === 'before@example.com' && m.text.includes('before the answer'), 30_000);
  await new Promise((resolve) => setTimeout(resolve, 3000));
  assert.equal(copies((m) => m.to === 'before@example.com' && m.text.includes('before the answer')).length, 1);
});

it('sends twice, with one Message-ID, only when the crash falls between SMTP accepting and the row being marked', async () => {
  await subscribe('window@example.com', 'crash-b');
  smtp.behave((message) =>
    message.to === 'window@example.com' && message.text.includes('in the window')
      ? (_m, accept) => {
          // SMTP has the message (counted as accepted), and the process dies before it can
          // record the send: the one window docs/notifications.md describes.
          smtp.behave(() => 'accept');
          void kill().then(accept);
        }
      : 'accept',
  );
  await post('Bob', undefined, 'crash-b', 'Killed in the window');
  while (server) await new Promise((resolve) => setTimeout(resolve, 20));
  await restart();
  const match = (m: Received) => m.to === 'window@example.com' && m.text.includes('in the window');
  for (let i = 0; i < 600 && copies(match).length < 2; i++) await new Promise((resolve) => setTimeout(resolve, 50));
  await new Promise((resolve) => setTimeout(resolve, 3000));
  const sent = copies(match);
  assert.equal(sent.length, 2);
  assert.equal(sent[0]!.messageId, sent[1]!.messageId);
});

it('loses nothing and duplicates at most one email per kill when killed at random moments of a stream', async (t) => {
  const subscribers = Array.from({length: 6}, (_, i) => `stream${i}@example.com`);
  for (const email of subscribers) await subscribe(email, 'crash-c');
  // Each accepted email takes a moment, so kills land in every phase of a send.
  smtp.behave(() => (_m, accept) => void setTimeout(accept, 40));
  const texts = ['Stream one', 'Stream two', 'Stream three'];
  for (const text of texts) await post('Bob', undefined, 'crash-c', text);
  const expected = subscribers.length * texts.length;
  const delivered = () => copies((m) => m.to.startsWith('stream') && texts.some((t) => m.text.includes(t)));
  let kills = 0;
  for (const threshold of [3, 8, 13]) {
    while (delivered().length < threshold) await new Promise((resolve) => setTimeout(resolve, 5));
    await restart();
    kills += 1;
  }
  smtp.behave(() => 'accept');
  const deadline = Date.now() + 60_000;
  const pairs = () => new Set(delivered().map((m) => `${m.to} ${texts.find((t) => m.text.includes(t))}`));
  while (pairs().size < expected && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 50));
  await new Promise((resolve) => setTimeout(resolve, 3000));
  assert.equal(pairs().size, expected, 'every notification arrived');
  const all = delivered();
  const duplicates = all.length - expected;
  t.diagnostic(`${expected} notifications, ${kills} SIGKILLs mid-stream: ${all.length} emails accepted (${duplicates} re-sent)`);
  assert.ok(duplicates <= kills, `${duplicates} duplicates for ${kills} kills`);
  const byId = new Map<string, number>();
  for (const m of all) byId.set(m.messageId, (byId.get(m.messageId) ?? 0) + 1);
  assert.equal(byId.size, expected, 'a re-sent email carries the Message-ID of the first');
});
