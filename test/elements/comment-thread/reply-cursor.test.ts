import {expect, waitUntil} from '@open-wc/testing';
import type {LoadRepliesRequest} from '../../../src/core/adapter.js';
import type {CommentThreadElement} from '../../../src/elements/comment-thread/comment-thread.js';
import {REPLIES_PER_BATCH, REPLIES_SHOWN_FIRST} from '../../../src/elements/comment-thread/reply-batches.js';
import {expectAccessible} from '../../helpers/axe.js';
import {conversation, focusedId, moreButton, replyIds} from './more-replies.fixture.js';
import {article, commentIds, part, renderThread, seedComment, settled, text, THREAD} from './thread-fixture.js';

// A backend that sends long conversations in batches (`moreReplies` + `loadReplies`, the
// REST protocol's `replies`): the page brings each conversation's first replies only, and
// "Show N more replies" fetches the next ones.

let storageNumber = 0;


/** The thread over a memory adapter that cuts conversations to their first 50 replies; every `loadReplies` call is recorded. */
async function render(count: number) {
  const rendered = await renderThread({
    comments: conversation(count),
    pageSize: 20,
    adapter: {firstReplies: REPLIES_SHOWN_FIRST, storageKey: `colloquy-test-reply-cursor-${Date.now()}-${storageNumber++}`},
  });
  const calls: LoadRepliesRequest[] = [];
  const signals: (AbortSignal | undefined)[] = [];
  const loadReplies = rendered.adapter.loadReplies!;
  Object.defineProperty(rendered.adapter, 'loadReplies', {
    value: (request: LoadRepliesRequest, options: {signal?: AbortSignal}) => {
      calls.push(request);
      signals.push(options.signal);
      return loadReplies(request, options);
    },
  });
  return {...rendered, calls, signals};
}

/** Presses "Show N more replies" until every reply is shown, each press once its batch is in. */
async function showAll(element: CommentThreadElement) {
  for (let presses = 0; moreButton(element) && presses < 20; presses++) {
    const before = replyIds(element).length;
    moreButton(element)!.click();
    await waitUntil(() => replyIds(element).length > before || part(element, 'error'), 'a press showed nothing', {timeout: 10_000});
    await settled(element);
  }
}

const inOrder = (count: number) => Array.from({length: count}, (_, index) => `r${index}`);

