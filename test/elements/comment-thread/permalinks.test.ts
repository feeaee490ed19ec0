import {expect, fixture, html, waitUntil} from '@open-wc/testing';
import type {CommentThreadElement} from '../../../src/elements/comment-thread/comment-thread.js';
import {commentHash, commentIdFromHash} from '../../../src/elements/comment-thread/permalinks.js';
import {expectAccessible} from '../../helpers/axe.js';
import {article, commentIds, memoryAdapterFor, part, renderThread, seedComment, settled, text, THREAD} from './thread-fixture.js';

const hoursAgo = (hours: number) => new Date(Date.now() - hours * 3600_000).toISOString();
const manyComments = () =>
  Array.from({length: 12}, (_, index) =>
    seedComment(`c${index + 1}`, `Person ${index + 1}`, `Comment ${index + 1}`, {createdAt: hoursAgo(20 - index)}),
  ).concat([seedComment('c11.reply', 'Replier', 'Late reply', {parentId: 'c11', createdAt: hoursAgo(1)})]);

function focused(element: CommentThreadElement): HTMLElement | null {
  return element.shadowRoot!.activeElement as HTMLElement | null;
}

describe('<comment-thread> permalinks', () => {
  afterEach(() => history.replaceState(null, '', location.pathname + location.search));

  it('encodes ids into #comment-<id> and back', () => {
    expect(commentHash('42')).to.equal('#comment-42');
    expect(commentIdFromHash(commentHash('a b/ü'))).to.equal('a b/ü');
    expect(commentIdFromHash('#comment-')).to.be.undefined;
    expect(commentIdFromHash('#respond')).to.be.undefined;
    expect(commentIdFromHash('#comment-%E0%A4%A')).to.be.undefined;
  });

  it('opens at #comment-<id> on a later page: loads that page only, then focuses and highlights it', async () => {
    history.replaceState(null, '', '#comment-c11.reply');
    const adapter = memoryAdapterFor({comments: manyComments()});
    const element = await fixture<CommentThreadElement>(
      html`<comment-thread thread=${THREAD} page-size="3" .adapter=${adapter}></comment-thread>`,
    );
    await waitUntil(() => focused(element)?.dataset['commentId'] === 'c11.reply', 'the linked comment was not focused');
    expect(commentIds(element)).to.deep.equal(['c1', 'c2', 'c3', 'c10', 'c11', 'c11.reply', 'c12']);
    const target = article(element, 'c11.reply');
    expect(target.getAttribute('part')).to.contain('comment-targeted');
    expect(target.classList.contains('targeted')).to.be.true;
    const box = target.getBoundingClientRect();
    expect(box.top).to.be.within(-1, window.innerHeight);
    await settled(element);
    await expectAccessible(element);
  });

  it('follows a change of address to another comment', async () => {
    const {element} = await renderThread({comments: manyComments()});
    location.hash = commentHash('c4');
    await waitUntil(() => focused(element)?.dataset['commentId'] === 'c4', 'hashchange was not followed');
    expect(article(element, 'c4').getAttribute('part')).to.contain('comment-targeted');
    location.hash = commentHash('c2');
    await waitUntil(() => focused(element)?.dataset['commentId'] === 'c2');
    expect(article(element, 'c4').getAttribute('part')).not.to.contain('comment-targeted');
  });

  it('says so when the linked comment is not in the thread', async () => {
    const {element} = await renderThread({comments: manyComments(), pageSize: 5});
    location.hash = commentHash('nowhere');
    await waitUntil(() => text(element.shadowRoot!.querySelector('[role="status"]')) !== '', 'nothing was announced');
    expect(text(element.shadowRoot!.querySelector('[role="status"]'))).to.equal('The linked comment could not be found.');
    // The backend said it does not exist: nothing more was downloaded looking for it.
    expect(commentIds(element)).to.have.length(5);
    expect(part(element, 'load-more-button')).not.to.be.null;
  });

  it('fills in the pages before a linked page in order with Load more, then goes on after it', async () => {
    history.replaceState(null, '', '#comment-c8');
    const adapter = memoryAdapterFor({comments: manyComments()});
    const element = await fixture<CommentThreadElement>(
      html`<comment-thread thread=${THREAD} page-size="3" .adapter=${adapter}></comment-thread>`,
    );
    await waitUntil(() => focused(element)?.dataset['commentId'] === 'c8', 'the linked comment was not focused');
    expect(commentIds(element)).to.deep.equal(['c1', 'c2', 'c3', 'c7', 'c8', 'c9']);
    part(element, 'load-more-button')!.click();
    await settled(element);
    expect(commentIds(element)).to.deep.equal(['c1', 'c2', 'c3', 'c4', 'c5', 'c6', 'c7', 'c8', 'c9']);
    part(element, 'load-more-button')!.click();
    await settled(element);
    expect(commentIds(element)).to.deep.equal(['c1', 'c2', 'c3', 'c4', 'c5', 'c6', 'c7', 'c8', 'c9', 'c10', 'c11', 'c11.reply', 'c12']);
    expect(part(element, 'load-more-button')).to.be.null;
  });
});
