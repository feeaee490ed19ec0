// The blocker of issue 12: a send whose answer was lost, then the text is changed. A key
// belongs to one body (docs/rest-protocol.md, "Changing a comment whose send was not
// confirmed"), tested against both kinds of server: the reference REST server, which
// answers 422 when a key comes back with other content, and the memory adapter, which
// replays by key alone.
import {expect, fixture, html, waitUntil} from '@open-wc/testing';
import {getResponse, http, HttpResponse} from 'msw';
import type {MemoryAdapter} from '../../../src/adapters/memory/index.js';
import {createRestAdapter} from '../../../src/adapters/rest/index.js';
import type {NewComment} from '../../../src/core/adapter.js';
import type {CommentFormElement} from '../../../src/elements/comment-form/comment-form.js';
import {aqimThread} from '../../fixtures/rest-threads.js';
import {
  alertText,
  failureShown,
  fill,
  fillGuest,
  formInThread,
  instantRetries,
  memoryAdapter,
  nextEvent,
  part,
  press,
  ready,
  recordPosts,
  resetStorage,
  savedDrafts,
  standaloneForm,
  textarea,
} from '../../helpers/form.js';
import {resetHandlers, useHandlers} from '../../helpers/msw.js';
import {restServer} from '../../mocks/rest-server.js';

const first = 'Teh first version.';
const fixed = 'The first version.';

