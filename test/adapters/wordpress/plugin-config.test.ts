import {expect} from '@open-wc/testing';
import {createWordPressAdapterFromConfig} from '../../../src/adapters/wordpress/index.js';

/** The attributes the WordPress plugin prints on <comment-thread>, for a visitor not logged in. */
const pluginAttributes = {
  endpoint: `${location.origin}/wp-json/`,
  post: '4',
  'wp-comment-status': 'open',
  'wp-guests': 'allowed',
  'wp-require-name-email': 'false',
  'wp-sign-in': JSON.stringify([
    {id: 'wordpress', name: 'My blog', url: `${location.origin}/secret-login/`},
    {id: 'github', name: 'GitHub', url: `${location.origin}/?social=github`},
  ]),
};

describe('the WordPress adapter configured by the plugin', () => {
  it('offers the plugin\'s ways to log in, each starting at its own address', async () => {
    const adapter = createWordPressAdapterFromConfig(pluginAttributes);
    expect(await adapter.listProviders!({})).to.deep.equal([
      {id: 'wordpress', name: 'My blog'},
      {id: 'github', name: 'GitHub'},
    ]);
    const url = new URL(
      await adapter.signInUrl!({providerId: 'wordpress', state: 's1', callbackUrl: `${location.origin}/?colloquy-sign-in=callback`, mode: 'popup'}),
    );
    expect(url.pathname).to.equal('/secret-login/');
    expect(url.searchParams.get('redirect_to')).to.equal(`${location.origin}/?colloquy-sign-in=callback&state=s1`);
    let refused: unknown;
    await adapter.signInUrl!({providerId: 'elsewhere', state: 's2', callbackUrl: location.origin, mode: 'popup'}).catch((error: unknown) => (refused = error));
    expect(refused, 'a provider the site does not list').to.be.instanceOf(Error);
  });

  it('offers no sign-in when the plugin lists none (sign-in turned off)', async () => {
    const adapter = createWordPressAdapterFromConfig({...pluginAttributes, 'wp-sign-in': '[]'});
    expect(await adapter.listProviders!({})).to.deep.equal([]);
  });
});
