import {expect, waitUntil} from '@open-wc/testing';
import {expectAccessible} from '../../helpers/axe.js';
import {article, renderThread, seedComment, text} from './thread-fixture.js';

describe('<comment-thread> avatars', () => {
  it('shows the initials under a picture until it has loaded over them', async () => {
    const avatarUrl = new URL('/demo/avatars/avatar-1.svg', location.href).href;
    const {element} = await renderThread({
      comments: [seedComment('pic', 'Ada Lovelace', 'Hi', {author: {name: 'Ada Lovelace', avatarUrl}})],
    });
    const comment = article(element, 'pic');
    const picture = comment.querySelector<HTMLImageElement>('img[part="avatar"]')!;
    const initials = comment.querySelector<HTMLElement>('[part="avatar-initials"]')!;
    expect(text(initials)).to.equal('AL');
    const under = initials.getBoundingClientRect();
    const over = picture.getBoundingClientRect();
    expect([over.x, over.y, over.width, over.height]).to.deep.equal([under.x, under.y, under.width, under.height]);
    expect(under.width).to.be.greaterThan(20);
    // Before the picture arrives, what shows at its place is the initials' colour, not a blank.
    expect(getComputedStyle(picture).backgroundColor).to.equal('rgba(0, 0, 0, 0)');
    expect(getComputedStyle(initials).backgroundColor).not.to.equal('rgba(0, 0, 0, 0)');
    await waitUntil(() => picture.complete && picture.naturalWidth > 0, 'the picture did not load');
    await expectAccessible(element);
  });
});
