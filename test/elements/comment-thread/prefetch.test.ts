// The next page is asked for once the current one is shown, so that Load more shows it at
// once (one update, no "Loading…"). It must never show what the reader would not see with
// a fresh request: a page of another sort, of before a refresh, or of another backend; a
// comment changed or removed live meanwhile; nor an error the reader did not ask for.
import {expect, fixture, html, waitUntil} from '@open-wc/testing';
import type {LoadPageRequest} from '../../../src/core/adapter.js';
import type {Comment, CommentPage} from '../../../src/core/types.js';
import type {CommentThreadElement} from '../../../src/elements/comment-thread/comment-thread.js';
import {PREFETCH_FRESH_MS} from '../../../src/elements/comment-thread/pending-page.js';
import {expectAccessible} from '../../helpers/axe.js';
import {stubAdapter, stubComment, stubPage} from './stub-adapter.js';
import {commentIds, part, settled, text, THREAD} from './thread-fixture.js';

const ids = (...names: string[]) => names.map((name) => stubComment(name));

/** Two pages per sort, under the same cursor names: only the query tells them apart. */
function twoPages(prefix: string) {
  return (request: LoadPageRequest): Promise<CommentPage> =>
    Promise.resolve(
      request.cursor === 'p2'
        ? stubPage(ids(`${prefix}${request.sort}3`, `${prefix}${request.sort}4`), null, 4)
        : stubPage(ids(`${prefix}${request.sort}1`, `${prefix}${request.sort}2`), 'p2', 4),
    );
}

async function threadOn(adapter: ReturnType<typeof stubAdapter>['adapter']): Promise<CommentThreadElement> {
  const element = await fixture<CommentThreadElement>(
    html`<comment-thread thread=${THREAD} page-size="2" .adapter=${adapter}></comment-thread>`,
  );
  await settled(element);
  return element;
}

