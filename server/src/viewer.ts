import {createHash, timingSafeEqual} from 'node:crypto';
import {findSession, type SessionRow} from './auth/store.js';
import type {ServerConfig} from './config.js';
import type {Queryable} from './db/database.js';
import {ProtocolError} from './errors.js';

/** A person signed in through a provider (or an email link), as their session says. */
export interface SignedInUser {
  id: string;
  provider: string;
  subject: string;
  name: string;
  avatarUrl?: string;
  profileUrl?: string;
  verifiedEmail?: string;
  /** The provider this session was started with (`GET /auth/session`'s `providerId`). */
  sessionProvider: string;
  /** The session's token hash, for signing out of this one session. */
  sessionHash: string;
  sessionExpiresAt: string;
}

/**
 * Who is asking. `key` identifies an author across requests: a signed-in user (`u:<id>`),
 * the admin token's moderator, or a guest by the per-browser secret the rest adapter sends
 * in `Colloquy-Guest` (hashed, never stored as sent); `null` for an anonymous reader.
 */
export interface Viewer {
  key: string | null;
  isModerator: boolean;
  user?: SignedInUser;
}

export const GUEST_HEADER = 'Colloquy-Guest';
const GUEST_SECRET = /^[A-Za-z0-9_-]{16,128}$/;
const SESSION_TOKEN = /^[A-Za-z0-9_-]{43}$/;

export async function identify(headers: Headers, config: ServerConfig, db: Queryable, now: number): Promise<Viewer> {
  const authorization = headers.get('Authorization');
  if (authorization) {
    const token = /^Bearer\s+(\S+)$/i.exec(authorization)?.[1];
    if (token && config.adminToken && sameSecret(token, config.adminToken)) return {key: 'moderator', isModerator: true};
    const session = token && SESSION_TOKEN.test(token) ? await findSession(db, token, now) : null;
    // Expired, revoked, or never issued: the client forgets it and offers sign-in again.
    if (!session) throw new ProtocolError(401, 'unauthorized', 'error.session-ended');
    const user = signedInUser(session);
    return {key: `u:${user.id}`, isModerator: isModerator(user, config), user};
  }
  const secret = headers.get(GUEST_HEADER);
  if (secret && GUEST_SECRET.test(secret)) {
    return {key: `g:${createHash('sha256').update(secret).digest('base64url').slice(0, 32)}`, isModerator: false};
  }
  return {key: null, isModerator: false};
}

/** COLLOQUY_MODERATORS names a provider identity (`github:12345`) or a verified address. */
export function isModerator(user: Pick<SignedInUser, 'provider' | 'subject' | 'verifiedEmail'>, config: ServerConfig): boolean {
  const moderators = config.auth.moderators;
  return moderators.includes(`${user.provider}:${user.subject}`) || (user.verifiedEmail !== undefined && moderators.includes(user.verifiedEmail));
}

function signedInUser(row: SessionRow): SignedInUser {
  return {
    id: row.id,
    provider: row.provider,
    subject: row.subject,
    name: row.name,
    ...(row.avatar_url ? {avatarUrl: row.avatar_url} : {}),
    ...(row.profile_url ? {profileUrl: row.profile_url} : {}),
    ...(row.verified_email ? {verifiedEmail: row.verified_email} : {}),
    sessionProvider: row.session_provider,
    sessionHash: row.token_hash,
    sessionExpiresAt: new Date(row.expires_at).toISOString(),
  };
}

export function sameSecret(given: string, expected: string): boolean {
  const a = createHash('sha256').update(given).digest();
  const b = createHash('sha256').update(expected).digest();
  return timingSafeEqual(a, b);
}
