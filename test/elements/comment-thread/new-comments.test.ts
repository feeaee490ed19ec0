import {expect, waitUntil} from '@open-wc/testing';
import {expectAccessible} from '../../helpers/axe.js';
import {article, commentIds, part, renderThread, seedComment, settled, text, THREAD} from './thread-fixture.js';

let storageNumber = 0;
/** Live updates in the memory backend need a storage key; each test gets its own. */
function liveOptions() {
  return {storageKey: `colloquy-test-new-comments-${Date.now()}-${storageNumber++}`};
}

function announcement(element: Element): string {
  return text(element.shadowRoot!.querySelector('[role="status"]'));
}

const LONG = 'A long comment that fills the screen. '.repeat(60);

describe('<comment-thread> new comments while reading', () => {
  afterEach(() => {
    for (const key of Object.keys(localStorage)) if (key.includes('colloquy-test-new-comments')) localStorage.removeItem(key);
    window.scrollTo(0, 0);
  });

  it('announces comments from elsewhere once per burst and marks them new', async () => {
    const {element, adapter} = await renderThread({
      adapter: liveOptions(),
      comments: [seedComment('a', 'Amina', 'First')],
    });
    adapter.receive(THREAD, seedComment('n1', 'Noor', 'One', {createdAt: new Date().toISOString()}));
    adapter.receive(THREAD, seedComment('n2', 'Omar', 'Two', {parentId: 'a', createdAt: new Date().toISOString()}));
    await element.updateComplete;
    expect(commentIds(element)).to.deep.equal(['a', 'n2', 'n1']);
    await waitUntil(() => announcement(element) !== '', 'nothing was announced');
    expect(announcement(element)).to.equal('2 new comments');
    for (const id of ['n1', 'n2']) {
      expect(article(element, id).getAttribute('part')).to.include('comment-new');
      expect(text(article(element, id).querySelector('[part="new-label"]'))).to.equal('New');
    }
    expect(article(element, 'a').getAttribute('part')).not.to.include('comment-new');
    expect(part(element, 'new-comments-button')).to.equal(null, 'nothing lands above the reader');
    await expectAccessible(element);
    // On screen for a moment, they are no longer new.
    await waitUntil(() => !article(element, 'n1').getAttribute('part')!.includes('comment-new'), 'still new', {timeout: 6000});
  });

  it('holds back comments that would land above the reader behind "Show 1 new comment"', async () => {
    const {element, adapter} = await renderThread({
      adapter: liveOptions(),
      comments: [
        seedComment('a', 'Amina', LONG),
        seedComment('b', 'Bilal', LONG),
        seedComment('c', 'Chen', LONG),
      ],
    });
    // The reader is in the middle of Chen's comment; Amina's conversation is far above.
    const reading = article(element, 'c');
    reading.scrollIntoView({block: 'start'});
    await new Promise(requestAnimationFrame);
    const before = reading.getBoundingClientRect().top;
    adapter.receive(THREAD, seedComment('r', 'Rania', 'A reply up there', {parentId: 'a', createdAt: new Date().toISOString()}));
    await element.updateComplete;
    await waitUntil(() => part(element, 'new-comments-button'), 'no "Show new comments" button');
    expect(commentIds(element)).to.deep.equal(['a', 'b', 'c']);
    expect(reading.getBoundingClientRect().top).to.be.closeTo(before, 1);
    const button = part(element, 'new-comments-button')!;
    expect(text(button)).to.equal('Show 1 new comment');
    await waitUntil(() => announcement(element) === '1 new comment', 'not announced');
    await expectAccessible(element);

    button.click();
    await waitUntil(
      () => (element.shadowRoot!.activeElement as HTMLElement | null)?.dataset['commentId'] === 'r',
      'the new comment was not focused',
    );
    expect(commentIds(element)).to.deep.equal(['a', 'r', 'b', 'c']);
    expect(part(element, 'new-comments-button')).to.equal(null);
  });

  it('holds back a new comment that would go first under "Newest first" while the reader is further down', async () => {
    const {element, adapter} = await renderThread({
      adapter: liveOptions(),
      sort: 'newest',
      comments: [seedComment('a', 'Amina', LONG), seedComment('b', 'Bilal', LONG, {createdAt: new Date().toISOString()})],
    });
    article(element, 'a').scrollIntoView({block: 'start'});
    await new Promise(requestAnimationFrame);
    adapter.receive(THREAD, seedComment('n', 'Noor', 'Newest of all', {createdAt: new Date().toISOString()}));
    await element.updateComplete;
    // The notice comes with the thread's controls chunk, which the unbundled dev server can
    // take over a second to serve on a loaded machine.
    await waitUntil(() => part(element, 'new-comments-button'), 'no "Show new comments" button', {timeout: 5000});
    expect(commentIds(element)).to.deep.equal(['b', 'a']);
    part(element, 'new-comments-button')!.click();
    await waitUntil(() => commentIds(element)[0] === 'n', 'the new comment was not shown first');
  });

  it('announces a new sort once its comments are shown', async () => {
    const {element} = await renderThread({
      comments: [seedComment('a', 'Amina', 'First'), seedComment('b', 'Bilal', 'Second')],
    });
    const select = part(element, 'sort') as HTMLSelectElement;
    select.value = 'newest';
    select.dispatchEvent(new Event('change'));
    await settled(element);
    await waitUntil(() => announcement(element) === 'Comments sorted newest first.', 'the sort was not announced');
    expect(commentIds(element)).to.deep.equal(['b', 'a']);
  });
});
