import assert from 'node:assert/strict';
import {after, before, describe, it} from 'node:test';
import {client, startTestServer} from './helpers.js';
import {createSession, upsertUser} from '../src/auth/store.js';
import {sweepNotifications} from '../src/notify/queue.js';
import {sweep} from '../src/store/rate-limits.js';
import {startSmtp} from './smtp.helpers.js';

// Email notifications end to end, against a real SMTP server (smtp-server) started here:
// double opt-in, replies, escaping, unsubscribing, moderation, posts, retries, dead letters.

type Server = Awaited<ReturnType<typeof startTestServer>>;
type Smtp = Awaited<ReturnType<typeof startSmtp>>;

let smtp: Smtp;
let server: Server;

before(async () => {
  smtp = await startSmtp(9421);
  server = await startTestServer({
    PORT: '9423',
    COLLOQUY_SMTP_URL: smtp.url,
    COLLOQUY_PUBLIC_URL: 'http://127.0.0.1:9423',
    COLLOQUY_MODERATION: 'links',
    COLLOQUY_MODERATION_LINKS: '0',
    COLLOQUY_MAIL_RETRY_SECONDS: '1',
    COLLOQUY_MAIL_MAX_ATTEMPTS: '4',
    COLLOQUY_CONFIRMATIONS_PER_IP: '1000',
  });
});
after(async () => {
  await server?.cleanup();
  await smtp?.close();
});

/** A commenter with their own browser (guest key) and email address. */
function person(name: string, email?: string) {
  const browser = client(server.url, `${name.replace(/\W/g, '')}-guest-secret-${Math.random().toString(36).slice(2)}`);
  return {
    email,
    say: async (thread: string, text: string, options: {parentId?: string; notify?: {comments?: boolean; posts?: boolean}} = {}) => {
      const answer = await browser.call(
        'POST',
        `threads/${thread}/comments`,
        {
          text,
          parentId: options.parentId ?? null,
          guest: {name, ...(email ? {email} : {})},
          ...(options.notify ? {notify: {comments: false, posts: false, ...options.notify}} : {}),
          thread: {title: `The <em>${thread}</em> post & “friends”`, url: `https://blog.example/${thread}/`},
        },
        {'Idempotency-Key': crypto.randomUUID()},
      );
      assert.equal(answer.status, 201, JSON.stringify(answer.body));
      return answer.body.comment as {id: string; status: string};
    },
  };
}

