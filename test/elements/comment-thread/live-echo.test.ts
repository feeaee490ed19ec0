import {expect, fixture, html, waitUntil} from '@open-wc/testing';
import type {CommentAdapter, ThreadEvent} from '../../../src/core/adapter.js';
import type {Comment} from '../../../src/core/types.js';
import type {CommentThreadElement} from '../../../src/elements/comment-thread/comment-thread.js';
import '../../../src/elements/comment-thread/comment-thread.js';
import {article, settled, text, THREAD} from './thread-fixture.js';

// Live events show comments as an anonymous reader sees them (docs/rest-protocol.md): the
// echo of the viewer's own comment must not take away what the viewer may do with it.

const own: Comment = {
  id: 'mine',
  parentId: null,
  author: {id: 'me', name: 'Ada', isViewer: true},
  createdAt: new Date().toISOString(),
  content: {kind: 'text', value: 'My comment'},
  status: 'approved',
  replyCount: 0,
  viewerCan: {reply: true, edit: true, delete: true, editableUntil: new Date(Date.now() + 10 * 60_000).toISOString()},
};

const button = (element: CommentThreadElement, name: string) => article(element, 'mine').querySelector(`[part~="${name}"]`);

it('keeps Edit and Delete on the viewer\'s own comment when its live echo arrives', async () => {
  let emit: (event: ThreadEvent) => void = () => {};
  const adapter: CommentAdapter = {
    capabilities: {edit: true, delete: true, reactions: [], signIn: false, session: false, live: true},
    loadPage: async () => ({
      thread: {id: THREAD, title: 'T', totalCount: 1, posting: {open: true, guests: {allowed: true, requireName: true, requireEmail: false}, notifications: {comments: false, posts: false}}},
      comments: [own],
      nextCursor: null,
    }),
    postComment: () => Promise.reject(new Error('not used')),
    editComment: () => Promise.reject(new Error('not used')),
    deleteComment: () => Promise.reject(new Error('not used')),
    subscribe: (_thread, listener) => void (emit = listener),
  };
  const element = await fixture<CommentThreadElement>(html`<comment-thread thread=${THREAD} .adapter=${adapter}></comment-thread>`);
  await settled(element);
  expect(button(element, 'edit-button')).to.exist;
  const anonymous: Comment = {...own, author: {id: 'me', name: 'Ada'}, content: {kind: 'text', value: 'My comment, edited elsewhere'}, viewerCan: {reply: true, edit: false, delete: false}};
  emit({type: 'comment-updated', thread: THREAD, comment: anonymous});
  await waitUntil(() => text(article(element, 'mine')).includes('edited elsewhere'));
  expect(button(element, 'edit-button'), 'Edit').to.exist;
  expect(button(element, 'delete-button'), 'Delete').to.exist;
});
