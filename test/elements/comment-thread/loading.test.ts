import {expect, fixture, html, oneEvent, waitUntil} from '@open-wc/testing';
import type {CommentAdapter, LoadPageRequest} from '../../../src/core/adapter.js';
import type {CommentThreadElement} from '../../../src/elements/comment-thread/comment-thread.js';
import {sessionStoreFor} from '../../../src/elements/shared/session-store.js';
import type {CommentErrorEvent} from '../../../src/events/comment-error.js';
import type {CommentLoadEvent} from '../../../src/events/comment-load.js';
import {expectAccessible} from '../../helpers/axe.js';
import {commentIds, memoryAdapterFor, part, parts, renderThread, seedComment, settled, text, THREAD} from './thread-fixture.js';

const hoursAgo = (hours: number) => new Date(Date.now() - hours * 3600_000).toISOString();
const fiveTopLevel = () =>
  [1, 2, 3, 4, 5].map((n) => seedComment(`c${n}`, `Person ${n}`, `Comment ${n}`, {createdAt: hoursAgo(10 - n)}));

/** The id of the comment that has focus (ids, not elements: chai would print whole DOM trees). */
function focusedComment(element: CommentThreadElement): string | undefined {
  return (element.shadowRoot!.activeElement as HTMLElement | null)?.dataset['commentId'];
}

function announcement(element: CommentThreadElement): string {
  return text(element.shadowRoot!.querySelector('[role="status"]'));
}

