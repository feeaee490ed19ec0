import assert from 'node:assert/strict';
import {describe, it} from 'node:test';
import {readAuthConfig} from '../src/auth/auth-config.js';
import {ConfigError, readConfig} from '../src/config.js';
import {facebook} from '../src/auth/providers/facebook.js';
import {github} from '../src/auth/providers/github.js';
import {google} from '../src/auth/providers/google.js';
import {openIdConnect} from '../src/auth/providers/oidc.js';
import {twitter} from '../src/auth/providers/twitter.js';
import {wordpress} from '../src/auth/providers/wordpress.js';

// Each provider's answers, shaped as its documentation shows them, become the same Profile.

describe('provider profiles', () => {
  it('GitHub: /user and the verified primary address of /user/emails', () => {
    const user = {
      login: 'octocat', id: 1, node_id: 'MDQ6VXNlcjE=', avatar_url: 'https://github.com/images/error/octocat_happy.gif',
      html_url: 'https://github.com/octocat', type: 'User', name: 'monalisa octocat', email: 'octocat@github.com',
    };
    const emails = [
      {email: 'old@github.com', verified: false, primary: false, visibility: null},
      {email: 'octocat@github.com', verified: true, primary: true, visibility: 'public'},
    ];
    assert.deepEqual(github.mapProfile([user, emails]), {
      subject: '1', name: 'monalisa octocat', avatarUrl: 'https://github.com/images/error/octocat_happy.gif',
      profileUrl: 'https://github.com/octocat', verifiedEmail: 'octocat@github.com',
    });
    // No name set: the login; emails unreadable or unverified: no address at all.
    const bare = github.mapProfile([{...user, name: null}, undefined]);
    assert.equal(bare.name, 'octocat');
    assert.equal(bare.verifiedEmail, undefined);
    assert.equal(github.mapProfile([user, [{email: 'x@y.example', verified: false, primary: true}]]).verifiedEmail, undefined);
    assert.equal(github.scope, 'read:user user:email');
    assert.equal(github.metadata!.token_endpoint, 'https://github.com/login/oauth/access_token');
  });

  it('Google: userinfo claims, the email only when verified', () => {
    const claims = {
      sub: '110169484474386276334', name: 'Jane Doe', given_name: 'Jane', family_name: 'Doe',
      picture: 'https://lh3.googleusercontent.com/a/photo.jpg', email: 'jane@gmail.com', email_verified: true, locale: 'en',
    };
    assert.deepEqual(google.mapProfile([claims]), {
      subject: '110169484474386276334', name: 'Jane Doe', avatarUrl: 'https://lh3.googleusercontent.com/a/photo.jpg', verifiedEmail: 'jane@gmail.com',
    });
    assert.equal(google.mapProfile([{...claims, email_verified: false}]).verifiedEmail, undefined);
    assert.equal(google.mapProfile([{...claims, name: undefined}]).name, 'Jane Doe');
    assert.equal(google.kind, 'oidc');
    assert.match(google.scope, /\bopenid\b/);
  });

  it('Facebook: /me with picture and link', () => {
    const me = {
      id: '10158293648230376', name: 'Aarav Sharma', email: 'aarav@example.com', link: 'https://www.facebook.com/app_scoped_user_id/10158293648230376/',
      picture: {data: {height: 200, is_silhouette: false, url: 'https://platform-lookaside.fbsbx.com/platform/profilepic/?asid=1', width: 200}},
    };
    assert.deepEqual(facebook.mapProfile([me]), {
      subject: '10158293648230376', name: 'Aarav Sharma', avatarUrl: 'https://platform-lookaside.fbsbx.com/platform/profilepic/?asid=1',
      profileUrl: 'https://www.facebook.com/app_scoped_user_id/10158293648230376/', verifiedEmail: 'aarav@example.com',
    });
  });

  it('X: /2/users/me, the profile from the username', () => {
    const answer = {data: {id: '2244994945', name: 'X Dev', username: 'XDevelopers', profile_image_url: 'https://pbs.twimg.com/profile_images/1/x_normal.jpg'}};
    assert.deepEqual(twitter.mapProfile([answer]), {
      subject: '2244994945', name: 'X Dev', avatarUrl: 'https://pbs.twimg.com/profile_images/1/x_normal.jpg', profileUrl: 'https://x.com/XDevelopers',
    });
    assert.equal(twitter.mapProfile([{data: {id: '1', username: 'bad/../name'}}]).profileUrl, undefined);
    assert.equal(twitter.clientAuth, 'client_secret_basic');
  });

  it('WordPress.com: /rest/v1/me', () => {
    const me = {
      ID: 12345678, display_name: 'Ada Lovelace', username: 'adalovelace', email: 'ada@example.com', email_verified: true,
      avatar_URL: 'https://0.gravatar.com/avatar/abc?s=96&d=identicon', profile_URL: 'https://gravatar.com/adalovelace', site_count: 2,
    };
    assert.deepEqual(wordpress.mapProfile([me]), {
      subject: '12345678', name: 'Ada Lovelace', avatarUrl: 'https://0.gravatar.com/avatar/abc?s=96&d=identicon',
      profileUrl: 'https://gravatar.com/adalovelace', verifiedEmail: 'ada@example.com',
    });
    assert.equal(wordpress.mapProfile([{...me, email_verified: false}]).verifiedEmail, undefined);
  });

  it('any OpenID Connect issuer: standard claims', () => {
    const provider = openIdConnect('corp', 'Corp');
    assert.deepEqual(provider.mapProfile([{sub: 'abc', preferred_username: 'jdoe', picture: 'https://corp.example/p.png', email: 'J@Corp.Example', email_verified: true}]), {
      subject: 'abc', name: 'jdoe', avatarUrl: 'https://corp.example/p.png', verifiedEmail: 'j@corp.example',
    });
  });

  it('refuses hostile or empty answers', () => {
    assert.throws(() => github.mapProfile([{login: 'no-id'}]), /did not say who/);
    assert.throws(() => google.mapProfile([null]), /did not say who/);
    const hostile = github.mapProfile([{id: 7, name: 'x'.repeat(5000), avatar_url: 'javascript:alert(1)', html_url: 'http://plain.example/'}]);
    assert.equal(hostile.avatarUrl, undefined);
    assert.equal(hostile.profileUrl, undefined, 'only https links are shown to everyone');
    assert.equal(hostile.name, '7', 'a name too long to be real is not used');
    assert.equal(github.mapProfile([{id: 7, name: 'Ada\u0000\u001b[31m'}]).name, 'Ada[31m');
  });
});

