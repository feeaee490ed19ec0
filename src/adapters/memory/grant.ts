// The simulated providers' grant: what their consent page hands back as `code`, standing
// in for the authorization code a real provider would issue.

/** The grant in `code`, or undefined when it is not one (a name is required; avatars must be http(s)). */
export function decodeGrant(code: string | undefined): {name: string; avatarUrl?: string} | undefined {
  if (!code) return undefined;
  try {
    const json = new TextDecoder().decode(
      Uint8Array.from(atob(code.replace(/-/g, '+').replace(/_/g, '/')), (char) => char.charCodeAt(0)),
    );
    const grant = JSON.parse(json) as {name?: unknown; avatarUrl?: unknown};
    const name = typeof grant.name === 'string' ? grant.name.trim().slice(0, 100) : '';
    if (!name) return undefined;
    const avatarUrl = typeof grant.avatarUrl === 'string' && isHttpUrl(grant.avatarUrl) ? grant.avatarUrl : undefined;
    return avatarUrl ? {name, avatarUrl} : {name};
  } catch {
    return undefined;
  }
}

/** Encodes a simulated provider's grant the way `completeSignIn` reads it. */
export function encodeMemoryGrant(grant: {name: string; avatarUrl?: string}): string {
  const bytes = new TextEncoder().encode(JSON.stringify(grant));
  return btoa(String.fromCharCode(...bytes)).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

export function isHttpUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return url.protocol === 'http:' || url.protocol === 'https:';
  } catch {
    return false;
  }
}
