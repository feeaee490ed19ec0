// The failure table again, over HTTP: the REST adapter against the reference server in
// msw, so statuses, headers (Retry-After, Idempotency-Key) and dropped connections are
// real fetch behaviour rather than a simulation inside the adapter.
import {expect, waitUntil} from '@open-wc/testing';
import {http, HttpResponse} from 'msw';
import {createRestAdapter, type RestAdapter} from '../../../src/adapters/rest/index.js';
import type {CommentFormElement} from '../../../src/elements/comment-form/comment-form.js';
import {aqimThread} from '../../fixtures/rest-threads.js';
import {expectAccessible} from '../../helpers/axe.js';
import {
  alertText,
  fillGuest,
  formInThread,
  hasPart,
  nextEvent,
  part,
  resetStorage,
  standaloneForm,
  textarea,
  failureShown,
  press,
  quietFor,
} from '../../helpers/form.js';
import {resetHandlers, useHandlers} from '../../helpers/msw.js';
import {restServer, type RestServer} from '../../mocks/rest-server.js';

const thread = 'aqim-updates-aug-6';
const text = 'Sent over a flaky line.';

async function setUp(): Promise<{server: RestServer; adapter: RestAdapter}> {
  const server = restServer({threads: [aqimThread()]});
  await useHandlers(...server.handlers);
  return {server, adapter: await createRestAdapter({endpoint: server.endpoint})};
}

function posts(server: RestServer): Request[] {
  return server.requests.filter((request) => request.method === 'POST' && request.url.endsWith(`/threads/${thread}/comments`));
}

/** A standalone form that has loaded the thread's rules, so the next request to the comments is the post. */
async function formFor(server: RestServer, adapter: RestAdapter): Promise<CommentFormElement> {
  const form = await standaloneForm(adapter, thread);
  await waitUntil(() => server.requests.some((request) => request.method === 'GET' && request.url.includes('/threads/')));
  await fillGuest(form, text);
  return form;
}

async function storedCopies(adapter: RestAdapter): Promise<number> {
  const page = await adapter.loadPage({thread, sort: 'oldest', limit: 100}, {});
  return page.comments.filter((comment) => comment.content.value === text).length;
}

