import {expect, fixture, html, waitUntil} from '@open-wc/testing';
import {delay, http} from 'msw';
import {DEFAULT_LOAD_DEADLINE_MS} from '../../../src/adapters/shared/deadline.js';
import type {CommentThreadElement} from '../../../src/elements/comment-thread/comment-thread.js';
import {REPLIES_SHOWN_FIRST} from '../../../src/elements/comment-thread/reply-batches.js';
import {resetHandlers, useHandlers} from '../../helpers/msw.js';
import {conversation, replyIds} from './more-replies.fixture.js';
import {commentIds, memoryAdapterFor, THREAD} from './thread-fixture.js';

// The controls' chunk may not fail but never come (a request that stalls on a flaky
// network): the thread waits for it no longer than a page of comments may take, then shows
// its comments without it, never waiting for good. This file runs in a page of its own, the chunk not loaded yet.

describe('<comment-thread> when the controls\' chunk stalls', function () {
  this.timeout(DEFAULT_LOAD_DEADLINE_MS + 20_000);
  beforeEach(() => useHandlers(http.get(/\/comment-thread\/controls\.(js|ts)/, () => delay('infinite'))));
  afterEach(async () => {
    await resetHandlers();
    for (const key of Object.keys(localStorage)) if (key.includes('colloquy-test-chunk-stalled')) localStorage.removeItem(key);
  });

  const longConversation = () =>
    memoryAdapterFor({comments: conversation(REPLIES_SHOWN_FIRST + 30), adapter: {storageKey: `colloquy-test-chunk-stalled-${Date.now()}`}});

  it('shows a long conversation within the thread\'s own deadline of a page (load-timeout)', async () => {
    const element = await fixture<CommentThreadElement>(html`<comment-thread thread=${THREAD} page-size="2000" load-timeout="1000" .adapter=${longConversation()}></comment-thread>`);
    // Well before the default deadline, which a thread with a shorter one does not wait for.
    await waitUntil(() => commentIds(element).includes('other'), 'the comments did not show within the thread\'s deadline', {timeout: DEFAULT_LOAD_DEADLINE_MS - 5_000});
    expect(replyIds(element)).to.have.length(REPLIES_SHOWN_FIRST);
  });

  it('shows a long conversation within the default deadline where pages have none (load-timeout 0), and settles', async () => {
    const element = await fixture<CommentThreadElement>(html`<comment-thread thread=${THREAD} page-size="2000" load-timeout="0" .adapter=${longConversation()}></comment-thread>`);
    await waitUntil(() => commentIds(element).includes('other'), 'the comments never showed', {timeout: DEFAULT_LOAD_DEADLINE_MS + 5_000});
    expect(replyIds(element)).to.have.length(REPLIES_SHOWN_FIRST);
    const settled = await Promise.race([element.updateComplete.then(() => true), new Promise((resolve) => setTimeout(resolve, 2_000, false))]);
    expect(settled, 'updateComplete waits for the stalled chunk').to.equal(true);
  });
});
