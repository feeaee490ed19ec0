import {profile, record, type ProviderDefinition} from './types.js';

const GRAPH = 'https://graph.facebook.com/v19.0';

// developers.facebook.com/docs/facebook-login/guides/advanced/manual-flow (endpoints, PKCE)
// and Graph API "User" (GET /me?fields=…). Facebook only returns an email it has confirmed.
export const facebook: ProviderDefinition = {
  id: 'facebook',
  name: 'Facebook',
  kind: 'oauth2',
  metadata: {
    issuer: 'https://www.facebook.com',
    authorization_endpoint: 'https://www.facebook.com/v19.0/dialog/oauth',
    token_endpoint: `${GRAPH}/oauth/access_token`,
  },
  scope: 'public_profile email',
  clientAuth: 'client_secret_post',
  profileUrls: [`${GRAPH}/me?fields=id,name,link,email,picture.type(large)`],
  mapProfile([me]) {
    const m = record(me);
    return profile({
      subject: m['id'],
      names: [m['name']],
      avatarUrl: record(record(m['picture'])['data'])['url'],
      profileUrl: m['link'],
      verifiedEmail: m['email'],
    });
  },
};
