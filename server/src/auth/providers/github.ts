import {profile, record, type ProviderDefinition} from './types.js';

// docs.github.com: "Authorizing OAuth apps" (endpoints, PKCE), REST "Get the authenticated
// user" (GET /user) and "List email addresses for the authenticated user" (GET /user/emails).
export const github: ProviderDefinition = {
  id: 'github',
  name: 'GitHub',
  kind: 'oauth2',
  metadata: {
    issuer: 'https://github.com',
    authorization_endpoint: 'https://github.com/login/oauth/authorize',
    token_endpoint: 'https://github.com/login/oauth/access_token',
  },
  scope: 'read:user user:email',
  clientAuth: 'client_secret_post',
  profileUrls: ['https://api.github.com/user', 'https://api.github.com/user/emails'],
  mapProfile([user, emails]) {
    const u = record(user);
    // The public `email` of /user may be unverified; only a verified primary address counts.
    const primary = Array.isArray(emails) ? emails.map(record).find((e) => e['primary'] === true && e['verified'] === true) : undefined;
    return profile({
      subject: u['id'],
      names: [u['name'], u['login']],
      avatarUrl: u['avatar_url'],
      profileUrl: u['html_url'],
      verifiedEmail: primary?.['email'],
    });
  },
};
