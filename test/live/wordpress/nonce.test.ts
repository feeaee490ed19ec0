// The cookie + nonce mode against a live WordPress: stale nonces never break reading.
import {expect} from '@open-wc/testing';
import {createWordPressAdapter} from '../../../src/adapters/wordpress/index.js';
import {expectCode} from '../../helpers/adapter-calls.js';
import {liveRig, logIn, logOut} from './live-rig.js';

describe('live WordPress: the REST nonce', () => {
  afterEach(async () => {
    await logOut();
    localStorage.clear();
  });

  it('replaces a stale nonce from a cached page while the visitor is still logged in', async () => {
    const rig = await liveRig();
    await logIn(rig.users.author);
    const adapter = createWordPressAdapter({endpoint: rig.proxiedUrl, nonce: '0123456789'});
    expect((await adapter.getSession({}))!.viewer.name).to.equal(rig.users.author.name);
  });

  it('after the visitor logged out elsewhere, reads go on and a post says they were signed out', async () => {
    const rig = await liveRig();
    const nonce = await logIn(rig.users.subscriber);
    await logOut();
    const adapter = createWordPressAdapter({endpoint: rig.proxiedUrl, nonce});
    const thread = String(rig.posts.live.id);
    const page = await adapter.loadPage({thread, sort: 'oldest', limit: 50}, {});
    expect(page.comments.length).to.be.greaterThan(5);
    expect(await adapter.getSession({})).to.be.null;
    const error = await expectCode(
      adapter.postComment({thread, text: 'Under an old nonce.', parentId: null, idempotencyKey: crypto.randomUUID()}, {}),
      'unauthorized',
    );
    expect(error.message).to.equal('You were signed out of WordPress. Sign in again, or post as a guest.');
  });

  it('never sends the nonce to a WordPress on another origin', async () => {
    const rig = await liveRig();
    const nonce = await logIn(rig.users.author);
    const adapter = createWordPressAdapter({endpoint: rig.url, nonce});
    expect(await adapter.getSession({})).to.be.null;
    expect(await adapter.listProviders({})).to.deep.equal([]);
  });
});
