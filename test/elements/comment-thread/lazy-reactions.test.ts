import {expect, waitUntil} from '@open-wc/testing';
import type {CommentThreadElement} from '../../../src/elements/comment-thread/comment-thread.js';
import type {Comment, ReactRequest} from '../../../src/core/index.js';
import {settled, text, THREAD} from './thread-fixture.js';
import {stubAdapter, stubComment, stubPage} from './stub-adapter.js';

// The like buttons show from the first render; what a press does loads with the thread's
// rarer controls (lazy-controls.ts), when the page is idle or at the first press.

const controlsLoaded = () =>
  performance.getEntriesByType('resource').some((entry) => /\/comment-thread\/(controls|reactions)\.(js|ts)/.test(entry.name));

describe('<comment-thread> like buttons before their controller is loaded', () => {
  it('show the press with the next update and send it once the controller is there', async () => {
    const liked: ReactRequest[] = [];
    const comment = stubComment('a', {reactions: [{key: 'like', count: 2, viewerReacted: false}]});
    const {adapter} = stubAdapter(async () => stubPage([comment], null, 1), {
      capabilities: {edit: false, delete: false, reactions: ['like'], guestReactions: true, signIn: false, session: false, live: false},
      react: async (request): Promise<Comment> => {
        liked.push(request);
        return {...comment, reactions: [{key: 'like', count: 3, viewerReacted: true}]};
      },
    });
    const element = document.createElement('comment-thread') as CommentThreadElement;
    element.thread = THREAD;
    element.adapter = adapter;
    const like = () => element.shadowRoot!.querySelector<HTMLButtonElement>('[data-comment-id="a"] [part~="reaction-button"]');
    // Pressed the moment it shows, before the page is idle.
    let loadedAtPress: boolean | undefined;
    const observer = new MutationObserver(() => {
      if (loadedAtPress !== undefined || !like()) return;
      loadedAtPress = controlsLoaded();
      like()!.click();
    });
    document.body.append(element);
    observer.observe(element.shadowRoot!, {childList: true, subtree: true});
    try {
      await waitUntil(() => loadedAtPress !== undefined, 'the like button did not show');
      observer.disconnect();
      expect(loadedAtPress, 'the controller was loaded before the press').to.be.false;
      await element.updateComplete;
      expect(like()!.getAttribute('aria-pressed')).to.equal('true');
      expect(text(like())).to.equal('Like 3 3 likes');
      await waitUntil(() => liked.length === 1, 'the like was not sent');
      expect(liked[0]).to.include({commentId: 'a', reaction: 'like', active: true});
      await settled(element);
      expect(text(like())).to.equal('Like 3 3 likes');
    } finally {
      observer.disconnect();
      element.remove();
    }
  });
});
