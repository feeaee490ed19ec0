import {expect, fixture, html, waitUntil} from '@open-wc/testing';
import type {CommentThreadElement} from '../../../src/elements/comment-thread/comment-thread.js';
import '../../../src/elements/comment-form/comment-form.js';
import {fillGuest, instantRetries, nextEvent, ready, resetStorage, submit} from '../../helpers/form.js';
import {commentIds, memoryAdapterFor, seedComment, settled, THREAD} from './thread-fixture.js';

describe('<comment-thread> with live updates and a slow answer to a post', () => {
  afterEach(resetStorage);

  it('shows the viewer\'s comment once when it arrives live before the answer', async () => {
    const storageKey = `own-live-${crypto.randomUUID()}`;
    const comments = [seedComment('c1', 'Amina', 'First')];
    const adapter = memoryAdapterFor({comments, adapter: {storageKey}});
    // The backend: stores at once (another instance, so the thread hears of it live), answers 800 ms later.
    const backend = memoryAdapterFor({comments, adapter: {storageKey}});
    adapter.postComment = async (input, options) => {
      const stored = await backend.postComment(input, options);
      await new Promise((resolve) => setTimeout(resolve, 800));
      return stored;
    };
    const thread = await fixture<CommentThreadElement>(html`
      <comment-thread thread=${THREAD} .adapter=${adapter}><comment-form .retryOptions=${instantRetries}></comment-form></comment-thread>
    `);
    await settled(thread);
    const form = await ready(thread.querySelector('comment-form')!);
    await fillGuest(form, 'Said once');
    const shownTimes = () =>
      [...thread.shadowRoot!.querySelectorAll('[data-comment-id]')].filter((article) => article.textContent!.includes('Said once')).length;
    const counts: number[] = [];
    const watch = setInterval(() => counts.push(shownTimes()), 20);
    const posted = nextEvent(form, 'comment-posted');
    submit(form);
    await waitUntil(() => commentIds(thread).some((id) => !id.startsWith('outgoing-') && id !== 'c1'), 'the live comment did not arrive');
    await posted;
    await thread.updateComplete;
    counts.push(shownTimes());
    clearInterval(watch);
    expect(Math.max(...counts), `shown ${JSON.stringify(counts)}`).to.equal(1);
    expect(shownTimes()).to.equal(1);
  });
});
