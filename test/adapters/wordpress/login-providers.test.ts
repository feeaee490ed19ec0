import {expect} from '@open-wc/testing';
import {loginProviderUrl, parseLoginProviders} from '../../../src/adapters/wordpress/login-providers.js';

describe('WordPress login providers (the plugin\'s `wp-sign-in`)', () => {
  it('reads the providers the plugin prints, dropping malformed and unsafe ones', () => {
    const json = JSON.stringify([
      {id: 'wordpress', name: 'My blog', url: 'https://blog.example/wp-login.php'},
      {id: 'github', name: 'GitHub', url: 'https://blog.example/?social=github', iconUrl: 'https://blog.example/gh.svg'},
      {id: 'evil', name: 'Script', url: 'javascript:alert(1)'},
      {id: 'Bad Id', name: 'x', url: 'https://blog.example/'},
      {id: 'noname', name: '  ', url: 'https://blog.example/'},
      'not an object',
    ]);
    expect(parseLoginProviders(json)).to.deep.equal([
      {id: 'wordpress', name: 'My blog', url: 'https://blog.example/wp-login.php'},
      {id: 'github', name: 'GitHub', url: 'https://blog.example/?social=github', iconUrl: 'https://blog.example/gh.svg'},
    ]);
    expect(parseLoginProviders('{oops')).to.deep.equal([]);
    expect(parseLoginProviders(undefined)).to.deep.equal([]);
    expect(parseLoginProviders('{"id":"x"}')).to.deep.equal([]);
  });

  it('sends the browser back to the callback with the attempt\'s state, keeping the login page\'s own parameters', () => {
    const url = new URL(
      loginProviderUrl(
        {id: 'github', name: 'GitHub', url: 'https://blog.example/?social=github'},
        'https://blog.example/?colloquy-sign-in=callback',
        'abc123',
      ),
    );
    expect(url.searchParams.get('social')).to.equal('github');
    expect(url.searchParams.get('redirect_to')).to.equal('https://blog.example/?colloquy-sign-in=callback&state=abc123');
  });
});
