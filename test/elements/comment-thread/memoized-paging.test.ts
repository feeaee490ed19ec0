// A new page, a reply form opened, a comment edited: conversations they leave alone are not
// rendered again. Counted (reads of each comment's content, DOM identity), never timed.
import {expect, fixture, html, waitUntil} from '@open-wc/testing';
import type {Comment} from '../../../src/core/types.js';
import type {CommentThreadElement} from '../../../src/elements/comment-thread/comment-thread.js';
import '../../../src/elements/comment-thread/comment-thread.js';
import {stubAdapter, stubComment, stubPage} from './stub-adapter.js';
import {THREAD} from './thread-fixture.js';

const PAGE = 10;

/** Rendering a comment reads its `content`: each read is counted by comment id. */
const reads = new Map<string, number>();

function counted(comment: Comment): Comment {
  const {content, ...rest} = comment;
  return Object.defineProperty(rest, 'content', {
    enumerable: true,
    get() {
      reads.set(comment.id, (reads.get(comment.id) ?? 0) + 1);
      return content;
    },
  }) as Comment;
}

/** Page `index` (0-based): PAGE conversations of a comment and one reply. */
function pageComments(index: number): Comment[] {
  return Array.from({length: PAGE}, (_, offset) => {
    const id = `p${index}-${offset}`;
    return [counted(stubComment(id)), counted(stubComment(`${id}-r`, {parentId: id}))];
  }).flat();
}

async function renderPaged(pages: number) {
  reads.clear();
  const stub = stubAdapter(async (request) => {
    const index = Number(request.cursor ?? 0);
    return stubPage(pageComments(index), index + 1 < pages ? String(index + 1) : null, pages * PAGE * 2);
  });
  const element = await fixture<CommentThreadElement>(html`
    <comment-thread thread=${THREAD} page-size=${PAGE} .adapter=${stub.adapter}></comment-thread>
  `);
  await waitUntil(() => articles(element).length === PAGE * 2 && busy(element) === 'false', 'first page shown');
  return {element, stub};
}

function articles(element: CommentThreadElement): HTMLElement[] {
  return [...element.shadowRoot!.querySelectorAll<HTMLElement>('article[data-comment-id]')];
}

function article(element: CommentThreadElement, id: string): HTMLElement | null {
  return element.shadowRoot!.querySelector<HTMLElement>(`article[data-comment-id="${id}"]`);
}

function busy(element: CommentThreadElement): string | null | undefined {
  return element.shadowRoot!.querySelector('.thread')?.getAttribute('aria-busy');
}

function readsOf(prefix: string): number {
  let total = 0;
  for (const [id, count] of reads) if (id.startsWith(prefix)) total += count;
  return total;
}

async function loadMore(element: CommentThreadElement, expected: number): Promise<void> {
  element.shadowRoot!.querySelector<HTMLButtonElement>('[part~="load-more-button"]')!.click();
  await waitUntil(() => articles(element).length === expected && busy(element) === 'false', `${expected} comments shown`);
  await element.updateComplete;
}

describe('<comment-thread> memoized conversations', () => {
  it('renders only the new page on Load more, keeping the comments already shown as they were', async () => {
    const {element} = await renderPaged(4);
    const first = article(element, 'p0-3-r');
    reads.clear();

    await loadMore(element, PAGE * 4);
    expect(readsOf('p1-'), 'the second page is rendered').to.be.greaterThan(0);
    await loadMore(element, PAGE * 6);
    await loadMore(element, PAGE * 8);
    expect(readsOf('p0-'), 'reads of the first page’s comments over three Load more').to.equal(0);
    expect(article(element, 'p0-3-r'), 'the same element').to.equal(first);
    expect(articles(element).map((item) => item.dataset['commentId'])).to.deep.equal(
      [0, 1, 2, 3].flatMap((page) => Array.from({length: PAGE}, (_, offset) => [`p${page}-${offset}`, `p${page}-${offset}-r`]).flat()),
    );
    await expect(element).to.be.accessible({ignoredRules: []});
  });

  it('renders only the conversation answered when a reply form opens', async () => {
    const {element} = await renderPaged(1);
    reads.clear();
    element.reply('p0-4-r');
    await element.updateComplete;
    expect(readsOf('p0-4'), 'the conversation answered').to.be.greaterThan(0);
    expect(reads.size, 'conversations rendered').to.equal(2);
    expect(article(element, 'p0-4-r')!.querySelector('[part~="reply-button"]')!.getAttribute('aria-expanded')).to.equal('true');

    reads.clear();
    element.reply('p0-7');
    await element.updateComplete;
    expect([...reads.keys()].sort()).to.deep.equal(['p0-4', 'p0-4-r', 'p0-7', 'p0-7-r']);
    expect(article(element, 'p0-4-r')!.querySelector('[part~="reply-button"]')!.getAttribute('aria-expanded')).to.equal('false');
    expect(article(element, 'p0-7')!.querySelector('[part~="reply-button"]')!.getAttribute('aria-expanded')).to.equal('true');
  });

  it('still shows a comment changed in place, and renders everything again for a new date style', async () => {
    const {element, stub} = await renderPaged(1);
    stub.emit({type: 'comment-added', thread: THREAD, comment: stubComment('p0-2-r', {parentId: 'p0-2', content: {kind: 'text', value: 'Edited reply'}})});
    await element.updateComplete;
    expect(article(element, 'p0-2-r')!.querySelector('[part="body"]')!.textContent!.trim()).to.equal('Edited reply');

    reads.clear();
    element.dateStyle = 'absolute';
    await element.updateComplete;
    expect(reads.size, 'comments rendered for the new date style').to.equal(PAGE * 2 - 1);
    expect(article(element, 'p0-9')!.querySelector('[part="timestamp"]')!.textContent).to.match(/\d{4}/);
  });
});
