import {expect} from '@open-wc/testing';
import {createRestAdapter, type RestAdapter} from '../../../src/adapters/rest/index.js';
import {mapComment} from '../../../src/adapters/rest/mapping.js';
import {FIRST_REPLIES, mapReplyBatch} from '../../../src/adapters/rest/replies.js';
import {isAbortError} from '../../../src/core/errors.js';
import {aqimThread, longConversation} from '../../fixtures/rest-threads.js';
import {expectCode, rejection} from '../../helpers/adapter-calls.js';
import {resetHandlers, useHandlers} from '../../helpers/msw.js';
import {restServer, type RestServer, type RestServerOptions} from '../../mocks/rest-server.js';

// The REST protocol's long conversations: pages ask for each conversation's first replies
// (`replies=`), `loadReplies` follows `moreReplies` (docs/rest-protocol.md).

const THREAD = 'long-conversation';
let server: RestServer;

async function setUp(options: Partial<RestServerOptions> = {}): Promise<RestAdapter> {
  server = restServer({threads: [aqimThread(), longConversation(120)], ...options});
  await useHandlers(...server.handlers);
  return createRestAdapter({endpoint: server.endpoint});
}

/** Reading order of the fixture: lc-0 … lc-119 (every tenth answers the one before it). */
const inOrder = (from: number, to: number) => Array.from({length: to - from}, (_, index) => `lc-${from + index}`);

describe('REST adapter: long conversations', () => {
  afterEach(async () => {
    await resetHandlers();
    sessionStorage.clear();
  });

  it('asks each page for the first replies only, and follows moreReplies to the end, each reply once', async () => {
    const adapter = await setUp();
    const page = await adapter.loadPage({thread: THREAD, sort: 'oldest', limit: 10}, {});
    expect(new URL(server.requests.at(-1)!.url).searchParams.get('replies')).to.equal(String(FIRST_REPLIES));
    expect(page.comments.map((comment) => comment.id)).to.deep.equal(['lc', ...inOrder(0, FIRST_REPLIES)]);
    expect(page.comments[0]!.moreReplies).to.deep.include({count: 120 - FIRST_REPLIES});
    expect(page.comments.slice(1).some((comment) => 'moreReplies' in comment)).to.equal(false);
    const seen: string[] = [];
    let more = page.comments[0]!.moreReplies ?? null;
    for (let batches = 0; more && batches < 10; batches++) {
      const batch = await adapter.loadReplies({thread: THREAD, commentId: 'lc', cursor: more.cursor, limit: 30}, {});
      expect(batch.comments.length).to.be.at.most(30);
      seen.push(...batch.comments.map((comment) => comment.id));
      more = batch.moreReplies;
      if (more) expect(more.count).to.equal(120 - FIRST_REPLIES - seen.length);
    }
    expect(seen).to.deep.equal(inOrder(FIRST_REPLIES, 120));
    const asked = server.requests.filter((request) => request.url.includes('/replies'));
    expect(new URL(asked[0]!.url).pathname).to.match(/\/threads\/long-conversation\/comments\/lc\/replies$/);
    expect(new URL(asked[0]!.url).searchParams.get('limit')).to.equal('30');
  });

  it('gets every reply from a server without `replies`, which ignores the parameter', async () => {
    const adapter = await setUp({capabilities: {replies: false}});
    const page = await adapter.loadPage({thread: THREAD, sort: 'oldest', limit: 10}, {});
    expect(page.comments.map((comment) => comment.id)).to.deep.equal(['lc', ...inOrder(0, 120)]);
    expect(page.comments[0]!.moreReplies).to.equal(undefined);
  });

  it('rejects a cursor the server refuses with invalid and its message, and an unknown conversation with not-found', async () => {
    const adapter = await setUp();
    const refused = await expectCode(adapter.loadReplies({thread: THREAD, commentId: 'lc', cursor: 'not-a-cursor', limit: 10}, {}), 'invalid');
    expect(refused.message).to.equal('The cursor is not one this server gave.');
    await expectCode(adapter.loadReplies({thread: THREAD, commentId: 'no-such-comment', cursor: 'x', limit: 10}, {}), 'not-found');
  });

  it('stops when its signal fires', async () => {
    const adapter = await setUp({latency: 2_000});
    const page = await adapter.loadPage({thread: THREAD, sort: 'oldest', limit: 10}, {});
    const controller = new AbortController();
    const call = adapter.loadReplies({thread: THREAD, commentId: 'lc', cursor: page.comments[0]!.moreReplies!.cursor, limit: 10}, {signal: controller.signal});
    controller.abort();
    expect(isAbortError(await rejection(call))).to.equal(true);
  });

  it('keeps a batch to replies, each once, and moreReplies to top-level comments with a usable cursor', () => {
    const reply = (id: string, parentId: string | null = 'lc') => ({id, parentId, author: {name: 'A'}, createdAt: '2024-08-08T08:00:00Z', content: {kind: 'text', value: 'x'}, status: 'approved', replyCount: 0, viewerCan: {}});
    const batch = mapReplyBatch({comments: [reply('a'), reply('a'), reply('top', null), reply('b', 'a'), 'junk'], moreReplies: {count: 3, cursor: 'next'}});
    expect(batch.comments.map((comment) => comment.id)).to.deep.equal(['a', 'b']);
    expect(batch.moreReplies).to.deep.equal({count: 3, cursor: 'next'});
    for (const moreReplies of [null, {count: 3}, {count: 3, cursor: ''}, {count: 3, cursor: 7}, {count: 3, cursor: 'x'.repeat(9000)}, 'next']) {
      expect(mapReplyBatch({comments: [], moreReplies}).moreReplies, JSON.stringify(moreReplies)?.slice(0, 40)).to.equal(null);
    }
    expect(mapReplyBatch({comments: [], moreReplies: {count: -4, cursor: 'c'}}).moreReplies).to.deep.equal({count: 0, cursor: 'c'});
    expect(mapComment({...reply('top', null), moreReplies: {count: 5, cursor: 'c'}})!.moreReplies).to.deep.equal({count: 5, cursor: 'c'});
    expect(mapComment({...reply('r'), moreReplies: {count: 5, cursor: 'c'}})!.moreReplies, 'a reply carries none').to.equal(undefined);
    expect(() => mapReplyBatch({moreReplies: null})).to.throw();
  });
});
