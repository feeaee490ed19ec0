// Reading a live WordPress: the same comments, order and depth as WordPress's own list.
import {expect} from '@open-wc/testing';
import {createWordPressAdapter} from '../../../src/adapters/wordpress/index.js';
import {loadWholeThread} from '../../../src/core/conformance.js';
import {liveRig} from './live-rig.js';

describe('live WordPress: reading', () => {
  beforeEach(() => localStorage.clear());

  it('shows every approved comment of the post, nested as in WordPress, and nothing held, spammed or trashed', async () => {
    const rig = await liveRig();
    const adapter = createWordPressAdapter({endpoint: rig.url});
    const {comments} = await loadWholeThread(adapter, String(rig.posts.live.id), {limit: 3});
    const c = rig.posts.live.comments;
    const byId = new Map(comments.map((comment) => [comment.id, comment]));
    // Oldest first; the trashed parent stays as a placeholder so its replies keep their place.
    const topLevel = comments.filter((comment) => comment.parentId === null).map((comment) => comment.id);
    expect(topLevel).to.deep.equal(['first', 'byPostAuthor', 'byAdmin', 'bySubscriber', 'trashedParent', 'last'].map((key) => String(c[key])));
    expect(byId.get(String(c['trashedParent']))?.status).to.equal('deleted');
    expect(byId.get(String(c['underTrashed1']))?.parentId).to.equal(String(c['trashedParent']));
    for (const absent of [c['held'], c['spam']]) expect(byId.has(String(absent)), `comment ${absent}`).to.be.false;
    // The chain six deep, each reply under the one before.
    for (let depth = 2; depth <= 6; depth++) {
      const parent = depth === 2 ? c['first'] : c[`depth${depth - 1}`];
      expect(byId.get(String(c[`depth${depth}`]))?.parentId).to.equal(String(parent));
    }
  });

  it('loads all 300 comments of a busy post', async () => {
    const rig = await liveRig();
    const adapter = createWordPressAdapter({endpoint: rig.url});
    const page = await adapter.loadPage({thread: String(rig.posts.busy.id), sort: 'oldest', limit: 50}, {});
    expect(page.thread.totalCount).to.equal(300);
    const {comments} = await loadWholeThread(adapter, String(rig.posts.busy.id), {limit: 50});
    expect(comments.length).to.equal(300);
  });
});