/** Resolves once the outbox has nothing left to send now (everything due is sent, skipped or dead). */
async function settled(ms = 15_000, on: Server = server) {
  const deadline = Date.now() + ms;
  while (Date.now() < deadline) {
    const [row] = await on.db.query<{n: number}>(
      `SELECT count(*)::int AS n FROM notify_jobs WHERE state = 'sending' OR (state = 'queued' AND run_at <= now())`,
    );
    if (row!.n === 0) return;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  throw new Error('the outbox did not drain');
}

async function confirm(email: string) {
  const mail = await smtp.waitFor((m) => m.to === email && /confirm/i.test(m.subject));
  const link = mail.link('http://127.0.0.1:9423/notifications/confirm?token=');
  const confirmed = await fetch(link, {method: 'POST'});
  assert.equal(confirmed.status, 200);
  return mail;
}

describe('double opt-in', () => {
  it('sends one confirmation, nothing else until it is clicked, and a GET alone confirms nothing', async () => {
    const ada = person('Ada', 'ada@example.com');
    const bob = person('Bob', 'bob@example.com');
    const first = await ada.say('opt-in', 'First!', {notify: {comments: true}});
    await ada.say('opt-in', 'And again, still asking.', {notify: {comments: true}});
    await settled();
    const confirmations = smtp.to('ada@example.com');
    assert.equal(confirmations.length, 1, 'one confirmation per address per window');
    const mail = confirmations[0]!;
    assert.match(mail.text, /hopefully you, asked to receive emails about new comments on “The <em>opt-in<\/em> post & “friends”” \(blog\.example\)/);
    assert.match(mail.html, /Confirm your email address/);
    assert.match(mail.header('list-unsubscribe') ?? '', /^<http:\/\/127\.0\.0\.1:9423\/notifications\/unsubscribe\?token=a_/);
    assert.equal(mail.header('list-unsubscribe-post'), 'List-Unsubscribe=One-Click');

    // A mail scanner opening the link does not confirm: the page only offers a button.
    const link = mail.link('http://127.0.0.1:9423/notifications/confirm?token=');
    const page = await fetch(link);
    assert.equal(page.status, 200);
    const html = await page.text();
    assert.match(html, /<form method="post"/);
    assert.match(html, /ada@example\.com/);
    await bob.say('opt-in', 'A reply before Ada confirmed.', {parentId: first.id});
    await settled();
    assert.equal(smtp.to('ada@example.com').length, 1, 'unconfirmed: nothing beyond the confirmation');

    assert.equal((await fetch(link, {method: 'POST'})).status, 200);
    assert.equal((await fetch(link, {method: 'POST'})).status, 404, 'a confirmation link works once');
    await bob.say('opt-in', 'A reply after Ada confirmed.', {parentId: first.id});
    const note = await smtp.waitFor((m) => m.to === 'ada@example.com' && m.text.includes('after Ada confirmed'));
    assert.match(note.subject, /^Bob replied to your comment on “The <em>opt-in<\/em> post & “friends””$/);
  });

  it('never mails a stranger more than the one confirmation, whatever is posted in their name', async () => {
    const mallory = person('Mallory', 'victim@example.com');
    const other = person('Other', 'other@example.com');
    for (let i = 0; i < 4; i++) await mallory.say('strangers', `Spam number ${i}`, {notify: {comments: true, posts: true}});
    await other.say('strangers', 'A comment in the thread.');
    await settled();
    const mails = smtp.to('victim@example.com');
    assert.equal(mails.length, 1);
    assert.match(mails[0]!.subject, /confirm/i);
  });

  it('limits confirmations per client address', async () => {
    const limited = await startTestServer({PORT: '9424', COLLOQUY_SMTP_URL: smtp.url, COLLOQUY_CONFIRMATIONS_PER_IP: '2'});
    try {
      const before = smtp.accepted.length;
      for (let i = 0; i < 5; i++) {
        const answer = await client(limited.url).call('POST', 'threads/flood/comments', {
          text: `Comment ${i}`, parentId: null, guest: {name: 'Flood', email: `flood${i}@example.com`}, notify: {comments: true},
        });
        assert.equal(answer.status, 201, 'the comment goes in even when no confirmation is sent');
      }
      await settled(15_000, limited);
      assert.equal(smtp.accepted.slice(before).filter((m) => m.to.startsWith('flood')).length, 2);
    } finally {
      await limited.cleanup();
    }
  });
});

describe('notifications', () => {
  it('mails new comments to confirmed subscribers with every piece of text escaped, never to the author', async () => {
    const ada = person('Ada', 'ada2@example.com');
    const bob = person('<b>Bob</b> & "co"', 'bob2@example.com');
    const first = await ada.say('escaping', 'Who is following?', {notify: {comments: true}});
    await confirm('ada2@example.com');
    const reply = await bob.say('escaping', '<script>alert(1)</script>\n<img src=x onerror=alert(2)> & </p>', {parentId: first.id, notify: {comments: true}});
    const mail = await smtp.waitFor((m) => m.to === 'ada2@example.com' && m.text.includes('alert(1)'));
    assert.ok(mail.text.includes('<script>alert(1)</script>'), 'the plain text is as typed');
    assert.ok(!mail.html.includes('<script'), 'no markup from the comment in the HTML');
    assert.ok(!mail.html.includes('<img'), 'no markup from the comment in the HTML');
    assert.ok(!mail.html.includes('<b>Bob'), 'the name is escaped');
    assert.ok(!mail.html.includes('<em>escaping'), 'the title is escaped');
    assert.match(mail.html, /&#60;script&#62;alert\(1\)&#60;\/script&#62;<br>&#60;img/);
    assert.match(mail.html, /&#60;b&#62;Bob&#60;\/b&#62; &#38; &#34;co&#34;/);
    assert.ok(mail.text.includes(`https://blog.example/escaping/#comment-${reply.id}`));
    assert.match(mail.header('list-unsubscribe') ?? '', /^<http:\/\/127\.0\.0\.1:9423\/notifications\/unsubscribe\?token=s_[\w-]+>$/);
    assert.equal(mail.header('list-unsubscribe-post'), 'List-Unsubscribe=One-Click');
    assert.equal(mail.header('auto-submitted'), 'auto-generated');
    assert.match(mail.messageId, /^<colloquy-comment-\d+@127\.0\.0\.1>$/);

    // Bob confirms; Ada's next comment goes to Bob, not to Ada herself.
    await confirm('bob2@example.com');
    const adaBefore = smtp.to('ada2@example.com').length;
    await ada.say('escaping', 'Thanks, Bob.');
    await smtp.waitFor((m) => m.to === 'bob2@example.com' && m.text.includes('Thanks, Bob.'));
    await settled();
    assert.equal(smtp.to('ada2@example.com').length, adaBefore, 'nobody is told of their own comment');
  });

  it('holds back a held comment until a moderator approves it', async () => {
    const ada = person('Ada', 'ada3@example.com');
    const eve = person('Eve', 'eve3@example.com');
    await ada.say('held', 'Watching this one.', {notify: {comments: true}});
    await confirm('ada3@example.com');
    const held = await eve.say('held', 'See https://spam.example for more');
    assert.equal(held.status, 'pending');
    await settled();
    assert.equal(smtp.to('ada3@example.com').filter((m) => m.text.includes('spam.example')).length, 0);
    const approved = await client(server.url).admin('POST', `comments/${held.id}/approve`);
    assert.equal(approved.status, 200);
    await smtp.waitFor((m) => m.to === 'ada3@example.com' && m.text.includes('spam.example'));
    // Approving again changes nothing and queues nothing.
    await client(server.url).admin('POST', `comments/${held.id}/approve`);
    await settled();
    assert.equal(smtp.to('ada3@example.com').filter((m) => m.text.includes('spam.example')).length, 1);
  });

  it('unsubscribes by one-click POST, and by GET only through the page’s button', async () => {
    const ada = person('Ada', 'ada4@example.com');
    const bob = person('Bob', 'bob4@example.com');
    await ada.say('leaving', 'I will leave soon.', {notify: {comments: true}});
    await confirm('ada4@example.com');
    await bob.say('leaving', 'Hello Ada');
    const mail = await smtp.waitFor((m) => m.to === 'ada4@example.com' && m.text.includes('Hello Ada'));
    const url = mail.header('list-unsubscribe')!.slice(1, -1);

    const page = await fetch(url);
    assert.equal(page.status, 200);
    assert.match(await page.text(), /<button type="submit">Unsubscribe<\/button>/);
    await bob.say('leaving', 'Still here after the GET?');
    await smtp.waitFor((m) => m.to === 'ada4@example.com' && m.text.includes('after the GET'));

    const oneClick = await fetch(url, {
      method: 'POST',
      headers: {'Content-Type': 'application/x-www-form-urlencoded'},
      body: 'List-Unsubscribe=One-Click',
    });
    assert.equal(oneClick.status, 200);
    await bob.say('leaving', 'Gone now?');
    await settled();
    assert.equal(smtp.to('ada4@example.com').filter((m) => m.text.includes('Gone now')).length, 0);
    assert.match(await (await fetch(url)).text(), /you are unsubscribed/);
  });

  it('stops all email to an address from the link in any email, confirmation included', async () => {
    const ada = person('Ada', 'ada5@example.com');
    await ada.say('stop-all', 'Hi', {notify: {comments: true, posts: true}});
    const confirmation = await smtp.waitFor((m) => m.to === 'ada5@example.com');
    const stopAll = confirmation.link('http://127.0.0.1:9423/notifications/unsubscribe?token=a_');
    assert.equal((await fetch(stopAll, {method: 'POST'})).status, 200);
    const link = confirmation.link('http://127.0.0.1:9423/notifications/confirm?token=');
    assert.equal((await fetch(link, {method: 'POST'})).status, 404, 'a suppressed address cannot be confirmed');
  });

  it('announces a post to confirmed post subscribers once, and lists them to the site owner', async () => {
    const ada = person('Ada', 'ada6@example.com');
    await ada.say('posts', 'Tell me about new posts', {notify: {posts: true}});
    await confirm('ada6@example.com');
    const admin = client(server.url);
    const list = await admin.admin('GET', 'notifications/subscribers?kind=posts');
    assert.equal(list.status, 200);
    assert.ok(list.body.subscribers.some((s: {email: string; confirmed: boolean}) => s.email === 'ada6@example.com' && s.confirmed));
    const post = {id: 'post-42', title: 'Hello <world>', url: 'https://blog.example/hello/', excerpt: 'A & B'};
    const first = await admin.admin('POST', 'notifications/posts', post);
    assert.equal(first.status, 202);
    const mail = await smtp.waitFor((m) => m.to === 'ada6@example.com' && m.subject === 'New post: Hello <world>');
    assert.match(mail.html, /Hello &#60;world&#62;/);
    assert.match(mail.html, /A &#38; B/);
    assert.match(mail.header('list-unsubscribe') ?? '', /token=s_/);
    const again = await admin.admin('POST', 'notifications/posts', post);
    assert.equal(again.status, 200);
    assert.equal(again.body.announced, false);
    await settled();
    assert.equal(smtp.to('ada6@example.com').filter((m) => m.subject.startsWith('New post')).length, 1);
    const refused = await client(server.url).call('POST', 'admin/notifications/posts', post, {Authorization: 'Bearer wrong-token-000000000'});
    assert.equal(refused.status, 401);
  });
});

describe('an SMTP server that fails', () => {
  it('retries temporary failures with backoff and sends each email once when it recovers', async () => {
    const ada = person('Ada', 'ada7@example.com');
    const bob = person('Bob', 'bob7@example.com');
    await ada.say('flaky', 'Subscribed', {notify: {comments: true}});
    await confirm('ada7@example.com');
    let failures = 0;
    smtp.behave((m) => (m.to === 'ada7@example.com' && failures++ < 2 ? 'fail-temporary' : 'accept'));
    try {
      await bob.say('flaky', 'Through a flaky server');
      const started = Date.now();
      await smtp.waitFor((m) => m.to === 'ada7@example.com' && m.text.includes('flaky server'));
      assert.equal(failures, 3, 'two refusals, then accepted');
      assert.ok(Date.now() - started >= 2500, 'waited 1 s then 2 s between tries');
      await settled();
      assert.equal(smtp.to('ada7@example.com').filter((m) => m.text.includes('flaky server')).length, 1);
    } finally {
      smtp.behave(() => 'accept');
    }
  });

  it('waits out an SMTP server that is down, then sends once', async () => {
    const ada = person('Ada', 'ada9@example.com');
    await ada.say('down', 'Subscribed', {notify: {comments: true}});
    await confirm('ada9@example.com');
    await smtp.close();
    try {
      await person('Bob').say('down', 'Sent while the mail server was down');
      let job: {attempts: number; last_error: string | null} | undefined;
      for (let i = 0; i < 400 && !job?.last_error; i++) {
        await new Promise((resolve) => setTimeout(resolve, 25));
        [job] = await server.db.query<{attempts: number; last_error: string | null}>(
          `SELECT j.attempts, j.last_error FROM notify_jobs j JOIN notify_addresses a ON a.id = j.address_id
           WHERE a.address = 'ada9@example.com' AND j.kind = 'comment'`,
        );
      }
      assert.match(job?.last_error ?? '', /ECONNREFUSED|connect/i);
    } finally {
      smtp = await startSmtp(9421);
    }
    await smtp.waitFor((m) => m.to === 'ada9@example.com' && m.text.includes('mail server was down'));
    await settled();
    assert.equal(smtp.to('ada9@example.com').length, 1);
  });

  it('makes a permanent failure a dead letter the site owner sees and can send again', async () => {
    const ada = person('Ada', 'ada8@example.com');
    const bob = person('Bob', 'bob8@example.com');
    await ada.say('dead', 'Subscribed', {notify: {comments: true}});
    await confirm('ada8@example.com');
    smtp.behave((m) => (m.to === 'ada8@example.com' ? 'fail-permanent' : 'accept'));
    await bob.say('dead', 'This one bounces');
    const admin = client(server.url);
    let dead: {id: string; to: string; lastError: string}[] = [];
    for (let i = 0; i < 200 && !dead.some((j) => j.to === 'ada8@example.com'); i++) {
      await new Promise((resolve) => setTimeout(resolve, 50));
      dead = (await admin.admin('GET', 'notifications/jobs?state=dead')).body.jobs;
    }
    const letter = dead.find((j) => j.to === 'ada8@example.com');
    assert.ok(letter, 'the dead letter is listed');
    assert.match(letter.lastError, /550/);
    smtp.behave(() => 'accept');
    assert.equal((await admin.admin('POST', `notifications/jobs/${letter.id}/retry`)).status, 200);
    await smtp.waitFor((m) => m.to === 'ada8@example.com' && m.text.includes('This one bounces'));
  });
});

describe('signed-in people', () => {
  async function signIn(subject: string, verifiedEmail?: string) {
    const user = await upsertUser(server.db, 'github', {subject, name: `User ${subject}`, ...(verifiedEmail ? {verifiedEmail} : {})});
    const token = await createSession(server.db, user.id, 'github', Date.now() + 3600_000);
    return token;
  }
  const as = (token: string) => (method: string, path: string, body?: unknown) =>
    client(server.url, null).call(method, path, body, {Authorization: `Bearer ${token}`});

  it('counts a provider-verified address as confirmed: no confirmation email, notified at once', async () => {
    const token = await signIn('4242', 'Verified@Example.com');
    const me = as(token);
    const page = await me('GET', 'threads/signed-in/comments');
    assert.deepEqual(page.body.thread.posting.notifications, {comments: true, posts: true});
    const mine = await me('POST', 'threads/signed-in/comments', {text: 'Signed in and following', parentId: null, notify: {comments: true, posts: false}});
    assert.equal(mine.status, 201, JSON.stringify(mine.body));
    await person('Bob').say('signed-in', 'Hello, signed-in person', {parentId: mine.body.comment.id});
    const mail = await smtp.waitFor((m) => m.to === 'verified@example.com' && m.text.includes('Hello, signed-in person'));
    assert.match(mail.subject, /^Bob replied to your comment/);
    assert.equal(smtp.to('verified@example.com').filter((m) => /confirm/i.test(m.subject)).length, 0);
    // Their own next comment is not mailed to them.
    await me('POST', 'threads/signed-in/comments', {text: 'My own follow-up', parentId: null});
    await settled();
    assert.equal(smtp.to('verified@example.com').filter((m) => m.text.includes('My own follow-up')).length, 0);
  });

  it('offers no boxes to a signed-in person with no verified address, and refuses them', async () => {
    const token = await signIn('4343');
    const me = as(token);
    const page = await me('GET', 'threads/signed-in-2/comments');
    assert.deepEqual(page.body.thread.posting.notifications, {comments: false, posts: false});
    const refused = await me('POST', 'threads/signed-in-2/comments', {text: 'Notify me', parentId: null, notify: {comments: true, posts: false}});
    assert.equal(refused.status, 400);
    assert.match(refused.body.error.message, /verified email address/);
  });
});

describe('keeping little', () => {
  it('forgets unconfirmed addresses and finished emails after 30 days, never a suppressed address', async () => {
    const {db} = server;
    const old = `now() - interval '31 days'`;
    await db.query(`INSERT INTO notify_addresses (address, token, created_at, confirm_sent_at) VALUES ('old@example.com', 'a_old-token-000000000000', ${old}, ${old})`);
    await db.query(`INSERT INTO notify_addresses (address, token, created_at, suppressed_at) VALUES ('blocked@example.com', 'a_blocked-token-00000000', ${old}, ${old})`);
    await db.query(`INSERT INTO notify_addresses (address, token, created_at, confirmed_at) VALUES ('kept@example.com', 'a_kept-token-0000000000', ${old}, ${old})`);
    const [kept] = await db.query<{id: string}>(`SELECT id::text AS id FROM notify_addresses WHERE address = 'kept@example.com'`);
    await db.query(`INSERT INTO notify_jobs (kind, address_id, state, finished_at) VALUES ('confirm', $1, 'sent', ${old}), ('confirm', $1, 'dead', ${old})`, [kept!.id]);
    const windowStart = new Date(Math.floor(Date.now() / 86_400_000) * 86_400_000 - 3600_000);
    await db.query(`INSERT INTO rate_limits (bucket, window_start, hits) VALUES ('confirm-ip:203.0.113.9', $1, 3)`, [windowStart]);
    await sweep(db, 600);
    assert.equal((await db.query(`SELECT 1 FROM rate_limits WHERE bucket = 'confirm-ip:203.0.113.9'`)).length, 1, 'the 10-minute sweep leaves day-long counts alone');
    await sweepNotifications(db, server.config);
    const addresses = (await db.query<{address: string}>(`SELECT address FROM notify_addresses WHERE address IN ('old@example.com', 'blocked@example.com', 'kept@example.com') ORDER BY address`)).map((r) => r.address);
    assert.deepEqual(addresses, ['blocked@example.com', 'kept@example.com']);
    const jobs = await db.query<{state: string}>(`SELECT state FROM notify_jobs WHERE address_id = $1`, [kept!.id]);
    assert.deepEqual(jobs.map((j) => j.state), ['dead'], 'dead letters are kept for 90 days');
  });
});

describe('without SMTP', () => {
  it('offers no notification boxes and refuses a request for them', async () => {
    const quiet = await startTestServer({PORT: '9425'});
    try {
      const service = await client(quiet.url).call('GET', '');
      assert.deepEqual(service.body.notifications, {comments: false, posts: false});
      const page = await client(quiet.url).page('quiet');
      assert.deepEqual(page.body.thread.posting.notifications, {comments: false, posts: false});
      const answer = await client(quiet.url).call('POST', 'threads/quiet/comments', {
        text: 'Notify me', parentId: null, guest: {name: 'Ada', email: 'ada@example.com'}, notify: {comments: true, posts: false},
      });
      assert.equal(answer.status, 400);
      assert.equal(answer.body.error.code, 'invalid');
      assert.match(answer.body.error.message, /sends no email/);
    } finally {
      await quiet.cleanup();
    }
  });

  it('asks for an address when notifications are wanted without one', async () => {
    const answer = await client(server.url).call('POST', 'threads/no-address/comments', {
      text: 'Notify me', parentId: null, guest: {name: 'Ada'}, notify: {comments: true, posts: false},
    });
    assert.equal(answer.status, 400);
    assert.ok(answer.body.error.fields.email);
  });
});