describe('<comment-form> over REST (msw)', () => {
  afterEach(async () => {
    resetStorage();
    sessionStorage.clear();
    await resetHandlers();
  });

  it('a dropped connection: Retry sends the same Idempotency-Key and stores one comment', async () => {
    const {server, adapter} = await setUp();
    await useHandlers(http.post(`${server.endpoint}/threads/:thread/comments`, () => HttpResponse.error(), {once: true}));
    const form = await formFor(server, adapter);
    press(form);
    await failureShown(form);
    expect(alertText(form)).to.contain('The connection failed');
    expect(textarea(form).value).to.equal(text);
    await expectAccessible(form);
    press(form, 'retry-button');
    await nextEvent(form, 'comment-posted');
    expect(await storedCopies(adapter)).to.equal(1);
  });

  it('5xx twice: retried by itself with one key, one comment stored', async () => {
    const {server, adapter} = await setUp();
    const form = await formFor(server, adapter);
    server.failNext('/comments', 503, {code: 'server', message: 'Down for a moment.'}, {}, 'POST');
    server.failNext('/comments', 502, {code: 'server', message: 'Bad gateway.'}, {}, 'POST');
    press(form);
    await nextEvent(form, 'comment-posted');
    const keys = posts(server).map((request) => request.headers.get('Idempotency-Key'));
    expect(keys).to.have.length(3);
    expect(new Set(keys).size).to.equal(1);
    expect(await storedCopies(adapter)).to.equal(1);
  });

  it('5xx three times: gives up after three tries and offers Retry', async () => {
    const {server, adapter} = await setUp();
    const form = await formFor(server, adapter);
    for (let i = 0; i < 3; i++) server.failNext('/comments', 500, {code: 'server', message: 'Broken.'}, {}, 'POST');
    press(form);
    await failureShown(form);
    await quietFor(30);
    expect(posts(server)).to.have.length(3);
    expect(hasPart(form, 'retry-button')).to.be.true;
  });

  it('429 with Retry-After in seconds says when posting is possible again', async () => {
    const {server, adapter} = await setUp();
    const form = await formFor(server, adapter);
    server.failNext('/comments', 429, {code: 'rate-limited', message: 'Slow down.', retryAfter: 20}, {'Retry-After': '20'}, 'POST');
    press(form);
    await failureShown(form);
    expect(alertText(form)).to.contain('You can post again in 20 seconds.');
    expect(part(form, 'submit-button')!.getAttribute('aria-disabled')).to.equal('true');
  });

  it('429 with Retry-After as an HTTP date names the time', async () => {
    const {server, adapter} = await setUp();
    const at = new Date(Math.ceil((Date.now() + 10 * 60_000) / 1000) * 1000);
    const form = await formFor(server, adapter);
    server.failNext('/comments', 429, {code: 'rate-limited', message: 'Slow down.'}, {'Retry-After': at.toUTCString()}, 'POST');
    press(form);
    await failureShown(form);
    const time = new Intl.DateTimeFormat('en', {hour: 'numeric', minute: '2-digit'}).format(at);
    expect(alertText(form)).to.contain(`You can post again at ${time}.`);
  });

  it('409 duplicate: keeps the text and shows the server\'s message', async () => {
    const {server, adapter} = await setUp();
    const {host, form} = await formInThread(adapter, thread);
    await fillGuest(form, text);
    server.failNext('/comments', 409, {code: 'duplicate', message: 'You already said that.'}, {}, 'POST');
    press(form);
    await failureShown(form);
    expect(alertText(form)).to.contain('You already said that.');
    expect(textarea(form).value).to.equal(text);
    expect(host.reloads).to.equal(0);
    expect(await storedCopies(adapter)).to.equal(0);
  });

  it('503 with Retry-After: 30 is not retried before then', async () => {
    const {server, adapter} = await setUp();
    const form = await formFor(server, adapter);
    server.failNext('/comments', 503, {code: 'server', message: 'Busy.'}, {'Retry-After': '30'}, 'POST');
    press(form);
    await failureShown(form);
    await quietFor(50);
    expect(posts(server)).to.have.length(1);
    expect(hasPart(form, 'retry-button')).to.be.true;
  });

  it('400 invalid: per-field messages, never retried', async () => {
    const {server, adapter} = await setUp();
    const form = await formFor(server, adapter);
    server.failNext('/comments', 400, {code: 'invalid', message: 'Check the form.', fields: {name: 'Please use your real name.'}}, {}, 'POST');
    press(form);
    await failureShown(form);
    const name = part(form, 'name-input')!;
    expect(name.getAttribute('aria-invalid')).to.equal('true');
    expect(form.shadowRoot!.getElementById('name-error')!.textContent).to.equal('Please use your real name.');
    expect(name.getAttribute('aria-describedby')).to.contain('name-error');
    await quietFor(30);
    expect(posts(server)).to.have.length(1);
  });

  it('401: the draft stays and sign-in is offered', async () => {
    const {server, adapter} = await setUp();
    const form = await formFor(server, adapter);
    server.failNext('/comments', 401, {code: 'unauthorized', message: 'Sign in first.'}, {}, 'POST');
    press(form);
    await failureShown(form);
    expect(hasPart(form, 'sign-in-button')).to.be.true;
    expect(textarea(form).value).to.equal(text);
    await quietFor(30);
    expect(posts(server)).to.have.length(1);
  });

  it('403 closed: "Comments are closed." and read-only', async () => {
    const {server, adapter} = await setUp();
    const form = await formFor(server, adapter);
    server.failNext('/comments', 403, {code: 'closed', message: 'Comments are closed.'}, {}, 'POST');
    press(form);
    await waitUntil(() => alertText(form) === 'Comments are closed.', 'closing was not said');
    expect(textarea(form).readOnly).to.be.true;
    await quietFor(30);
    expect(posts(server)).to.have.length(1);
  });

  for (const [status, code] of [
    [400, 'invalid'],
    [403, 'forbidden'],
  ] as const) {
    it(`${status} ${code} is never retried by itself`, async () => {
      const {server, adapter} = await setUp();
      const form = await formFor(server, adapter);
      server.failNext('/comments', status, {code, message: 'No.'}, {}, 'POST');
      press(form);
      await failureShown(form);
      window.dispatchEvent(new Event('online'));
      await quietFor(50);
      expect(posts(server)).to.have.length(1);
    });
  }
});
