import type {ServerConfig} from '../config.js';
import type {Database} from '../db/database.js';
import {isLocale} from '../i18n/locales.js';
import {translatorFor} from '../i18n/translate.js';
import type {Mailer, OutgoingMail} from '../mail/mailer.js';
import {commentMail, confirmationMail, postMail, type Links} from './compose.js';
import {claimJob, finishJob, retryLater, sweepNotifications, type ClaimedJob} from './queue.js';
import {MAIL_CHANNEL} from './subscriptions.js';

export interface NotificationWorker {
  /** Look for due jobs now (called on NOTIFY; harmless at any time). */
  wake(): void;
  /** Stops the loop; resolves once the email being sent (if any) is sent and recorded. */
  stop(): Promise<void>;
}

/**
 * The process's one mail loop, on one timer: it drains every due job, one at a time, then
 * sleeps until the next poll or until a NOTIFY says a job was queued. Several processes on
 * one PostgreSQL each run one; the queue's leases keep them from sending the same email.
 */
export function startNotificationWorker(options: {db: Database; mailer: Mailer; config: ServerConfig; links: Links; pollMs?: number}) {
  const {db, config} = options;
  const pollMs = options.pollMs ?? 2000;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let running: Promise<void> | undefined;
  let again = false;
  let stopped = false;
  let swept = 0;

  const drain = async () => {
    if (Date.now() - swept > 3600_000) {
      swept = Date.now();
      await sweepNotifications(db, config);
    }
    while (!stopped) {
      const job = await claimJob(db, config);
      if (!job) return;
      await deliver(options, job);
    }
  };
  const run = () => {
    clearTimeout(timer);
    again = false;
    running = drain()
      .catch((error: unknown) => console.error('colloquy-server: mail queue:', error instanceof Error ? error.message : error))
      .finally(() => {
        running = undefined;
        if (stopped) return;
        if (again) run();
        else timer = setTimeout(run, pollMs);
      });
  };
  const wake = () => {
    if (stopped) return;
    if (running) again = true;
    else run();
  };
  void db.listen(MAIL_CHANNEL, wake).catch(() => {});
  run();
  return {
    wake,
    async stop() {
      stopped = true;
      clearTimeout(timer);
      await running;
    },
  } satisfies NotificationWorker;
}

async function deliver(options: {db: Database; mailer: Mailer; config: ServerConfig; links: Links}, job: ClaimedJob): Promise<void> {
  const {db, mailer, config} = options;
  if (job.attempts > config.mailMaxAttempts) {
    // Claimed this often without being recorded as sent or failed: it takes its process
    // down mid-send, or outlives its lease every time. Stop trying.
    await finishJob(db, job, 'dead', 'gave up: every attempt ended without a result');
    return;
  }
  const mail = await composeJob(db, job, options.links);
  if (!mail) {
    await finishJob(db, job, 'skipped');
    return;
  }
  try {
    // The same Message-ID on every attempt: if the one unavoidable window (accepted by
    // SMTP, then a crash before the row says so) makes us send twice, mailbox providers
    // that drop repeated Message-IDs show it once.
    await mailer.send({...mail, headers: {...mail.headers, 'Message-ID': `<colloquy-${job.kind}-${job.id}@${new URL(options.links.base).hostname}>`}});
  } catch (error) {
    const message = describe(error);
    if (isPermanent(error) || job.attempts >= config.mailMaxAttempts) await finishJob(db, job, 'dead', message);
    else await retryLater(db, job, message, config);
    return;
  }
  await recordSent(db, job);
}

/**
 * Marks a sent job as soon as SMTP accepted it: this is the window in which a crash sends
 * the email twice, so a failing database write is retried for a while rather than left
 * for the lease to run out.
 */
