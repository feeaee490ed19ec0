import {expect, fixture, html, waitUntil} from '@open-wc/testing';
import {http, HttpResponse} from 'msw';
import {DEFAULT_LOAD_DEADLINE_MS} from '../../../src/adapters/shared/deadline.js';
import type {CommentThreadElement} from '../../../src/elements/comment-thread/comment-thread.js';
import {REPLIES_SHOWN_FIRST} from '../../../src/elements/comment-thread/reply-batches.js';
import {expectAccessible} from '../../helpers/axe.js';
import {resetHandlers, useHandlers} from '../../helpers/msw.js';
import {conversation, moreButton, replyIds} from './more-replies.fixture.js';
import {commentIds, memoryAdapterFor, part, settled, text, THREAD} from './thread-fixture.js';

// The thread's lazy chunks may fail to load (a flaky network, a deploy that removed them).
// The thread then shows its comments without what the chunk adds, and settles: it never
// waits forever. This file runs in a page of its own, with the chunks blocked from the start;
// the test that loads the controls at last comes after those that need them not loaded.

let storageNumber = 0;

async function render(count: number): Promise<CommentThreadElement> {
  const adapter = memoryAdapterFor({comments: conversation(count), adapter: {storageKey: `colloquy-test-chunk-failure-${Date.now()}-${storageNumber++}`}});
  return fixture<CommentThreadElement>(html`<comment-thread thread=${THREAD} page-size="2000" .adapter=${adapter}></comment-thread>`);
}

describe('<comment-thread> when a lazy chunk cannot load', function () {
  this.timeout(30_000);
  beforeEach(() =>
    useHandlers(http.get(/\/comment-thread\/(controls|linked-comment)\.(js|ts)/, () => HttpResponse.error())),
  );
  afterEach(async () => {
    await resetHandlers();
    history.replaceState(null, '', location.pathname + location.search);
    for (const key of Object.keys(localStorage)) if (key.includes('colloquy-test-chunk-failure')) localStorage.removeItem(key);
  });

  it('gives up a press of "Show N more replies" whose controls take longer than a page of comments may', async function () {
    this.timeout(2 * DEFAULT_LOAD_DEADLINE_MS + 30_000);
    let release!: () => void;
    const released = new Promise<void>((resolve) => (release = resolve));
    await useHandlers(
      http.get(/\/comment-thread\/controls\.(js|ts)/, async () => {
        await released;
        return HttpResponse.error();
      }),
    );
    try {
      // A long conversation shows without the controls; the idle prefetch stalls meanwhile.
      const element = await render(REPLIES_SHOWN_FIRST + 30);
      await waitUntil(() => moreButton(element), 'the long conversation did not show');
      moreButton(element)!.click();
      await element.updateComplete;
      expect(text(moreButton(element))).to.equal('Loading…');
      await waitUntil(() => part(element, 'error'), 'the press was not given up', {timeout: DEFAULT_LOAD_DEADLINE_MS + 10_000});
      expect(text(part(element, 'error'))).to.equal('More comments could not be loaded.');
      expect(text(moreButton(element))).to.equal('Show 30 more replies');
    } finally {
      release();
    }
  });

  it('shows "Show N more replies" under a long conversation when the controls cannot load, and a press tries again', async () => {
    let requests = 0;
    await useHandlers(
      http.get(/\/comment-thread\/controls\.(js|ts)/, () => {
        requests++;
        return HttpResponse.error();
      }),
    );
    const element = await render(REPLIES_SHOWN_FIRST + 30);
    await settled(element);
    expect(replyIds(element)).to.have.length(REPLIES_SHOWN_FIRST);
    expect(commentIds(element)).to.include('other');
    expect(text(moreButton(element))).to.equal('Show 30 more replies');
    await expectAccessible(element);

    // Failing again: the reply fetch's own failure, and the button to try once more.
    const before = requests;
    moreButton(element)!.click();
    await element.updateComplete;
    expect(text(moreButton(element))).to.equal('Loading…');
    expect(moreButton(element)!.getAttribute('aria-disabled')).to.equal('true');
    await waitUntil(() => part(element, 'error'), 'no error after the failed load');
    expect(text(part(element, 'error'))).to.equal('More comments could not be loaded.');
    expect(part(element, 'error')!.getAttribute('role')).to.equal('alert');
    expect(text(moreButton(element))).to.equal('Show 30 more replies');
    expect(replyIds(element)).to.have.length(REPLIES_SHOWN_FIRST);
    expect(requests - before, 'only the press asks for the chunk again').to.equal(1);
    await expectAccessible(element);
    // Nothing retries on its own.
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(requests - before).to.equal(1);

    // The network is back: the next press loads the chunk and shows the rest.
    await resetHandlers();
    moreButton(element)!.click();
    await waitUntil(() => replyIds(element).length === REPLIES_SHOWN_FIRST + 30, 'the rest of the replies did not show');
    expect(part(element, 'error')).to.equal(null);
    expect(moreButton(element)).to.equal(null);
  });

  it('shows the thread where it is when the code that follows a link to a comment cannot load', async () => {
    history.replaceState(null, '', '#comment-r12');
    const element = await render(20);
    await settled(element);
    expect(commentIds(element)).to.include('r12');
    expect(element.shadowRoot!.querySelector('[part~="comment-targeted"]')).to.equal(null);
  });
});
