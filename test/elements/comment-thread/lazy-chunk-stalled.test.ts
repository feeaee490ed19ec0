import {expect, fixture, html, waitUntil} from '@open-wc/testing';
import {delay, http} from 'msw';
import {DEFAULT_LOAD_DEADLINE_MS} from '../../../src/adapters/shared/deadline.js';
import type {CommentThreadElement} from '../../../src/elements/comment-thread/comment-thread.js';
import type {Comment} from '../../../src/core/types.js';
import {resetHandlers, useHandlers} from '../../helpers/msw.js';
import {commentIds, THREAD} from './thread-fixture.js';
import {stubAdapter, stubComment, stubPage} from './stub-adapter.js';

// The controls' chunk may not fail but never come (a request that stalls on a flaky
// network): a thread with a comment that needs it (the viewer's own, with Edit and Delete)
// waits for it no longer than a page of comments may take, then shows its comments without
// it, never waiting for good. This file runs in a page of its own, the chunk not loaded yet.

const mine = (): Comment => stubComment('mine', {author: {name: 'Me', isViewer: true}, viewerCan: {reply: true, edit: true, delete: true}});

function editableThread() {
  return stubAdapter(async () => stubPage([stubComment('a'), mine()], null, 2), {
    capabilities: {edit: true, delete: true, reactions: [], signIn: false, session: false, live: false},
    editComment: () => Promise.reject(new Error('not used')),
    deleteComment: () => Promise.reject(new Error('not used')),
  }).adapter;
}

describe('<comment-thread> when the controls\' chunk stalls', function () {
  this.timeout(DEFAULT_LOAD_DEADLINE_MS + 20_000);
  beforeEach(() => useHandlers(http.get(/\/comment-thread\/controls\.(js|ts)/, () => delay('infinite'))));
  afterEach(() => resetHandlers());

  it('shows the comments within the thread\'s own deadline of a page (load-timeout)', async () => {
    const element = await fixture<CommentThreadElement>(html`<comment-thread thread=${THREAD} load-timeout="1000" .adapter=${editableThread()}></comment-thread>`);
    // Well before the default deadline, which a thread with a shorter one does not wait for.
    await waitUntil(() => commentIds(element).includes('mine'), 'the comments did not show within the thread\'s deadline', {timeout: DEFAULT_LOAD_DEADLINE_MS - 5_000});
    expect(commentIds(element)).to.deep.equal(['a', 'mine']);
  });

  it('shows the comments within the default deadline where pages have none (load-timeout 0), and settles', async () => {
    const element = await fixture<CommentThreadElement>(html`<comment-thread thread=${THREAD} load-timeout="0" .adapter=${editableThread()}></comment-thread>`);
    // Held back at first: the comment needs the chunk.
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(commentIds(element), 'the comments did not wait for the chunk').to.deep.equal([]);
    await waitUntil(() => commentIds(element).includes('mine'), 'the comments never showed', {timeout: DEFAULT_LOAD_DEADLINE_MS + 5_000});
    const settled = await Promise.race([element.updateComplete.then(() => true), new Promise((resolve) => setTimeout(resolve, 2_000, false))]);
    expect(settled, 'updateComplete waits for the stalled chunk').to.equal(true);
  });
});
