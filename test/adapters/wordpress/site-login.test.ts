import {expect} from '@open-wc/testing';
import {fetchRestNonce, parseSiteLoginProviders, siteLoginUrl} from '../../../src/adapters/wordpress/site-login.js';

describe('WordPress site login (the plugin\'s sign-in)', () => {
  it('reads the providers the plugin prints, dropping malformed and unsafe ones', () => {
    const json = JSON.stringify([
      {id: 'wordpress', name: 'My blog', url: 'https://blog.example/wp-login.php'},
      {id: 'github', name: 'GitHub', url: 'https://blog.example/?social=github', iconUrl: 'https://blog.example/gh.svg'},
      {id: 'evil', name: 'Script', url: 'javascript:alert(1)'},
      {id: 'Bad Id', name: 'x', url: 'https://blog.example/'},
      {id: 'noname', name: '  ', url: 'https://blog.example/'},
      'not an object',
    ]);
    expect(parseSiteLoginProviders(json)).to.deep.equal([
      {id: 'wordpress', name: 'My blog', url: 'https://blog.example/wp-login.php'},
      {id: 'github', name: 'GitHub', url: 'https://blog.example/?social=github', iconUrl: 'https://blog.example/gh.svg'},
    ]);
    expect(parseSiteLoginProviders('{oops')).to.deep.equal([]);
    expect(parseSiteLoginProviders(undefined)).to.deep.equal([]);
    expect(parseSiteLoginProviders('{"id":"x"}')).to.deep.equal([]);
  });

  it('sends the browser back to the callback with the attempt\'s state, keeping the login page\'s own parameters', () => {
    const url = new URL(
      siteLoginUrl(
        {id: 'github', name: 'GitHub', url: 'https://blog.example/?social=github'},
        'https://blog.example/?colloquy-sign-in=callback',
        'abc123',
      ),
    );
    expect(url.searchParams.get('social')).to.equal('github');
    expect(url.searchParams.get('redirect_to')).to.equal('https://blog.example/?colloquy-sign-in=callback&state=abc123');
  });

  it('reads the REST nonce of a logged-in visitor, and null for anyone else', async () => {
    const answer = (body: string, status = 200) => async () => new Response(body, {status});
    expect(await fetchRestNonce(answer('0a1b2c3d4e'), '/nonce')).to.equal('0a1b2c3d4e');
    // WordPress's answer to a visitor who is not logged in.
    expect(await fetchRestNonce(answer('0', 400), '/nonce')).to.be.null;
    // A login page or a proxy's error instead of a nonce.
    expect(await fetchRestNonce(answer('<html>Log in</html>'), '/nonce')).to.be.null;
  });

  it('asks for the nonce with the site\'s cookies only, never another origin\'s', async () => {
    let seen: RequestInit | undefined;
    await fetchRestNonce(async (_url, init) => ((seen = init), new Response('0a1b2c3d4e')), '/nonce');
    expect(seen?.credentials).to.equal('same-origin');
  });
});
