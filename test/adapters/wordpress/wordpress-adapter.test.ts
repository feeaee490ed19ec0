import {expect} from '@open-wc/testing';
import {http, HttpResponse, delay} from 'msw';
import {createWordPressAdapter, type WordPressAdapter, type WordPressAdapterOptions} from '../../../src/adapters/wordpress/index.js';
import {CommentError, isAbortError} from '../../../src/core/errors.js';
import {resolveAdapter} from '../../../src/core/registry.js';
import '../../../src/adapters/builtin.js';
import {loadWholeThread} from '../../../src/core/conformance.js';
import {expectCode, rejection} from '../../helpers/adapter-calls.js';
import {resetHandlers, useHandlers} from '../../helpers/msw.js';
import {aliceNonce, wordpressSite, type WordPressSite, type WordPressSiteOptions} from '../../mocks/wordpress-site.js';

let site: WordPressSite;

async function setUp(siteOptions: WordPressSiteOptions = {}, adapterOptions: Partial<WordPressAdapterOptions> = {}) {
  site = wordpressSite({floodSeconds: 0, ...siteOptions});
  await useHandlers(...site.handlers);
  return createWordPressAdapter({endpoint: site.origin, ...adapterOptions});
}



const guest = {name: 'Jane Reader', email: 'jane@example.com'};
const newcomer = {name: 'New Visitor', email: 'new.visitor@example.com', website: 'https://visitor.example.com'};
const post = (thread: string, text: string, extra: Partial<Parameters<WordPressAdapter['postComment']>[0]> = {}) => ({
  thread,
  text,
  parentId: null,
  guest,
  idempotencyKey: crypto.randomUUID(),
  ...extra,
});

