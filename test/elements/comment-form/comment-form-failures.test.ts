import {expect, waitUntil} from '@open-wc/testing';
import type {MemoryAdapter, SimulatedFailure} from '../../../src/adapters/memory/index.js';
import type {CommentError} from '../../../src/core/errors.js';
import type {CommentErrorEvent} from '../../../src/events/comment-error.js';
import {expectAccessible} from '../../helpers/axe.js';
import {
  alertText,
  announcement,
  fillGuest,
  focusedInside,
  formInThread,
  hasPart,
  memoryAdapter,
  nextEvent,
  part,
  recordPosts,
  resetStorage,
  savedDrafts,
  standaloneForm,
  textarea,
  failureShown,
  press,
  quietFor,
} from '../../helpers/form.js';
import type {CommentFormElement} from '../../../src/elements/comment-form/comment-form.js';

const text = 'Words worth keeping.';

function storedCopies(adapter: MemoryAdapter): number {
  return adapter.storedComments('conversation').filter((stored) => stored.text === text).length;
}

function errors(form: CommentFormElement): CommentErrorEvent[] {
  const seen: CommentErrorEvent[] = [];
  form.addEventListener('comment-error', (event) => seen.push(event));
  return seen;
}

/** The text stays, focus stays, and the message is in the alert region. */
function expectKept(form: CommentFormElement, focused = part(form, 'submit-button')) {
  expect(textarea(form).value).to.equal(text);
  expect(focusedInside(form) === focused, 'focus moved').to.be.true;
  expect(part(form, 'alert')!.getAttribute('role')).to.equal('alert');
  expect(part(form, 'form')!.getAttribute('aria-busy')).to.equal('false');
}

/**
 * A standalone form whose post meets `failure`, submitted by its button: the adapter,
 * the posts it received and the form once the failure is shown.
 */
async function postFailing(failure: SimulatedFailure) {
  const adapter = memoryAdapter();
  adapter.simulate.fail('post', failure);
  const posts = recordPosts(adapter);
  const form = await standaloneForm(adapter);
  const seen = errors(form);
  await fillGuest(form, text);
  press(form);
  await failureShown(form);
  return {adapter, posts, form, seen};
}

