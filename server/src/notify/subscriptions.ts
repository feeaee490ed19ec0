import {randomBytes} from 'node:crypto';
import {hashSecret} from '../secrets.js';
import type {ServerConfig} from '../config.js';
import type {Database, Queryable} from '../db/database.js';
import type {Locale} from '../i18n/locales.js';
import {invalid, invalidField, ProtocolError} from '../errors.js';
import type {PostInput} from '../store/validate.js';
import {hitRateLimits} from '../store/rate-limits.js';
import type {Viewer} from '../viewer.js';

/** Woken (NOTIFY, delivered at commit) whenever a job is queued, so mail goes out at once. */
export const MAIL_CHANNEL = 'colloquy_mail';

/** What a post asked for, and where to: checked before anything is stored. */
export interface NotifyRequest {
  address: string;
  /** The session vouches for the address (a provider verified it): no confirmation needed. */
  verified: boolean;
  comments: boolean;
  posts: boolean;
}

/**
 * The notification part of a post, or undefined when none was asked for. Refused with
 * `invalid` when this server sends no email (the boxes are not offered then), or when
 * there is no address to write to.
 */
export function notifyRequest(input: PostInput, viewer: Viewer, config: ServerConfig): NotifyRequest | undefined {
  if (!input.notify) return undefined;
  if (!config.smtpUrl) {
    throw invalid('error.notify-no-mail');
  }
  // A signed-in person's provider verified their address: it counts as confirmed.
  const verifiedEmail = viewer.user?.verifiedEmail;
  if (verifiedEmail) return {address: verifiedEmail.toLowerCase(), verified: true, ...input.notify};
  if (viewer.user) {
    throw invalid('error.notify-unverified');
  }
  const address = input.guest?.email;
  if (!address) {
    throw invalidField('email', 'error.notify-email-missing');
  }
  return {address: address.toLowerCase(), verified: false, ...input.notify};
}

function newToken(prefix: 'a' | 's' | 'c'): string {
  return `${prefix}_${randomBytes(24).toString('base64url')}`;
}

/**
 * Records what a commenter asked for, in the transaction that stores their comment. An
 * address not yet confirmed gets one confirmation email (at most one per address per
 * confirmation window, and a limited number per client address), and nothing else until
 * its owner clicks. An address whose owner said "never email me" stays silent, unless a
 * session proves this person owns it. Mail to it is written in the language of the request
 * that subscribed it; once confirmed, only a session proving ownership changes that, so a
 * stranger who knows the address cannot switch its owner's emails to another language.
 */
export async function recordSubscriptions(
  tx: Queryable,
  request: NotifyRequest,
  context: {threadId: string; authorKey: string; ip: string; locale: Locale},
  config: ServerConfig,
): Promise<void> {
  const [address] = await tx.query<{id: string; confirmed: boolean; suppressed: boolean; confirm_due: boolean}>(
    `INSERT INTO notify_addresses AS a (address, token, confirmed_at, locale) VALUES ($1, $2, CASE WHEN $3 THEN now() END, $5)
     ON CONFLICT (address) DO UPDATE SET
       confirmed_at = coalesce(a.confirmed_at, EXCLUDED.confirmed_at),
       locale = CASE WHEN $3 OR a.confirmed_at IS NULL THEN EXCLUDED.locale ELSE a.locale END,
       suppressed_at = CASE WHEN $3 THEN NULL ELSE a.suppressed_at END
     RETURNING a.id::text AS id, a.confirmed_at IS NOT NULL AS confirmed, a.suppressed_at IS NOT NULL AS suppressed,
       (a.confirm_sent_at IS NULL OR a.confirm_sent_at < now() - make_interval(secs => $4)) AS confirm_due`,
    [request.address, newToken('a'), request.verified, config.confirmWindowSeconds, context.locale],
  );
  if (!address || address.suppressed) return;
  const subscribe = (kind: 'comments' | 'posts', threadId: string | null) =>
    tx.query(
      `INSERT INTO notify_subscriptions AS s (address_id, kind, thread_id, author_key, token) VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (address_id, kind, (coalesce(thread_id, ''))) DO UPDATE SET unsubscribed_at = NULL, author_key = EXCLUDED.author_key`,
      [address.id, kind, threadId, context.authorKey, newToken('s')],
    );
  if (request.comments) await subscribe('comments', context.threadId);
  if (request.posts) await subscribe('posts', null);
  if (address.confirmed || !address.confirm_due) return;
  if (!(await withinIpAllowance(tx, context.ip, config))) return;
  const token = newToken('c');
  // The row lock makes a concurrent post for the same address (any process) wait here and
  // then find the confirmation already sent.
  const [claimed] = await tx.query(
    `UPDATE notify_addresses SET confirm_token_hash = $2, confirm_sent_at = now()
     WHERE id = $1 AND confirmed_at IS NULL AND (confirm_sent_at IS NULL OR confirm_sent_at < now() - make_interval(secs => $3))
     RETURNING id`,
    [address.id, hashSecret(token), config.confirmWindowSeconds],
  );
  if (!claimed) return;
  await tx.query(`INSERT INTO notify_jobs (kind, address_id, secret) VALUES ('confirm', $1, $2)`, [address.id, token]);
  await wakeMailer(tx);
}