describe('WordPress adapter', () => {
  beforeEach(() => localStorage.clear());
  afterEach(async () => {
    await resetHandlers();
    sessionStorage.clear();
  });

  describe('loading', () => {
    it('builds the thread from a post\'s recorded comments', async () => {
      const adapter = await setUp();
      const page = await adapter.loadPage({thread: '14', sort: 'oldest', limit: 10}, {});
      expect(page.thread.id).to.equal('14');
      // "AQIM Updates, August&nbsp;6": the title is shown as text, references decoded.
      expect(page.thread.title).to.equal('AQIM Updates, August\u00a06');
      expect(page.thread.url).to.equal(`${site.origin}/2024/08/06/aqim-updates-august-6/`);
      expect(page.thread.totalCount).to.equal(12);
      expect(page.thread.posting.open).to.be.true;
      expect(page.nextCursor).to.be.null;
      expect(page.comments.map((c) => [c.id, c.parentId])).to.deep.equal([
        ['650', null], ['651', '650'], ['652', '651'], ['653', '652'], ['654', '653'], ['656', '650'],
        ['657', null], ['658', '657'], ['659', '658'], ['660', '659'], ['661', null], ['662', null],
      ]);
      const first = page.comments[0]!;
      expect(first.createdAt).to.equal('2024-08-06T10:00:00.000Z');
      expect(first.content).to.deep.equal({kind: 'html', value: '<p>Thanks for the roundup. The Sahel section was especially useful.</p>\n'});
      expect(first.author).to.deep.equal({
        name: 'Jane Reader',
        avatarUrl: 'http://0.gravatar.com/avatar/9e26471d35a78862c17e467d87cddedf?s=96&d=mm&r=g',
        profileUrl: 'https://jane.example.org/',
      });
      expect(first.permalink).to.equal(`${site.origin}/2024/08/06/aqim-updates-august-6/#comment-650`);
      expect(first.replyCount).to.equal(2);
      expect(first.viewerCan).to.deep.equal({reply: true, edit: false, delete: false});
      // Post 14 was written by user 1; so was none of these, but Eddie (2) and Alice (3) are users.
      expect(page.comments.find((c) => c.id === '653')!.author).to.include({id: '2', name: 'Eddie Editor'});
      expect(page.comments.find((c) => c.id === '662')!.author.name).to.equal('Zoë Ünïcødé 🚀');
    });

    it('reads date_gmt as UTC whatever the viewer\'s time zone', async () => {
      const adapter = await setUp();
      const page = await adapter.loadPage({thread: '14', sort: 'oldest', limit: 1}, {});
      expect(Date.parse(page.comments[0]!.createdAt)).to.equal(Date.UTC(2024, 7, 6, 10, 0, 0));
    });

    it('loads all 300 comments of a post across WordPress\'s three pages and cuts its own pages', async () => {
      const adapter = await setUp();
      const {pages, comments} = await loadWholeThread(adapter, '15', {limit: 50});
      expect(comments).to.have.length(300);
      expect(new Set(comments.map((c) => c.id)).size).to.equal(300);
      expect(pages).to.have.length(Math.ceil(240 / 50));
      expect(pages[0]!.thread.totalCount).to.equal(300);
      for (const page of pages) {
        expect(page.comments.filter((c) => c.parentId === null).length).to.be.at.most(50);
        const seen = new Set<string>();
        for (const comment of page.comments) {
          if (comment.parentId) expect(seen.has(comment.parentId), `parent of ${comment.id}`).to.be.true;
          seen.add(comment.id);
        }
      }
      const listRequests = site.requests.filter((r) => new URL(r.url).pathname.endsWith('/wp/v2/comments'));
      // Pages were cut from one load: WordPress was asked for its three pages once.
      expect(listRequests.map((r) => new URL(r.url).searchParams.get('page'))).to.deep.equal(['1', '2', '3']);
      for (const request of listRequests) {
        const params = new URL(request.url).searchParams;
        expect(params.get('per_page')).to.equal('100');
        expect(params.get('post')).to.equal('15');
        expect(params.get('order')).to.equal('asc');
      }
    });

    it('keeps loading pages when a proxy dropped X-WP-TotalPages', async () => {
      site = wordpressSite();
      await useHandlers(
        http.get(`${site.origin}/wp-json/wp/v2/comments`, async ({request}) => {
          // Answered by the site's own handler for the same route, then stripped.
          const url = new URL(request.url);
          url.pathname = '/';
          url.searchParams.set('rest_route', '/wp/v2/comments');
          const response = await fetch(url);
          const headers = new Headers(response.headers);
          headers.delete('X-WP-TotalPages');
          headers.delete('X-WP-Total');
          return new HttpResponse(await response.text(), {status: response.status, headers});
        }),
        ...site.handlers,
      );
      const adapter = createWordPressAdapter({endpoint: site.origin});
      const {comments} = await loadWholeThread(adapter, '15');
      expect(comments).to.have.length(300);
    });

    it('sorts top-level comments newest first, replies still in the order written', async () => {
      const adapter = await setUp();
      const page = await adapter.loadPage({thread: '14', sort: 'newest', limit: 2}, {});
      expect(page.comments.map((c) => c.id)).to.deep.equal(['662', '661']);
      const next = await adapter.loadPage({thread: '14', sort: 'newest', limit: 2, cursor: page.nextCursor!}, {});
      expect(next.comments.map((c) => c.id)).to.deep.equal(['657', '658', '659', '660', '650', '651', '652', '653', '654', '656']);
      expect(next.nextCursor).to.be.null;
    });

    it('uses the post attribute when the thread has no id of its own', async () => {
      const adapter = await setUp({}, {post: '14'});
      const page = await adapter.loadPage({thread: '', sort: 'oldest', limit: 1}, {});
      expect(page.thread.id).to.equal('14');
      expect(page.comments[0]!.id).to.equal('650');
      // <comment-thread> names a thread without a `thread` attribute by the page's path.
      const byPath = await adapter.loadPage({thread: '/2024/08/06/aqim/', sort: 'oldest', limit: 1}, {});
      expect(byPath.thread.id).to.equal('/2024/08/06/aqim/');
      expect(byPath.thread.totalCount).to.equal(12);
    });

    it('is registered lazily as "wordpress", configured by attributes', async () => {
      site = wordpressSite({origin: location.origin});
      await useHandlers(...site.handlers);
      const adapter = await resolveAdapter('wordpress', {endpoint: site.origin, post: '14', 'wp-nonce': aliceNonce});
      expect((await adapter.getSession!({}))!.viewer.name).to.equal('Alice Registered');
      expect((await adapter.loadPage({thread: location.pathname, sort: 'oldest', limit: 1}, {})).thread.title).to.match(/^AQIM/);
    });

    it('shows a page\'s title when the id is a page, not a post', async () => {
      const adapter = await setUp();
      const page = await adapter.loadPage({thread: '17', sort: 'oldest', limit: 10}, {});
      expect(page.thread.title).to.equal('About “the tracker”');
      expect(page.comments).to.deep.equal([]);
      expect(page.thread.totalCount).to.equal(0);
    });

    it('rejects a post that does not exist with not-found', async () => {
      const adapter = await setUp();
      const error = await rejection(adapter.loadPage({thread: '999999', sort: 'oldest', limit: 10}, {}));
      expect(error).to.be.instanceOf(CommentError);
      expect((error as CommentError).code).to.equal('not-found');
      await expectCode(adapter.loadPage({thread: 'abc', sort: 'oldest', limit: 10}, {}), 'not-found');
    });

    it('marks a closed post closed', async () => {
      const adapter = await setUp();
      const page = await adapter.loadPage({thread: '16', sort: 'oldest', limit: 10}, {});
      expect(page.thread.posting.open).to.be.false;
    });

    it('keeps replies whose parent was trashed, under a deleted placeholder', async () => {
      const adapter = await setUp();
      site.trash(658);
      const {comments, pages} = await loadWholeThread(adapter, '14', {limit: 10});
      const placeholder = comments.find((c) => c.id === '658')!;
      expect(placeholder).to.include({status: 'deleted', parentId: null, replyCount: 1});
      expect(placeholder.content.value).to.equal('');
      expect(comments.find((c) => c.id === '659')!.parentId).to.equal('658');
      expect(comments.find((c) => c.id === '660')!.parentId).to.equal('659');
      expect(pages[0]!.thread.totalCount).to.equal(11);
    });

    it('falls back to ?rest_route= on a site without pretty permalinks', async () => {
      site = wordpressSite();
      await useHandlers(http.all(`${site.origin}/wp-json*`, () => HttpResponse.error()), ...site.handlers);
      const adapter = createWordPressAdapter({endpoint: site.origin});
      const page = await adapter.loadPage({thread: '14', sort: 'oldest', limit: 100}, {});
      expect(page.comments).to.have.length(12);
      expect(site.requests.every((r) => new URL(r.url).searchParams.has('rest_route'))).to.be.true;
    });

    it('accepts the REST root itself as the endpoint', async () => {
      site = wordpressSite();
      await useHandlers(...site.handlers);
      for (const endpoint of [`${site.origin}/wp-json/`, `${site.origin}/?rest_route=/`]) {
        const page = await createWordPressAdapter({endpoint}).loadPage({thread: '14', sort: 'oldest', limit: 1}, {});
        expect(page.thread.totalCount).to.equal(12);
      }
    });
  });

  describe('hostile and malformed data', () => {
    it('turns a hostile comment into a safe one', async () => {
      const adapter = await setUp();
      site.comments.push(
        {
          id: 5000, post: 14, parent: 0, status: 'approved', date_gmt: 'yesterday', date: 'never',
          author: '1; DROP TABLE', author_name: {toString: 'x'}, author_url: 'javascript:alert(1)',
          content: 'not an object', link: 'data:text/html,<script>alert(1)</script>',
          author_avatar_urls: {'96': 'javascript:alert(2)', '48': 'https://ok.example/a.png', evil: 'https://evil.example'},
        },
        {id: 5001, post: 14, parent: 5002, status: 'approved', date_gmt: '2024-08-07T00:00:00', author_name: 'Cycle A', content: {rendered: 'a'}},
        {id: 5002, post: 14, parent: 5001, status: 'approved', date_gmt: '2024-08-07T00:01:00', author_name: 'Cycle B', content: {rendered: 'b'}},
        {id: 5003, post: 14, parent: 5003, status: 'approved', date_gmt: '2024-08-07T00:02:00', author_name: 'Tom &amp; Jerry &lt;b&gt;', content: {rendered: 'c'}},
        {id: -4, post: 14, parent: 0, status: 'approved', date_gmt: '2024-08-07T00:03:00', author_name: 'No id'},
      );
      const {comments} = await loadWholeThread(adapter, '14', {limit: 100});
      const hostile = comments.find((c) => c.id === '5000')!;
      expect(hostile.author).to.deep.equal({name: '', avatarUrl: 'https://ok.example/a.png'});
      expect(hostile.createdAt).to.equal(new Date(0).toISOString());
      expect(hostile.content).to.deep.equal({kind: 'html', value: ''});
      expect(hostile.permalink).to.be.undefined;
      expect(comments.find((c) => c.id === '5003')!.author.name).to.equal('Tom & Jerry <b>');
      // Every comment once, every parent present: the cycle was broken.
      const ids = comments.map((c) => c.id);
      expect(new Set(ids).size).to.equal(ids.length);
      for (const comment of comments) {
        if (comment.parentId) expect(ids.indexOf(comment.parentId)).to.be.below(ids.indexOf(comment.id));
      }
      expect(ids).to.include.members(['5001', '5002', '5003']);
      expect(ids).not.to.include('-4');
    });

    it('rejects a body that is not a comment list with a server error', async () => {
      site = wordpressSite();
      await useHandlers(
        http.get(`${site.origin}/wp-json/wp/v2/comments`, () => HttpResponse.json({comments: 'nope'})),
        ...site.handlers,
      );
      await expectCode(createWordPressAdapter({endpoint: site.origin}).loadPage({thread: '14', sort: 'oldest', limit: 5}, {}), 'server');
    });

    it('rejects an HTML error page from a proxy with a server error', async () => {
      site = wordpressSite();
      await useHandlers(
        http.get(`${site.origin}/wp-json/wp/v2/comments`, () => new HttpResponse('<h1>502 Bad Gateway</h1>', {status: 502, headers: {'Content-Type': 'text/html'}})),
        ...site.handlers,
      );
      const error = await rejection(createWordPressAdapter({endpoint: site.origin, }).loadPage({thread: '14', sort: 'oldest', limit: 5}, {}));
      expect(error).to.be.instanceOf(CommentError);
      expect((error as CommentError).code).to.equal('server');
      expect((error as CommentError).message).not.to.include('<h1>');
    });

    it('rejects with network when the site cannot be reached', async () => {
      site = wordpressSite();
      await useHandlers(http.all(`${site.origin}/*`, () => HttpResponse.error()));
      await expectCode(createWordPressAdapter({endpoint: site.origin}).loadPage({thread: '14', sort: 'oldest', limit: 5}, {}), 'network');
    });
  });

  describe('posting as a guest', () => {
    it('posts with author_name, author_email and author_url, form-encoded, and returns the stored comment', async () => {
      const adapter = await setUp();
      await adapter.loadPage({thread: '14', sort: 'oldest', limit: 10}, {});
      const stored = await adapter.postComment(post('14', 'Hello again.', {parentId: '650'}), {});
      expect(stored).to.include({parentId: '650', status: 'approved'});
      expect(stored.author).to.include({name: 'Jane Reader', isViewer: true});
      expect(stored.content).to.deep.equal({kind: 'html', value: '<p>Hello again.</p>\n'});
      const request = site.requests.find((r) => r.method === 'POST')!;
      expect(request.headers.get('Content-Type')).to.match(/^application\/x-www-form-urlencoded/);
      expect(request.headers.has('Authorization')).to.be.false;
      const body = new URLSearchParams(await request.text());
      expect(Object.fromEntries(body)).to.deep.equal({
        post: '14', content: 'Hello again.', parent: '650', author_name: 'Jane Reader', author_email: 'jane@example.com',
      });
      // Listed back by WordPress, and marked as the viewer's own on the next load.
      const {comments} = await loadWholeThread(adapter, '14');
      expect(comments.filter((c) => c.id === stored.id)).to.have.length(1);
      expect(comments.find((c) => c.id === stored.id)!.author.isViewer).to.be.true;
    });

    it('sends the text as typed, so WordPress cannot read it as HTML', async () => {
      const adapter = await setUp();
      await adapter.postComment(post('14', 'I <3 this & <b>that</b>'), {});
      const body = new URLSearchParams(await site.requests.find((r) => r.method === 'POST')!.text());
      expect(body.get('content')).to.equal('I &lt;3 this &amp; &lt;b&gt;that&lt;/b&gt;');
    });

    it('stores a comment once when a post is retried with its idempotency key', async () => {
      const adapter = await setUp();
      const input = post('14', 'Only once, please.');
      const first = await adapter.postComment(input, {});
      const second = await adapter.postComment({...input}, {});
      expect(second).to.deep.equal(first);
      expect(site.requests.filter((r) => r.method === 'POST')).to.have.length(1);
    });

    it('refuses a reply to a comment that does not exist, or is on another post, before WordPress files it', async () => {
      const adapter = await setUp();
      await adapter.loadPage({thread: '14', sort: 'oldest', limit: 10}, {});
      for (const parentId of ['999999', '663', 'abc']) {
        const error = await rejection(adapter.postComment(post('14', `Orphan ${parentId}`, {parentId}), {}));
        expect(error, parentId).to.be.instanceOf(CommentError);
        expect((error as CommentError).code).to.equal('invalid');
        expect((error as CommentError).fieldErrors.parent).to.be.a('string');
      }
      expect(site.requests.filter((r) => r.method === 'POST')).to.have.length(0);
      // A parent not loaded yet is looked up, and accepted when it is on this post.
      const fresh = createWordPressAdapter({endpoint: site.origin});
      const reply = await fresh.postComment(post('14', 'Reply to an unloaded parent', {parentId: '657'}), {});
      expect(reply.parentId).to.equal('657');
    });
  });

  describe('held comments', () => {
    it('keeps a held comment for its author until WordPress approves it', async () => {
      const adapter = await setUp();
      const held = await adapter.postComment(post('14', 'My first comment here.', {guest: newcomer, parentId: '650'}), {});
      expect(held.status).to.equal('pending');
      expect(held.author.isViewer).to.be.true;

      // WordPress does not list it; the adapter shows it to its author, under its parent.
      let {comments, pages} = await loadWholeThread(adapter, '14');
      const shown = comments.filter((c) => c.id === held.id);
      expect(shown).to.have.length(1);
      expect(shown[0]).to.include({status: 'pending', parentId: '650'});
      expect(shown[0]!.author.isViewer).to.be.true;
      expect(comments.indexOf(shown[0]!)).to.be.above(comments.findIndex((c) => c.id === '650'));
      // Shown to its author, but not counted: WordPress's "12 thoughts" does not count it either.
      expect(pages[0]!.thread.totalCount).to.equal(12);

      // Another visitor (another browser) does not see it.
      localStorage.clear();
      ({comments} = await loadWholeThread(createWordPressAdapter({endpoint: site.origin}), '14'));
      expect(comments.some((c) => c.id === held.id)).to.be.false;
    });

    it('survives a reload and gives way to the approved comment', async () => {
      const adapter = await setUp();
      const held = await adapter.postComment(post('14', 'Held, then approved.', {guest: newcomer}), {});
      const reloaded = createWordPressAdapter({endpoint: site.origin});
      let {comments} = await loadWholeThread(reloaded, '14');
      expect(comments.find((c) => c.id === held.id)!.status).to.equal('pending');

      site.approve(Number(held.id));
      ({comments} = await loadWholeThread(reloaded, '14'));
      const approved = comments.filter((c) => c.id === held.id);
      expect(approved).to.have.length(1);
      expect(approved[0]!.status).to.equal('approved');
      expect(approved[0]!.author.isViewer).to.be.true;

      // Once approved it is no longer kept locally: trashing it later hides it.
      site.trash(Number(held.id));
      ({comments} = await loadWholeThread(reloaded, '14'));
      expect(comments.some((c) => c.id === held.id)).to.be.false;
    });

    it('forgets a held comment WordPress deleted', async () => {
      const adapter = await setUp();
      const held = await adapter.postComment(post('14', 'Held, then deleted.', {guest: newcomer}), {});
      site.trash(Number(held.id));
      let {comments} = await loadWholeThread(adapter, '14');
      // Trashed and held look alike to a guest (401): still shown as awaiting moderation.
      expect(comments.find((c) => c.id === held.id)!.status).to.equal('pending');
      site.deletePermanently(Number(held.id));
      ({comments} = await loadWholeThread(adapter, '14'));
      expect(comments.some((c) => c.id === held.id)).to.be.false;
      ({comments} = await loadWholeThread(createWordPressAdapter({endpoint: site.origin}), '14'));
      expect(comments.some((c) => c.id === held.id)).to.be.false;
    });

    it('keeps held comments apart per site and per post', async () => {
      const adapter = await setUp();
      const held = await adapter.postComment(post('14', 'Only on post 14.', {guest: newcomer}), {});
      const {comments} = await loadWholeThread(adapter, '15');
      expect(comments.some((c) => c.id === held.id)).to.be.false;
      const other = wordpressSite({origin: 'https://other.example'});
      await useHandlers(...other.handlers);
      const elsewhere = await loadWholeThread(createWordPressAdapter({endpoint: other.origin}), '14');
      expect(elsewhere.comments.some((c) => c.id === held.id)).to.be.false;
    });
  });

  describe('signed in', () => {
    /** The site on this page's origin, where WordPress's cookies and a nonce can work. */
    const onThisOrigin = (options: WordPressSiteOptions = {}) => ({origin: location.origin, ...options});

    /** WordPress's login endpoints the REST mock lacks: nonce renewal and the logout link. */
    function loginEndpoints(state: {loggedIn: boolean}) {
      return [
        http.get(`${location.origin}/wp-admin/admin-ajax.php`, () =>
          state.loggedIn ? new HttpResponse(aliceNonce) : new HttpResponse('0', {status: 400}),
        ),
        http.get(`${location.origin}/wp-login.php`, ({request}) => {
          const url = new URL(request.url);
          if (url.searchParams.get('_wpnonce') === 'f00dcafe12') {
            state.loggedIn = false;
            return new HttpResponse(null, {status: 302, headers: {Location: '/wp-login.php?loggedout=true'}});
          }
          return HttpResponse.html('<p>Do you really want to <a href="/wp-login.php?action=logout&amp;_wpnonce=f00dcafe12">log out</a>?</p>');
        }),
      ];
    }

    it('signs in through WordPress\'s login page: only `state` comes back, the nonce stays in memory', async () => {
      const state = {loggedIn: false};
      site = wordpressSite(onThisOrigin({floodSeconds: 0}));
      await useHandlers(...loginEndpoints(state), ...site.handlers);
      const adapter = createWordPressAdapter({endpoint: site.origin});
      expect(await adapter.listProviders({})).to.deep.equal([{id: 'wordpress', name: 'AQIM Tracker'}]);
      const url = new URL(await adapter.signInUrl({providerId: 'wordpress', state: 's1', callbackUrl: `${location.origin}/callback.html`, mode: 'popup'}, {}));
      expect(url.pathname).to.equal('/wp-login.php');
      expect(url.searchParams.get('redirect_to')).to.equal(`${location.origin}/callback.html?state=s1`);

      state.loggedIn = true;
      const session = await adapter.completeSignIn({providerId: 'wordpress', result: {}}, {});
      expect(session.viewer).to.include({id: '3', name: 'Alice Registered'});
      const stored = await adapter.postComment(post('14', 'Signed in as Alice.', {guest: undefined}), {});
      expect(stored.author).to.include({id: '3', isViewer: true});
      const request = site.requests.find((r) => r.method === 'POST')!;
      expect(request.headers.get('X-WP-Nonce')).to.equal(aliceNonce);
      expect(request.headers.has('Authorization')).to.be.false;
      // Public reads carry no credential at all.
      expect(site.requests.filter((r) => r.url.includes('/wp/v2/comments') && r.method === 'GET').every((r) => !r.headers.has('X-WP-Nonce'))).to.be.true;
      const stores = JSON.stringify({...localStorage}) + JSON.stringify({...sessionStorage});
      expect(stores).not.to.contain(aliceNonce);
    });

    it('finds the login after a reload by asking WordPress for a nonce, and Log Out ends the WordPress session', async () => {
      const state = {loggedIn: true};
      site = wordpressSite(onThisOrigin());
      await useHandlers(...loginEndpoints(state), ...site.handlers);
      const adapter = createWordPressAdapter({endpoint: site.origin});
      expect((await adapter.getSession({}))!.viewer.name).to.equal('Alice Registered');
      await adapter.signOut({});
      expect(state.loggedIn).to.be.false;
      expect(await adapter.getSession({})).to.be.null;
      expect(await createWordPressAdapter({endpoint: site.origin}).getSession({})).to.be.null;
    });

    it('says so when WordPress does not log the visitor out', async () => {
      const state = {loggedIn: true};
      site = wordpressSite(onThisOrigin());
      await useHandlers(http.get(`${location.origin}/wp-login.php`, () => HttpResponse.html('<p>No link here</p>')), ...loginEndpoints(state), ...site.handlers);
      const adapter = createWordPressAdapter({endpoint: site.origin});
      await adapter.getSession({});
      const error = await expectCode(adapter.signOut({}), 'server');
      expect(error.message).to.match(/did not log you out/);
    });

    it('offers no sign-in and sends no nonce to a WordPress on another origin', async () => {
      const adapter = await setUp({}, {nonce: aliceNonce});
      expect(await adapter.listProviders({})).to.deep.equal([]);
      expect(await adapter.getSession({})).to.be.null;
      await adapter.postComment(post('14', 'From a static site.'), {});
      expect(site.requests.some((r) => r.headers.has('X-WP-Nonce'))).to.be.false;
    });

    it('posts with the REST nonce and the site\'s cookies on the WordPress site itself', async () => {
      const adapter = await setUp(onThisOrigin(), {nonce: aliceNonce});
      expect((await adapter.getSession({}))!.viewer.name).to.equal('Alice Registered');
      const stored = await adapter.postComment(post('14', 'Posted with a nonce.'), {});
      expect(stored.author.id).to.equal('3');
      const request = site.requests.find((r) => r.method === 'POST')!;
      expect(request.headers.get('X-WP-Nonce')).to.equal(aliceNonce);
      expect(request.credentials).to.equal('same-origin');
      expect(new URLSearchParams(await request.text()).has('author_email')).to.be.false;
    });

    it('trades a stale nonce (a cached page) for a fresh one while the WordPress login lasts', async () => {
      site = wordpressSite(onThisOrigin({floodSeconds: 0}));
      await useHandlers(...loginEndpoints({loggedIn: true}), ...site.handlers);
      const adapter = createWordPressAdapter({endpoint: site.origin, nonce: '0123456789'});
      expect((await adapter.getSession({}))!.viewer.name).to.equal('Alice Registered');
      await adapter.postComment(post('14', 'Still signed in.', {guest: undefined}), {});
      expect(site.requests.find((r) => r.method === 'POST')!.headers.get('X-WP-Nonce')).to.equal(aliceNonce);
    });

    it('renews a refused nonce once per call, even when WordPress refuses every fresh one too', async () => {
      let issued = 0;
      site = wordpressSite(onThisOrigin({floodSeconds: 0}));
      await useHandlers(
        http.get(`${location.origin}/wp-admin/admin-ajax.php`, () => new HttpResponse(`abcdef${String(++issued).padStart(4, '0')}`)),
        ...site.handlers,
      );
      const adapter = createWordPressAdapter({endpoint: site.origin, nonce: '0123456789'});
      await expectCode(adapter.postComment(post('14', 'Under nonces that never work.', {guest: undefined}), {}), 'unauthorized');
      expect(issued).to.equal(1);
    });

    it('reads as a guest with a stale nonce, and refuses to post under it, saying the person was signed out', async () => {
      const adapter = await setUp(onThisOrigin(), {nonce: '0123456789'});
      const page = await adapter.loadPage({thread: '14', sort: 'oldest', limit: 10}, {});
      expect(page.comments.length).to.be.greaterThan(0);
      expect(await adapter.getSession({})).to.be.null;

      const stale = await setUp(onThisOrigin(), {nonce: '0123456789'});
      const error = await expectCode(stale.postComment(post('14', 'Under a stale nonce.', {guest: undefined}), {}), 'unauthorized');
      expect(error.message).to.match(/signed out/);
      // Then the person posts as a guest; the refused nonce is never sent again.
      await stale.postComment(post('14', 'As a guest now.'), {});
      expect(site.requests.filter((r) => r.method === 'POST').map((r) => r.headers.has('X-WP-Nonce'))).to.deep.equal([false]);
    });
  });

  describe('found live', () => {
    it('says a repeat of the person\'s own held comment is already waiting', async () => {
      const adapter = await setUp({moderation: 'all'});
      await adapter.postComment(post('14', 'Held and repeated.', {guest: newcomer}), {});
      const error = await expectCode(adapter.postComment(post('14', 'Held and repeated.', {guest: newcomer}), {}), 'duplicate');
      expect(error.message).to.equal('You already posted this comment; it is waiting for approval.');
      // Anyone else's duplicate keeps WordPress's own words.
      localStorage.clear();
      const other = await expectCode(createWordPressAdapter({endpoint: site.origin}).postComment(post('14', 'Held and repeated.', {guest: newcomer}), {}), 'duplicate');
      expect(other.message).not.to.contain('waiting for approval');
    });

    it('refuses a reply to a comment trashed after the page loaded, with a clear error', async () => {
      const adapter = await setUp();
      await adapter.loadPage({thread: '14', sort: 'oldest', limit: 10}, {});
      site.trash(657);
      const error = await expectCode(adapter.postComment(post('14', 'Too late.', {parentId: '657'}), {}), 'invalid');
      expect(error.fieldErrors.parent).to.equal('The comment you are replying to is no longer available.');
      expect(site.requests.some((r) => r.method === 'POST')).to.be.false;
    });

    it('locates a comment\'s page from its top-level ancestor, and says null for a missing one', async () => {
      const adapter = await setUp();
      // 14's conversations, oldest first: 650 (with 651…656), 657 (658…660), 661, 662.
      expect(await adapter.locate({thread: '14', commentId: '653', sort: 'oldest', limit: 2}, {})).to.deep.equal({cursor: null, rootId: '650'});
      const deep = await adapter.locate({thread: '14', commentId: '662', sort: 'oldest', limit: 2}, {});
      expect(deep!.rootId).to.equal('662');
      const page = await adapter.loadPage({thread: '14', sort: 'oldest', limit: 2, cursor: deep!.cursor!}, {});
      expect(page.comments.map((c) => c.id)).to.deep.equal(['661', '662']);
      const newest = await adapter.locate({thread: '14', commentId: '659', sort: 'newest', limit: 2}, {});
      expect(newest!.rootId).to.equal('657');
      expect(await adapter.locate({thread: '14', commentId: '999', sort: 'oldest', limit: 2}, {})).to.be.null;
    });
  });

  describe('abort', () => {
    it('rejects at once when the signal has already fired, sending nothing', async () => {
      const adapter = await setUp();
      const controller = new AbortController();
      controller.abort();
      expect(isAbortError(await rejection(adapter.loadPage({thread: '14', sort: 'oldest', limit: 5}, {signal: controller.signal})))).to.be.true;
      expect(isAbortError(await rejection(adapter.postComment(post('14', 'never'), {signal: controller.signal})))).to.be.true;
      expect(site.requests).to.have.length(0);
    });

    it('rejects with the signal\'s reason when aborted while WordPress is answering', async () => {
      site = wordpressSite();
      await useHandlers(
        http.get(`${site.origin}/wp-json/wp/v2/comments`, async () => {
          await delay('infinite');
          return HttpResponse.json([]);
        }),
        ...site.handlers,
      );
      const adapter = createWordPressAdapter({endpoint: site.origin});
      const controller = new AbortController();
      const call = adapter.loadPage({thread: '15', sort: 'oldest', limit: 5}, {signal: controller.signal});
      setTimeout(() => controller.abort(), 50);
      expect(isAbortError(await rejection(call))).to.be.true;
      const reason = new DOMException('Gone', 'AbortError');
      const second = new AbortController();
      const posting = adapter.postComment(post('15', 'slow'), {signal: second.signal});
      second.abort(reason);
      expect(await rejection(posting)).to.equal(reason);
    });
  });
});

