// The posting controller on its own, on a bare host: the send loop every post and edit
// goes through, without the form around it.
import {expect, fixture, html, waitUntil} from '@open-wc/testing';
import {LitElement} from 'lit';
import type {NewComment} from '../../../src/core/adapter.js';
import {CommentError} from '../../../src/core/errors.js';
import type {DraftSlot} from '../../../src/drafts/draft-store.js';
import type {CommentErrorEvent} from '../../../src/events/comment-error.js';
import {PostingController, type PostingOptions} from '../../../src/elements/comment-form/posting-controller.js';
import {instantRetries, memoryAdapter, quietFor, recordPosts} from '../../helpers/form.js';

class PostingHostElement extends LitElement {}
customElements.define('posting-host', PostingHostElement);

const slot: DraftSlot = {thread: 'conversation', parentId: null};
const body = {thread: 'conversation', text: 'Sent once', parentId: null, guest: {name: 'Ada', email: 'ada@example.com'}};

async function setUp(options: Partial<PostingOptions> = {}) {
  const host = await fixture<PostingHostElement>(html`<posting-host></posting-host>`);
  const log: string[] = [];
  const errors: CommentErrorEvent[] = [];
  host.addEventListener('comment-error', (event) => errors.push(event));
  const posting = new PostingController(host, {
    onScreen: () => slot,
    link: () => undefined,
    retryOptions: () => instantRetries,
    timeoutMs: () => 5000,
    drafts: {save: () => log.push('save'), discard: () => log.push('discard')},
    savedSend: () => undefined,
    resubmit: () => log.push('resubmit'),
    stored: (_slot, input: NewComment) => {
      log.push(`stored ${input.text}`);
      return undefined;
    },
    failing: () => ({}),
    ...options,
  });
  return {host, posting, log, errors};
}

/** A comment of the viewer's, and the controller with its edit on screen. */
async function setUpEdit() {
  const adapter = memoryAdapter();
  const stored = await adapter.postComment({...body, idempotencyKey: crypto.randomUUID()}, {});
  const editing: DraftSlot = {...slot, editing: stored.id};
  return {adapter, stored, editing, ...(await setUp({onScreen: () => editing}))};
}

describe('PostingController', () => {
  afterEach(() => {
    localStorage.clear();
    sessionStorage.clear();
  });

  it('sends one request however often it is asked while one is on its way, and lets the draft go once stored', async () => {
    const adapter = memoryAdapter({latency: {post: 50}});
    const posts = recordPosts(adapter);
    const {host, posting, log} = await setUp();
    const posted = new Promise((resolve) => host.addEventListener('comment-posted', resolve, {once: true}));
    expect(posting.post(adapter, slot, body)).to.be.true;
    expect(posting.canSend).to.be.false;
    expect(posting.sending).to.deep.equal(slot);
    await posted;
    expect(posts).to.have.length(1);
    expect(log).to.deep.equal(['save', 'save', 'discard', 'stored Sent once']);
    expect(posting.sending).to.be.undefined;
    expect(posting.canSend).to.be.true;
  });

  it('is vetoed by a cancelled comment-submit, sending nothing', async () => {
    const adapter = memoryAdapter();
    const posts = recordPosts(adapter);
    const {host, posting} = await setUp();
    host.addEventListener('comment-submit', (event) => event.preventDefault());
    expect(posting.post(adapter, slot, body)).to.be.false;
    await quietFor(20);
    expect(posts).to.have.length(0);
    expect(posting.sending).to.be.undefined;
  });

  it('retries server errors by itself under the same key, saying so, and stores the comment once', async () => {
    const adapter = memoryAdapter();
    const posts = recordPosts(adapter);
    adapter.simulate.fail('post', {code: 'server', times: 2});
    const {host, posting, errors} = await setUp();
    const posted = new Promise((resolve) => host.addEventListener('comment-posted', resolve, {once: true}));
    posting.post(adapter, slot, body);
    await posted;
    expect(errors.map((event) => [event.operation, event.willRetry])).to.deep.equal([['post', true], ['post', true]]);
    expect(new Set(posts.map((post) => post.idempotencyKey)).size).to.equal(1);
    expect(adapter.storedComments('conversation').filter((comment) => comment.text === 'Sent once')).to.have.length(1);
  });

  it('sends edits through the same loop: a server error is retried, a refusal is shown', async () => {
    const {adapter, stored, editing, host, posting, errors} = await setUpEdit();
    adapter.simulate.fail('edit', {code: 'server'});
    const edited = new Promise((resolve) => host.addEventListener('comment-edited', resolve, {once: true}));
    expect(posting.edit(adapter, editing, stored, 'Changed')).to.be.true;
    await edited;
    expect(errors.map((event) => [event.operation, event.willRetry])).to.deep.equal([['edit', true]]);
    expect(adapter.storedComments('conversation').find((comment) => comment.id === stored.id)?.text).to.equal('Changed');

    adapter.simulate.fail('edit', {code: 'forbidden'});
    posting.edit(adapter, editing, stored, 'Too late');
    await waitUntil(() => posting.failure, 'the refusal was not shown');
    expect(posting.failure!.error.code).to.equal('forbidden');
    expect(errors.at(-1)!.willRetry).to.be.false;
    expect(posting.sending).to.be.undefined;
  });

  it('retries an edit whose connection failed when the browser is back online, as it says', async () => {
    const {adapter, stored, editing, posting, errors, log} = await setUpEdit();
    adapter.simulate.fail('edit', {code: 'network'});
    posting.edit(adapter, editing, stored, 'Changed offline');
    await waitUntil(() => posting.failure, 'the failure was not shown');
    expect(errors.map((event) => [event.error instanceof CommentError && event.error.code, event.willRetry])).to.deep.equal([['network', true]]);
    window.dispatchEvent(new Event('online'));
    expect(log).to.include('resubmit');
  });

  it('waits out a rate limit on the page clock before it lets anything be sent', async () => {
    const adapter = memoryAdapter();
    adapter.simulate.fail('post', {code: 'rate-limited', retryAfterMs: 600});
    const {posting} = await setUp();
    posting.post(adapter, slot, body);
    await waitUntil(() => posting.failure, 'the rate limit was not shown');
    expect(posting.waiting).to.be.true;
    expect(posting.canSend).to.be.false;
    expect(posting.secondsLeft).to.equal(1);
    await waitUntil(() => posting.canSend, 'the wait never ended', {timeout: 2000});
    expect(posting.waiting).to.be.false;
  });

  it('does not show the failure of a draft no longer on screen, and keeps that draft', async () => {
    const adapter = memoryAdapter();
    adapter.simulate.fail('post', {code: 'invalid', message: 'No.'});
    let onScreen: DraftSlot = slot;
    const {posting, log, errors} = await setUp({onScreen: () => onScreen});
    posting.post(adapter, slot, body);
    onScreen = {thread: 'conversation', parentId: 'a'};
    await waitUntil(() => errors.length === 1, 'the post did not fail');
    expect(posting.failure).to.be.undefined;
    expect(posting.sending).to.be.undefined;
    expect(log).not.to.include('discard');
  });

  it('shows a failure it is handed, with what the form adds to it', async () => {
    const {posting} = await setUp({failing: (error) => (error.code === 'unauthorized' ? {signedOut: true} : {})});
    posting.fail(new CommentError('unauthorized', 'You were signed out.'));
    expect(posting.failure).to.deep.include({decision: {action: 'stop'}, signedOut: true});
    posting.clearFailure();
    expect(posting.failure).to.be.undefined;
  });
});
