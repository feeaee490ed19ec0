import {expect, waitUntil} from '@open-wc/testing';
import {delay, http, HttpResponse} from 'msw';
import {createRestAdapter, type RestAdapter} from '../../../src/adapters/rest/index.js';
import type {ThreadEvent} from '../../../src/core/adapter.js';
import {isAbortError} from '../../../src/core/errors.js';
import {resolveAdapter} from '../../../src/core/registry.js';
import '../../../src/adapters/builtin.js';
import {aqimThread, longThread} from '../../fixtures/rest-threads.js';
import {expectCode, rejection} from '../../helpers/adapter-calls.js';
import {resetHandlers, useHandlers} from '../../helpers/msw.js';
import {restServer, type RestServer, type RestServerOptions} from '../../mocks/rest-server.js';

const THREAD = 'aqim-updates-aug-6';
let server: RestServer;

async function setUp(options: Partial<RestServerOptions> = {}): Promise<RestAdapter> {
  server = restServer({threads: [aqimThread(), longThread(30)], ...options});
  await useHandlers(...server.handlers);
  return createRestAdapter({endpoint: server.endpoint});
}



const guest = {name: 'Ada', email: 'ada@example.com'};
const newComment = (text: string, extra: object = {}) => ({thread: THREAD, text, parentId: null, guest, idempotencyKey: crypto.randomUUID(), ...extra});

