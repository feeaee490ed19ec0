import {expect, fixture, html, oneEvent, waitUntil} from '@open-wc/testing';
import type {CommentThreadElement} from '../../../src/elements/comment-thread/comment-thread.js';
import {COMMENTS_PER_STEP} from '../../../src/elements/comment-thread/progressive-render.js';
import {article, commentIds, memoryAdapterFor, part, seedComment, settled, THREAD} from './thread-fixture.js';

const minutesAgo = (minutes: number) => new Date(Date.now() - minutes * 60_000).toISOString();

/**
 * `count` replies in conversations of 50 (each shown whole: a bigger one shows its first
 * replies only, see more-replies.test.ts), on one page.
 */
function manyReplies(count: number) {
  return Array.from({length: count / 50}, (_, conversation) => [
    seedComment(`c${conversation}`, 'Poster', 'Reply to this', {createdAt: minutesAgo(count + 10 - conversation)}),
    ...Array.from({length: 50}, (_, offset) => {
      const index = conversation * 50 + offset;
      return seedComment(`r${index}`, `Person ${index % 7}`, `Reply ${index}`, {parentId: `c${conversation}`, createdAt: minutesAgo(count - index)});
    }),
  ]).flat();
}

describe('<comment-thread> with thousands of replies', () => {
  afterEach(() => history.replaceState(null, '', location.pathname + location.search));

  it('renders them a step at a time, yielding in between, busy until all are shown', async () => {
    const adapter = memoryAdapterFor({comments: manyReplies(1000)});
    const element = document.createElement('comment-thread');
    element.thread = THREAD;
    element.adapter = adapter;
    const loaded = oneEvent(element, 'comment-load');
    await fixture(element);
    await loaded;
    await element.updateComplete;
    // The first step holds one step's worth; the rest come in later tasks.
    expect(commentIds(element).length).to.be.at.most(COMMENTS_PER_STEP);
    expect(part(element, 'base')!.getAttribute('aria-busy')).to.equal('true');
    await settled(element);
    const ids = commentIds(element);
    expect(ids).to.have.length(1020);
    expect(ids.slice(0, 3)).to.deep.equal(['c0', 'r0', 'r1']);
    expect(ids.at(-1)).to.equal('r999');
  });

  it('keeps applying other changes while steps are pending', async () => {
    const adapter = memoryAdapterFor({comments: manyReplies(1000)});
    const element = await fixture<CommentThreadElement>(html`<comment-thread thread=${THREAD} .adapter=${adapter}></comment-thread>`);
    await waitUntil(() => commentIds(element).length > 0, 'nothing was rendered');
    location.hash = '#comment-r5';
    await waitUntil(() => article(element, 'r5').getAttribute('part')!.includes('comment-targeted'), 'the target was not marked');
    // A comment beyond the first steps is revealed once its step came.
    location.hash = '#comment-r900';
    await waitUntil(() => (element.shadowRoot!.activeElement as HTMLElement | null)?.dataset['commentId'] === 'r900', 'r900 was not focused', {timeout: 8000});
    expect(article(element, 'r5').getAttribute('part')).not.to.include('comment-targeted');
    await settled(element);
    expect(commentIds(element)).to.have.length(1020);
  });
});