describe('<comment-thread> with conversations sent in batches (a reply cursor)', function () {
  this.timeout(60_000);
  afterEach(() => {
    history.replaceState(null, '', location.pathname + location.search);
    for (const key of Object.keys(localStorage)) if (key.includes('colloquy-test-reply-cursor')) localStorage.removeItem(key);
  });

  it('shows the replies the page brought and counts those not sent in "Show N more replies"', async () => {
    const {element, calls} = await render(400);
    expect(replyIds(element)).to.deep.equal(inOrder(REPLIES_SHOWN_FIRST));
    expect(text(moreButton(element))).to.equal(`Show ${400 - REPLIES_SHOWN_FIRST} more replies`);
    expect(text(article(element, 'root').querySelector('[part="collapse-button"]')), 'the conversation counts every reply').to.equal('Collapse thread (400 replies)');
    expect(calls, 'nothing fetched before a press').to.have.length(0);
    await expectAccessible(element);
  });

  it('fetches the next batch on a press, shows it in place, focuses its first reply and announces it', async () => {
    const {element, calls} = await render(400);
    const other = article(element, 'other');
    moreButton(element)!.focus();
    moreButton(element)!.click();
    await waitUntil(() => focusedId(element) === `r${REPLIES_SHOWN_FIRST}`, 'the first fetched reply was not focused', {timeout: 10_000});
    expect(calls).to.have.length(1);
    expect(calls[0]).to.include({thread: THREAD, commentId: 'root', limit: REPLIES_PER_BATCH});
    expect(replyIds(element)).to.deep.equal(inOrder(REPLIES_SHOWN_FIRST + REPLIES_PER_BATCH));
    // r60 answers r59: nested under it, as in the full thread.
    expect(article(element, 'r60').closest('ol')!.previousElementSibling).to.equal(article(element, 'r59'));
    expect(text(moreButton(element))).to.equal(`Show ${400 - REPLIES_SHOWN_FIRST - REPLIES_PER_BATCH} more replies`);
    await waitUntil(() => text(element.shadowRoot!.getElementById('announcer')) === `${REPLIES_PER_BATCH} more comments loaded.`, 'nothing was announced', {timeout: 10_000});
    expect(article(element, 'other') === other, 'the other conversation was kept').to.equal(true);
    await showAll(element);
    expect(replyIds(element)).to.deep.equal(inOrder(400));
    expect(calls.map((call) => call.cursor), 'each cursor followed once').to.have.length(new Set(calls.map((call) => call.cursor)).size);
    await expectAccessible(element);
  });

  it('counts a live reply once, and lists it once when a later batch brings it too', async () => {
    const {element, adapter} = await render(200);
    // The adapter stores it too, so the last batch brings it again.
    adapter.receive(THREAD, seedComment('late', 'Omar', 'A late reply', {parentId: 'root', createdAt: new Date().toISOString()}));
    await waitUntil(() => text(moreButton(element)) === `Show ${200 - REPLIES_SHOWN_FIRST + 1} more replies`, 'the live reply was not counted', {timeout: 10_000});
    adapter.receive(THREAD, seedComment('answer', 'Omar', 'An answer to r3', {parentId: 'r3', createdAt: new Date().toISOString()}));
    await waitUntil(() => commentIds(element).includes('answer'), 'the answer to a shown reply was not shown', {timeout: 10_000});
    expect(replyIds(element)).to.have.length(REPLIES_SHOWN_FIRST);
    await showAll(element);
    const ids = commentIds(element);
    expect(ids.filter((id) => id === 'late')).to.have.length(1);
    expect(ids.filter((id) => id === 'answer')).to.have.length(1);
    expect(replyIds(element)).to.deep.equal(inOrder(200));
    expect(ids.at(-2), 'the late reply comes last in its conversation').to.equal('late');
  });

  it('shows why a fetch failed, loses nothing, and fetches again on the next press', async () => {
    const {element, adapter, calls} = await render(400);
    adapter.simulate.fail('load', {code: 'network', message: 'The network is down.'});
    moreButton(element)!.click();
    await waitUntil(() => part(element, 'error') !== null, 'the failure was not shown', {timeout: 10_000});
    expect(part(element, 'error')!.getAttribute('role')).to.equal('alert');
    expect(text(part(element, 'error'))).to.include('The network is down.');
    expect(replyIds(element)).to.deep.equal(inOrder(REPLIES_SHOWN_FIRST));
    expect(text(moreButton(element))).to.equal(`Show ${400 - REPLIES_SHOWN_FIRST} more replies`);
    await expectAccessible(element);
    moreButton(element)!.click();
    await waitUntil(() => replyIds(element).length === REPLIES_SHOWN_FIRST + REPLIES_PER_BATCH, 'the retry showed nothing', {timeout: 10_000});
    expect(part(element, 'error')).to.equal(null);
    expect(calls).to.have.length(2);
    expect(calls[1]!.cursor, 'the retry asked for the same replies').to.equal(calls[0]!.cursor);
  });

  it('forgets its fetches when the thread loads again: a failure is no longer shown, one in flight is aborted', async () => {
    const {element, adapter, calls, signals} = await render(400);
    adapter.simulate.fail('load', {code: 'network', message: 'The network is down.'});
    moreButton(element)!.click();
    await waitUntil(() => part(element, 'error') !== null, 'the failure was not shown', {timeout: 10_000});
    await element.refresh();
    await settled(element);
    expect(part(element, 'error'), 'the failure of the view before').to.equal(null);

    // Asked as the viewer before a sign-in, say: its batch must not land in the new view.
    adapter.simulate.latency({load: 300});
    moreButton(element)!.click();
    await waitUntil(() => calls.length === 2, 'no second fetch', {timeout: 10_000});
    const reloaded = element.refresh();
    expect(signals[1]!.aborted, 'the fetch in flight was aborted').to.equal(true);
    await reloaded;
    await settled(element);
    expect(replyIds(element)).to.deep.equal(inOrder(REPLIES_SHOWN_FIRST));
    expect(text(moreButton(element))).to.equal(`Show ${400 - REPLIES_SHOWN_FIRST} more replies`);
  });

  it('says "Loading…" while fetching, and a second press sends no second request', async () => {
    const {element, adapter, calls} = await render(400);
    adapter.simulate.latency({load: 300});
    moreButton(element)!.click();
    await waitUntil(() => text(moreButton(element)) === 'Loading…', 'no loading state', {timeout: 10_000});
    expect(moreButton(element)!.getAttribute('aria-disabled')).to.equal('true');
    moreButton(element)!.click();
    await waitUntil(() => replyIds(element).length === REPLIES_SHOWN_FIRST + REPLIES_PER_BATCH, 'the batch was not shown', {timeout: 10_000});
    expect(calls).to.have.length(1);
  });

  it('fetches the replies up to one a link points to that the page did not bring', async () => {
    const {element, calls} = await render(400);
    location.hash = '#comment-r321';
    await waitUntil(() => focusedId(element) === 'r321', 'the linked reply was not fetched, shown and focused', {timeout: 10_000});
    expect(article(element, 'r321').getAttribute('part')).to.include('comment-targeted');
    expect(replyIds(element)).to.deep.equal(inOrder(322));
    expect(text(moreButton(element))).to.equal(`Show ${400 - 322} more replies`);
    expect(calls.length, 'in batches of the largest size').to.be.at.most(2);
  });

  it('says a linked comment cannot be found after a bounded search', async () => {
    const {element, calls} = await render(400);
    location.hash = '#comment-no-such-reply';
    await waitUntil(() => text(element.shadowRoot!.getElementById('announcer')) === 'The linked comment could not be found.', 'nothing said', {timeout: 10_000});
    // The backend said (locate) that there is no such comment: no batch is worth fetching.
    expect(calls, 'replies fetched for a comment that is not there').to.have.length(0);
  });

  it('without locate, still looks for a linked reply among the replies not sent, within bounds', async () => {
    const {element, adapter, calls} = await render(400);
    Object.defineProperty(adapter, 'locate', {value: undefined});
    location.hash = '#comment-no-such-reply';
    await waitUntil(() => text(element.shadowRoot!.getElementById('announcer')) === 'The linked comment could not be found.', 'nothing said', {timeout: 10_000});
    expect(calls.length, 'a bounded search').to.be.within(1, 10);
  });
});