describe('<comment-thread> loading states', () => {
  it('is busy while the first page loads', async () => {
    const adapter = memoryAdapterFor({comments: fiveTopLevel(), adapter: {latency: 400}});
    const element = await fixture<CommentThreadElement>(html`<comment-thread thread=${THREAD} .adapter=${adapter}></comment-thread>`);
    expect(part(element, 'base')!.getAttribute('aria-busy')).to.equal('true');
    expect(text(part(element, 'status'))).to.equal('Loading comments…');
    expect(text(part(element, 'heading'))).to.equal('Comments');
    await expectAccessible(element);
    await settled(element);
    expect(commentIds(element)).to.have.length(5);
  });

  it('shows a failure with Retry, fires comment-error, and recovers', async () => {
    const adapter = memoryAdapterFor({comments: fiveTopLevel()});
    adapter.simulate.fail('load', {code: 'network', message: 'The connection failed.'});
    const element = document.createElement('comment-thread');
    element.thread = THREAD;
    element.adapter = adapter;
    const failed = oneEvent(element, 'comment-error') as Promise<CommentErrorEvent>;
    await fixture(element);
    const event = await failed;
    expect(event.operation).to.equal('load');
    expect((event.error as Error).message).to.equal('The connection failed.');
    await settled(element);

    const alert = part(element, 'error')!;
    expect(alert.getAttribute('role')).to.equal('alert');
    expect(text(alert)).to.contain('Comments could not be loaded.');
    expect(text(alert)).to.contain('The connection failed.');
    await expectAccessible(element);

    part(element, 'retry-button')!.click();
    await settled(element);
    expect(part(element, 'error')).to.be.null;
    expect(commentIds(element)).to.deep.equal(['c1', 'c2', 'c3', 'c4', 'c5']);
  });

  it('loads more by cursor, announces how many arrived and moves focus to the first', async () => {
    const {element} = await renderThread({
      pageSize: 2,
      comments: [...fiveTopLevel(), seedComment('c3r', 'Replier', 'On three', {parentId: 'c3', createdAt: hoursAgo(1)})],
    });
    expect(commentIds(element)).to.deep.equal(['c1', 'c2']);
    const button = part(element, 'load-more-button')!;
    expect(text(button)).to.equal('Load more comments');
    await expectAccessible(element);

    button.focus();
    const loaded = oneEvent(element, 'comment-load') as Promise<CommentLoadEvent>;
    button.click();
    const event = await loaded;
    expect(event.firstPage).to.be.false;
    expect(event.comments.map((comment) => comment.id)).to.deep.equal(['c3', 'c3r', 'c4']);
    await settled(element);
    expect(commentIds(element)).to.deep.equal(['c1', 'c2', 'c3', 'c3r', 'c4']);
    await waitUntil(() => announcement(element) === '3 more comments loaded.');
    expect(focusedComment(element)).to.equal('c3');

    part(element, 'load-more-button')!.focus();
    part(element, 'load-more-button')!.click();
    await settled(element);
    await waitUntil(() => announcement(element) === '1 more comment loaded.');
    expect(part(element, 'load-more-button')).to.be.null;
    expect(focusedComment(element)).to.equal('c5');
    await expectAccessible(element);
  });

  it('keeps the comments it has when a further page fails, and retries from the button', async () => {
    const adapter = memoryAdapterFor({comments: fiveTopLevel()});
    const element = document.createElement('comment-thread');
    element.thread = THREAD;
    element.pageSize = 2;
    element.adapter = adapter;
    // Once the first page is in: the next page, prefetched, fails, and so does Load more's own try.
    element.addEventListener('comment-load', () => adapter.simulate.fail('load', {code: 'server', message: 'The server had a problem.', times: 2}), {once: true});
    await fixture(element);
    await settled(element);
    part(element, 'load-more-button')!.click();
    await settled(element);
    expect(commentIds(element)).to.deep.equal(['c1', 'c2']);
    expect(text(part(element, 'error'))).to.equal('More comments could not be loaded. The server had a problem.');
    expect(text(part(element, 'load-more-button'))).to.equal('Try again');
    await expectAccessible(element);
    part(element, 'load-more-button')!.click();
    await settled(element);
    expect(commentIds(element)).to.deep.equal(['c1', 'c2', 'c3', 'c4']);
    expect(part(element, 'error')).to.be.null;
  });

  it('switches sort with a labelled control; top only when the backend has reactions', async () => {
    const {element} = await renderThread({comments: fiveTopLevel()});
    const select = part(element, 'sort') as HTMLSelectElement;
    expect(select.labels![0]!.textContent).to.contain('Sort by');
    expect([...select.options].map((option) => option.value)).to.deep.equal(['oldest', 'newest']);
    select.value = 'newest';
    select.dispatchEvent(new Event('change'));
    expect(element.sort).to.equal('newest');
    await element.updateComplete;
    await settled(element);
    expect(commentIds(element)).to.deep.equal(['c5', 'c4', 'c3', 'c2', 'c1']);
    await expectAccessible(element);

    const liked = fiveTopLevel().map((comment, index) => ({...comment, reactions: {like: index === 3 ? 9 : index}}));
    const {element: ranked} = await renderThread({comments: liked, sort: 'top', adapter: {reactions: ['like']}});
    expect([...(part(ranked, 'sort') as HTMLSelectElement).options].map((option) => option.value)).to.deep.equal([
      'oldest', 'newest', 'top',
    ]);
    expect(commentIds(ranked)).to.deep.equal(['c4', 'c5', 'c3', 'c2', 'c1']);

    const {element: fallback} = await renderThread({comments: fiveTopLevel(), sort: 'top'});
    expect(commentIds(fallback)).to.deep.equal(['c1', 'c2', 'c3', 'c4', 'c5']);
    expect((part(fallback, 'sort') as HTMLSelectElement).value).to.equal('oldest');
  });

  it('aborts an older request when a newer one starts', async () => {
    const memory = memoryAdapterFor({comments: fiveTopLevel(), adapter: {latency: 100}});
    const signals: Array<{request: LoadPageRequest; signal: AbortSignal}> = [];
    const adapter: CommentAdapter = {
      capabilities: memory.capabilities,
      loadPage: (request, options) => {
        signals.push({request, signal: options.signal!});
        return memory.loadPage(request, options);
      },
      postComment: (input, options) => memory.postComment(input, options),
    };
    const element = await fixture<CommentThreadElement>(html`<comment-thread thread=${THREAD} .adapter=${adapter}></comment-thread>`);
    element.sort = 'newest';
    await element.updateComplete;
    await settled(element);
    expect(signals.map(({request}) => request.sort)).to.deep.equal(['oldest', 'newest']);
    expect(signals[0]!.signal.aborted).to.be.true;
    expect(signals[1]!.signal.aborted).to.be.false;
    expect(commentIds(element)).to.deep.equal(['c5', 'c4', 'c3', 'c2', 'c1']);
  });

  it('finishes loading after being moved in the page mid-request', async () => {
    const adapter = memoryAdapterFor({comments: fiveTopLevel(), adapter: {latency: 100}});
    const element = await fixture<CommentThreadElement>(html`<comment-thread thread=${THREAD} .adapter=${adapter}></comment-thread>`);
    const elsewhere = document.createElement('div');
    document.body.append(elsewhere);
    elsewhere.append(element);
    await settled(element);
    expect(commentIds(element)).to.have.length(5);
    elsewhere.remove();
  });

  it('reloads when the viewer signs in or out', async () => {
    const {element, adapter} = await renderThread({comments: fiveTopLevel()});
    let loads = 0;
    const original = adapter.loadPage.bind(adapter);
    adapter.loadPage = (request, options) => {
      loads++;
      return original(request, options);
    };
    sessionStoreFor(adapter).set({providerId: 'github', viewer: {id: 'u1', name: 'Ada'}});
    await waitUntil(() => loads === 1);
    await settled(element);
    // The same viewer again (a form asking who is signed in): nothing to reload.
    sessionStoreFor(adapter).set({providerId: 'github', viewer: {id: 'u1', name: 'Ada'}});
    await settled(element);
    expect(loads).to.equal(1);
    element.remove();
    sessionStoreFor(adapter).set(null);
    expect(loads).to.equal(1);
  });

  it('shows comments posted in another tab as they arrive', async () => {
    const storageKey = `thread-test-${crypto.randomUUID()}`;
    const {element} = await renderThread({comments: fiveTopLevel(), adapter: {storageKey}});
    const otherTab = memoryAdapterFor({comments: fiveTopLevel(), adapter: {storageKey}});
    const stored = await otherTab.postComment(
      {thread: THREAD, text: 'From the other tab', parentId: 'c2', guest: {name: 'Tab', email: 'tab@example.com'}, idempotencyKey: 'x'},
      {},
    );
    await waitUntil(() => commentIds(element).includes(stored.id), 'the live comment did not arrive');
    expect(commentIds(element)).to.deep.equal(['c1', 'c2', stored.id, 'c3', 'c4', 'c5']);
    expect(text(part(element, 'heading'))).to.match(/^6 thoughts/);
    localStorage.removeItem(storageKey);
  });

  it('resolves a named adapter from its attributes', async () => {
    const {registerAdapter} = await import('../../../src/core/registry.js');
    const configs: Array<Record<string, string | undefined>> = [];
    registerAdapter('test-named', (config) => {
      configs.push({...config});
      return memoryAdapterFor({comments: fiveTopLevel()});
    });
    const element = await fixture<CommentThreadElement>(
      html`<comment-thread adapter="test-named" thread=${THREAD} max-depth="3" endpoint="https://api.example/" class="x"></comment-thread>`,
    );
    await settled(element);
    expect(commentIds(element)).to.have.length(5);
    expect(configs).to.deep.equal([{thread: THREAD, endpoint: 'https://api.example/'}]);

    const missing = await fixture<CommentThreadElement>(html`<comment-thread adapter="nobody" thread=${THREAD}></comment-thread>`);
    await settled(missing);
    expect(text(part(missing, 'error'))).to.contain('Comments could not be loaded.');
    expect(parts(missing, 'retry-button')).to.have.length(1);
  });
});
