import type {Queryable} from '../db/database.js';
import {hashSecret} from '../secrets.js';

/** What a token from an email stands for, for the page that asks "are you sure?". */
export type TokenTarget =
  | {kind: 'confirm'; address: string}
  | {kind: 'subscription'; address: string; what: 'comments' | 'posts'; threadTitle: string | null; active: boolean}
  | {kind: 'address'; address: string; suppressed: boolean};

const CONFIRM_VALID_SECONDS = 7 * 24 * 3600;

export async function lookUpToken(db: Queryable, token: string): Promise<TokenTarget | undefined> {
  if (token.startsWith('c_')) {
    const [row] = await db.query<{address: string}>(
      `SELECT address FROM notify_addresses WHERE confirm_token_hash = $1 AND confirm_sent_at > now() - make_interval(secs => $2)`,
      [hashSecret(token), CONFIRM_VALID_SECONDS],
    );
    return row ? {kind: 'confirm', address: row.address} : undefined;
  }
  if (token.startsWith('s_')) {
    const [row] = await db.query<{address: string; kind: 'comments' | 'posts'; title: string | null; active: boolean}>(
      `SELECT a.address, s.kind, t.title, s.unsubscribed_at IS NULL AS active
       FROM notify_subscriptions s JOIN notify_addresses a ON a.id = s.address_id LEFT JOIN threads t ON t.id = s.thread_id
       WHERE s.token = $1`,
      [token],
    );
    return row ? {kind: 'subscription', address: row.address, what: row.kind, threadTitle: row.title, active: row.active} : undefined;
  }
  if (token.startsWith('a_')) {
    const [row] = await db.query<{address: string; suppressed: boolean}>(
      `SELECT address, suppressed_at IS NOT NULL AS suppressed FROM notify_addresses WHERE token = $1`,
      [token],
    );
    return row ? {kind: 'address', address: row.address, suppressed: row.suppressed} : undefined;
  }
  return undefined;
}

/** Confirms the address a confirmation token was sent to; false when the token is unknown or expired. */
export async function confirmAddress(db: Queryable, token: string): Promise<boolean> {
  const rows = await db.query(
    `UPDATE notify_addresses SET confirmed_at = coalesce(confirmed_at, now()), confirm_token_hash = NULL
     WHERE confirm_token_hash = $1 AND confirm_sent_at > now() - make_interval(secs => $2) AND suppressed_at IS NULL RETURNING id`,
    [hashSecret(token), CONFIRM_VALID_SECONDS],
  );
  return rows.length > 0;
}

/**
 * Unsubscribes: a subscription token ends that subscription, an address token stops all
 * email to the address (and no confirmation will ever be sent to it again). Queued emails
 * are not recalled: the worker checks again before each send and skips them.
 * Idempotent; false only for an unknown token.
 */
export async function unsubscribe(db: Queryable, token: string): Promise<boolean> {
  if (token.startsWith('s_')) {
    const rows = await db.query(
      `UPDATE notify_subscriptions SET unsubscribed_at = coalesce(unsubscribed_at, now()) WHERE token = $1 RETURNING id`,
      [token],
    );
    return rows.length > 0;
  }
  if (token.startsWith('a_')) {
    // Its subscriptions end too: should a verified sign-in lift the suppression one day,
    // only what that person asks for afresh is sent.
    const rows = await db.query(
      `WITH address AS (
         UPDATE notify_addresses SET suppressed_at = coalesce(suppressed_at, now()), confirm_token_hash = NULL WHERE token = $1 RETURNING id),
       ended AS (
         UPDATE notify_subscriptions SET unsubscribed_at = coalesce(unsubscribed_at, now()) WHERE address_id IN (SELECT id FROM address))
       SELECT id FROM address`,
      [token],
    );
    return rows.length > 0;
  }
  return false;
}
