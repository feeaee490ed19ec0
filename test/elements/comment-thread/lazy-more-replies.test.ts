import {expect, fixture, html, waitUntil} from '@open-wc/testing';
import type {CommentThreadElement} from '../../../src/elements/comment-thread/comment-thread.js';
import {REPLIES_SHOWN_FIRST} from '../../../src/elements/comment-thread/reply-batches.js';
import {conversation} from './more-replies.fixture.js';
import {memoryAdapterFor, settled, text, THREAD} from './thread-fixture.js';

// What "Show N more replies" does loads with the thread's rarer controls (lazy-controls.ts);
// the button itself does not wait for them. They load when the page is idle after a
// conversation longer than is shown at first is on screen (or at a press: see
// lazy-chunk-failure.test.ts). The tests of this file run in order in one page: the first
// ones see the chunk not loaded yet. The backend lets the viewer neither edit nor moderate,
// which would have the chunk fetched when idle after any comments.

const controlsLoaded = () =>
  performance.getEntriesByType('resource').some((entry) => /\/comment-thread\/(controls|more-replies)\.(js|ts)/.test(entry.name));

let storageNumber = 0;

/** Every state of the thread's DOM while it loads: whether `root` showed, with its button or without. */
async function renderWatching(count: number, onButton?: () => void): Promise<{element: CommentThreadElement; states: string[]}> {
  const states: string[] = [];
  const adapter = memoryAdapterFor({comments: conversation(count), adapter: {storageKey: `colloquy-test-lazy-more-replies-${Date.now()}-${storageNumber++}`}});
  Object.assign(adapter, {capabilities: {...adapter.capabilities, edit: false, delete: false, moderate: false}});
  const element = document.createElement('comment-thread') as CommentThreadElement;
  element.thread = THREAD;
  element.pageSize = 2000;
  element.adapter = adapter;
  const look = () => {
    const root = element.shadowRoot?.querySelector('[data-comment-id="root"]');
    const state = !root ? 'absent' : element.shadowRoot!.querySelector('[part~="more-replies-button"]') ? 'with its button' : 'without its button';
    if (state === 'with its button') onButton?.();
    if (states.at(-1) !== state) states.push(state);
  };
  const container = await fixture<HTMLElement>(html`<div></div>`);
  container.append(element);
  const observer = new MutationObserver(look);
  observer.observe(element.shadowRoot!, {childList: true, subtree: true, attributes: true, characterData: true});
  look();
  try {
    await settled(element);
    look();
  } finally {
    observer.disconnect();
  }
  return {element, states};
}

describe('<comment-thread> "Show N more replies" loaded on demand', function () {
  this.timeout(30_000);
  afterEach(() => {
    for (const key of Object.keys(localStorage)) if (key.includes('colloquy-test-lazy-more-replies')) localStorage.removeItem(key);
  });

  it('is not loaded for conversations of up to the replies shown at first', async () => {
    const {states} = await renderWatching(REPLIES_SHOWN_FIRST);
    expect(states).to.deep.equal(['absent', 'without its button']);
    expect(controlsLoaded(), 'the controls chunk was loaded').to.be.false;
  });

  it('shows with the first render of a longer conversation without waiting for the controls, which load when the page is idle', async () => {
    expect(controlsLoaded(), 'an earlier test loaded the controls').to.be.false;
    let loadedWhenShown: boolean | undefined;
    const {element, states} = await renderWatching(REPLIES_SHOWN_FIRST + 30, () => (loadedWhenShown ??= controlsLoaded()));
    expect(states).to.deep.equal(['absent', 'with its button']);
    expect(loadedWhenShown, 'the conversation waited for the controls chunk').to.be.false;
    expect(text(element.shadowRoot!.querySelector('[part~="more-replies-button"]'))).to.equal('Show 30 more replies');
    await waitUntil(controlsLoaded, 'the controls chunk was not loaded when idle', {timeout: 5000});
  });
});
