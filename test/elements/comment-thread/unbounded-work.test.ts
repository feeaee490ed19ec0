import {expect, fixture, html, waitUntil} from '@open-wc/testing';
import type {CommentPage} from '../../../src/core/types.js';
import type {CommentThreadElement} from '../../../src/elements/comment-thread/comment-thread.js';
import {expectAccessible} from '../../helpers/axe.js';
import {stubAdapter, stubComment, stubPage} from './stub-adapter.js';
import {commentIds, memoryAdapterFor, part, seedComment, settled, text, THREAD} from './thread-fixture.js';

function announcement(element: CommentThreadElement): string {
  return text(element.shadowRoot!.querySelector('[role="status"]'));
}

describe('<comment-thread> bounded work', () => {
  it('shows the error with Try again when the backend never answers, after load-timeout', async () => {
    let answer = false;
    const {adapter, requests} = stubAdapter(() =>
      answer ? Promise.resolve(stubPage([stubComment('c1')], null)) : new Promise<CommentPage>(() => {}),
    );
    const started = performance.now();
    const element = await fixture<CommentThreadElement>(
      html`<comment-thread thread=${THREAD} load-timeout="300" .adapter=${adapter}></comment-thread>`,
    );
    await waitUntil(() => part(element, 'error'), 'no error after the deadline', {timeout: 3000});
    expect(performance.now() - started).to.be.greaterThan(250);
    expect(text(part(element, 'error'))).to.contain('did not answer in time');
    expect(part(element, 'status')).to.be.null;
    await expectAccessible(element);
    answer = true;
    part(element, 'retry-button')!.click();
    await settled(element);
    expect(commentIds(element)).to.deep.equal(['c1']);
    expect(requests).to.have.length(2);
  });

  it('defaults to a deadline of 15 s', async () => {
    const element = document.createElement('comment-thread');
    expect(element.loadTimeout).to.equal(15_000);
  });

  it('stops Load more when the backend hands out a cursor it already gave', async () => {
    let serial = 0;
    // Fresh comments on every page, but the cursors go round in a circle: a → b → a → …
    const {adapter, requests} = stubAdapter(async (request) => {
      serial += 1;
      const next = request.cursor === 'a' ? 'b' : 'a';
      return stubPage([stubComment(`c${serial}`)], next);
    });
    const element = await fixture<CommentThreadElement>(html`<comment-thread thread=${THREAD} .adapter=${adapter}></comment-thread>`);
    await settled(element);
    for (let click = 0; click < 4 && part(element, 'load-more-button'); click++) {
      part(element, 'load-more-button')!.click();
      await settled(element);
    }
    expect(requests.map((request) => request.cursor ?? null)).to.deep.equal([null, 'a', 'b']);
    expect(part(element, 'load-more-button')).to.be.null;
    expect(commentIds(element)).to.deep.equal(['c1', 'c2', 'c3']);
  });

  it('stops Load more when the next cursor is the one just used', async () => {
    const {adapter, requests} = stubAdapter(async (request) => stubPage([stubComment(`c-${request.cursor ?? 'first'}`)], 'same'));
    const element = await fixture<CommentThreadElement>(html`<comment-thread thread=${THREAD} .adapter=${adapter}></comment-thread>`);
    await settled(element);
    part(element, 'load-more-button')!.click();
    await settled(element);
    expect(part(element, 'load-more-button')).to.be.null;
    expect(requests).to.have.length(2);
  });

  it('applies live changes heard while the first page was loading once it is shown', async () => {
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const {adapter, emit} = stubAdapter(async () => {
      await gate;
      return stubPage([stubComment('c1'), stubComment('c2'), stubComment('c3')], null, 3);
    });
    const element = await fixture<CommentThreadElement>(html`<comment-thread thread=${THREAD} .adapter=${adapter}></comment-thread>`);
    emit({type: 'comment-removed', thread: THREAD, commentId: 'c2'});
    emit({type: 'comment-updated', thread: THREAD, comment: stubComment('c3', {content: {kind: 'text', value: 'Edited elsewhere'}})});
    release();
    await settled(element);
    expect(commentIds(element)).to.deep.equal(['c1', 'c3']);
    expect(text(element.shadowRoot!.querySelector('[data-comment-id="c3"] [part="body"]'))).to.equal('Edited elsewhere');
  });

  describe('a link to a comment that is not there', () => {
    afterEach(() => history.replaceState(null, '', location.pathname + location.search));

    it('gives up after a few pages when the backend cannot locate and its pages never end', async () => {
      history.replaceState(null, '', '#comment-nope');
      let serial = 0;
      // Fresh comments and fresh cursors on every page: only a cap stops the search.
      const {adapter, requests} = stubAdapter(async () => {
        serial += 1;
        return stubPage([stubComment(`c${serial}`)], `page-${serial}`);
      });
      const element = await fixture<CommentThreadElement>(html`<comment-thread thread=${THREAD} .adapter=${adapter}></comment-thread>`);
      await waitUntil(() => announcement(element) !== '', 'nothing was announced', {timeout: 5000});
      expect(announcement(element)).to.equal('The linked comment could not be found.');
      const count = requests.length;
      // The first page, at most 10 searched and the one after them, prefetched for Load more.
      expect(count).to.be.at.most(12);
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect(requests.length).to.equal(count);
      expect(part(element, 'load-more-button')).not.to.be.null;
    });

    it('gives up at once when the backend hands out a cursor again', async () => {
      history.replaceState(null, '', '#comment-nope');
      let serial = 0;
      const {adapter, requests} = stubAdapter(async () => {
        serial += 1;
        return stubPage([stubComment(`c${serial}`)], 'the-same-cursor');
      });
      const element = await fixture<CommentThreadElement>(html`<comment-thread thread=${THREAD} .adapter=${adapter}></comment-thread>`);
      await waitUntil(() => announcement(element) !== '', 'nothing was announced', {timeout: 5000});
      expect(requests).to.have.length(2);
    });

    it('asks a backend that can locate, instead of downloading the thread', async () => {
      history.replaceState(null, '', '#comment-nope');
      const comments = Array.from({length: 300}, (_, index) =>
        seedComment(`c${index}`, `Person ${index}`, `Comment ${index}`, {createdAt: new Date(Date.UTC(2024, 0, 1, 0, index)).toISOString()}),
      );
      const adapter = memoryAdapterFor({comments});
      let pages = 0;
      const loadPage = adapter.loadPage.bind(adapter);
      adapter.loadPage = (request, options) => {
        pages += 1;
        return loadPage(request, options);
      };
      const element = await fixture<CommentThreadElement>(
        html`<comment-thread thread=${THREAD} page-size="1" .adapter=${adapter}></comment-thread>`,
      );
      await waitUntil(() => announcement(element) !== '', 'nothing was announced', {timeout: 5000});
      expect(announcement(element)).to.equal('The linked comment could not be found.');
      // The first page and the next one, prefetched for Load more: not the thread's 300.
      expect(pages).to.be.at.most(2);
    });
  });
});
