import {profile, record, type ProviderDefinition} from './types.js';

// developers.google.com/identity/openid-connect/openid-connect: Google is an OpenID Connect
// issuer; its endpoints are fixed here (what its discovery document says) so starting a
// sign-in needs no extra round trip. Userinfo claims: sub, name, picture, email, email_verified.
export const google: ProviderDefinition = {
  id: 'google',
  name: 'Google',
  kind: 'oidc',
  metadata: {
    issuer: 'https://accounts.google.com',
    authorization_endpoint: 'https://accounts.google.com/o/oauth2/v2/auth',
    token_endpoint: 'https://oauth2.googleapis.com/token',
    userinfo_endpoint: 'https://openidconnect.googleapis.com/v1/userinfo',
    jwks_uri: 'https://www.googleapis.com/oauth2/v3/certs',
    id_token_signing_alg_values_supported: ['RS256'],
  },
  scope: 'openid profile email',
  clientAuth: 'client_secret_post',
  mapProfile([claims]) {
    const c = record(claims);
    return profile({
      subject: c['sub'],
      names: [c['name'], [c['given_name'], c['family_name']].filter((part) => typeof part === 'string').join(' ')],
      avatarUrl: c['picture'],
      verifiedEmail: c['email_verified'] === true ? c['email'] : undefined,
    });
  },
};
