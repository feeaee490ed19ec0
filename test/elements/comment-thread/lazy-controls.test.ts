import {expect, fixture, html, waitUntil} from '@open-wc/testing';
import type {CommentThreadElement} from '../../../src/elements/comment-thread/comment-thread.js';
import type {Comment} from '../../../src/core/types.js';
import {article, commentIds, settled, THREAD} from './thread-fixture.js';
import {stubAdapter, stubComment, stubPage} from './stub-adapter.js';

// Moderation, Edit/Delete and the new-comments notice load as a chunk of their own
// (lazy-controls.ts) when a comment that needs them is about to show. The tests of this
// file run in order in one page: the first ones see the chunk not loaded yet.

const controlsLoaded = () =>
  performance.getEntriesByType('resource').some((entry) => /\/comment-thread\/(controls|moderation|own-comment-actions|new-comments)\.(js|ts)/.test(entry.name));

const editable = (id: string): Comment => stubComment(id, {author: {name: 'Me', isViewer: true}, viewerCan: {reply: true, edit: true, delete: true}});

/**
 * Every state of the thread's DOM while `run` goes on: whether comment `id` was on screen
 * and, if so, with its `selector` control or not.
 */
async function watch(element: Element, id: string, selector: string, run: () => Promise<void>): Promise<string[]> {
  const states: string[] = [];
  const look = () => {
    const shown = element.shadowRoot?.querySelector(`[data-comment-id="${id}"]`);
    const state = !shown ? 'absent' : shown.querySelector(selector) ? 'complete' : 'without its control';
    if (states.at(-1) !== state) states.push(state);
  };
  const observer = new MutationObserver(look);
  observer.observe(element.shadowRoot!, {childList: true, subtree: true, attributes: true, characterData: true});
  look();
  try {
    await run();
    look();
  } finally {
    observer.disconnect();
  }
  return states;
}

describe('<comment-thread> controls few comments need', () => {
  it('are not loaded for a thread none of whose comments needs them', async () => {
    const {adapter} = stubAdapter(async () => stubPage([stubComment('a'), stubComment('b')], null, 2));
    const element = await fixture<CommentThreadElement>(html`<comment-thread thread=${THREAD} .adapter=${adapter}></comment-thread>`);
    await settled(element);
    expect(commentIds(element)).to.deep.equal(['a', 'b']);
    expect(controlsLoaded(), 'the controls chunk was loaded').to.be.false;
  });

  it('show with the first render of a comment that needs them: its Edit button is there the moment it is', async () => {
    expect(controlsLoaded(), 'an earlier test loaded the controls').to.be.false;
    const {adapter} = stubAdapter(async () => stubPage([stubComment('a'), editable('mine')], null, 2), {
      capabilities: {edit: true, delete: true, reactions: [], signIn: false, session: false, live: false},
      editComment: () => Promise.reject(new Error('not used')),
      deleteComment: () => Promise.reject(new Error('not used')),
    });
    const element = document.createElement('comment-thread') as CommentThreadElement;
    element.thread = THREAD;
    element.adapter = adapter;
    document.body.append(element);
    try {
      await element.updateComplete;
      const states = await watch(element, 'mine', '[data-edit]', () => settled(element));
      expect(controlsLoaded(), 'the controls chunk was not loaded').to.be.true;
      expect(states, 'the comment showed without its Edit button first').to.deep.equal(['absent', 'complete']);
      expect(article(element, 'mine').querySelector('[data-delete]')).to.exist;
      expect(article(element, 'a').querySelector('[data-edit]')).to.be.null;
    } finally {
      element.remove();
    }
  });

  it('a live comment is marked new when it shows, with the controller loaded on its arrival', async () => {
    const {adapter, emit} = stubAdapter(async () => stubPage([stubComment('a')], null, 1));
    const element = await fixture<CommentThreadElement>(html`<comment-thread thread=${THREAD} .adapter=${adapter}></comment-thread>`);
    await settled(element);
    const states = await watch(element, 'live', '.new-label', async () => {
      emit({type: 'comment-added', thread: THREAD, comment: stubComment('live')});
      await waitUntil(() => commentIds(element).includes('live'), 'the live comment did not show');
      await element.updateComplete;
    });
    expect(states, 'the live comment showed without its "New" label first').to.deep.equal(['absent', 'complete']);
  });
});
