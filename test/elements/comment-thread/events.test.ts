import {ContextConsumer} from '@lit/context';
import {expect, fixture, html, oneEvent, waitUntil} from '@open-wc/testing';
import {LitElement} from 'lit';
import type {CommentAdapter} from '../../../src/core/adapter.js';
import type {Comment} from '../../../src/core/types.js';
import type {CommentThreadElement} from '../../../src/elements/comment-thread/comment-thread.js';
import {adapterContext, threadContext} from '../../../src/elements/shared/context.js';
import type {CommentLoadEvent} from '../../../src/events/comment-load.js';
import type {CommentReplyEvent} from '../../../src/events/comment-reply.js';
import {expectAccessible} from '../../helpers/axe.js';
import {article, commentIds, memoryAdapterFor, part, renderThread, seedComment, settled, text, THREAD} from './thread-fixture.js';

/** Stands in for `<comment-form>`: reads what the thread provides through context. */
class ThreadListenerElement extends LitElement {
  readonly adapter = new ContextConsumer(this, {context: adapterContext, subscribe: true});
  readonly thread = new ContextConsumer(this, {context: threadContext, subscribe: true});
  updates = 0;
  override render() {
    this.updates++;
    return html`<button>Post</button>`;
  }
}
customElements.define('thread-listener', ThreadListenerElement);

const comments = () => [
  seedComment('a', 'Amina', 'First'),
  seedComment('a1', 'Bilal', 'Reply', {parentId: 'a'}),
  seedComment('b', 'Dana', 'Second'),
];

/** A thread with a stand-in form slotted inside it. */
async function renderWithForm() {
  const adapter = memoryAdapterFor({comments: comments()});
  const element = await fixture<CommentThreadElement>(html`
    <comment-thread thread=${THREAD} .adapter=${adapter}><thread-listener></thread-listener></comment-thread>
  `);
  await settled(element);
  return {element, adapter, form: element.querySelector('thread-listener') as ThreadListenerElement};
}

/** The id of the comment whose article holds the form's slot, if any. */
function formPlace(form: ThreadListenerElement): string | undefined {
  return form.assignedSlot?.closest<HTMLElement>('article')?.dataset['commentId'];
}

function outgoing(id: string, parentId: string | null, text: string): Comment {
  return {
    id,
    parentId,
    author: {name: 'Me', isViewer: true},
    createdAt: new Date().toISOString(),
    content: {kind: 'text', value: text},
    status: 'approved',
    replyCount: 0,
    viewerCan: {reply: false, edit: false, delete: false},
  };
}

describe('<comment-thread> events and the thread link', () => {
  it('fires comment-load with the thread and its comments', async () => {
    const adapter = memoryAdapterFor({comments: comments()});
    const element = document.createElement('comment-thread');
    element.thread = THREAD;
    element.adapter = adapter;
    const loaded = oneEvent(element, 'comment-load') as Promise<CommentLoadEvent>;
    document.body.append(element);
    const event = await loaded;
    expect(event.bubbles && event.composed).to.be.true;
    expect(event.firstPage).to.be.true;
    expect(event.hasMore).to.be.false;
    expect(event.thread.totalCount).to.equal(3);
    expect(event.comments.map((comment) => comment.id)).to.deep.equal(['a', 'a1', 'b']);
    element.remove();
  });

  it('fires a cancelable comment-reply and moves the slotted form under the comment', async () => {
    const {element, form} = await renderWithForm();
    expect(form.assignedSlot).not.to.be.null;
    expect(formPlace(form)).to.be.undefined;

    const replied = oneEvent(element, 'comment-reply') as Promise<CommentReplyEvent>;
    article(element, 'a1').querySelector<HTMLButtonElement>('[part="reply-button"]')!.click();
    const event = await replied;
    expect(event.comment.id).to.equal('a1');
    expect(event.cancelable).to.be.true;
    await element.updateComplete;
    expect(element.replyingTo).to.equal('a1');
    expect(formPlace(form)).to.equal('a1');
    expect(form.thread.value!.replyingTo!.id).to.equal('a1');
    expect(article(element, 'a1').querySelector('[part="reply-button"]')!.getAttribute('aria-expanded')).to.equal('true');
    await expectAccessible(element);

    form.thread.value!.reply(null);
    await element.updateComplete;
    expect(formPlace(form)).to.be.undefined;

    element.addEventListener('comment-reply', (cancelled) => cancelled.preventDefault(), {once: true});
    article(element, 'b').querySelector<HTMLButtonElement>('[part="reply-button"]')!.click();
    await element.updateComplete;
    expect(element.replyingTo).to.be.null;
  });

  it('gives the slotted form its adapter and a link that shows outgoing comments', async () => {
    const {element, adapter, form} = await renderWithForm();
    expect(form.adapter.value === (adapter as CommentAdapter)).to.be.true;
    const link = form.thread.value!;
    expect(link.threadId).to.equal(THREAD);
    expect(link.info!.totalCount).to.equal(3);

    link.addOutgoing('key-1', outgoing('local-1', 'a', 'On its way'));
    await element.updateComplete;
    expect(commentIds(element)).to.deep.equal(['a', 'a1', 'local-1', 'b']);
    const sending = article(element, 'local-1');
    expect(sending.getAttribute('aria-busy')).to.equal('true');
    expect(sending.getAttribute('part')).to.contain('comment-sending');
    expect(text(sending)).to.contain('Sending…');
    await expectAccessible(element);

    const stored = {...outgoing('stored-1', 'a', 'On its way'), createdAt: new Date(Date.now() - 1000).toISOString()};
    link.resolveOutgoing('key-1', stored);
    await element.updateComplete;
    expect(commentIds(element)).to.deep.equal(['a', 'a1', 'stored-1', 'b']);
    expect(article(element, 'stored-1').hasAttribute('aria-busy')).to.be.false;
    expect(text(part(element, 'heading'))).to.match(/^4 thoughts/);
    expect(link.info!.totalCount).to.equal(4);

    link.addOutgoing('key-2', outgoing('local-2', null, 'Will fail'));
    await element.updateComplete;
    expect(commentIds(element)).to.include('local-2');
    link.resolveOutgoing('key-2', null);
    await element.updateComplete;
    expect(commentIds(element)).not.to.include('local-2');
    expect(text(part(element, 'heading'))).to.match(/^4 thoughts/);

    link.focusComment('b');
    await waitUntil(() => (element.shadowRoot!.activeElement as HTMLElement | null)?.dataset['commentId'] === 'b');
  });

  it('puts new top-level comments first when sorted newest first', async () => {
    const {element} = await renderThread({comments: comments(), sort: 'newest'});
    const consumer = new ThreadListenerElement();
    element.append(consumer);
    await consumer.updateComplete;
    consumer.thread.value!.addOutgoing('k', outgoing('new', null, 'Newest'));
    await element.updateComplete;
    expect(commentIds(element)[0]).to.equal('new');
  });
});
