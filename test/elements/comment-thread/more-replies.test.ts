import {expect, fixture, html, waitUntil} from '@open-wc/testing';
import '../../../src/elements/comment-form/comment-form.js';
import type {CommentThreadElement} from '../../../src/elements/comment-thread/comment-thread.js';
import {REPLIES_PER_BATCH, REPLIES_SHOWN_FIRST} from '../../../src/elements/comment-thread/reply-batches.js';
import {expectAccessible} from '../../helpers/axe.js';
import {fillGuest, instantRetries, nextEvent, ready, resetStorage, submit} from '../../helpers/form.js';
import {conversation, focusedId, moreButton, replyIds} from './more-replies.fixture.js';
import {article, commentIds, memoryAdapterFor, renderThread, seedComment, settled, text, THREAD} from './thread-fixture.js';

let storageNumber = 0;


async function render(count: number) {
  return renderThread({comments: conversation(count), pageSize: 2000, adapter: {storageKey: `colloquy-test-more-replies-${Date.now()}-${storageNumber++}`}});
}


describe('<comment-thread> with a conversation of hundreds of replies', function () {
  this.timeout(60_000);
  afterEach(async () => {
    await resetStorage();
    history.replaceState(null, '', location.pathname + location.search);
    for (const key of Object.keys(localStorage)) if (key.includes('colloquy-test-more-replies')) localStorage.removeItem(key);
  });

  it('shows its first replies, nested, and "Show N more replies" for the rest', async () => {
    const {element} = await render(400);
    const shown = replyIds(element);
    expect(shown).to.have.length(REPLIES_SHOWN_FIRST);
    expect(shown.slice(0, 12)).to.deep.equal(['r0', 'r1', 'r2', 'r3', 'r4', 'r5', 'r6', 'r7', 'r8', 'r9', 'r10', 'r11']);
    // r10 answers r9: nested under it, as in the full thread.
    expect(article(element, 'r10').closest('ol')!.previousElementSibling).to.equal(article(element, 'r9'));
    expect(commentIds(element)).to.include('other');
    expect(text(moreButton(element))).to.equal(`Show ${400 - REPLIES_SHOWN_FIRST} more replies`);
    await expectAccessible(element);
  });

  it('shows no button on a conversation under the threshold', async () => {
    const {element} = await render(REPLIES_SHOWN_FIRST);
    expect(replyIds(element)).to.have.length(REPLIES_SHOWN_FIRST);
    expect(moreButton(element)).to.equal(null);
  });

  it('shows the next batch on a press, focuses its first reply and announces it, leaving the rest alone', async () => {
    const {element} = await render(400);
    const other = article(element, 'other');
    const firstReply = article(element, 'r0');
    moreButton(element)!.focus();
    moreButton(element)!.click();
    await waitUntil(() => focusedId(element) === `r${REPLIES_SHOWN_FIRST}`, 'the first new reply was not focused');
    expect(replyIds(element)).to.have.length(REPLIES_SHOWN_FIRST + REPLIES_PER_BATCH);
    expect(text(moreButton(element))).to.equal(`Show ${400 - REPLIES_SHOWN_FIRST - REPLIES_PER_BATCH} more replies`);
    await waitUntil(() => text(element.shadowRoot!.getElementById('announcer')) === `${REPLIES_PER_BATCH} more comments loaded.`, 'nothing was announced');
    // Kept, not rendered again.
    expect(article(element, 'r0') === firstReply, 'r0 kept').to.equal(true);
    expect(article(element, 'other') === other, 'other kept').to.equal(true);
    while (moreButton(element)) {
      moreButton(element)!.click();
      await settled(element);
    }
    expect(replyIds(element)).to.have.length(400);
    expect(moreButton(element)).to.equal(null);
    await expectAccessible(element);
  });

  it('says "1 more reply" in the singular', async () => {
    const {element} = await render(REPLIES_SHOWN_FIRST + 1);
    expect(text(moreButton(element))).to.equal('Show 1 more reply');
  });

  it('reveals the replies up to a hidden one that a link points to', async () => {
    const {element} = await render(400);
    location.hash = '#comment-r321';
    await waitUntil(() => focusedId(element) === 'r321', 'the linked reply was not shown and focused', {timeout: 10_000});
    expect(article(element, 'r321').getAttribute('part')).to.include('comment-targeted');
    expect(replyIds(element)).to.have.length(322);
    expect(text(moreButton(element))).to.equal(`Show ${400 - 322} more replies`);
  });

  it('counts a live reply after the shown ones, and shows one that answers a shown reply', async () => {
    const {element, adapter} = await render(200);
    adapter.receive(THREAD, seedComment('late', 'Omar', 'A late reply', {parentId: 'root', createdAt: new Date().toISOString()}));
    await waitUntil(() => text(moreButton(element)) === `Show ${200 - REPLIES_SHOWN_FIRST + 1} more replies`, 'the live reply was not counted');
    adapter.receive(THREAD, seedComment('answer', 'Omar', 'An answer to r3', {parentId: 'r3', createdAt: new Date().toISOString()}));
    await waitUntil(() => commentIds(element).includes('answer'), 'the answer to a shown reply was not shown');
    // No shown reply went out of sight to make room.
    expect(replyIds(element)).to.have.length(REPLIES_SHOWN_FIRST);
    expect(text(moreButton(element))).to.equal(`Show ${200 - REPLIES_SHOWN_FIRST + 1} more replies`);
    while (moreButton(element)) {
      moreButton(element)!.click();
      await settled(element);
    }
    expect(commentIds(element).at(-2)).to.equal('late');
  });

  it('shows and focuses the viewer\'s own reply to the conversation\'s first comment', async () => {
    const adapter = memoryAdapterFor({comments: conversation(120), adapter: {storageKey: `colloquy-test-more-replies-${Date.now()}-${storageNumber++}`}});
    const element = await fixture<CommentThreadElement>(html`
      <comment-thread thread=${THREAD} page-size="500" .adapter=${adapter}><comment-form .retryOptions=${instantRetries}></comment-form></comment-thread>
    `);
    await settled(element);
    article(element, 'root').querySelector<HTMLElement>('[part~="reply-button"]')!.click();
    const form = await ready(element.querySelector('comment-form')!);
    await fillGuest(form, 'My own late reply');
    const posted = nextEvent(form, 'comment-posted');
    submit(form);
    await posted;
    await waitUntil(() => text(element.shadowRoot!.activeElement).includes('My own late reply'), 'the own reply was not shown and focused', {timeout: 10_000});
    expect(moreButton(element)).to.equal(null);
  });
});
