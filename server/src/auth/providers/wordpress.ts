import {profile, record, type ProviderDefinition} from './types.js';

// developer.wordpress.com/docs/oauth2/ (endpoints; the `auth` scope reads /me) and
// REST v1.1 "GET /me": ID, display_name, username, email, email_verified, avatar_URL, profile_URL.
export const wordpress: ProviderDefinition = {
  id: 'wordpress',
  name: 'WordPress.com',
  kind: 'oauth2',
  metadata: {
    issuer: 'https://public-api.wordpress.com',
    authorization_endpoint: 'https://public-api.wordpress.com/oauth2/authorize',
    token_endpoint: 'https://public-api.wordpress.com/oauth2/token',
  },
  scope: 'auth',
  clientAuth: 'client_secret_post',
  profileUrls: ['https://public-api.wordpress.com/rest/v1/me'],
  mapProfile([me]) {
    const m = record(me);
    return profile({
      subject: m['ID'],
      names: [m['display_name'], m['username']],
      avatarUrl: m['avatar_URL'],
      profileUrl: m['profile_URL'],
      verifiedEmail: m['email_verified'] === true ? m['email'] : undefined,
    });
  },
};
