// The form inside a real <comment-thread>: Reply moves it under the comment, posting
// shows the comment at once, and the viewer's own comments can be edited and deleted.
import {expect, fixture, html, waitUntil} from '@open-wc/testing';
import {sendKeys} from '@web/test-runner-commands';
import type {MemoryAdapter} from '../../../src/adapters/memory/index.js';
import type {CommentFormElement} from '../../../src/elements/comment-form/comment-form.js';
import '../../../src/elements/comment-form/comment-form.js';
import type {CommentThreadElement} from '../../../src/elements/comment-thread/comment-thread.js';
import {expectAccessible} from '../../helpers/axe.js';
import {announcement, failureShown, fill, fillGuest, instantRetries, nextEvent, part as formPart, ready, resetStorage, submit, textarea} from '../../helpers/form.js';
import {article, memoryAdapterFor, part, seedComment, settled, text, THREAD} from '../comment-thread/thread-fixture.js';

const conversation = () => [
  seedComment('a', 'Amina', 'First'),
  seedComment('a1', 'Bilal', 'A reply', {parentId: 'a'}),
  seedComment('a2', 'Chen', 'Deeper', {parentId: 'a1'}),
  seedComment('a3', 'Dana', 'Deeper still', {parentId: 'a2'}),
  seedComment('b', 'Eli', 'Second'),
];

async function renderThreadWithForm(adapter: MemoryAdapter) {
  const thread = await fixture<CommentThreadElement>(html`
    <comment-thread thread=${THREAD} .adapter=${adapter}>
      <comment-form .retryOptions=${instantRetries}></comment-form>
    </comment-thread>
  `);
  await settled(thread);
  const form = await ready(thread.querySelector('comment-form')!);
  return {thread, form};
}

function replyButton(thread: CommentThreadElement, commentId: string): HTMLButtonElement {
  return article(thread, commentId).querySelector<HTMLButtonElement>('[part~="reply-button"]')!;
}

/** The comment article the form is shown in, or null when it is at the end of the thread. */
function formPlace(form: CommentFormElement): string | null {
  return form.assignedSlot?.closest<HTMLElement>('[data-comment-id]')?.dataset['commentId'] ?? null;
}

/** Counts the pages the adapter loads from now on. */
function recordLoads(adapter: MemoryAdapter): () => number {
  let loads = 0;
  const load = adapter.loadPage.bind(adapter);
  adapter.loadPage = (request, options) => {
    loads++;
    return load(request, options);
  };
  return () => loads;
}

function commentIdsIn(thread: CommentThreadElement): string[] {
  return [...thread.shadowRoot!.querySelectorAll<HTMLElement>('[data-comment-id]')].map((node) => node.dataset['commentId']!);
}

function activeInThread(thread: CommentThreadElement): Element | null {
  return thread.shadowRoot!.activeElement;
}

