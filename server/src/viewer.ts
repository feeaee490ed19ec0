import {createHash, timingSafeEqual} from 'node:crypto';
import {ProtocolError} from './errors.js';
import type {ServerConfig} from './config.js';

/**
 * Who is asking. `key` identifies an author across requests: a moderator, or a guest by
 * the per-browser secret the rest adapter sends in `Colloquy-Guest` (hashed, never stored
 * as sent); `null` for an anonymous reader.
 */
export interface Viewer {
  key: string | null;
  isModerator: boolean;
}

export const GUEST_HEADER = 'Colloquy-Guest';
const GUEST_SECRET = /^[A-Za-z0-9_-]{16,128}$/;

export function identify(headers: Headers, config: ServerConfig): Viewer {
  const authorization = headers.get('Authorization');
  if (authorization) {
    const token = /^Bearer\s+(\S+)$/i.exec(authorization)?.[1];
    if (token && config.adminToken && sameSecret(token, config.adminToken)) return {key: 'moderator', isModerator: true};
    // This server has no sign-in yet: any other token is one it never issued.
    throw new ProtocolError(401, 'unauthorized', 'Your sign-in is not valid here; please sign in again.');
  }
  const secret = headers.get(GUEST_HEADER);
  if (secret && GUEST_SECRET.test(secret)) {
    return {key: `g:${createHash('sha256').update(secret).digest('base64url').slice(0, 32)}`, isModerator: false};
  }
  return {key: null, isModerator: false};
}

export function sameSecret(given: string, expected: string): boolean {
  const a = createHash('sha256').update(given).digest();
  const b = createHash('sha256').update(expected).digest();
  return timingSafeEqual(a, b);
}
