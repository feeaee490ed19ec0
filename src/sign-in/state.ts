/**
 * A fresh one-time `state`: 256 random bits from the platform's CSPRNG, base64url-encoded
 * (43 characters), safe in any URL without escaping.
 */
export function createState(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(32));
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}
