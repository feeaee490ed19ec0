import {expect} from '@open-wc/testing';
import {createMemoryAdapter, createMemoryAdapterFromConfig, encodeMemoryGrant, type MemoryAdapter} from '../../../src/adapters/memory/index.js';
import type {ThreadEvent} from '../../../src/core/adapter.js';
import {describeAdapterConformance} from '../../../src/core/conformance.js';
import {CommentError} from '../../../src/core/errors.js';
import {conversationSeed} from '../../fixtures/seed-threads.js';
import {rejection} from '../../helpers/adapter-calls.js';

/** The CommentError (or abort) a call rejected with. */
const failure = async (call: Promise<unknown>) => (await rejection(call)) as CommentError;

const guest = {name: 'Ada', email: 'ada@example.com'};

function post(adapter: MemoryAdapter, text: string, extra: Partial<Parameters<MemoryAdapter['postComment']>[0]> = {}) {
  return adapter.postComment({thread: 'conversation', text, parentId: null, guest, idempotencyKey: crypto.randomUUID(), ...extra});
}

function freshStorageKey() {
  return `test-${crypto.randomUUID()}`;
}

describeAdapterConformance(
  'memory adapter',
  () => ({
    adapter: createMemoryAdapter({threads: [conversationSeed()], autoCreateThreads: false}),
    thread: 'conversation',
    missingThread: 'nowhere',
    guest,
  }),
  {describe, it},
);

