import {expect, nextFrame, waitUntil} from '@open-wc/testing';
import {HttpResponse, passthrough} from 'msw';
import type {CommentThreadElement} from '../../../src/elements/comment-thread/comment-thread.js';
import type {Comment, ReactRequest} from '../../../src/core/index.js';
import {DEFAULT_LOAD_DEADLINE_MS} from '../../../src/adapters/shared/deadline.js';
import {expectAccessible} from '../../helpers/axe.js';
import {resetHandlers} from '../../helpers/msw.js';
import {holdControls} from './held-controls.fixture.js';
import {part, settled, text, THREAD} from './thread-fixture.js';
import {stubAdapter, stubComment, stubPage} from './stub-adapter.js';

// The like buttons show from the first render; what a press does loads with the thread's
// rarer controls (lazy-controls.ts), when the page is idle or at the first press. A press
// made before then shows at once and is sent once they are there, or undone with the
// like's failure when they cannot load. The chunk is held back by msw until each test lets
// it through (or fails it); the failing test runs first, before the chunk is in the page.

async function renderLikeable() {
  const liked: ReactRequest[] = [];
  const comment = stubComment('a', {reactions: [{key: 'like', count: 2, viewerReacted: false}]});
  const {adapter} = stubAdapter(async () => stubPage([comment], null, 1), {
    capabilities: {edit: false, delete: false, reactions: ['like'], guestReactions: true, signIn: false, session: false, live: false},
    react: async (request): Promise<Comment> => {
      liked.push(request);
      return {...comment, reactions: [{key: 'like', count: request.active ? 3 : 2, viewerReacted: request.active}]};
    },
  });
  const element = document.createElement('comment-thread') as CommentThreadElement;
  element.thread = THREAD;
  element.adapter = adapter;
  document.body.append(element);
  const like = () => element.shadowRoot!.querySelector<HTMLButtonElement>('[data-comment-id="a"] [part~="reaction-button"]');
  await waitUntil(() => like(), 'the like button did not show');
  return {element, like, liked};
}

/** Presses Like before its controller is there: the press shows at once all the same. */
async function pressShownAtOnce(like: () => HTMLButtonElement | null): Promise<void> {
  like()!.click();
  await nextFrame();
  expect(like()!.getAttribute('aria-pressed'), 'the press shows at once').to.equal('true');
  expect(text(like())).to.equal('Like 3 3 likes');
}

describe('<comment-thread> like buttons before their controller is loaded', function () {
  this.timeout(20_000);
  afterEach(() => resetHandlers());

  it('undo a press and say the like was not saved when the controls cannot load', async () => {
    const chunk = await holdControls(() => HttpResponse.error());
    const {element, like, liked} = await renderLikeable();
    try {
      await pressShownAtOnce(like);
      chunk.release();
      await waitUntil(() => part(element, 'reaction-error'), 'no message after the failed load');
      expect(text(part(element, 'reaction-error'))).to.equal('Your like could not be saved.');
      expect(part(element, 'reaction-error')!.getAttribute('role')).to.equal('alert');
      expect(like()!.getAttribute('aria-pressed')).to.equal('false');
      expect(text(like())).to.equal('Like 2 2 likes');
      expect(liked).to.have.length(0);
      await expectAccessible(element);
      // Nothing is asked again until the next press.
      const asked = chunk.requests();
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect(chunk.requests()).to.equal(asked);
    } finally {
      element.remove();
    }
  });

  it('undo a press when the controls take longer than a page of comments may', async function () {
    this.timeout(DEFAULT_LOAD_DEADLINE_MS + 20_000);
    let fail = false;
    const chunk = await holdControls(() => (fail ? HttpResponse.error() : passthrough()));
    const {element, like, liked} = await renderLikeable();
    try {
      like()!.click();
      await nextFrame();
      expect(like()!.getAttribute('aria-pressed')).to.equal('true');
      await waitUntil(() => part(element, 'reaction-error'), 'the press was not given up', {timeout: DEFAULT_LOAD_DEADLINE_MS + 10_000});
      expect(text(part(element, 'reaction-error'))).to.equal('Your like could not be saved.');
      expect(like()!.getAttribute('aria-pressed')).to.equal('false');
      expect(liked).to.have.length(0);
    } finally {
      element.remove();
      // The stalled request fails, so that the next test loads the chunk afresh.
      fail = true;
      chunk.release();
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  });

  it('show a press at once, take it back on a second press, and send the latest once the controller is there', async () => {
    const chunk = await holdControls(() => passthrough());
    const {element, like, liked} = await renderLikeable();
    try {
      await pressShownAtOnce(like);
      like()!.click();
      await nextFrame();
      expect(like()!.getAttribute('aria-pressed'), 'a second press takes it back').to.equal('false');
      expect(text(like())).to.equal('Like 2 2 likes');
      like()!.click();
      await nextFrame();
      expect(like()!.getAttribute('aria-pressed')).to.equal('true');
      await expectAccessible(element);
      expect(liked, 'nothing is sent before the controller is there').to.have.length(0);
      chunk.release();
      await waitUntil(() => liked.length === 1, 'the like was not sent');
      expect(liked[0]).to.include({commentId: 'a', reaction: 'like', active: true});
      await settled(element);
      expect(liked).to.have.length(1);
      expect(like()!.getAttribute('aria-pressed')).to.equal('true');
      expect(text(like())).to.equal('Like 3 3 likes');
      expect(part(element, 'reaction-error')).to.equal(null);
    } finally {
      element.remove();
    }
  });
});
