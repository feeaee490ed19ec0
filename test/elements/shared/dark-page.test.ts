import {fixture, html, waitUntil} from '@open-wc/testing';
import {createMemoryAdapter} from '../../../src/adapters/memory/index.js';
import type {CommentAdapter} from '../../../src/core/adapter.js';
import '../../../src/elements/comment-form/comment-form.js';
import type {CommentThreadElement} from '../../../src/elements/comment-thread/comment-thread.js';
import '../../../src/elements/comment-thread/comment-thread.js';
import {expectAccessible} from '../../helpers/axe.js';

const hourAgo = () => new Date(Date.now() - 3_600_000).toISOString();

function adapter(): CommentAdapter {
  return createMemoryAdapter({
    threads: [
      {
        id: 'dark',
        title: 'A dark page',
        comments: [
          {id: 'a', author: {name: 'Ada', isModerator: true}, createdAt: hourAgo(), text: 'See https://example.com/notes for more.'},
          {id: 'b', parentId: 'a', author: {name: 'Grace', profileUrl: 'https://example.com/grace'}, createdAt: hourAgo(), html: '<p>A <a href="https://example.com">link</a> and <code>code</code>.</p>'},
          {id: 'c', author: {name: 'Linus'}, createdAt: hourAgo(), text: 'Deleted soon.', status: 'deleted'},
        ],
      },
    ],
    reactions: [],
  });
}

// A dark page as many are made: colours on the body, no `color-scheme`. (Before the
// default theme inherited the page's colours, comment text stood at 1.19:1 here.)
describe('on a dark page without color-scheme', () => {
  const body = document.body.style;
  beforeEach(() => {
    body.background = '#121416';
    body.color = '#e8e6e3';
  });
  afterEach(() => {
    body.background = '';
    body.color = '';
  });

  it('a thread with comments, links and its form passes axe color-contrast', async () => {
    const thread = await fixture<CommentThreadElement>(html`
      <comment-thread thread="dark" .adapter=${adapter()}><comment-form></comment-form></comment-thread>
    `);
    await waitUntil(() => thread.shadowRoot!.textContent!.includes('See'), 'the thread did not load');
    const form = thread.querySelector('comment-form')!;
    await waitUntil(() => form.shadowRoot?.querySelector('[part~="name-input"]'), 'the form has no guest fields');
    await expectAccessible(thread);
  });

  it('the error state passes too', async () => {
    const failing = {...adapter(), loadPage: () => Promise.reject(new Error('down'))} as CommentAdapter;
    const thread = await fixture<CommentThreadElement>(html`<comment-thread thread="dark" .adapter=${failing}></comment-thread>`);
    await waitUntil(() => thread.shadowRoot!.querySelector('[part="error"]'), 'no error shown');
    await expectAccessible(thread);
  });
});
