import {randomBytes} from 'node:crypto';
import {hashSecret} from '../secrets.js';
import type {Queryable} from '../db/database.js';
import type {Profile} from './providers/index.js';

/** 256 random bits, base64url. */
export function newSecret(): string {
  return randomBytes(32).toString('base64url');
}

export interface UserRow {
  id: string;
  provider: string;
  subject: string;
  name: string;
  avatar_url: string | null;
  profile_url: string | null;
  verified_email: string | null;
}

export interface AttemptRow {
  provider: string;
  site_state: string;
  site_origin: string;
  redirect_uri: string;
  code_verifier: string | null;
  nonce: string | null;
  email: string | null;
  display_name: string | null;
}

const at = (ms: number) => new Date(ms);

export async function createAttempt(
  db: Queryable,
  attempt: AttemptRow & {providerState: string; expiresAt: number},
): Promise<void> {
  await db.query(
    `INSERT INTO auth_attempts (provider_state_hash, provider, site_state, site_origin, redirect_uri, code_verifier, nonce, email, display_name, expires_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`,
    [
      hashSecret(attempt.providerState), attempt.provider, attempt.site_state, attempt.site_origin, attempt.redirect_uri,
      attempt.code_verifier, attempt.nonce, attempt.email, attempt.display_name, at(attempt.expiresAt),
    ],
  );
}

/**
 * The attempt the provider (or an email link) came back for, claimed once: a second
 * arrival with the same state finds nothing. Null when unknown, used or expired.
 */
export async function claimAttempt(db: Queryable, provider: string, providerState: string, now: number): Promise<AttemptRow | null> {
  const [row] = await db.query<AttemptRow>(
    `UPDATE auth_attempts SET completed_at = $3
     WHERE provider_state_hash = $1 AND provider = $2 AND completed_at IS NULL AND expires_at > $3
     RETURNING provider, site_state, site_origin, redirect_uri, code_verifier, nonce, email, display_name`,
    [hashSecret(providerState), provider, at(now)],
  );
  return row ?? null;
}

/** Ties the person to a claimed attempt and returns the one-time code the site exchanges. */
export async function completeAttempt(db: Queryable, providerState: string, userId: string, codeExpiresAt: number): Promise<string> {
  const code = newSecret();
  await db.query(
    `UPDATE auth_attempts SET user_id = $2, code_hash = $3, code_expires_at = $4 WHERE provider_state_hash = $1`,
    [hashSecret(providerState), userId, hashSecret(code), at(codeExpiresAt)],
  );
  return code;
}

/** The site's origin for the server's own callback page, known from when the attempt started. */
export async function siteOriginOf(db: Queryable, siteState: string, redirectUri: string, now: number): Promise<string | null> {
  const [row] = await db.query<{site_origin: string}>(
    `SELECT site_origin FROM auth_attempts WHERE site_state = $1 AND redirect_uri = $2 AND expires_at > $3::timestamptz - interval '1 hour'
     ORDER BY expires_at DESC LIMIT 1`,
    [siteState, redirectUri, at(now)],
  );
  return row?.site_origin ?? null;
}

/** The person behind a one-time code, once; null for an unknown, used or expired code. */
export async function exchangeCode(db: Queryable, provider: string, code: string, now: number): Promise<string | null> {
  const [row] = await db.query<{user_id: string}>(
    `UPDATE auth_attempts SET exchanged_at = $3
     WHERE code_hash = $1 AND provider = $2 AND exchanged_at IS NULL AND code_expires_at > $3 RETURNING user_id`,
    [hashSecret(code), provider, at(now)],
  );
  return row?.user_id ?? null;
}

/**
 * A popup cut off from its page (COOP): the sign-in finished in the last ten minutes with
 * this site `state`, handed over once, like its code (docs/rest-protocol.md).
 */