describe('<comment-form> changing a comment whose send was not confirmed', () => {
  afterEach(async () => {
    resetStorage();
    await resetHandlers();
  });

  describe('a server that answers 422 when a key comes back with other content (REST)', () => {
    const thread = 'aqim-updates-aug-6';

    async function setUp() {
      const server = restServer({threads: [aqimThread()]});
      await useHandlers(...server.handlers);
      const adapter = await createRestAdapter({endpoint: server.endpoint});
      const posts = () => server.requests.filter((request) => request.method === 'POST' && request.url.endsWith(`/threads/${thread}/comments`));
      const bodies = async () => Promise.all(posts().map(async (request) => [request.headers.get('Idempotency-Key'), JSON.parse(await request.clone().text()).text]));
      const stored = async () => (await adapter.loadPage({thread, sort: 'oldest', limit: 100}, {})).comments.map((comment) => comment.content.value);
      return {server, adapter, bodies, stored};
    }

    /** The next post reaches the server and is stored, but the answer never comes back. */
    async function loseNextAnswer(server: ReturnType<typeof restServer>) {
      await useHandlers(
        http.post(
          `${server.endpoint}/threads/:thread/comments`,
          async ({request}) => {
            await getResponse(server.handlers, request);
            return HttpResponse.error();
          },
          {once: true},
        ),
      );
    }

    it('stored before the answer was lost: no key is reused for other text, the change is kept, and the visitor can post again', async () => {
      const {server, adapter, bodies, stored} = await setUp();
      const form = await standaloneForm(adapter, thread);
      await fillGuest(form, first);
      await loseNextAnswer(server);
      press(form);
      await failureShown(form);
      expect(alertText(form)).to.contain('The connection failed');

      await fill(form, 'textarea', fixed);
      press(form);
      await waitUntil(() => alertText(form).includes('earlier version'), 'the stored earlier version was not reported');
      // The earlier text went out again under its own key (answered as stored); the fixed
      // text was never sent under that key.
      const sent = await bodies();
      const keys = new Map<string, Set<string>>();
      for (const [key, body] of sent) keys.set(key!, (keys.get(key!) ?? new Set()).add(body));
      expect([...keys.values()].every((texts) => texts.size === 1), JSON.stringify(sent)).to.be.true;
      expect(alertText(form)).not.to.contain('Please correct the marked fields');
      expect(textarea(form).value).to.equal(fixed);
      expect((await stored()).filter((text) => text === first)).to.have.length(1);

      // Not locked out: the next Post goes out under a new key and is stored.
      press(form);
      await nextEvent(form, 'comment-posted');
      expect((await stored()).filter((text) => text === fixed)).to.have.length(1);
      expect(savedDrafts()).to.have.length(0);
    });

    it('refused before it was stored: the changed text is posted once under a new key', async () => {
      const {server, adapter, stored} = await setUp();
      const posts = recordPosts(adapter);
      const form = await standaloneForm(adapter, thread);
      await fillGuest(form, first);
      await useHandlers(http.post(`${server.endpoint}/threads/:thread/comments`, () => HttpResponse.error(), {once: true}));
      press(form);
      await failureShown(form);
      // The replay of the earlier version is refused: a 4xx proves nothing is stored under its key.
      server.failNext('/comments', 400, {code: 'invalid', message: 'No.', fields: {text: 'No.'}}, {}, 'POST');
      await fill(form, 'textarea', fixed);
      press(form);
      await nextEvent(form, 'comment-posted');
      expect(posts.map((post) => post.text)).to.deep.equal([first, first, fixed]);
      expect(posts[1]!.idempotencyKey).to.equal(posts[0]!.idempotencyKey);
      expect(posts[2]!.idempotencyKey).not.to.equal(posts[0]!.idempotencyKey);
      expect(await stored()).to.include(fixed);
      expect(await stored()).not.to.include(first);
    });
  });

  describe('a server that replays by key alone (memory adapter)', () => {
    /** A standalone form that posted `first`, which was stored but whose answer was lost. */
    async function sendLosingTheAnswer(adapter: MemoryAdapter) {
      const form = await standaloneForm(adapter);
      await fillGuest(form, first);
      adapter.simulate.fail('post', {code: 'network', stage: 'after'});
      press(form);
      await failureShown(form);
      return form;
    }

    /** Posts `first`, which is stored but whose answer is lost, then posts `fixed`. */
    async function sendLosingTheAnswerThenFix(adapter: MemoryAdapter, form: CommentFormElement) {
      await fillGuest(form, first);
      adapter.simulate.fail('post', {code: 'network', stage: 'after'});
      press(form);
      await failureShown(form);
      await fill(form, 'textarea', fixed);
      press(form);
    }

    it('stored before the answer was lost: the stored comment is edited to the fixed text, one copy', async () => {
      const adapter = memoryAdapter();
      const posts = recordPosts(adapter);
      const {host, form} = await formInThread(adapter);
      await sendLosingTheAnswerThenFix(adapter, form);
      const posted = await nextEvent(form, 'comment-posted');
      const mine = adapter.storedComments('conversation').filter((comment) => comment.text === first || comment.text === fixed);
      expect(mine.map((comment) => comment.text)).to.deep.equal([fixed]);
      expect(posted.comment!.content.value).to.equal(fixed);
      expect(posts.map((post) => post.text)).to.deep.equal([first, first]);
      expect(posts[1]!.idempotencyKey).to.equal(posts[0]!.idempotencyKey);
      expect(host.applied.map((event) => event.type)).to.deep.equal(['comment-updated']);
      expect(textarea(form).value).to.equal('');
      expect(savedDrafts()).to.have.length(0);
    });

    it('stored and no longer editable: the fixed text stays with the visitor instead of vanishing', async () => {
      const adapter = memoryAdapter({editWindowSeconds: 0});
      const form = await standaloneForm(adapter);
      await sendLosingTheAnswerThenFix(adapter, form);
      await waitUntil(() => alertText(form).includes('earlier version'), 'the stored earlier version was not reported');
      expect(textarea(form).value).to.equal(fixed);
      const texts = () => adapter.storedComments('conversation').map((comment) => comment.text);
      expect(texts().filter((text) => text === first)).to.have.length(1);
      expect(texts()).not.to.include(fixed);
    });

    it('survives a reload: the saved draft replays the earlier send before the fixed text', async () => {
      const adapter = memoryAdapter();
      const posts = recordPosts(adapter);
      const form = await sendLosingTheAnswer(adapter);
      form.remove();

      const again = await ready(
        await fixture<CommentFormElement>(html`<comment-form .adapter=${adapter} thread="conversation" .retryOptions=${instantRetries}></comment-form>`),
      );
      expect(textarea(again).value).to.equal(first);
      await fill(again, 'textarea', fixed);
      press(again);
      await nextEvent(again, 'comment-posted');
      const keys = posts.map((post: NewComment) => post.idempotencyKey);
      expect(keys).to.have.length(2);
      expect(keys[1]).to.equal(keys[0]);
      expect(adapter.storedComments('conversation').filter((comment) => comment.text === first || comment.text === fixed).map((c) => c.text)).to.deep.equal([fixed]);
    });

    it('a 429 on the way proves nothing (a proxy may answer it): the fix still edits the stored comment', async () => {
      const adapter = memoryAdapter();
      const posts = recordPosts(adapter);
      const form = await sendLosingTheAnswer(adapter);
      adapter.simulate.fail('post', {code: 'rate-limited', retryAfterMs: 0});
      press(form, 'retry-button');
      await waitUntil(() => alertText(form).includes('too quickly'), 'the rate limit was not shown');
      await waitUntil(() => part(form, 'submit-button')!.getAttribute('aria-disabled') === 'false');
      await fill(form, 'textarea', fixed);
      press(form);
      await nextEvent(form, 'comment-posted');
      const texts = adapter.storedComments('conversation').map((comment) => comment.text).filter((text) => text === first || text === fixed);
      expect(texts).to.deep.equal([fixed]);
      expect(new Set(posts.map((post) => post.idempotencyKey)).size).to.equal(1);
    });

    it('an emptied field lets the earlier send go: the next comment is sent on its own under a new key', async () => {
      const adapter = memoryAdapter();
      const posts = recordPosts(adapter);
      const form = await standaloneForm(adapter);
      await fillGuest(form, first);
      adapter.simulate.fail('post', {code: 'network'});
      press(form);
      await failureShown(form);
      await fill(form, 'textarea', '');
      await fill(form, 'textarea', 'Something else entirely.');
      press(form);
      await nextEvent(form, 'comment-posted');
      expect(posts.map((post) => post.text)).to.deep.equal([first, 'Something else entirely.']);
      expect(posts[1]!.idempotencyKey).not.to.equal(posts[0]!.idempotencyKey);
    });
  });
});
