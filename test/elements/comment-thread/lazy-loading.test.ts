import {expect, fixture, html, waitUntil} from '@open-wc/testing';
import {createMemoryAdapter} from '../../../src/adapters/memory/index.js';
import {registerAdapter} from '../../../src/core/registry.js';
import type {CommentThreadElement} from '../../../src/elements/comment-thread/comment-thread.js';
import '../../../src/elements/comment-thread/comment-thread.js';

let built = 0;
registerAdapter('lazy-test', () => {
  built += 1;
  return createMemoryAdapter({
    threads: [{id: 'lazy', title: 'Far below', comments: [{id: 'c', author: {name: 'Ada'}, createdAt: new Date().toISOString(), text: 'Worth the scroll.'}]}],
    reactions: [],
  });
});

const quiet = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const text = (element: Element) => element.shadowRoot!.textContent!;

/** A page whose comments are far below the first screen. */
async function farBelow(loading: string): Promise<CommentThreadElement> {
  const page = await fixture(html`<div>
    <div style="block-size: 5000px">An article</div>
    <comment-thread adapter="lazy-test" thread="lazy" loading=${loading}></comment-thread>
  </div>`);
  return page.querySelector('comment-thread')!;
}

describe('<comment-thread loading="lazy">', () => {
  beforeEach(() => {
    built = 0;
    window.scrollTo(0, 0);
  });

  it('builds no adapter and loads nothing until it nears the viewport', async () => {
    const thread = await farBelow('lazy');
    await quiet(150);
    expect(built, 'the adapter was built while far away').to.equal(0);
    expect(text(thread)).to.include('Loading comments…');
    thread.scrollIntoView();
    await waitUntil(() => text(thread).includes('Worth the scroll.'), 'the thread did not load when reached');
    expect(built).to.equal(1);
  });

  it('loads at once without it', async () => {
    const thread = await farBelow('eager');
    await waitUntil(() => text(thread).includes('Worth the scroll.'), 'an eager thread did not load');
  });

  it('loads at once when switched to eager', async () => {
    const thread = await farBelow('lazy');
    await quiet(100);
    thread.loading = 'eager';
    await waitUntil(() => text(thread).includes('Worth the scroll.'), 'switching to eager did not load');
  });
});