/** Whether this client address may still cause a confirmation email in the current window. */
async function withinIpAllowance(tx: Queryable, ip: string, config: ServerConfig): Promise<boolean> {
  try {
    await hitRateLimits(tx, [{bucket: `confirm-ip:${ip}`, limit: config.confirmationsPerIp}], config.confirmWindowSeconds);
    return true;
  } catch (error) {
    // The comment still goes in; only the confirmation email is left out (the next post
    // after the window sends it).
    if (error instanceof ProtocolError && error.code === 'rate-limited') return false;
    throw error;
  }
}

export async function wakeMailer(tx: Queryable): Promise<void> {
  await tx.query('SELECT pg_notify($1, $2)', [MAIL_CHANNEL, '']);
}

/**
 * Queues a notification of a newly visible comment for every confirmed subscriber of its
 * thread, except its author. The unique index on (address, comment) keeps a second call
 * for the same comment from queuing anything twice.
 */
export async function queueCommentNotifications(tx: Queryable, comment: {id: string; thread_id: string; author_key: string}): Promise<number> {
  const rows = await tx.query(
    `INSERT INTO notify_jobs (kind, address_id, subscription_id, comment_id)
     SELECT 'comment', a.id, s.id, $3
     FROM notify_subscriptions s JOIN notify_addresses a ON a.id = s.address_id
     WHERE s.kind = 'comments' AND s.thread_id = $1 AND s.unsubscribed_at IS NULL
       AND a.confirmed_at IS NOT NULL AND a.suppressed_at IS NULL
       AND s.author_key IS DISTINCT FROM $2
       AND a.address IS DISTINCT FROM (SELECT lower(c.author_email) FROM comments c WHERE c.id = $3)
     ON CONFLICT DO NOTHING RETURNING id`,
    [comment.thread_id, comment.author_key, comment.id],
  );
  if (rows.length) await wakeMailer(tx);
  return rows.length;
}

/** Who asked for `kind` mail and has not left, in keyset pages by subscription id (the admin API). */
export async function listSubscribers(db: Queryable, kind: 'posts' | 'comments', after: number, limit: number) {
  return db.query<{id: string; address: string; thread_id: string | null; confirmed_at: Date | null; created_at: Date}>(
    `SELECT s.id::text AS id, a.address, s.thread_id, a.confirmed_at, s.created_at
     FROM notify_subscriptions s JOIN notify_addresses a ON a.id = s.address_id
     WHERE s.kind = $1 AND s.unsubscribed_at IS NULL AND a.suppressed_at IS NULL AND s.id > $2
     ORDER BY s.id LIMIT $3`,
    [kind, after, limit],
  );
}

/**
 * Records a published post and queues its mail to every confirmed post subscriber, once:
 * a post announced again (same `id`) queues nothing.
 */
export async function announcePost(db: Database, post: {id: string; title: string; url: string; excerpt: string}) {
  return db.transaction(async (tx) => {
    const inserted = await tx.query(
      `INSERT INTO notify_posts (id, title, url, excerpt) VALUES ($1, $2, $3, $4) ON CONFLICT (id) DO NOTHING RETURNING id`,
      [post.id, post.title, post.url, post.excerpt],
    );
    if (!inserted.length) return {announced: false, queued: 0};
    const jobs = await tx.query(
      `INSERT INTO notify_jobs (kind, address_id, subscription_id, post_id)
       SELECT 'post', a.id, s.id, $1 FROM notify_subscriptions s JOIN notify_addresses a ON a.id = s.address_id
       WHERE s.kind = 'posts' AND s.unsubscribed_at IS NULL AND a.confirmed_at IS NOT NULL AND a.suppressed_at IS NULL
       ON CONFLICT DO NOTHING RETURNING id`,
      [post.id],
    );
    if (jobs.length) await wakeMailer(tx);
    return {announced: true, queued: jobs.length};
  });
}
