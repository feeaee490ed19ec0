import {expect, oneEvent, waitUntil} from '@open-wc/testing';
import {expectAccessible} from '../../helpers/axe.js';
import {article, commentIds, renderThread, seedComment, settled, text, THREAD} from './thread-fixture.js';

function likeButton(element: Element, commentId: string): HTMLButtonElement {
  const button = article(element, commentId).querySelector<HTMLButtonElement>('[part~="reaction-button"]');
  if (!button) throw new Error(`comment ${commentId} has no like button`);
  return button;
}

describe('<comment-thread> likes', () => {
  it('shows a like button with its count and pressed state for each reaction key', async () => {
    const {element} = await renderThread({
      adapter: {reactions: ['like']},
      comments: [seedComment('a', 'Amina', 'First', {reactions: {like: 3}}), seedComment('b', 'Bilal', 'Second')],
    });
    const liked = likeButton(element, 'a');
    expect(liked.getAttribute('aria-pressed')).to.equal('false');
    expect(text(liked)).to.equal('Like 3 3 likes');
    expect(text(liked.querySelector('.visually-hidden'))).to.equal('3 likes');
    expect(text(likeButton(element, 'b'))).to.equal('Like 0 likes');
    await expectAccessible(element);
  });

  it('shows a press at once, then keeps what the backend stored', async () => {
    const {element, adapter} = await renderThread({
      adapter: {reactions: ['like']},
      comments: [seedComment('a', 'Amina', 'First', {reactions: {like: 1}})],
    });
    adapter.simulate.latency({react: 200});
    likeButton(element, 'a').click();
    await element.updateComplete;
    expect(likeButton(element, 'a').getAttribute('aria-pressed')).to.equal('true');
    expect(text(likeButton(element, 'a'))).to.equal('Like 2 2 likes');
    await waitUntil(() => adapter.storedComments(THREAD)[0]!.reactedBy?.['like']?.length === 1, 'the like was not stored');
    await element.updateComplete;
    expect(likeButton(element, 'a').getAttribute('aria-pressed')).to.equal('true');
    expect(text(likeButton(element, 'a'))).to.equal('Like 2 2 likes');
    await expectAccessible(element);

    // Pressing twice quickly ends where the last press left it.
    likeButton(element, 'a').click();
    await element.updateComplete;
    likeButton(element, 'a').click();
    await element.updateComplete;
    expect(likeButton(element, 'a').getAttribute('aria-pressed')).to.equal('true');
    await new Promise((resolve) => setTimeout(resolve, 600));
    expect(adapter.storedComments(THREAD)[0]!.reactedBy?.['like']).to.have.length(1);
    expect(likeButton(element, 'a').getAttribute('aria-pressed')).to.equal('true');
  });

  it('goes back and says so when the backend refuses', async () => {
    const {element, adapter} = await renderThread({
      adapter: {reactions: ['like']},
      comments: [seedComment('a', 'Amina', 'First', {reactions: {like: 4}})],
    });
    adapter.simulate.latency({react: 100});
    adapter.simulate.fail('react', {code: 'server', message: 'The server is busy.'});
    likeButton(element, 'a').click();
    await element.updateComplete;
    expect(text(likeButton(element, 'a'))).to.equal('Like 5 5 likes');
    await waitUntil(() => article(element, 'a').querySelector('[part="reaction-error"]'), 'no failure message');
    const message = article(element, 'a').querySelector('[part="reaction-error"]')!;
    expect(message.getAttribute('role')).to.equal('alert');
    expect(text(message)).to.equal('Your like could not be saved. The server is busy.');
    expect(likeButton(element, 'a').getAttribute('aria-pressed')).to.equal('false');
    expect(text(likeButton(element, 'a'))).to.equal('Like 4 4 likes');
    await expectAccessible(element);
  });

  it('asks signed-out visitors to sign in when the backend counts only accounts', async () => {
    const {element, adapter} = await renderThread({
      adapter: {reactions: ['like'], guestReactions: false},
      comments: [seedComment('a', 'Amina', 'First')],
    });
    likeButton(element, 'a').click();
    await waitUntil(() => article(element, 'a').querySelector('[part="reaction-sign-in"]'), 'not asked to sign in');
    expect(likeButton(element, 'a').getAttribute('aria-pressed')).to.equal('false');
    expect(adapter.storedComments(THREAD)[0]!.reactedBy).to.equal(undefined);
    const prompt = article(element, 'a').querySelector('[part="reaction-sign-in"]')!;
    expect(text(prompt)).to.equal('Sign in to like comments. Sign in');
    await expectAccessible(element);
    const requested = oneEvent(element, 'comment-sign-in-request');
    prompt.querySelector('button')!.click();
    await requested;
  });

  it('lets guests like once per browser where the backend allows it', async () => {
    const {element, adapter} = await renderThread({
      adapter: {reactions: ['like'], guestReactions: true},
      comments: [seedComment('a', 'Amina', 'First')],
    });
    expect(adapter.capabilities.guestReactions).to.be.true;
    likeButton(element, 'a').click();
    await waitUntil(() => adapter.storedComments(THREAD)[0]!.reactedBy?.['like']?.length === 1);
    await element.updateComplete;
    expect(likeButton(element, 'a').getAttribute('aria-pressed')).to.equal('true');
  });

  it('orders by likes under "Top", which is offered only with reactions', async () => {
    const {element} = await renderThread({
      adapter: {reactions: ['like']},
      sort: 'top',
      comments: [
        seedComment('a', 'Amina', 'Few', {reactions: {like: 1}}),
        seedComment('b', 'Bilal', 'Most', {reactions: {like: 9}}),
        seedComment('c', 'Chen', 'Some', {reactions: {like: 4}}),
      ],
    });
    expect(commentIds(element)).to.deep.equal(['b', 'c', 'a']);
    const options = [...element.shadowRoot!.querySelectorAll('[part="sort"] option')].map((option) => option.getAttribute('value'));
    expect(options).to.include('top');
    const plain = await renderThread({comments: [seedComment('a', 'Amina', 'x'), seedComment('b', 'Bilal', 'y')]});
    await settled(plain.element);
    expect(plain.element.shadowRoot!.querySelector('[part~="reaction-button"]')).to.equal(null);
  });
});