/** Counts the element's Lit updates from now on. */
function countUpdates(element: CommentThreadElement): {count: number} {
  const counter = {count: 0};
  const host = element as unknown as {update(changed: unknown): void};
  const update = host.update;
  host.update = function (this: unknown, changed: unknown) {
    counter.count++;
    update.call(this, changed);
  };
  return counter;
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('<comment-thread> prefetching the next page', () => {
  it('asks for the next page once the first is shown, and Load more shows it in one update without asking again', async () => {
    const {adapter, requests} = stubAdapter(twoPages(''));
    const element = await threadOn(adapter);
    await waitUntil(() => requests.length === 2, 'the next page was not prefetched');
    expect(requests.map((request) => request.cursor ?? null)).to.deep.equal([null, 'p2']);
    expect(commentIds(element), 'nothing of it shown before Load more').to.deep.equal(['oldest1', 'oldest2']);
    const updates = countUpdates(element);
    part(element, 'load-more-button')!.click();
    await settled(element);
    expect(commentIds(element)).to.deep.equal(['oldest1', 'oldest2', 'oldest3', 'oldest4']);
    expect(requests).to.have.length(2);
    expect(updates.count).to.equal(1);
    await expectAccessible(element);
  });

  /** A page of 100 conversations of three comments (300 comments). */
  const bigPage = (index: number) =>
    Array.from({length: 100}, (_, offset) => {
      const id = `p${index}-${offset}`;
      return [stubComment(id), stubComment(`${id}-r`, {parentId: id}), stubComment(`${id}-rr`, {parentId: `${id}-r`})];
    }).flat();

  /** Load more on a thread of two such pages, the clock moving `msPerCall` at each reading: its updates. */
  async function loadMoreUpdates(msPerCall: number): Promise<number> {
    const now = performance.now;
    let clock = 0;
    // The thread sizes its steps by the time updates take: this device's speed is made up.
    performance.now = () => (clock += msPerCall);
    try {
      const {adapter, requests} = stubAdapter((request) =>
        Promise.resolve(request.cursor === 'p2' ? stubPage(bigPage(2), null, 600) : stubPage(bigPage(1), 'p2', 600)),
      );
      const element = await fixture<CommentThreadElement>(html`<comment-thread thread=${THREAD} page-size="100" .adapter=${adapter}></comment-thread>`);
      await settled(element);
      await waitUntil(() => requests.length === 2, 'the next page was not prefetched');
      const updates = countUpdates(element);
      part(element, 'load-more-button')!.click();
      await settled(element);
      expect(commentIds(element)).to.have.length(600);
      return updates.count;
    } finally {
      performance.now = now;
    }
  }

  it('shows a page of 100 conversations (300 comments) in one update on a fast device', async () => {
    expect(await loadMoreUpdates(0)).to.equal(1);
  });

  it('takes shorter steps on a slow device', async () => {
    // Every update seems to take 200 ms or more: 100 comments an update, the least there is.
    expect(await loadMoreUpdates(200)).to.equal(3);
  });

  it('asks again for a page prefetched more than five minutes before Load more', async () => {
    let edition = 'old';
    const {adapter, requests} = stubAdapter((request) => twoPages(edition)(request));
    const element = await threadOn(adapter);
    await waitUntil(() => requests.length === 2, 'the next page was not prefetched');
    edition = 'new';
    const now = Date.now;
    Date.now = () => now() + PREFETCH_FRESH_MS + 1000;
    try {
      part(element, 'load-more-button')!.click();
      await settled(element);
    } finally {
      Date.now = now;
    }
    expect(requests).to.have.length(3);
    expect(commentIds(element)).to.deep.equal(['oldoldest1', 'oldoldest2', 'newoldest3', 'newoldest4']);
  });

  it('discards the prefetched page when the sort changes, on refresh, and with another adapter', async () => {
    const first = stubAdapter(twoPages(''));
    const element = await threadOn(first.adapter);
    await waitUntil(() => first.requests.length === 2, 'the next page was not prefetched');

    element.sort = 'newest';
    await settled(element);
    part(element, 'load-more-button')!.click();
    await settled(element);
    expect(commentIds(element)).to.deep.equal(['newest1', 'newest2', 'newest3', 'newest4']);

    // The backend's pages changed meanwhile: a refresh shows them, page 2 included.
    let edition = 'a';
    const second = stubAdapter((request) => twoPages(edition)(request));
    element.adapter = second.adapter;
    await settled(element);
    await waitUntil(() => second.requests.length === 2, 'the next page was not prefetched');
    edition = 'b';
    await element.refresh();
    await settled(element);
    part(element, 'load-more-button')!.click();
    await settled(element);
    expect(commentIds(element)).to.deep.equal(['bnewest1', 'bnewest2', 'bnewest3', 'bnewest4']);
  });

  it('applies live changes heard meanwhile to the prefetched page: no comment twice, none back from removal', async () => {
    const page2 = [stubComment('c3'), stubComment('c4'), stubComment('c5')];
    const {adapter, requests, emit} = stubAdapter((request) =>
      Promise.resolve(request.cursor === 'p2' ? stubPage(page2, null, 5) : stubPage(ids('c1', 'c2'), 'p2', 5)),
    );
    const element = await threadOn(adapter);
    await waitUntil(() => requests.length === 2, 'the next page was not prefetched');
    const edited: Comment = stubComment('c3', {content: {kind: 'text', value: 'Edited elsewhere'}});
    emit({type: 'comment-updated', thread: THREAD, comment: edited});
    emit({type: 'comment-removed', thread: THREAD, commentId: 'c4'});
    emit({type: 'comment-added', thread: THREAD, comment: stubComment('c9')});
    await settled(element);
    // A new comment shows at once; one of the page waiting for Load more waits with it.
    expect(commentIds(element)).to.deep.equal(['c1', 'c2', 'c9']);
    part(element, 'load-more-button')!.click();
    await settled(element);
    expect(commentIds(element)).to.deep.equal(['c1', 'c2', 'c3', 'c5', 'c9']);
    expect(text(element.shadowRoot!.querySelector('[data-comment-id="c3"] [part="body"]'))).to.equal('Edited elsewhere');
  });

  it('applies a removal heard while Load more waits for the page: the prefetched one, and one asked for again', async () => {
    let prefetchFails = false;
    let answer: ((page: CommentPage) => void) | undefined;
    const {adapter, requests, emit} = stubAdapter((request) => {
      if (request.cursor !== 'p2') return Promise.resolve(stubPage(ids('c1', 'c2'), 'p2', 5));
      if (prefetchFails) {
        prefetchFails = false;
        return Promise.reject(Object.assign(new Error('The server had a problem.'), {code: 'server'}));
      }
      return new Promise<CommentPage>((resolve) => (answer = resolve));
    });
    const pageTwo = () => stubPage(ids('c3', 'c4', 'c5'), null, 5);

    const element = await threadOn(adapter);
    await waitUntil(() => requests.length === 2, 'the next page was not prefetched', {timeout: 10_000});
    part(element, 'load-more-button')!.click();
    await element.updateComplete;
    emit({type: 'comment-removed', thread: THREAD, commentId: 'c4'});
    answer!(pageTwo());
    await settled(element);
    expect(commentIds(element), 'the prefetched page').to.deep.equal(['c1', 'c2', 'c3', 'c5']);

    // The same when the prefetch failed and Load more asks again.
    prefetchFails = true;
    answer = undefined;
    await element.refresh();
    await settled(element);
    await waitUntil(() => requests.length === 4, 'the next page was not prefetched', {timeout: 10_000});
    await pause(50);
    part(element, 'load-more-button')!.click();
    await waitUntil(() => answer !== undefined, 'Load more did not ask again', {timeout: 10_000});
    emit({type: 'comment-removed', thread: THREAD, commentId: 'c4'});
    answer!(pageTwo());
    await settled(element);
    expect(commentIds(element), 'the page asked for again').to.deep.equal(['c1', 'c2', 'c3', 'c5']);
  });

  it('shows the error of a prefetch that fails while Load more waits for it, without asking again', async () => {
    let fail: ((error: Error) => void) | undefined;
    let failing = true;
    const {adapter, requests} = stubAdapter((request) => {
      if (request.cursor !== 'p2') return Promise.resolve(stubPage(ids('c1', 'c2'), 'p2', 4));
      if (failing) return new Promise<CommentPage>((_, reject) => (fail = reject));
      return Promise.resolve(stubPage(ids('c3', 'c4'), null, 4));
    });
    const element = await threadOn(adapter);
    await waitUntil(() => requests.length === 2, 'the next page was not prefetched', {timeout: 10_000});
    part(element, 'load-more-button')!.click();
    await element.updateComplete;
    failing = false;
    fail!(Object.assign(new Error('The server had a problem.'), {code: 'server'}));
    await settled(element);
    // The reader waited for that answer: a second request would make them wait twice as long.
    expect(requests, 'no second request for the page').to.have.length(2);
    expect(text(part(element, 'error'))).to.contain('More comments could not be loaded.');
    part(element, 'load-more-button')!.click();
    await settled(element);
    expect(commentIds(element)).to.deep.equal(['c1', 'c2', 'c3', 'c4']);
  });

  it('keeps a failed prefetch quiet; Load more asks once more and shows that error, and Try again recovers', async () => {
    let failures = 2;
    const {adapter, requests} = stubAdapter((request) => {
      if (request.cursor !== 'p2') return Promise.resolve(stubPage(ids('c1', 'c2'), 'p2', 4));
      if (failures-- > 0) return Promise.reject(Object.assign(new Error('The server had a problem.'), {code: 'server'}));
      return Promise.resolve(stubPage(ids('c3', 'c4'), null, 4));
    });
    const element = await threadOn(adapter);
    await waitUntil(() => requests.length === 2, 'the next page was not prefetched');
    await pause(300);
    expect(requests, 'a failed prefetch is not asked for again by itself').to.have.length(2);
    expect(part(element, 'error')).to.be.null;
    expect(text(part(element, 'load-more-button'))).to.equal('Load more comments');

    part(element, 'load-more-button')!.click();
    await settled(element);
    expect(requests).to.have.length(3);
    expect(text(part(element, 'error'))).to.contain('More comments could not be loaded.');
    expect(text(part(element, 'load-more-button'))).to.equal('Try again');
    await pause(300);
    expect(requests, 'nothing asked for until the reader does').to.have.length(3);

    part(element, 'load-more-button')!.click();
    await settled(element);
    expect(commentIds(element)).to.deep.equal(['c1', 'c2', 'c3', 'c4']);
    expect(part(element, 'error')).to.be.null;
  });
});
