import {profile, record, type ProviderDefinition} from './types.js';

/**
 * Any OpenID Connect issuer, found by discovery (`{issuer}/.well-known/openid-configuration`).
 * Its standard claims (OpenID Connect Core 1.0, 5.1) from userinfo, else from the ID token.
 */
export function openIdConnect(id: string, name: string): ProviderDefinition {
  return {
    id,
    name,
    kind: 'oidc',
    scope: 'openid profile email',
    clientAuth: 'client_secret_basic',
    mapProfile([claims]) {
      const c = record(claims);
      return profile({
        subject: c['sub'],
        names: [c['name'], c['preferred_username'], c['nickname']],
        avatarUrl: c['picture'],
        profileUrl: c['profile'] ?? c['website'],
        verifiedEmail: c['email_verified'] === true ? c['email'] : undefined,
      });
    },
  };
}
