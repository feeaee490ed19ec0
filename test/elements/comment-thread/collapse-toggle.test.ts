// "Collapse thread" is built as nodes with one listener on the thread for every toggle: it
// must work on conversations that came with a later page or live, keep working (once per
// press) in a thread moved elsewhere in the page, and ignore look-alikes outside the thread.
import {expect, fixture, html, waitUntil} from '@open-wc/testing';
import type {CommentThreadElement} from '../../../src/elements/comment-thread/comment-thread.js';
import '../../../src/elements/comment-thread/comment-thread.js';
import {expectAccessible} from '../../helpers/axe.js';
import {stubAdapter, stubComment, stubPage} from './stub-adapter.js';
import {article, part, settled, text, THREAD} from './thread-fixture.js';

const conversation = (id: string) => [stubComment(id), stubComment(`${id}.r`, {parentId: id})];
const toggleOf = (element: HTMLElement, id: string) => article(element, id).querySelector<HTMLButtonElement>('[part="collapse-button"]')!;

/** Presses the toggle of conversation `id` and waits for the thread to show it. */
async function press(element: CommentThreadElement, id: string): Promise<void> {
  toggleOf(element, id).click();
  await element.updateComplete;
}

describe('<comment-thread> "Collapse thread"', () => {
  it('toggles conversations of later pages and live ones, once per press, wherever the thread is', async () => {
    const {adapter, emit} = stubAdapter(async (request) =>
      request.cursor ? stubPage(conversation('second'), null, 6) : stubPage(conversation('first'), 'next', 6),
    );
    const element = await fixture<CommentThreadElement>(html`<comment-thread thread=${THREAD} .adapter=${adapter}></comment-thread>`);
    await settled(element);
    part(element, 'load-more-button')!.click();
    await waitUntil(() => element.shadowRoot!.querySelector('[data-comment-id="second.r"]'), 'the second page did not come');
    emit({type: 'comment-added', thread: THREAD, comment: stubComment('live')});
    emit({type: 'comment-added', thread: THREAD, comment: stubComment('live.r', {parentId: 'live'})});
    await waitUntil(() => element.shadowRoot!.querySelector('[data-comment-id="live"] [part="collapse-button"]'), 'no toggle on the live conversation');

    for (const id of ['first', 'second', 'live']) {
      const toggle = toggleOf(element, id);
      expect(text(toggle)).to.equal('Collapse thread (1 reply)');
      await press(element, id);
      expect(toggle.getAttribute('aria-expanded'), id).to.equal('false');
      expect(text(toggle)).to.equal('Show 1 reply');
      expect(article(element, `${id}.r`).checkVisibility(), `${id}'s reply`).to.equal(false);
    }
    await expectAccessible(element);

    // Moved: the thread's listener goes with it, and is not added twice.
    const box = document.createElement('div');
    document.body.append(box);
    box.append(element);
    await press(element, 'first');
    expect(toggleOf(element, 'first').getAttribute('aria-expanded')).to.equal('true');
    expect(article(element, 'first.r').checkVisibility()).to.equal(true);

    // A button of the page that looks like a toggle is not one.
    const outside = document.createElement('button');
    outside.dataset['collapse'] = 'second';
    element.append(outside);
    outside.click();
    await element.updateComplete;
    expect(toggleOf(element, 'second').getAttribute('aria-expanded')).to.equal('false');
    box.remove();
  });
});