describe('memory adapter', () => {
  afterEach(() => sessionStorage.clear());

  it('makes the viewers named in the moderators attribute moderators, and nobody else', async () => {
    const adapter = await createMemoryAdapterFromConfig({moderators: ' github:leila-haddad  wordpress:omar ', moderation: 'all'});
    const signIn = (providerId: string, name: string) =>
      adapter.completeSignIn({providerId, result: {code: encodeMemoryGrant({name})}}, {});
    expect((await signIn('github', 'Leila Haddad')).viewer.isModerator).to.equal(true);
    expect((await signIn('wordpress', 'Omar')).viewer.isModerator).to.equal(true);
    // The same name through another provider is another person.
    expect((await signIn('google', 'Leila Haddad')).viewer.isModerator).to.equal(undefined);
    expect((await failure(adapter.moderate({thread: 't', commentId: 'x', action: 'approve'}, {}))).code).to.equal('forbidden');
  });

  it('lists what a visitor may see: no one else\'s held comment, a deleted parent only while it has replies', async () => {
    const adapter = createMemoryAdapter({threads: [conversationSeed()]});
    const page = await adapter.loadPage({thread: 'conversation', sort: 'oldest', limit: 10}, {});
    expect(page.comments.map((c) => c.id)).to.deep.equal(['a', 'a1', 'a1x', 'b', 'c', 'c1', 'd']);
    const deleted = page.comments.find((c) => c.id === 'c')!;
    expect(deleted.status).to.equal('deleted');
    expect(deleted.content.value).to.equal('');
    expect(deleted.author.name).to.equal('');
    expect(page.thread.totalCount).to.equal(6);
    expect(page.comments.find((c) => c.id === 'a')!.replyCount).to.equal(1);
  });

  it('sorts top-level comments newest first and by reactions', async () => {
    const adapter = createMemoryAdapter({threads: [conversationSeed()]});
    const newest = await adapter.loadPage({thread: 'conversation', sort: 'newest', limit: 10}, {});
    expect(newest.comments.filter((c) => !c.parentId).map((c) => c.id)).to.deep.equal(['d', 'c', 'b', 'a']);
    const top = await adapter.loadPage({thread: 'conversation', sort: 'top', limit: 2}, {});
    expect(top.comments.filter((c) => !c.parentId).map((c) => c.id)).to.deep.equal(['b', 'a']);
  });

  it('shows a held comment to its author only, across a reload', async () => {
    const storageKey = freshStorageKey();
    const author = createMemoryAdapter({threads: [conversationSeed()], storageKey, moderation: 'guests'});
    const held = await post(author, 'Please approve me');
    expect(held.status).to.equal('pending');
    const reloaded = createMemoryAdapter({threads: [conversationSeed()], storageKey, moderation: 'guests'});
    const page = await reloaded.loadPage({thread: 'conversation', sort: 'oldest', limit: 10}, {});
    expect(page.comments.find((c) => c.id === held.id)?.status).to.equal('pending');

    localStorage.removeItem(`colloquy-memory-guest:${storageKey}`);
    const stranger = createMemoryAdapter({threads: [conversationSeed()], storageKey});
    const theirs = await stranger.loadPage({thread: 'conversation', sort: 'oldest', limit: 10}, {});
    expect(theirs.comments.some((c) => c.id === held.id)).to.be.false;
    localStorage.removeItem(storageKey);
  });

  it('validates guests, parents, length and closed threads with typed errors', async () => {
    const adapter = createMemoryAdapter({threads: [conversationSeed(), {id: 'closed', title: 'Old', open: false, comments: []}], maxLength: 20});
    const invalid = await failure(post(adapter, 'Hello', {guest: {name: '', email: 'not-an-email', website: 'javascript:alert(1)'}}));
    expect(invalid.code).to.equal('invalid');
    expect(Object.keys(invalid.fieldErrors).sort()).to.deep.equal(['email', 'name', 'website']);
    expect((await failure(post(adapter, 'x'.repeat(21)))).fieldErrors.text).to.be.a('string');
    expect((await post(adapter, 'y'.repeat(20))).content.value).to.have.length(20);
    expect((await failure(post(adapter, 'Hi', {parentId: 'e'}))).fieldErrors.parent).to.be.a('string');
    expect((await failure(post(adapter, 'Hi', {parentId: 'c'}))).fieldErrors.parent).to.be.a('string');
    expect((await failure(post(adapter, 'Hi', {thread: 'closed'}))).code).to.equal('closed');
    const signInOnly = createMemoryAdapter({threads: [conversationSeed()], guests: false});
    expect((await failure(post(signInOnly, 'Hi'))).code).to.equal('unauthorized');
  });

  it('refuses the same text twice from one author as a duplicate', async () => {
    const adapter = createMemoryAdapter({threads: [conversationSeed()]});
    await post(adapter, 'Same words');
    expect((await failure(post(adapter, 'Same words'))).code).to.equal('duplicate');
  });

  it('stores a comment whose answer was lost once, and returns it to the retry', async () => {
    const adapter = createMemoryAdapter({threads: [conversationSeed()]});
    adapter.simulate.fail('post', {code: 'network', stage: 'after'});
    const idempotencyKey = crypto.randomUUID();
    expect((await failure(post(adapter, 'Lost answer', {idempotencyKey}))).code).to.equal('network');
    const retried = await post(adapter, 'Lost answer', {idempotencyKey});
    expect(adapter.storedComments('conversation').filter((c) => c.text === 'Lost answer')).to.have.length(1);
    expect(retried.id).to.equal(adapter.storedComments('conversation').find((c) => c.text === 'Lost answer')!.id);
  });

  it('simulates failures per call kind, in order, without storing', async () => {
    const adapter = createMemoryAdapter({threads: [conversationSeed()]});
    adapter.simulate.fail('post', {code: 'server', times: 2});
    adapter.simulate.fail('post', {code: 'rate-limited', retryAfterMs: 5000});
    expect((await failure(post(adapter, 'one'))).code).to.equal('server');
    expect((await failure(post(adapter, 'one'))).code).to.equal('server');
    const limited = await failure(post(adapter, 'one'));
    expect(limited.code).to.equal('rate-limited');
    expect(limited.retryAfterMs).to.equal(5000);
    await adapter.loadPage({thread: 'conversation', sort: 'oldest', limit: 1}, {});
    expect(adapter.storedComments('conversation').some((c) => c.text === 'one')).to.be.false;
    expect((await post(adapter, 'one')).content.value).to.equal('one');
  });

  it('aborts a slow call without storing it', async () => {
    const adapter = createMemoryAdapter({threads: [conversationSeed()], latency: {post: 10_000}});
    const controller = new AbortController();
    const call = adapter.postComment(
      {thread: 'conversation', text: 'slow', parentId: null, guest, idempotencyKey: 'k'},
      {signal: controller.signal},
    );
    setTimeout(() => controller.abort(), 10);
    const error = await failure(call);
    expect((error as unknown as DOMException).name).to.equal('AbortError');
    expect(adapter.storedComments('conversation').some((c) => c.text === 'slow')).to.be.false;
  });

  it('lets authors edit within the window and delete, leaving a placeholder over replies', async () => {
    let now = Date.parse('2026-11-24T10:00:00Z');
    const adapter = createMemoryAdapter({threads: [conversationSeed()], editWindowSeconds: 300, now: () => now});
    const mine = await post(adapter, 'Typo hre');
    expect(mine.viewerCan.edit).to.be.true;
    expect(mine.viewerCan.editableUntil).to.equal('2026-11-24T10:05:00.000Z');
    const edited = await adapter.editComment({thread: 'conversation', commentId: mine.id, text: 'Typo here'});
    expect(edited.content.value).to.equal('Typo here');
    expect(edited.editedAt).to.be.a('string');
    now += 301_000;
    expect((await failure(adapter.editComment({thread: 'conversation', commentId: mine.id, text: 'late'}))).code).to.equal('forbidden');
    expect((await failure(adapter.deleteComment({thread: 'conversation', commentId: 'a'}))).code).to.equal('forbidden');

    const reply = await post(adapter, 'Answering myself', {parentId: mine.id});
    const placeholder = await adapter.deleteComment({thread: 'conversation', commentId: mine.id});
    expect(placeholder?.status).to.equal('deleted');
    expect(await adapter.deleteComment({thread: 'conversation', commentId: reply.id})).to.equal(null);
    const page = await adapter.loadPage({thread: 'conversation', sort: 'oldest', limit: 50}, {});
    expect(page.comments.some((c) => c.id === mine.id || c.id === reply.id)).to.be.false;
  });

  it('counts reactions per viewer', async () => {
    const adapter = createMemoryAdapter({threads: [conversationSeed()]});
    const liked = await adapter.react({thread: 'conversation', commentId: 'b', reaction: 'like', active: true});
    expect(liked.reactions).to.deep.equal([{key: 'like', count: 6, viewerReacted: true}]);
    const unliked = await adapter.react({thread: 'conversation', commentId: 'b', reaction: 'like', active: false});
    expect(unliked.reactions![0]!.count).to.equal(5);
  });

  it('signs in through a simulated provider, posts under that name, and signs out', async () => {
    const adapter = createMemoryAdapter({threads: [conversationSeed()], signInPage: '/demo/sign-in/consent.html'});
    expect(adapter.capabilities.signIn).to.be.true;
    const url = new URL(await adapter.signInUrl({providerId: 'github', state: 's1', callbackUrl: 'https://x.test/cb', mode: 'popup'}, {}));
    expect(url.pathname).to.equal('/demo/sign-in/consent.html');
    expect(url.searchParams.get('state')).to.equal('s1');
    expect((await failure(adapter.completeSignIn({providerId: 'github', result: {code: 'garbage'}}, {}))).code).to.equal('unauthorized');
    const session = await adapter.completeSignIn({providerId: 'github', result: {code: encodeMemoryGrant({name: 'Grace Hopper'})}}, {});
    expect(session.viewer.name).to.equal('Grace Hopper');
    expect(await adapter.getSession({})).to.deep.equal(session);
    const comment = await adapter.postComment({thread: 'conversation', text: 'Signed in', parentId: null, idempotencyKey: 'x'}, {});
    expect(comment.author.name).to.equal('Grace Hopper');
    expect(comment.author.isViewer).to.be.true;
    await adapter.signOut({});
    expect(await adapter.getSession({})).to.equal(null);
    expect(Object.keys(sessionStorage).some((key) => sessionStorage.getItem(key)?.includes('Grace'))).to.be.false;
  });

  it('tells other tabs of a change, live', async () => {
    const storageKey = freshStorageKey();
    const here = createMemoryAdapter({threads: [conversationSeed()], storageKey});
    const otherTab = createMemoryAdapter({threads: [conversationSeed()], storageKey});
    const controller = new AbortController();
    const events: ThreadEvent[] = [];
    otherTab.subscribe('conversation', (event) => events.push(event), {signal: controller.signal});
    const comment = await post(here, 'Hello from another tab');
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(events).to.have.length(1);
    expect(events[0]!.type).to.equal('comment-added');
    expect(events[0]!.type === 'comment-added' && events[0].comment.id).to.equal(comment.id);
    controller.abort();
    await post(here, 'Nobody listens now');
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(events).to.have.length(1);
    localStorage.removeItem(storageKey);
  });

  it('is built from attributes, with a seed fetched from a URL', async () => {
    const seed = `data:application/json,${encodeURIComponent(JSON.stringify([conversationSeed()]))}`;
    const adapter = await createMemoryAdapterFromConfig({seed, moderation: 'all', 'max-length': '10', guests: 'off'});
    const page = await adapter.loadPage({thread: 'conversation', sort: 'oldest', limit: 10}, {});
    expect(page.thread.title).to.equal('AQIM Updates, August 6');
    expect(page.thread.posting.maxLength).to.equal(10);
    expect(page.thread.posting.guests.allowed).to.be.false;
    expect(adapter.loadReplies, 'no loadReplies without first-replies').to.equal(undefined);
    const cut = await createMemoryAdapterFromConfig({seed, 'first-replies': '1'});
    const first = (await cut.loadPage({thread: 'conversation', sort: 'oldest', limit: 10}, {})).comments.find((comment) => comment.moreReplies);
    expect(first, 'a conversation cut to its first reply').to.not.equal(undefined);
    const batch = await cut.loadReplies!({thread: 'conversation', commentId: first!.id, cursor: first!.moreReplies!.cursor, limit: 100}, {});
    expect(batch.comments).to.have.length(first!.moreReplies!.count);
    expect(batch.moreReplies).to.equal(null);
  });

  it('still reads when storage throws, and refuses to store what a reload would lose', async () => {
    const original = Storage.prototype.setItem;
    Storage.prototype.setItem = () => {
      throw new DOMException('Quota exceeded', 'QuotaExceededError');
    };
    try {
      const adapter = createMemoryAdapter({threads: [conversationSeed()], storageKey: freshStorageKey()});
      const page = await adapter.loadPage({thread: 'conversation', sort: 'oldest', limit: 50}, {});
      expect(page.comments.length).to.be.greaterThan(0);
      expect((await failure(post(adapter, 'Private browsing'))).code).to.equal('server');
    } finally {
      Storage.prototype.setItem = original;
    }
  });
});