export async function exchangeState(db: Queryable, provider: string, siteState: string, now: number): Promise<string | null> {
  const [row] = await db.query<{user_id: string}>(
    `UPDATE auth_attempts SET exchanged_at = $3
     WHERE provider_state_hash = (
       SELECT provider_state_hash FROM auth_attempts
       WHERE site_state = $1 AND provider = $2 AND user_id IS NOT NULL AND exchanged_at IS NULL
         AND completed_at > $3::timestamptz - interval '10 minutes'
       ORDER BY completed_at DESC LIMIT 1)
     AND exchanged_at IS NULL RETURNING user_id`,
    [siteState, provider, at(now)],
  );
  return row?.user_id ?? null;
}

/** The user for this provider identity, created or refreshed from the provider's profile. */
export async function upsertUser(db: Queryable, provider: string, profile: Profile): Promise<UserRow> {
  const [row] = await db.query<UserRow>(
    `INSERT INTO users (id, provider, subject, name, avatar_url, profile_url, verified_email)
     VALUES ($1, $2, $3, $4, $5, $6, $7)
     ON CONFLICT (provider, subject) DO UPDATE SET name = EXCLUDED.name, avatar_url = EXCLUDED.avatar_url,
       profile_url = EXCLUDED.profile_url, verified_email = EXCLUDED.verified_email, updated_at = now()
     RETURNING id, provider, subject, name, avatar_url, profile_url, verified_email`,
    [
      `u${randomBytes(12).toString('base64url')}`, provider, profile.subject, profile.name,
      profile.avatarUrl ?? null, profile.profileUrl ?? null, profile.verifiedEmail ?? null,
    ],
  );
  return row!;
}

/** A new session token (returned once, stored only hashed). */
export async function createSession(db: Queryable, userId: string, provider: string, expiresAt: number): Promise<string> {
  const token = newSecret();
  await db.query(`INSERT INTO sessions (token_hash, user_id, provider, expires_at) VALUES ($1, $2, $3, $4)`, [
    hashSecret(token), userId, provider, at(expiresAt),
  ]);
  return token;
}

export interface SessionRow extends UserRow {
  token_hash: string;
  session_provider: string;
  expires_at: Date | string;
}

export async function findSession(db: Queryable, token: string, now: number): Promise<SessionRow | null> {
  const [row] = await db.query<SessionRow>(
    `SELECT s.token_hash, s.provider AS session_provider, s.expires_at, u.id, u.provider, u.subject, u.name, u.avatar_url, u.profile_url, u.verified_email
     FROM sessions s JOIN users u ON u.id = s.user_id
     WHERE s.token_hash = $1 AND s.revoked_at IS NULL AND s.expires_at > $2`,
    [hashSecret(token), at(now)],
  );
  return row ?? null;
}

export async function findUser(db: Queryable, id: string): Promise<UserRow | null> {
  const [row] = await db.query<UserRow>(
    `SELECT id, provider, subject, name, avatar_url, profile_url, verified_email FROM users WHERE id = $1`,
    [id],
  );
  return row ?? null;
}

export async function revokeSession(db: Queryable, tokenHash: string, now: number): Promise<void> {
  await db.query(`UPDATE sessions SET revoked_at = $2 WHERE token_hash = $1 AND revoked_at IS NULL`, [tokenHash, at(now)]);
}

/** "Sign out everywhere": every session of this person, on every device. */
export async function revokeAllSessions(db: Queryable, userId: string, now: number): Promise<number> {
  const rows = await db.query(`UPDATE sessions SET revoked_at = $2 WHERE user_id = $1 AND revoked_at IS NULL RETURNING 1`, [userId, at(now)]);
  return rows.length;
}

/** Forgets finished or abandoned sign-ins and ended sessions. */
export async function sweepAuth(db: Queryable): Promise<void> {
  await db.query(`DELETE FROM auth_attempts WHERE expires_at < now() - interval '1 day'`);
  await db.query(`DELETE FROM sessions WHERE expires_at < now() - interval '1 day' OR revoked_at < now() - interval '1 day'`);
}
