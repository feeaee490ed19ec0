import {expect} from '@open-wc/testing';
import {expectAccessible} from '../../helpers/axe.js';
import {fixture, html} from '@open-wc/testing';
import type {CommentThreadElement} from '../../../src/elements/comment-thread/comment-thread.js';
import {stubAdapter, stubComment, stubPage} from './stub-adapter.js';
import {commentIds, part, renderThread, seedComment, settled, text, THREAD} from './thread-fixture.js';

describe('<comment-thread> heading', () => {
  it('shows no count over an empty thread', async () => {
    const {element} = await renderThread();
    expect(text(part(element, 'heading'))).to.equal('Comments');
    expect(text(part(element, 'status'))).to.equal('No comments yet.');
    await expectAccessible(element);
  });

  it('does not count the reader’s own comment held for moderation', async () => {
    const {element, adapter} = await renderThread({
      adapter: {moderation: 'all'},
      comments: [seedComment('a', 'Amina', 'Approved')],
    });
    const held = await adapter.postComment(
      {thread: THREAD, text: 'Mine', parentId: null, guest: {name: 'Me', email: 'me@example.com'}, idempotencyKey: 'k1'},
      {},
    );
    await element.refresh();
    await element.updateComplete;
    expect(commentIds(element)).to.deep.equal(['a', held.id]);
    expect(text(part(element, 'heading'))).to.equal('1 thought on “AQIM Updates, August 6”');

    const {element: alone, adapter: second} = await renderThread({adapter: {moderation: 'all'}});
    await second.postComment(
      {thread: THREAD, text: 'Mine', parentId: null, guest: {name: 'Me', email: 'me@example.com'}, idempotencyKey: 'k2'},
      {},
    );
    await alone.refresh();
    await alone.updateComplete;
    expect(text(part(alone, 'heading'))).to.equal('Comments');
  });

  it('keeps the count right where held comments are not counted, as they are approved or removed', async () => {
    // WordPress: totalCount leaves held comments out.
    const stub = stubAdapter(async () => stubPage([stubComment('a'), stubComment('h', {status: 'pending', author: {name: 'Me', isViewer: true}})], null, 1), {
      capabilities: {edit: false, delete: false, reactions: [], signIn: false, session: false, live: true, countsHeldComments: false},
    });
    const element = await fixture<CommentThreadElement>(html`<comment-thread thread=${THREAD} .adapter=${stub.adapter}></comment-thread>`);
    await settled(element);
    const heading = () => text(part(element, 'heading'));
    expect(heading()).to.equal('1 thought on “Stub”');

    stub.emit({type: 'comment-added', thread: THREAD, comment: stubComment('h2', {status: 'pending'})});
    stub.emit({type: 'comment-removed', thread: THREAD, commentId: 'h2'});
    await element.updateComplete;
    expect(heading(), 'a held comment removed was never counted').to.equal('1 thought on “Stub”');

    stub.emit({type: 'comment-added', thread: THREAD, comment: stubComment('h')});
    await element.updateComplete;
    expect(heading(), 'approved, it counts').to.equal('2 thoughts on “Stub”');

    stub.emit({type: 'comment-removed', thread: THREAD, commentId: 'h'});
    await element.updateComplete;
    expect(heading()).to.equal('1 thought on “Stub”');
  });

  it('offers sorting only once there are two conversations to sort', async () => {
    const stub = stubAdapter(async () => stubPage([stubComment('a'), stubComment('a1', {parentId: 'a'})], null, 2));
    const element = await fixture<CommentThreadElement>(html`<comment-thread thread=${THREAD} .adapter=${stub.adapter}></comment-thread>`);
    await settled(element);
    expect(text(part(element, 'heading'))).to.equal('2 thoughts on “Stub”');
    expect(part(element, 'sort'), 'one conversation').to.be.null;

    stub.emit({type: 'comment-added', thread: THREAD, comment: stubComment('b')});
    await element.updateComplete;
    expect(part(element, 'sort')).to.not.be.null;
    await expectAccessible(element);
  });
});
