// A thread re-renders every comment on each update; work that depends only on a comment
// must not be redone then. Counted, not timed.
import {expect} from '@open-wc/testing';
import {constructionsDuring} from '../../helpers/constructions.js';
import {renderThread, seedComment, parts} from './thread-fixture.js';

/** How many `new URL(…)` calls `act` makes. */
const urlsParsedDuring = (act: () => Promise<void>) => constructionsDuring(globalThis, 'URL', act);

// Avatars that load: one that fails is replaced by initials, which have no address to check.
describe('<comment-thread> per-render work', () => {
  it('parses avatar and profile addresses once per comment, not on every update', async () => {
    const comments = Array.from({length: 10}, (_, index) =>
      seedComment(`c-${index}`, `Person ${index}`, `Text ${index}`, {
        author: {name: `Person ${index}`, avatarUrl: `${location.origin}/test/fixtures/avatar.svg?${index}`, profileUrl: `https://people.example/${index}`},
      }),
    );
    const {element} = await renderThread({comments});
    expect(parts(element, 'avatar')).to.have.length(10);
    expect(parts(element, 'author').map((link) => link.getAttribute('href'))).to.include('https://people.example/3');

    const parsed = await urlsParsedDuring(async () => {
      element.requestUpdate();
      await element.updateComplete;
      element.requestUpdate();
      await element.updateComplete;
    });
    expect(parsed, 'new URL() calls in two re-renders of 10 comments').to.equal(0);
    expect(parts(element, 'avatar').map((image) => image.getAttribute('src'))).to.include(`${location.origin}/test/fixtures/avatar.svg?3`);
  });
});
