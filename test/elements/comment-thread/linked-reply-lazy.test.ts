import {expect, fixture, html, waitUntil} from '@open-wc/testing';
import {delay, http, passthrough} from 'msw';
import type {CommentThreadElement} from '../../../src/elements/comment-thread/comment-thread.js';
import {REPLIES_SHOWN_FIRST} from '../../../src/elements/comment-thread/reply-batches.js';
import {resetHandlers, useHandlers} from '../../helpers/msw.js';
import {conversation, focusedId} from './more-replies.fixture.js';
import {article, memoryAdapterFor, text, THREAD} from './thread-fixture.js';

// A page opened at a link to a reply its conversation did not send (a backend that sends
// long conversations in batches), while the thread's controls (controls.ts, which fetch
// those replies) are still loading: the reply is fetched and shown once they are there,
// not declared missing. This file runs in a page of its own, the chunk not loaded yet.

describe('<comment-thread> opened at a link to a reply not sent yet, its controls still loading', function () {
  this.timeout(30_000);
  beforeEach(() =>
    useHandlers(
      http.get(/\/comment-thread\/controls\.(js|ts)/, async () => {
        await delay(500);
        return passthrough();
      }),
    ),
  );
  afterEach(async () => {
    await resetHandlers();
    history.replaceState(null, '', location.pathname + location.search);
    for (const key of Object.keys(localStorage)) if (key.includes('colloquy-test-linked-reply-lazy')) localStorage.removeItem(key);
  });

  it('fetches the linked reply and focuses it', async () => {
    history.replaceState(null, '', '#comment-r321');
    const adapter = memoryAdapterFor({comments: conversation(400), adapter: {firstReplies: REPLIES_SHOWN_FIRST, storageKey: `colloquy-test-linked-reply-lazy-${Date.now()}`}});
    const element = await fixture<CommentThreadElement>(html`<comment-thread thread=${THREAD} page-size="20" .adapter=${adapter}></comment-thread>`);
    await waitUntil(
      () => focusedId(element) === 'r321' || text(element.shadowRoot!.getElementById('announcer')) !== '',
      'neither shown nor declared missing',
      {timeout: 10_000},
    );
    expect(text(element.shadowRoot!.getElementById('announcer'))).to.not.equal('The linked comment could not be found.');
    expect(focusedId(element)).to.equal('r321');
    expect(article(element, 'r321').getAttribute('part')).to.include('comment-targeted');
  });
});