describe('REST adapter', () => {
  afterEach(async () => {
    server?.dropStreams();
    await resetHandlers();
    sessionStorage.clear();
  });

  it('reads the capabilities from the service document', async () => {
    const adapter = await setUp({capabilities: {live: false, reactions: []}});
    expect(adapter.capabilities).to.deep.equal({edit: true, delete: true, reactions: [], signIn: true, session: true, live: false, moderate: true, confirmsNotificationEmail: true});
    expect(server.requests[0]!.url).to.equal(server.endpoint);
  });

  it('is registered lazily as "rest", configured by the endpoint attribute', async () => {
    server = restServer({threads: [aqimThread()], endpoint: 'https://registered.example/comments'});
    await useHandlers(...server.handlers);
    const adapter = await resolveAdapter('rest', {endpoint: server.endpoint, thread: THREAD});
    const page = await adapter.loadPage({thread: THREAD, sort: 'oldest', limit: 10}, {});
    expect(page.thread.title).to.equal('AQIM Updates, August 6');
  });

  it('loads a page with its thread, top-level comments and all their replies', async () => {
    const adapter = await setUp();
    const page = await adapter.loadPage({thread: THREAD, sort: 'oldest', limit: 2}, {});
    expect(page.thread).to.deep.equal({
      id: THREAD,
      title: 'AQIM Updates, August 6',
      url: 'https://blog.example/2024/08/06/aqim-updates-august-6/',
      totalCount: 6,
      posting: {open: true, guests: {allowed: true, requireName: true, requireEmail: true}, notifications: {comments: true, posts: false}},
    });
    expect(page.comments.map((c) => [c.id, c.parentId])).to.deep.equal([['c-1', null], ['c-2', 'c-1'], ['c-3', 'c-2'], ['c-4', null]]);
    expect(page.comments[0]).to.deep.include({
      content: {kind: 'text', value: 'Thanks for the roundup.\nThe Sahel section was especially useful.'},
      createdAt: '2024-08-06T09:00:00.000Z',
      replyCount: 1,
      reactions: [{key: 'like', count: 3, viewerReacted: false}],
      permalink: 'https://blog.example/2024/08/06/aqim-updates-august-6/#comment-c-1',
    });
    const next = await adapter.loadPage({thread: THREAD, sort: 'oldest', limit: 2, cursor: page.nextCursor!}, {});
    expect(next.comments.map((c) => [c.id, c.status])).to.deep.equal([['c-5', 'deleted'], ['c-6', 'approved'], ['c-7', 'approved']]);
    expect(next.nextCursor).to.be.null;
    const url = new URL(server.requests.at(-1)!.url);
    expect(url.pathname).to.equal('/comments/threads/aqim-updates-aug-6/comments');
    expect(Object.fromEntries(url.searchParams)).to.deep.equal({sort: 'oldest', limit: '2', cursor: page.nextCursor, replies: '50'});
  });

  it('pages a long thread by cursor without repeating or skipping a comment, even while new ones arrive', async () => {
    const adapter = await setUp();
    const seen: string[] = [];
    let cursor: string | undefined;
    let pages = 0;
    do {
      const page = await adapter.loadPage({thread: 'long-thread', sort: 'newest', limit: 7, ...(cursor ? {cursor} : {})}, {});
      seen.push(...page.comments.map((c) => c.id));
      cursor = page.nextCursor ?? undefined;
      if (pages++ === 0) server.addComment('long-thread', {id: 'late', author: {name: 'Late'}, text: 'Arrived while paging'});
    } while (cursor);
    expect(new Set(seen).size).to.equal(seen.length);
    expect(seen.filter((id) => !id.includes('-r'))).to.have.length(30);
    expect(seen).not.to.include('late');
  });

  it('asks for a hinted first page while the service document is on its way, and answers from it once', async () => {
    server = restServer({threads: [aqimThread()]});
    const pagePath = `/threads/${THREAD}/comments`;
    const pageAsked = () => server.requests.some((request) => new URL(request.url).pathname.endsWith(pagePath));
    // The service document answers only once the page was asked for: one after the other would never finish.
    await useHandlers(
      http.get(server.endpoint, async () => {
        await waitUntil(pageAsked, 'the first page waited for the service document');
      }),
      ...server.handlers,
    );
    const firstPage = {thread: THREAD, sort: 'oldest' as const, limit: 10};
    const adapter = await createRestAdapter({endpoint: server.endpoint, firstPage});
    const asked = server.requests.length;
    const page = await adapter.loadPage(firstPage, {});
    expect(page.comments.map((c) => c.id)).to.include('c-1');
    expect(server.requests.length, 'the hinted page was asked for again').to.equal(asked);
    await adapter.loadPage(firstPage, {});
    expect(server.requests.length, 'a later load of the same page is a request of its own').to.equal(asked + 1);
  });

  it('adapter="rest" sends the service document and the hinted first page before its chunk has loaded, and the adapter takes them over', async () => {
    server = restServer({threads: [aqimThread()]});
    await useHandlers(...server.handlers);
    const firstPage = {thread: THREAD, sort: 'oldest' as const, limit: 10};
    const sent: string[] = [];
    const realFetch = window.fetch;
    window.fetch = (input, init) => {
      sent.push(new URL(input instanceof Request ? input.url : String(input)).pathname);
      return realFetch(input, init);
    };
    try {
      const resolved = resolveAdapter('rest', {endpoint: server.endpoint, 'test-case': 'early-requests'}, {firstPage});
      // The factory runs one microtask after resolveAdapter; an import() takes longer.
      await Promise.resolve();
      const endpointPath = new URL(server.endpoint).pathname;
      expect(sent, 'both requests went out with the chunk').to.deep.equal([endpointPath, `${endpointPath}/threads/${THREAD}/comments`]);
      const adapter = await resolved;
      const page = await adapter.loadPage(firstPage, {});
      expect(page.comments.map((c) => c.id)).to.include('c-1');
      expect(sent, 'the first page was asked for again').to.have.length(2);
      expect(server.requests[1]!.headers.get('Colloquy-Guest'), 'the early page is sent as the guest the adapter is').to.equal(sessionStorage.getItem(`colloquy:rest:guest:${server.endpoint.replace(/\/+$/, '')}`));
    } finally {
      window.fetch = realFetch;
    }
  });

  it('adapter="rest" fails with the server\'s error when the early service document fails, and asks again next time', async () => {
    server = restServer({threads: [aqimThread()]});
    let fail = true;
    await useHandlers(
      http.get(server.endpoint, () => (fail ? HttpResponse.json({error: {code: 'server', message: 'Down for maintenance'}}, {status: 503}) : undefined)),
      ...server.handlers,
    );
    const config = {endpoint: server.endpoint, 'test-case': 'early-failure'};
    const firstPage = {thread: THREAD, sort: 'oldest' as const, limit: 10};
    const error = await expectCode(resolveAdapter('rest', config, {firstPage}), 'server');
    expect(error.message).to.equal('Down for maintenance');
    fail = false;
    const adapter = await resolveAdapter('rest', config, {firstPage});
    expect((await adapter.loadPage(firstPage, {})).comments.map((c) => c.id)).to.include('c-1');
  });

  it('asks again when the first page asked for is not the hinted one', async () => {
    const adapter = await (async () => {
      server = restServer({threads: [aqimThread()]});
      await useHandlers(...server.handlers);
      return createRestAdapter({endpoint: server.endpoint, firstPage: {thread: THREAD, sort: 'oldest', limit: 10}});
    })();
    const page = await adapter.loadPage({thread: THREAD, sort: 'newest', limit: 10}, {});
    expect(page.comments[0]!.id).to.not.equal('c-1');
    const urls = server.requests.map((request) => new URL(request.url).searchParams.get('sort')).filter(Boolean);
    expect(urls).to.deep.equal(['oldest', 'newest']);
  });

  it('asks once for a hinted first page larger than the protocol\'s 100, with the limit the service document allows', async () => {
    server = restServer({threads: [longThread(150)], pageSize: 500});
    await useHandlers(...server.handlers);
    const firstPage = {thread: 'long-thread', sort: 'oldest' as const, limit: 150};
    const adapter = await resolveAdapter('rest', {endpoint: server.endpoint, 'test-case': 'large-first-page'}, {firstPage});
    const page = await adapter.loadPage(firstPage, {});
    expect(page.comments.filter((comment) => comment.parentId === null)).to.have.length(150);
    const limits = server.requests
      .filter((request) => new URL(request.url).pathname.endsWith('/threads/long-thread/comments'))
      .map((request) => new URL(request.url).searchParams.get('limit'));
    expect(limits, 'one request for the first page, of its size').to.deep.equal(['150']);
  });

  it('asks early for a hinted page larger than 100 when the options give the maximum', async () => {
    server = restServer({threads: [longThread(150)], pageSize: 500});
    await useHandlers(...server.handlers);
    const firstPage = {thread: 'long-thread', sort: 'oldest' as const, limit: 150};
    const adapter = await createRestAdapter({endpoint: server.endpoint, maxPageSize: 500, firstPage});
    await adapter.loadPage(firstPage, {});
    const limits = server.requests
      .filter((request) => new URL(request.url).pathname.endsWith('/threads/long-thread/comments'))
      .map((request) => new URL(request.url).searchParams.get('limit'));
    expect(limits, 'the early request was the one used').to.deep.equal(['150']);
  });

  it('asks again with If-None-Match and reuses the page on 304', async () => {
    const adapter = await setUp();
    const first = await adapter.loadPage({thread: THREAD, sort: 'oldest', limit: 10}, {});
    const second = await adapter.loadPage({thread: THREAD, sort: 'oldest', limit: 10}, {});
    const [, firstGet, secondGet] = server.requests;
    expect(firstGet!.headers.has('If-None-Match')).to.be.false;
    expect(secondGet!.headers.get('If-None-Match')).to.match(/^"[\da-f]+"$/);
    expect(second).to.deep.equal(first);
    server.addComment(THREAD, {id: 'new', author: {name: 'Someone'}, text: 'Changed meanwhile'});
    const third = await adapter.loadPage({thread: THREAD, sort: 'oldest', limit: 10}, {});
    expect(third.comments.map((c) => c.id)).to.include('new');
  });

  it('posts with an Idempotency-Key and stores a retried post once', async () => {
    const adapter = await setUp();
    const input = newComment('Posted once.', {notify: {comments: true}});
    const first = await adapter.postComment(input, {});
    const retried = await adapter.postComment({...input}, {});
    expect(retried.id).to.equal(first.id);
    expect(first).to.deep.include({parentId: null, status: 'approved', content: {kind: 'text', value: 'Posted once.'}});
    expect(first.author).to.include({name: 'Ada', isViewer: true});
    const posts = server.requests.filter((r) => r.method === 'POST');
    expect(posts.map((r) => r.headers.get('Idempotency-Key'))).to.deep.equal([input.idempotencyKey, input.idempotencyKey]);
    expect(await posts[0]!.json()).to.deep.equal({text: 'Posted once.', parentId: null, guest, notify: {comments: true}});
    const {comments} = await adapter.loadPage({thread: THREAD, sort: 'oldest', limit: 100}, {});
    expect(comments.filter((c) => c.content.value === 'Posted once.')).to.have.length(1);
  });

  it('maps the error envelope to the core codes, with field messages and retry time', async () => {
    const adapter = await setUp({postsPerMinute: 1, maxLength: 20});
    const invalid = await expectCode(adapter.postComment(newComment('x'.repeat(21)), {}), 'invalid');
    expect(invalid.fieldErrors).to.deep.equal({text: 'At most 20 characters.'});
    const missing = await expectCode(adapter.postComment(newComment('Hi', {guest: {name: '', email: 'nope'}}), {}), 'invalid');
    expect(missing.fieldErrors).to.have.keys('name', 'email');
    await expectCode(adapter.postComment(newComment('Hi', {parentId: 'gone'}), {}), 'invalid');
    await adapter.postComment(newComment('First'), {});
    const limited = await expectCode(adapter.postComment(newComment('Second'), {}), 'rate-limited');
    expect(limited.retryAfterMs).to.be.within(55_000, 60_000);
    await expectCode(adapter.loadPage({thread: 'nope', sort: 'oldest', limit: 5}, {}), 'not-found');

    for (const [status, code] of [
      [401, 'unauthorized'], [403, 'forbidden'], [404, 'not-found'], [409, 'duplicate'], [409, 'conflict'],
      [403, 'closed'], [503, 'server'],
    ] as const) {
      server.failNext('/comments', status, {code, message: `Server says ${code}`});
      const error = await expectCode(adapter.loadPage({thread: THREAD, sort: 'oldest', limit: 5}, {}), code);
      expect(error.message).to.equal(`Server says ${code}`);
      expect(error.status).to.equal(status);
    }
    // Without an envelope (a proxy's page), the status decides.
    await useHandlers(http.get(`${server.endpoint}/threads/:thread/comments`, () => new HttpResponse('<h1>Bad gateway</h1>', {status: 502})));
    const proxied = await expectCode(adapter.loadPage({thread: THREAD, sort: 'oldest', limit: 5}, {}), 'server');
    expect(proxied.message).not.to.include('<h1>');
  });

  it('takes Retry-After as seconds or a date', async () => {
    const adapter = await setUp();
    server.failNext('/comments', 429, {code: 'rate-limited', message: 'Slow down'}, {'Retry-After': new Date(Date.now() + 30_000).toUTCString()});
    const error = await expectCode(adapter.postComment(newComment('x'), {}), 'rate-limited');
    expect(error.retryAfterMs).to.be.within(28_000, 30_000);
  });

  it('rejects with network when the server cannot be reached', async () => {
    const adapter = await setUp();
    await useHandlers(http.all(`${server.endpoint}/*`, () => HttpResponse.error()));
    await expectCode(adapter.loadPage({thread: THREAD, sort: 'oldest', limit: 5}, {}), 'network');
  });

  it('signs in through the popup flow and sends the token as a bearer', async () => {
    const adapter = await setUp();
    expect(await adapter.listProviders({})).to.deep.equal([{id: 'github', name: 'GitHub'}, {id: 'email', name: 'Email'}]);
    const url = new URL(await adapter.signInUrl({providerId: 'github', state: 'st-1', callbackUrl: 'https://blog.example/signed-in', mode: 'popup'}, {}));
    expect(url.pathname).to.equal('/comments/auth/providers/github/authorize');
    expect(Object.fromEntries(url.searchParams)).to.deep.equal({state: 'st-1', redirect_uri: 'https://blog.example/signed-in', mode: 'popup'});

    const code = server.authorize('github', {id: 'u-ada', name: 'Ada Lovelace'});
    const session = await adapter.completeSignIn({providerId: 'github', result: {code}}, {});
    expect(session).to.deep.equal({viewer: {id: 'u-ada', name: 'Ada Lovelace'}, providerId: 'github'});
    const stored = await adapter.postComment(newComment('As Ada', {guest: undefined}), {});
    expect(stored.author).to.include({id: 'u-ada', isViewer: true});
    expect(server.requests.at(-1)!.headers.get('Authorization')).to.match(/^Bearer [\w-]+$/);
    expect(stored.viewerCan.edit).to.be.true;

    // The token lives in sessionStorage: a reloaded tab is still signed in.
    expect(await (await createRestAdapter({endpoint: server.endpoint})).getSession({})).to.deep.equal(session);
    await adapter.signOut({});
    expect(server.requests.at(-1)!.method).to.equal('DELETE');
    expect(await adapter.getSession({})).to.be.null;
  });

  it('claims a sign-in whose popup could not report back, by its state', async () => {
    const adapter = await setUp();
    await adapter.signInUrl({providerId: 'github', state: 'lost-popup', callbackUrl: 'https://blog.example/cb', mode: 'popup'}, {});
    expect(await adapter.getSession({})).to.be.null;
    server.authorize('github', {id: 'u-bo', name: 'Bo'}, 'lost-popup');
    expect((await adapter.getSession({}))!.viewer.name).to.equal('Bo');
  });

  it('forgets a token the server no longer accepts', async () => {
    const adapter = await setUp();
    await adapter.completeSignIn({providerId: 'github', result: {code: server.authorize('github', {id: 'u', name: 'U'})}}, {});
    server.failNext('/auth/session', 401, {code: 'unauthorized', message: 'Expired'});
    expect(await adapter.getSession({})).to.be.null;
    await adapter.loadPage({thread: THREAD, sort: 'oldest', limit: 5}, {});
    expect(server.requests.at(-1)!.headers.has('Authorization')).to.be.false;
    await expectCode(adapter.completeSignIn({providerId: 'github', result: {code: 'forged'}}, {}), 'unauthorized');
  });

  it('edits, deletes and reacts', async () => {
    const adapter = await setUp();
    await adapter.completeSignIn({providerId: 'github', result: {code: server.authorize('github', {id: 'u-chen', name: 'Chen'})}}, {});
    const edited = await adapter.editComment({thread: THREAD, commentId: 'c-4', text: 'Edited.'}, {});
    expect(edited.content.value).to.equal('Edited.');
    expect(edited.editedAt).to.be.a('string');
    await expectCode(adapter.editComment({thread: THREAD, commentId: 'c-1', text: 'Not mine'}, {}), 'forbidden');
    const liked = await adapter.react({thread: THREAD, commentId: 'c-1', reaction: 'like', active: true}, {});
    expect(liked.reactions).to.deep.equal([{key: 'like', count: 4, viewerReacted: true}]);
    const unliked = await adapter.react({thread: THREAD, commentId: 'c-1', reaction: 'like', active: false}, {});
    expect(unliked.reactions![0]!.count).to.equal(3);
    expect(await adapter.deleteComment({thread: THREAD, commentId: 'c-4'}, {})).to.be.null;
    await expectCode(adapter.deleteComment({thread: THREAD, commentId: 'c-4'}, {}), 'not-found');
    expect(server.requests.filter((r) => r.url.includes('/reactions/like')).map((r) => r.method)).to.deep.equal(['PUT', 'DELETE']);
  });

  it('moderates for a moderator, whose pages list everyone\'s held comments, and for nobody else', async () => {
    const moderator = await setUp({holdGuests: true, capabilities: {live: false}});
    const held = await (await createRestAdapter({endpoint: server.endpoint})).postComment(newComment('Held until someone looks'), {});
    expect(held.status).to.equal('pending');

    // A guest neither sees it nor may decide on it.
    const guestPage = await moderator.loadPage({thread: THREAD, sort: 'oldest', limit: 50}, {});
    expect(guestPage.comments.map((c) => c.id)).not.to.include(held.id);
    expect(guestPage.comments.every((c) => c.viewerCan.moderate !== true)).to.equal(true);
    await expectCode(moderator.moderate({thread: THREAD, commentId: held.id, action: 'approve'}, {}), 'unauthorized');

    await moderator.completeSignIn({providerId: 'github', result: {code: server.authorize('github', {id: 'u-mod', name: 'Leila', moderator: true})}}, {});
    const page = await moderator.loadPage({thread: THREAD, sort: 'oldest', limit: 50}, {});
    const listed = page.comments.find((c) => c.id === held.id)!;
    expect(listed.status).to.equal('pending');
    expect(listed.viewerCan.moderate).to.equal(true);

    const approved = await moderator.moderate({thread: THREAD, commentId: held.id, action: 'approve'}, {});
    expect(approved!.status).to.equal('approved');
    const request = server.requests.at(-1)!;
    expect([request.method, new URL(request.url).pathname.endsWith(`/comments/${held.id}/moderation`)]).to.deep.equal(['POST', true]);
    expect(await request.json()).to.deep.equal({action: 'approve'});
    expect(await moderator.moderate({thread: THREAD, commentId: held.id, action: 'spam'}, {})).to.be.null;
    const after = await (await createRestAdapter({endpoint: server.endpoint})).loadPage({thread: THREAD, sort: 'oldest', limit: 50}, {});
    expect(after.comments.map((c) => c.id)).not.to.include(held.id);

    await moderator.completeSignIn({providerId: 'github', result: {code: server.authorize('github', {id: 'u-ada', name: 'Ada'})}}, {});
    await expectCode(moderator.moderate({thread: THREAD, commentId: 'c-1', action: 'delete'}, {}), 'forbidden');
  });

  it('escapes ids in paths', async () => {
    const adapter = await setUp();
    await expectCode(adapter.loadPage({thread: '../auth/session', sort: 'oldest', limit: 5}, {}), 'not-found');
    expect(new URL(server.requests.at(-1)!.url).pathname).to.equal('/comments/threads/..%2Fauth%2Fsession/comments');
    await expectCode(adapter.loadPage({thread: '..', sort: 'oldest', limit: 5}, {}), 'not-found');
  });

  describe('live updates', () => {
    it('delivers comments added, changed and removed elsewhere until the signal fires', async () => {
      const adapter = await setUp();
      const events: ThreadEvent[] = [];
      const controller = new AbortController();
      adapter.subscribe(THREAD, (event) => events.push(event), {signal: controller.signal});
      await waitUntil(() => server.requests.some((r) => r.url.endsWith('/events')), 'never connected');
      await delay(50);
      server.addComment(THREAD, {id: 'live-1', author: {name: 'Elsewhere'}, text: 'Hello from another tab'});
      server.addComment(THREAD, {id: 'held', author: {name: 'Held'}, text: 'Not for everyone', status: 'pending'});
      server.removeComment(THREAD, 'c-7');
      await waitUntil(() => events.length === 2, 'events did not arrive');
      expect(events[0]).to.deep.include({type: 'comment-added', thread: THREAD});
      expect((events[0] as {comment: {id: string; content: unknown}}).comment).to.deep.include({id: 'live-1', content: {kind: 'text', value: 'Hello from another tab'}});
      expect(events[1]).to.deep.equal({type: 'comment-removed', thread: THREAD, commentId: 'c-7'});
      const request = server.requests.find((r) => r.url.endsWith('/events'))!;
      expect(request.headers.get('Accept')).to.equal('text/event-stream');
      controller.abort();
      await delay(50);
      server.addComment(THREAD, {id: 'after-abort', author: {name: 'Late'}, text: 'Too late'});
      await delay(100);
      expect(events).to.have.length(2);
    });

    it('reconnects with Last-Event-ID and gets what it missed', async () => {
      const adapter = await setUp();
      const events: ThreadEvent[] = [];
      const controller = new AbortController();
      adapter.subscribe(THREAD, (event) => events.push(event), {signal: controller.signal});
      await waitUntil(() => server.requests.some((r) => r.url.endsWith('/events')));
      await delay(50);
      server.addComment(THREAD, {id: 'one', author: {name: 'A'}, text: 'one'});
      await waitUntil(() => events.length === 1);
      server.dropStreams();
      server.addComment(THREAD, {id: 'two', author: {name: 'B'}, text: 'two'});
      await waitUntil(() => events.length === 2, 'missed event not replayed', {timeout: 5000});
      const reconnect = server.requests.filter((r) => r.url.endsWith('/events'))[1]!;
      expect(reconnect.headers.get('Last-Event-ID')).to.match(/^\d+$/);
      expect(events.map((e) => (e as {comment: {id: string}}).comment.id)).to.deep.equal(['one', 'two']);
      controller.abort();
    });

    it('stops for good when the server has no live updates (204)', async () => {
      const adapter = await setUp();
      await useHandlers(http.get(`${server.endpoint}/threads/:thread/events`, () => new HttpResponse(null, {status: 204})));
      adapter.subscribe(THREAD, () => {}, {signal: new AbortController().signal});
      await delay(1500);
      expect(server.requests.filter((r) => r.url.endsWith('/events'))).to.have.length(0);
    });
  });

  describe('abort', () => {
    it('rejects at once when the signal has already fired, sending nothing', async () => {
      const adapter = await setUp();
      const before = server.requests.length;
      const controller = new AbortController();
      controller.abort();
      expect(isAbortError(await rejection(adapter.loadPage({thread: THREAD, sort: 'oldest', limit: 5}, {signal: controller.signal})))).to.be.true;
      expect(isAbortError(await rejection(adapter.postComment(newComment('never'), {signal: controller.signal})))).to.be.true;
      expect(server.requests.length).to.equal(before);
    });

    it('rejects with the signal\'s reason while the server is answering', async () => {
      const adapter = await setUp();
      await useHandlers(http.all(`${server.endpoint}/threads/*`, async () => {
        await delay('infinite');
        return HttpResponse.json({});
      }));
      const reason = new DOMException('Navigated away', 'AbortError');
      const controller = new AbortController();
      const call = adapter.postComment(newComment('slow'), {signal: controller.signal});
      setTimeout(() => controller.abort(reason), 30);
      expect(await rejection(call)).to.equal(reason);
    });
  });
});
