import {expect, fixture, html, waitUntil} from '@open-wc/testing';
import type {CommentAdapter, CommentRef} from '../../../src/core/adapter.js';
import {CommentError} from '../../../src/core/errors.js';
import type {CommentFormElement} from '../../../src/elements/comment-form/comment-form.js';
import type {CommentThreadElement} from '../../../src/elements/comment-thread/comment-thread.js';
import '../../../src/elements/comment-thread/comment-thread.js';
import type {CommentErrorEvent} from '../../../src/events/comment-error.js';
import {expectAccessible} from '../../helpers/axe.js';
import {part as formPart} from '../../helpers/form.js';
import {stubAdapter, stubComment, stubPage} from './stub-adapter.js';
import {article, settled, text, THREAD} from './thread-fixture.js';

// A backend that sends an editable HTML comment without its stored form (WordPress, for a
// post's author) and loads that form when Edit is pressed (`loadEditableText`).

const rendered = stubComment('c', {
  content: {kind: 'html', value: '<p>A guest writes <em>emphasis</em></p>'},
  viewerCan: {reply: true, edit: true, delete: true},
});
const capabilities = {edit: true, delete: true, reactions: [], signIn: false, session: false, live: false};

async function renderWith(extra: Partial<CommentAdapter>) {
  const stub = stubAdapter(async () => stubPage([rendered], null, 1), {capabilities, editComment: () => Promise.reject(new Error('not used')), ...extra});
  const element = await fixture<CommentThreadElement>(html`<comment-thread thread=${THREAD} .adapter=${stub.adapter}></comment-thread>`);
  await settled(element);
  // The sanitizer is a chunk of its own, which may still be on its way.
  await waitUntil(() => article(element, 'c').querySelector('[part~="body"] em'), 'the comment\'s HTML did not show');
  return element;
}

const editButton = (element: CommentThreadElement) => article(element, 'c').querySelector<HTMLButtonElement>('[part~="edit-button"]');

describe('<comment-thread> Edit with the text loaded on demand', () => {
  it('offers no Edit on HTML without its source when the adapter cannot load it', async () => {
    const element = await renderWith({});
    expect(editButton(element)).to.be.null;
    expect(article(element, 'c').querySelector('[part~="delete-button"]')).not.to.be.null;
  });

  it('loads the text when Edit is pressed; a failure is shown, keeps the comment, and pressing again retries', async () => {
    const asked: CommentRef[] = [];
    let answer: () => Promise<string> = () =>
      Promise.reject(new CommentError('forbidden', 'You are not allowed to do this.', {status: 403}));
    const element = await renderWith({
      loadEditableText: (request) => {
        asked.push(request);
        return answer();
      },
    });
    const errors: CommentErrorEvent[] = [];
    element.addEventListener('comment-error', (event) => errors.push(event));

    editButton(element)!.click();
    const alert = () => article(element, 'c').querySelector('[role="alert"]');
    await waitUntil(alert, 'no error for the text that could not be loaded');
    expect(text(alert())).to.equal('You are not allowed to do this.');
    expect(errors.map((event) => event.operation)).to.deep.equal(['edit']);
    expect(article(element, 'c').querySelector('comment-form')).to.be.null;
    expect(article(element, 'c').querySelector('[part~="body"] em')).not.to.be.null;
    expect(asked).to.deep.equal([{thread: THREAD, commentId: 'c'}]);
    await expectAccessible(element);

    answer = async () => 'A guest writes <em>emphasis</em>';
    editButton(element)!.click();
    const editor = () => article(element, 'c').querySelector<CommentFormElement>('comment-form');
    await waitUntil(() => editor() && formPart<HTMLTextAreaElement>(editor()!, 'textarea')?.value === 'A guest writes <em>emphasis</em>', 'the editor did not open with the loaded text');
    expect(alert()).to.be.null;
    expect(asked).to.have.length(2);
    await expectAccessible(element);
  });
});