async function recordSent(db: Database, job: ClaimedJob): Promise<void> {
  for (let attempt = 0; ; attempt++) {
    try {
      if (!(await finishJob(db, job, 'sent'))) {
        // Only when a send outlived its lease: another process took the job meanwhile.
        console.warn(`colloquy-server: email ${job.id} was sent after its lease ran out and may go out twice; raise COLLOQUY_MAIL_LEASE_SECONDS`);
      }
      return;
    } catch (error) {
      if (attempt >= 10) throw error;
      await new Promise((resolve) => setTimeout(resolve, 200 * 2 ** Math.min(attempt, 5)));
    }
  }
}

/** SMTP's 5xx replies are final (no such mailbox, refused): retrying cannot help. */
function isPermanent(error: unknown): boolean {
  const code = (error as {responseCode?: unknown})?.responseCode;
  return typeof code === 'number' && code >= 500 && code < 600;
}

function describe(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  return text.slice(0, 500);
}

interface AddressRow {
  address: string;
  token: string;
  locale: string;
  confirmed: boolean;
  suppressed: boolean;
}

/** The email a job stands for, or undefined when it should no longer be sent. */
async function composeJob(db: Database, job: ClaimedJob, links: Links): Promise<OutgoingMail | undefined> {
  const [address] = await db.query<AddressRow>(
    `SELECT address, token, locale, confirmed_at IS NOT NULL AS confirmed, suppressed_at IS NOT NULL AS suppressed FROM notify_addresses WHERE id = $1`,
    [job.address_id],
  );
  if (!address || address.suppressed) return undefined;
  // A locale this server no longer speaks (a catalog removed) falls back to English.
  const t = translatorFor(isLocale(address.locale) ? address.locale : 'en');
  if (job.kind === 'confirm') {
    if (address.confirmed || !job.secret) return undefined;
    const [latest] = await db.query<{title: string | null; url: string | null; kind: string}>(
      `SELECT t.title, t.url, s.kind FROM notify_subscriptions s LEFT JOIN threads t ON t.id = s.thread_id
       WHERE s.address_id = $1 AND s.unsubscribed_at IS NULL ORDER BY s.created_at DESC LIMIT 1`,
      [job.address_id],
    );
    if (!latest) return undefined;
    return confirmationMail({t, to: address.address, thread: latest.kind === 'comments' ? {title: latest.title ?? '', url: latest.url} : null, secret: job.secret, addressToken: address.token, links});
  }
  if (!address.confirmed) return undefined;
  const [subscription] = await db.query<{token: string; author_key: string | null}>(
    `SELECT token, author_key FROM notify_subscriptions WHERE id = $1 AND unsubscribed_at IS NULL`,
    [job.subscription_id],
  );
  if (!subscription) return undefined;
  if (job.kind === 'post') {
    const [post] = await db.query<{title: string; url: string; excerpt: string}>(`SELECT title, url, excerpt FROM notify_posts WHERE id = $1`, [job.post_id]);
    if (!post) return undefined;
    return postMail({t, to: address.address, ...post, subscriptionToken: subscription.token, addressToken: address.token, links});
  }
  const [comment] = await db.query<{
    author_name: string; text: string; status: string; title: string; url: string | null; parent_key: string | null; parent_email: string | null;
  }>(
    `SELECT c.author_name, c.text, c.status, t.title, t.url, p.author_key AS parent_key, lower(p.author_email) AS parent_email
     FROM comments c JOIN threads t ON t.id = c.thread_id LEFT JOIN comments p ON p.id = c.parent_id
     WHERE c.id = $1`,
    [job.comment_id],
  );
  if (!comment || comment.status !== 'approved') return undefined;
  const isReplyToRecipient =
    (comment.parent_key !== null && comment.parent_key === subscription.author_key) || comment.parent_email === address.address;
  return commentMail({
    t,
    to: address.address,
    author: comment.author_name,
    text: comment.text,
    threadTitle: comment.title,
    threadUrl: comment.url,
    commentId: job.comment_id!,
    isReplyToRecipient,
    subscriptionToken: subscription.token,
    addressToken: address.token,
    links,
  });
}
