import {expect} from '@open-wc/testing';
import type {CommentError} from '../../../src/core/errors.js';
import {IdempotentPost} from '../../../src/elements/comment-form/idempotent-post.js';
import {memoryAdapter, recordPosts} from '../../helpers/form.js';

describe('IdempotentPost', () => {
  afterEach(() => {
    localStorage.clear();
    sessionStorage.clear();
  });

  it('lets one send at a time claim a key: a second one on its way meanwhile (another tab) is told to wait', async () => {
    const adapter = memoryAdapter({latency: {post: 200}});
    const posts = recordPosts(adapter);
    const sent = {thread: 'conversation', text: 'Only once', parentId: null, guest: {name: 'Ada', email: 'ada@example.com'}, idempotencyKey: crypto.randomUUID()};
    const [tab1, tab2] = [new IdempotentPost(() => {}), new IdempotentPost(() => {})];
    tab1.restore(sent);
    tab2.restore(sent);
    const outcomes = await Promise.allSettled([tab1.post(adapter, tab1.prepare(sent), 5000), tab2.post(adapter, tab2.prepare(sent), 5000)]);
    expect(posts).to.have.length(1);
    expect(outcomes.map((outcome) => outcome.status).sort()).to.deep.equal(['fulfilled', 'rejected']);
    const refused = outcomes.find((outcome) => outcome.status === 'rejected') as PromiseRejectedResult;
    expect((refused.reason as CommentError).code).to.equal('conflict');
    // The refused tab still holds the send as unconfirmed, and its Retry replays it: stored once.
    expect(tab1.unconfirmed ?? tab2.unconfirmed).to.deep.equal(sent);
    const retried = tab1.unconfirmed ? tab1 : tab2;
    await retried.post(adapter, retried.prepare(sent), 5000);
    expect(adapter.storedComments('conversation').filter((comment) => comment.text === 'Only once')).to.have.length(1);
  });
});
