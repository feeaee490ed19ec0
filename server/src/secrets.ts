import {createHash} from 'node:crypto';

/** How a secret (session, sign-in code, email link token) is kept: its SHA-256, so the database alone opens nothing. */
export function hashSecret(secret: string): string {
  return createHash('sha256').update(secret).digest('base64url');
}