describe('<comment-form> failures', () => {
  afterEach(resetStorage);

  describe('network error or offline', () => {
    it('offers Retry, keeps everything, and takes the comment out of the thread', async () => {
      const adapter = memoryAdapter();
      adapter.simulate.fail('post', {code: 'network'});
      const posts = recordPosts(adapter);
      const {host, form} = await formInThread(adapter);
      const seen = errors(form);
      await fillGuest(form, text);
      press(form);
      await failureShown(form);
      expect(alertText(form)).to.contain('The connection failed before your comment was confirmed.');
      expectKept(form);
      expect(host.outgoing.size).to.equal(0);
      expect(host.resolved.map((entry) => entry.stored)).to.deep.equal([null]);
      expect(seen.map((event) => [(event.error as CommentError).code, event.operation, event.willRetry])).to.deep.equal([['network', 'post', true]]);
      expect(savedDrafts()[0]).to.contain(text);
      await expectAccessible(form);

      press(form, 'retry-button');
      await nextEvent(form, 'comment-posted');
      expect(posts).to.have.length(2);
      expect(posts[1]!.idempotencyKey).to.equal(posts[0]!.idempotencyKey);
      expect(storedCopies(adapter)).to.equal(1);
    });

    it('sends by itself when the browser is back online', async () => {
      const {adapter, posts, form} = await postFailing({code: 'network'});
      const posted = nextEvent(form, 'comment-posted');
      window.dispatchEvent(new Event('online'));
      await posted;
      expect(posts).to.have.length(2);
      expect(storedCopies(adapter)).to.equal(1);
    });

    it('stores the comment once when the answer to the first try was lost', async () => {
      const {adapter, form} = await postFailing({code: 'network', stage: 'after'});
      expect(storedCopies(adapter), 'the first try reached the backend').to.equal(1);
      press(form, 'retry-button');
      const {comment} = await nextEvent(form, 'comment-posted');
      expect(storedCopies(adapter)).to.equal(1);
      expect(comment!.content.value).to.equal(text);
    });
  });

  describe('server error (5xx)', () => {
    it('retries by itself with the same key and succeeds without bothering the commenter', async () => {
      const adapter = memoryAdapter();
      adapter.simulate.fail('post', {code: 'server', times: 2});
      const posts = recordPosts(adapter);
      const {host, form} = await formInThread(adapter);
      const seen = errors(form);
      await fillGuest(form, text);
      press(form);
      await nextEvent(form, 'comment-posted');
      expect(posts).to.have.length(3);
      expect(new Set(posts.map((input) => input.idempotencyKey)).size).to.equal(1);
      expect(seen.map((event) => event.willRetry)).to.deep.equal([true, true]);
      expect(host.resolved, 'the comment stayed in the thread while retried').to.have.length(1);
      expect(storedCopies(adapter)).to.equal(1);
      expect(alertText(form)).to.equal('');
    });

    it('stops after three tries and offers Retry', async () => {
      const {adapter, posts, form, seen} = await postFailing({code: 'server', times: 3});
      await quietFor(30);
      expect(posts).to.have.length(3);
      expect(seen.map((event) => event.willRetry)).to.deep.equal([true, true, false]);
      expect(alertText(form)).to.contain('The site could not save your comment just now.');
      expectKept(form);
      await expectAccessible(form);

      press(form, 'retry-button');
      await nextEvent(form, 'comment-posted');
      expect(posts).to.have.length(4);
      expect(storedCopies(adapter)).to.equal(1);
    });

    it('tries three times again when the commenter sends it again', async () => {
      const {adapter, posts, form} = await postFailing({code: 'server', times: 5});
      expect(posts).to.have.length(3);
      press(form);
      await nextEvent(form, 'comment-posted');
      expect(posts).to.have.length(6);
      expect(storedCopies(adapter)).to.equal(1);
    });
  });

  describe('rate limited', () => {
    it('says when posting is possible again and allows it only then', async () => {
      const {posts, form} = await postFailing({code: 'rate-limited', retryAfterMs: 30_000});
      expect(alertText(form)).to.contain('You are posting too quickly. You can post again in 30 seconds.');
      expect(hasPart(form, 'retry-button')).to.be.false;
      expect(part(form, 'submit-button')!.getAttribute('aria-disabled')).to.equal('true');
      expectKept(form);
      await expectAccessible(form);
      press(form);
      await quietFor(20);
      expect(posts).to.have.length(1);
    });

    it('counts the wait down where it can be seen, announcing it only once', async () => {
      const {form} = await postFailing({code: 'rate-limited', retryAfterMs: 3_000});
      const countdown = part(form, 'countdown')!;
      expect(countdown.getAttribute('aria-hidden')).to.equal('true');
      expect(countdown.textContent).to.contain('in 3 seconds');
      await waitUntil(() => countdown.textContent!.includes('in 2 seconds'), 'the countdown did not move', {timeout: 2500});
      expect(alertText(form)).to.contain('You can post again in 3 seconds.');
    });

    it('names the time of day for a longer wait', async () => {
      const {form} = await postFailing({code: 'rate-limited', retryAfterMs: 5 * 60_000});
      const at = new Intl.DateTimeFormat('en', {hour: 'numeric', minute: '2-digit'}).format(Date.now() + 5 * 60_000);
      expect(alertText(form)).to.contain(`You can post again at ${at}.`);
    });

    it('offers Retry once the wait is over, and never retries by itself', async () => {
      const {adapter, posts, form} = await postFailing({code: 'rate-limited', retryAfterMs: 50});
      await waitUntil(() => part(form, 'retry-button'), 'Retry never came back');
      await quietFor(30);
      expect(posts).to.have.length(1);
      press(form, 'retry-button');
      await nextEvent(form, 'comment-posted');
      expect(storedCopies(adapter)).to.equal(1);
    });
  });

  describe('duplicate', () => {
    it('keeps the text and the draft, shows the backend\'s message, and reloads nothing', async () => {
      const adapter = memoryAdapter();
      const {host, form} = await formInThread(adapter);
      await adapter.postComment(
        {thread: 'conversation', text, parentId: null, guest: {name: 'Ada', email: 'ada@example.com'}, idempotencyKey: 'earlier'},
        {},
      );
      const seen = errors(form);
      let posted = false;
      form.addEventListener('comment-posted', () => (posted = true));
      await fillGuest(form, text);
      await quietFor(150); // an earlier test's announcement lands late
      const announcer = document.querySelector('[data-colloquy-announcer]');
      if (announcer) announcer.textContent = '';
      press(form);
      await failureShown(form);
      expect(alertText(form)).to.contain('Duplicate comment detected; it looks as though you have already said that.');
      expectKept(form);
      expect(host.reloads).to.equal(0);
      expect(host.outgoing.size).to.equal(0);
      expect(posted).to.be.false;
      await quietFor(150);
      expect(announcement()).not.to.contain('Comment posted');
      expect(seen.map((event) => (event.error as CommentError).code)).to.deep.equal(['duplicate']);
      form.remove();
      expect(savedDrafts().some((draft) => draft.includes(text))).to.be.true;
      expect(storedCopies(adapter)).to.equal(1);
      await expectAccessible(host);
    });

    it('says the comment is already waiting when the duplicate is the visitor\'s own held comment', async () => {
      const adapter = memoryAdapter({moderation: 'guests'});
      await adapter.postComment(
        {thread: 'conversation', text, parentId: null, guest: {name: 'Ada', email: 'ada@example.com'}, idempotencyKey: 'earlier'},
        {},
      );
      const {form} = await formInThread(adapter);
      await fillGuest(form, text);
      press(form);
      await failureShown(form);
      expect(alertText(form)).to.contain('Your comment is already waiting for moderation.');
      expect(textarea(form).value).to.equal(text);
    });
  });

  describe('409 "still being processed"', () => {
    it('is retried by itself with the same key, and then offers Retry with its own message', async () => {
      const adapter = memoryAdapter();
      adapter.simulate.fail('post', {code: 'conflict', times: 3});
      const posts = recordPosts(adapter);
      const form = await standaloneForm(adapter);
      await fillGuest(form, text);
      press(form);
      await failureShown(form);
      expect(posts).to.have.length(3);
      expect(new Set(posts.map((post) => post.idempotencyKey)).size).to.equal(1);
      expect(alertText(form)).to.contain('still processing this comment');
      expect(alertText(form)).not.to.contain('changed or removed');
      press(form, 'retry-button');
      await nextEvent(form, 'comment-posted');
      expect(new Set(posts.map((post) => post.idempotencyKey)).size).to.equal(1);
      expect(storedCopies(adapter)).to.equal(1);
    });
  });

  describe('Retry-After on 502/503', () => {
    it('is not retried sooner than the server asked', async () => {
      const {posts, form} = await postFailing({code: 'server', retryAfterMs: 30_000, times: 3});
      await quietFor(50);
      expect(posts).to.have.length(1);
      expectKept(form);
      expect(part(form, 'retry-button')).to.exist;
    });
  });

  describe('posting deadline', () => {
    it('gives the text back with Retry after post-timeout, and Retry replays the same key', async () => {
      const adapter = memoryAdapter();
      adapter.simulate.latency({post: 60_000});
      const posts = recordPosts(adapter);
      const form = await standaloneForm(adapter);
      form.postTimeout = 150;
      await fillGuest(form, text);
      press(form);
      await failureShown(form);
      expect(alertText(form)).to.contain('The site did not answer in time.');
      expect(textarea(form).readOnly).to.be.false;
      expect(part(form, 'form')!.getAttribute('aria-busy')).to.equal('false');
      adapter.simulate.latency(0);
      press(form, 'retry-button');
      await nextEvent(form, 'comment-posted');
      expect(posts).to.have.length(2);
      expect(posts[1]!.idempotencyKey).to.equal(posts[0]!.idempotencyKey);
      expect(storedCopies(adapter)).to.equal(1);
    });

    it('is configurable with the post-timeout attribute, 20 seconds by default', async () => {
      const form = await standaloneForm(memoryAdapter());
      expect(form.postTimeout).to.equal(20_000);
      form.setAttribute('post-timeout', '5000');
      expect(form.postTimeout).to.equal(5000);
    });
  });

  describe('invalid', () => {
    it('marks each rejected field with its message', async () => {
      const adapter = memoryAdapter();
      adapter.simulate.fail('post', {
        code: 'invalid',
        fieldErrors: {name: 'That name is reserved.', email: 'That address bounces.'},
      });
      const posts = recordPosts(adapter);
      const form = await standaloneForm(adapter);
      await fillGuest(form, text);
      press(form);
      await failureShown(form);
      expect(alertText(form)).to.contain('Please correct the marked fields.');
      for (const [field, message] of [
        ['name', 'That name is reserved.'],
        ['email', 'That address bounces.'],
      ] as const) {
        const input = part(form, `${field}-input`)!;
        expect(input.getAttribute('aria-invalid')).to.equal('true');
        const described = input.getAttribute('aria-describedby')!.split(' ').map((id) => form.shadowRoot!.getElementById(id)!.textContent);
        expect(described).to.include(message);
      }
      expect(part(form, 'website-input')!.getAttribute('aria-invalid')).to.equal('false');
      expectKept(form);
      await expectAccessible(form);
      await quietFor(20);
      expect(posts).to.have.length(1);
    });

    it('shows a message for a field the form has no input for in the alert', async () => {
      const {form} = await postFailing({code: 'invalid', fieldErrors: {parent: 'The comment you are replying to no longer exists.'}});
      expect(alertText(form)).to.contain('The comment you are replying to no longer exists.');
    });
  });

  describe('sign-in needed', () => {
    it('keeps the draft and offers sign-in', async () => {
      const {posts, form} = await postFailing({code: 'unauthorized'});
      expect(alertText(form)).to.contain('Please sign in to post your comment.');
      expect(savedDrafts()[0]).to.contain(text);
      expectKept(form);
      await expectAccessible(form);
      const request = nextEvent(form, 'comment-sign-in-request');
      part<HTMLButtonElement>(form, 'sign-in-button')!.click();
      await request;
      await quietFor(20);
      expect(posts).to.have.length(1);
    });
  });

  describe('comments closed', () => {
    it('says so and turns the form read-only, keeping the text to copy', async () => {
      const {posts, form} = await postFailing({code: 'closed'});
      await waitUntil(() => alertText(form) === 'Comments are closed.', 'closing was not said');
      expect(textarea(form).value).to.equal(text);
      expect(textarea(form).readOnly).to.be.true;
      expect(hasPart(form, 'submit-button')).to.be.false;
      expect(hasPart(form, 'guest-fields')).to.be.false;
      await expectAccessible(form);
      await quietFor(20);
      expect(posts).to.have.length(1);
    });
  });

  describe('an adapter breaking the contract', () => {
    /** The adapter's next post rejects with `reason` instead of a CommentError. */
    function rejectNextPost(adapter: MemoryAdapter, reason: unknown) {
      const post = adapter.postComment.bind(adapter);
      adapter.postComment = () => {
        adapter.postComment = post;
        return Promise.reject(reason);
      };
    }

    it('a timeout of its own counts as a connection failure', async () => {
      const adapter = memoryAdapter();
      rejectNextPost(adapter, new DOMException('The operation timed out.', 'TimeoutError'));
      const form = await standaloneForm(adapter);
      await fillGuest(form, text);
      press(form);
      await failureShown(form);
      expect(alertText(form)).to.contain('The connection failed before your comment was confirmed.');
      expectKept(form);
    });

    it('anything else counts as a server failure, retried by itself', async () => {
      const adapter = memoryAdapter();
      rejectNextPost(adapter, new TypeError('undefined is not a function'));
      const form = await standaloneForm(adapter);
      await fillGuest(form, text);
      press(form);
      await nextEvent(form, 'comment-posted');
      expect(storedCopies(adapter)).to.equal(1);
    });
  });

  describe('never retried by itself', () => {
    for (const code of ['invalid', 'forbidden', 'not-found'] as const) {
      it(`a ${code} answer`, async () => {
        const {posts, form, seen} = await postFailing({code});
        window.dispatchEvent(new Event('online'));
        await quietFor(30);
        expect(posts).to.have.length(1);
        expect(seen.map((event) => event.willRetry)).to.deep.equal([false]);
        expectKept(form);
        await expectAccessible(form);
      });
    }
  });
});
