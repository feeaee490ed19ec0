import {expect, fixture, html, waitUntil} from '@open-wc/testing';
import type {CommentThreadElement} from '../../../src/elements/comment-thread/comment-thread.js';
import {expectAccessible} from '../../helpers/axe.js';
import {stubAdapter, stubComment, stubPage} from './stub-adapter.js';
import {article, part, settled, text, THREAD} from './thread-fixture.js';

async function show(comments: ReturnType<typeof stubComment>[], page: Partial<ReturnType<typeof stubPage>['thread']> = {}, maxDepth = 5) {
  const base = stubPage(comments, null, comments.length);
  const {adapter} = stubAdapter(async () => ({...base, thread: {...base.thread, ...page}}));
  const element = await fixture<CommentThreadElement>(
    html`<comment-thread style="inline-size: 600px" thread=${THREAD} max-depth=${maxDepth} .adapter=${adapter}></comment-thread>`,
  );
  await settled(element);
  return element;
}

const timestamp = (element: CommentThreadElement, id: string) => article(element, id).querySelector('[part~="timestamp"]');

describe('<comment-thread> with absurd backend data', () => {
  it('shows no time for an unreadable, missing or placeholder date, nor for one years ahead', async () => {
    const element = await show([
      stubComment('garbage', {createdAt: 'yesterday-ish'}),
      stubComment('empty', {createdAt: ''}),
      stubComment('epoch', {createdAt: new Date(0).toISOString()}),
      stubComment('far-future', {createdAt: '9999-12-31T23:59:59Z'}),
      stubComment('skewed', {createdAt: new Date(Date.now() + 5 * 60_000).toISOString()}),
      stubComment('fine', {createdAt: new Date(Date.now() - 3 * 3600_000).toISOString()}),
    ]);
    for (const id of ['garbage', 'empty', 'epoch', 'far-future']) expect(timestamp(element, id), id).to.equal(null);
    // A clock a few minutes ahead is clamped: it was written just now.
    expect(text(timestamp(element, 'skewed'))).to.equal('now');
    expect(text(timestamp(element, 'fine'))).to.equal('3 hours ago');
    await expectAccessible(element);
  });

  it('wraps every long word and clamps an absurd count, so nothing overflows the thread', async () => {
    const word = (length: number) => 'W'.repeat(length);
    const longName = word(5000);
    const element = await show(
      [
        stubComment('p1', {author: {name: longName, profileUrl: `https://example.com/${word(3000)}`}}),
        stubComment('p2', {parentId: 'p1', author: {name: longName}, content: {kind: 'text', value: `See https://example.com/${word(4000)} ${word(4000)}`}}),
        stubComment('p3', {parentId: 'p2', author: {name: longName}, content: {kind: 'html', value: `<p>${word(4000)}</p><p><a href="https://example.com/">${word(3000)}</a></p>`}}),
      ],
      {title: word(200_000), totalCount: 1e308},
      1,
    );
    await waitUntil(() => text(article(element, 'p3').querySelector('[part~="body"]')) !== '', 'the HTML was not rendered');
    // The reply below the deepest level names the long author in "In reply to …".
    expect(part(element, 'in-reply-to')).not.to.equal(null);
    expect(text(part(element, 'heading')).startsWith('999,999,999+ thoughts on')).to.equal(true);
    const overflowing = [element, ...element.shadowRoot!.querySelectorAll<HTMLElement>('*')].filter(
      (node) => node.getBoundingClientRect().right > element.getBoundingClientRect().right + 1,
    );
    expect(overflowing.map((node) => node.getAttribute('part') ?? node.localName)).to.deep.equal([]);
    expect(document.documentElement.scrollWidth).to.be.at.most(window.innerWidth);
  });

  it('draws a WordPress smiley at text size and resolves relative links against the permalink', async () => {
    const smiley = `data:image/svg+xml,${encodeURIComponent('<svg xmlns="http://www.w3.org/2000/svg" width="72" height="72"><circle cx="36" cy="36" r="36" fill="gold"/></svg>')}`;
    const element = await show([
      stubComment('wp', {
        permalink: 'https://blog.example/2024/08/06/aqim/#comment-7',
        content: {
          kind: 'html',
          value: `<p>Nice <img src="${smiley}" alt="🙂" class="wp-smiley" style="height: 1em; max-height: 1em;"> see <a href="/2024/07/earlier/">this</a> and <a href="#comment-650">that</a></p>`,
        },
      }),
    ]);
    const body = () => article(element, 'wp').querySelector('[part~="body"]')!;
    await waitUntil(() => body().querySelector('img'), 'the HTML was not rendered');
    const image = body().querySelector('img')!;
    await waitUntil(() => image.complete, 'the smiley did not load');
    const lineHeight = parseFloat(getComputedStyle(body()).fontSize);
    expect(image.getBoundingClientRect().height).to.be.within(1, lineHeight * 1.25);
    expect([...body().querySelectorAll('a')].map((link) => link.getAttribute('href'))).to.deep.equal([
      'https://blog.example/2024/07/earlier/',
      '#comment-650',
    ]);
  });
});