describe('sign-in configuration', () => {
  const origins = ['https://blog.example'];
  it('turns on the providers whose client is configured', () => {
    const config = readAuthConfig({
      COLLOQUY_GITHUB_CLIENT_ID: 'gh', COLLOQUY_GITHUB_CLIENT_SECRET: 'gh-secret',
      COLLOQUY_X_CLIENT_ID: 'x', COLLOQUY_X_CLIENT_SECRET: 'x-secret',
      COLLOQUY_OIDC_PROVIDERS: 'corp, my-idp',
      COLLOQUY_OIDC_CORP_ISSUER: 'https://login.corp.example', COLLOQUY_OIDC_CORP_CLIENT_ID: 'c', COLLOQUY_OIDC_CORP_CLIENT_SECRET: 's', COLLOQUY_OIDC_CORP_NAME: 'Corp SSO',
      COLLOQUY_OIDC_MY_IDP_ISSUER: 'http://127.0.0.1:9999', COLLOQUY_OIDC_MY_IDP_CLIENT_ID: 'c', COLLOQUY_OIDC_MY_IDP_CLIENT_SECRET: 's',
      COLLOQUY_MODERATORS: 'github:1, Mod@Blog.Example',
    }, origins);
    assert.deepEqual(config.providers.map((p) => [p.definition.id, p.definition.name]), [['twitter', 'X'], ['github', 'GitHub'], ['corp', 'Corp SSO'], ['my-idp', 'my-idp']]);
    assert.equal(config.providers[2]!.issuer, 'https://login.corp.example/');
    assert.deepEqual(config.moderators, ['github:1', 'mod@blog.example']);
    assert.equal(config.sessionSeconds, 168 * 3600);
  });

  it('names what is wrong', () => {
    const wrong: [Record<string, string>, RegExp][] = [
      [{COLLOQUY_GITHUB_CLIENT_ID: 'gh'}, /COLLOQUY_GITHUB_CLIENT_SECRET go together/],
      [{COLLOQUY_OIDC_PROVIDERS: 'Corp!'}, /"Corp!" is not an id/],
      [{COLLOQUY_OIDC_PROVIDERS: 'github'}, /built-in/],
      [{COLLOQUY_OIDC_PROVIDERS: 'corp'}, /COLLOQUY_OIDC_CORP_CLIENT_ID and COLLOQUY_OIDC_CORP_CLIENT_SECRET are needed/],
      [{COLLOQUY_OIDC_PROVIDERS: 'corp', COLLOQUY_OIDC_CORP_CLIENT_ID: 'c', COLLOQUY_OIDC_CORP_CLIENT_SECRET: 's'}, /COLLOQUY_OIDC_CORP_ISSUER is needed/],
      [{COLLOQUY_OIDC_PROVIDERS: 'corp', COLLOQUY_OIDC_CORP_CLIENT_ID: 'c', COLLOQUY_OIDC_CORP_CLIENT_SECRET: 's', COLLOQUY_OIDC_CORP_ISSUER: 'http://corp.example'}, /must be an https URL/],
      [{COLLOQUY_MODERATORS: 'just a name'}, /neither a provider identity/],
      [{COLLOQUY_SESSION_HOURS: '0'}, /COLLOQUY_SESSION_HOURS must be a number above 0/],
    ];
    for (const [env, message] of wrong) assert.throws(() => readAuthConfig(env, origins), (error: unknown) => error instanceof ConfigError && message.test(error.message));
    assert.throws(
      () => readConfig({COLLOQUY_GOOGLE_CLIENT_ID: 'g', COLLOQUY_GOOGLE_CLIENT_SECRET: 's'}),
      /COLLOQUY_ORIGINS must list the sites/,
    );
  });
});
