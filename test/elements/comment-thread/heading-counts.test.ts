import {expect} from '@open-wc/testing';
import {expectAccessible} from '../../helpers/axe.js';
import {commentIds, part, renderThread, seedComment, text, THREAD} from './thread-fixture.js';

describe('<comment-thread> heading', () => {
  it('shows no count over an empty thread', async () => {
    const {element} = await renderThread();
    expect(text(part(element, 'heading'))).to.equal('Comments');
    expect(text(part(element, 'status'))).to.equal('No comments yet.');
    await expectAccessible(element);
  });

  it('does not count the reader’s own comment held for moderation', async () => {
    const {element, adapter} = await renderThread({
      adapter: {moderation: 'all'},
      comments: [seedComment('a', 'Amina', 'Approved')],
    });
    const held = await adapter.postComment(
      {thread: THREAD, text: 'Mine', parentId: null, guest: {name: 'Me', email: 'me@example.com'}, idempotencyKey: 'k1'},
      {},
    );
    await element.refresh();
    await element.updateComplete;
    expect(commentIds(element)).to.deep.equal(['a', held.id]);
    expect(text(part(element, 'heading'))).to.equal('1 thought on “AQIM Updates, August 6”');

    const {element: alone, adapter: second} = await renderThread({adapter: {moderation: 'all'}});
    await second.postComment(
      {thread: THREAD, text: 'Mine', parentId: null, guest: {name: 'Me', email: 'me@example.com'}, idempotencyKey: 'k2'},
      {},
    );
    await alone.refresh();
    await alone.updateComplete;
    expect(text(part(alone, 'heading'))).to.equal('Comments');
  });
});