describe('<comment-form> in <comment-thread>', () => {
  afterEach(resetStorage);

  it('opens under the comment replied to, takes focus, and goes back on Escape with focus on Reply', async () => {
    const {thread, form} = await renderThreadWithForm(memoryAdapterFor({comments: conversation()}));
    expect(formPlace(form)).to.be.null;
    replyButton(thread, 'a1').click();
    await waitUntil(() => formPlace(form) === 'a1', 'the form did not move under the comment');
    expect(text(formPart(form, 'heading'))).to.equal('Reply to Bilal');
    await waitUntil(() => form.shadowRoot!.activeElement === textarea(form), 'focus did not move into the form');
    await expectAccessible(thread);

    await sendKeys({press: 'Escape'});
    await waitUntil(() => formPlace(form) === null, 'Escape did not close the reply');
    expect(text(formPart(form, 'heading'))).to.equal('Leave a Reply');
    await waitUntil(() => activeInThread(thread) === replyButton(thread, 'a1'), 'focus did not return to Reply');
  });

  it('"Cancel reply" returns focus to the Reply button too', async () => {
    const {thread, form} = await renderThreadWithForm(memoryAdapterFor({comments: conversation()}));
    replyButton(thread, 'b').click();
    await waitUntil(() => formPlace(form) === 'b');
    formPart<HTMLButtonElement>(form, 'cancel-button')!.click();
    await waitUntil(() => activeInThread(thread) === replyButton(thread, 'b'), 'focus did not return to Reply');
    expect(formPlace(form)).to.be.null;
  });

  it('posts a reply at any depth: shown as sending, then stored, focused and announced', async () => {
    const adapter = memoryAdapterFor({comments: conversation(), adapter: {latency: {post: 80}}});
    const {thread, form} = await renderThreadWithForm(adapter);
    replyButton(thread, 'a3').click();
    await waitUntil(() => formPlace(form) === 'a3');
    await fillGuest(form, 'Five levels down.');
    const posted = nextEvent(form, 'comment-posted');
    submit(form);

    await waitUntil(() => thread.shadowRoot!.querySelector('[part~="comment-sending"]'), 'the comment did not show at once');
    const sending = thread.shadowRoot!.querySelector<HTMLElement>('[part~="comment-sending"]')!;
    expect(sending.getAttribute('aria-busy')).to.equal('true');
    expect(text(sending)).to.contain('Sending…');
    expect(text(sending)).to.contain('Five levels down.');
    await expectAccessible(thread);

    const {comment} = await posted;
    await waitUntil(() => activeInThread(thread) === article(thread, comment!.id), 'focus did not move to the new comment');
    expect(thread.shadowRoot!.querySelector('[part~="comment-sending"]') === null, 'still shown as sending').to.be.true;
    expect(text(article(thread, comment!.id))).to.contain('Five levels down.');
    expect(formPlace(form)).to.be.null;
    expect(textarea(form).value).to.equal('');
    await waitUntil(() => announcement() === 'Comment posted');
    expect(adapter.storedComments(THREAD).filter((stored) => stored.text === 'Five levels down.')).to.have.length(1);
  });

  it('shows a held comment to its author as awaiting moderation, also after a reload', async () => {
    const storageKey = `held-${crypto.randomUUID()}`;
    const options = {comments: conversation(), adapter: {moderation: 'guests' as const, storageKey}};
    const {thread, form} = await renderThreadWithForm(memoryAdapterFor(options));
    await fillGuest(form, 'Hold me for review.');
    const posted = nextEvent(form, 'comment-posted');
    submit(form);
    const {comment} = await posted;
    await waitUntil(() => text(article(thread, comment!.id)).includes('Your comment is awaiting moderation.'));

    thread.remove();
    const again = await renderThreadWithForm(memoryAdapterFor(options));
    expect(text(article(again.thread, comment!.id))).to.contain('Your comment is awaiting moderation.');
  });

  it('edits the viewer\'s comment in place, with the time left on the Edit button', async () => {
    const adapter = memoryAdapterFor({comments: conversation(), adapter: {editWindowSeconds: 300}});
    const {thread, form} = await renderThreadWithForm(adapter);
    await fillGuest(form, 'Tpyo here.');
    submit(form);
    const {comment} = await nextEvent(form, 'comment-posted');
    const edit = () => article(thread, comment!.id).querySelector<HTMLButtonElement>('[part~="edit-button"]')!;
    await waitUntil(() => activeInThread(thread) === article(thread, comment!.id), 'the new comment did not take focus');
    expect(text(edit())).to.equal('Edit (5 min left)');
    expect(article(thread, 'a').querySelector('[part~="edit-button"]') === null, 'only on the viewer\'s comments').to.be.true;

    edit().click();
    const editor = () => article(thread, comment!.id).querySelector<CommentFormElement>('comment-form')!;
    await waitUntil(() => editor() && editor().shadowRoot!.activeElement === textarea(editor()), 'the editor did not take focus');
    expect(textarea(editor()).value).to.equal('Tpyo here.');
    await expectAccessible(thread);
    await sendKeys({press: 'Escape'});
    await waitUntil(() => activeInThread(thread) === edit(), 'focus did not return to Edit');

    edit().click();
    await waitUntil(() => editor());
    await fill(editor(), 'textarea', 'Typo here, fixed.');
    const edited = nextEvent(editor(), 'comment-edited');
    submit(editor());
    await edited;
    await waitUntil(() => text(article(thread, comment!.id).querySelector('[part~="body"]')) === 'Typo here, fixed.', 'the edit was not shown');
    await waitUntil(() => activeInThread(thread) === article(thread, comment!.id), 'focus did not go to the comment');
    expect(adapter.storedComments(THREAD).find((stored) => stored.id === comment!.id)!.text).to.equal('Typo here, fixed.');
  });

  it('deletes the viewer\'s comment after confirmation, keeping focus in the thread', async () => {
    const adapter = memoryAdapterFor({comments: conversation()});
    const {thread, form} = await renderThreadWithForm(adapter);
    await fillGuest(form, 'Regrettable.');
    submit(form);
    const {comment} = await nextEvent(form, 'comment-posted');
    const remove = () => article(thread, comment!.id).querySelector<HTMLButtonElement>('[part~="delete-button"]')!;
    await waitUntil(() => activeInThread(thread) === article(thread, comment!.id), 'the new comment did not take focus');

    remove().click();
    await waitUntil(() => text(activeInThread(thread)) === 'Keep', 'the safe choice did not take focus');
    await expectAccessible(thread);
    (activeInThread(thread) as HTMLButtonElement).click();
    await waitUntil(() => activeInThread(thread) === remove(), 'Keep did not return focus to Delete');
    expect(adapter.storedComments(THREAD).some((stored) => stored.id === comment!.id)).to.be.true;

    remove().click();
    await waitUntil(() => part(thread, 'confirm-delete-button'));
    part(thread, 'confirm-delete-button')!.click();
    await waitUntil(() => !thread.shadowRoot!.querySelector(`[data-comment-id="${comment!.id}"]`), 'the comment stayed');
    expect(adapter.storedComments(THREAD).some((stored) => stored.id === comment!.id)).to.be.false;
    await waitUntil(() => activeInThread(thread)?.getAttribute('data-comment-id') === 'b', 'focus did not go to the nearest comment');
    expect(text(thread.shadowRoot!.querySelector('[role="status"]'))).to.equal('Comment deleted.');
  });

  it('says when a deletion failed', async () => {
    const adapter = memoryAdapterFor({comments: conversation()});
    const {thread, form} = await renderThreadWithForm(adapter);
    await fillGuest(form, 'Try to delete me.');
    submit(form);
    const {comment} = await nextEvent(form, 'comment-posted');
    await waitUntil(() => part(thread, 'delete-button'));
    part(thread, 'delete-button')!.click();
    await waitUntil(() => part(thread, 'confirm-delete-button'));
    adapter.simulate.fail('delete', {code: 'server'});
    const failed = nextEvent(thread, 'comment-error');
    part(thread, 'confirm-delete-button')!.click();
    expect((await failed).operation).to.equal('delete');
    await waitUntil(() => article(thread, comment!.id).querySelector('[role="alert"]'));
    expect(text(article(thread, comment!.id).querySelector('[role="alert"]'))).to.equal('The comment could not be deleted. Please try again.');
    await expectAccessible(thread);
  });

  it('puts a reply begun before a reload back under its comment, without taking focus', async () => {
    const adapter = memoryAdapterFor({comments: conversation()});
    const first = await renderThreadWithForm(adapter);
    replyButton(first.thread, 'a2').click();
    await waitUntil(() => formPlace(first.form) === 'a2');
    await fill(first.form, 'textarea', 'Half-written answer');
    first.thread.remove();

    const outside = document.createElement('button');
    document.body.append(outside);
    outside.focus();
    try {
      const {form} = await renderThreadWithForm(adapter);
      await waitUntil(() => formPlace(form) === 'a2', 'the reply was not reopened');
      expect(textarea(form).value).to.equal('Half-written answer');
      expect(document.activeElement === outside, 'focus was taken').to.be.true;
    } finally {
      outside.remove();
    }
  });

  it('reopens a reply draft under a comment beyond the first page after a reload', async () => {
    const many = Array.from({length: 12}, (_, index) =>
      seedComment(`t${index}`, `Person ${index}`, `Comment ${index}`, {createdAt: new Date(Date.UTC(2026, 0, 1, 0, index)).toISOString()}),
    );
    const adapter = memoryAdapterFor({comments: many});
    const render = async () => {
      const thread = await fixture<CommentThreadElement>(html`
        <comment-thread thread=${THREAD} page-size="3" .adapter=${adapter}>
          <comment-form .retryOptions=${instantRetries}></comment-form>
        </comment-thread>
      `);
      await settled(thread);
      return {thread, form: await ready(thread.querySelector('comment-form')!)};
    };
    const first = await render();
    // Reach page 4 the way a visitor does (Load more), then reply there.
    while (!commentIdsIn(first.thread).includes('t10')) {
      first.thread.shadowRoot!.querySelector<HTMLButtonElement>('.load-more')!.click();
      await waitUntil(() => !first.thread.shadowRoot!.querySelector('.load-more[aria-busy="true"]'));
      await settled(first.thread);
    }
    replyButton(first.thread, 't10').click();
    await waitUntil(() => formPlace(first.form) === 't10');
    await fill(first.form, 'textarea', 'An answer far down');
    first.thread.remove();

    const {form} = await render();
    await waitUntil(() => formPlace(form) === 't10', 'the reply beyond the first page was not reopened');
    expect(textarea(form).value).to.equal('An answer far down');
  });

  it('a duplicate answer keeps the thread where it was (no reload to its first page)', async () => {
    const adapter = memoryAdapterFor({comments: conversation()});
    const {thread, form} = await renderThreadWithForm(adapter);
    await adapter.postComment(
      {thread: THREAD, text: 'Said it before.', parentId: null, guest: {name: 'Ada', email: 'ada@example.com'}, idempotencyKey: 'earlier'},
      {},
    );
    const loads = recordLoads(adapter);
    await fillGuest(form, 'Said it before.');
    submit(form);
    await failureShown(form);
    expect(loads()).to.equal(0);
    expect(textarea(form).value).to.equal('Said it before.');
    expect(thread.shadowRoot!.querySelectorAll('[data-comment-id]').length).to.be.greaterThan(0);
  });
});
