import {profile, record, text, type ProviderDefinition} from './types.js';

// docs.x.com: "OAuth 2.0 Authorization Code Flow with PKCE" (confidential clients send their
// secret with HTTP Basic) and "GET /2/users/me". X gives no email address on this scope.
export const twitter: ProviderDefinition = {
  id: 'twitter',
  name: 'X',
  kind: 'oauth2',
  metadata: {
    issuer: 'https://x.com',
    authorization_endpoint: 'https://x.com/i/oauth2/authorize',
    token_endpoint: 'https://api.x.com/2/oauth2/token',
  },
  scope: 'users.read tweet.read',
  clientAuth: 'client_secret_basic',
  profileUrls: ['https://api.x.com/2/users/me?user.fields=profile_image_url'],
  mapProfile([answer]) {
    const data = record(record(answer)['data']);
    const username = text(data['username'], 50);
    return profile({
      subject: data['id'],
      names: [data['name'], username],
      avatarUrl: data['profile_image_url'],
      profileUrl: username && /^\w{1,50}$/.test(username) ? `https://x.com/${username}` : undefined,
    });
  },
};
