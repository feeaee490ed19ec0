import {expect, nextFrame, waitUntil} from '@open-wc/testing';
import {passthrough} from 'msw';
import type {CommentThreadElement} from '../../../src/elements/comment-thread/comment-thread.js';
import type {Comment, ReactRequest} from '../../../src/core/index.js';
import {expectAccessible} from '../../helpers/axe.js';
import {resetHandlers} from '../../helpers/msw.js';
import {holdControls} from './held-controls.fixture.js';
import {part, text, THREAD} from './thread-fixture.js';
import {stubAdapter, stubComment, stubPage} from './stub-adapter.js';

// A like pressed before what a press does is loaded (lazy-controls.ts) shows at once where
// it can be sent. Where the backend takes likes from signed-in readers only and the reader
// is not signed in, the press leads to "Sign in to like comments": it must not show as
// made and then be taken back. This file runs in a page of its own, the chunk not loaded.

describe('<comment-thread> a like pressed before its controller, where guests cannot like', function () {
  this.timeout(20_000);
  afterEach(() => resetHandlers());

  it('is not shown as made, and asks the reader to sign in once the controller is there', async () => {
    const chunk = await holdControls(() => passthrough());
    const liked: ReactRequest[] = [];
    const comment = stubComment('a', {reactions: [{key: 'like', count: 2, viewerReacted: false}]});
    const {adapter} = stubAdapter(async () => stubPage([comment], null, 1), {
      capabilities: {edit: false, delete: false, reactions: ['like'], guestReactions: false, signIn: false, session: true, live: false},
      getSession: async () => null,
      react: async (request): Promise<Comment> => {
        liked.push(request);
        return comment;
      },
    });
    const element = document.createElement('comment-thread') as CommentThreadElement;
    element.thread = THREAD;
    element.adapter = adapter;
    document.body.append(element);
    const like = () => element.shadowRoot!.querySelector<HTMLButtonElement>('[data-comment-id="a"] [part~="reaction-button"]');
    try {
      await waitUntil(() => like(), 'the like button did not show');
      let shownPressed = false;
      const observer = new MutationObserver(() => (shownPressed ||= like()?.getAttribute('aria-pressed') === 'true'));
      observer.observe(element.shadowRoot!, {subtree: true, attributes: true, childList: true, characterData: true});
      like()!.click();
      await nextFrame();
      expect(like()!.getAttribute('aria-pressed')).to.equal('false');
      expect(text(like())).to.equal('Like 2 2 likes');
      chunk.release();
      await waitUntil(() => part(element, 'reaction-sign-in'), 'the reader was not asked to sign in');
      observer.disconnect();
      expect(shownPressed, 'the like showed as made, then was taken back').to.be.false;
      expect(text(part(element, 'reaction-sign-in'))).to.equal('Sign in to like comments. Sign in');
      expect(like()!.getAttribute('aria-pressed')).to.equal('false');
      expect(liked).to.have.length(0);
      await expectAccessible(element);
    } finally {
      element.remove();
    }
  });
});
