import {expect, fixture, html, waitUntil} from '@open-wc/testing';
import {configureDeadlines, DEFAULT_ACTION_DEADLINE_MS, DEFAULT_LOAD_DEADLINE_MS} from '../../src/adapters/shared/deadline.js';
import type {CommentThreadElement} from '../../src/elements/comment-thread/comment-thread.js';
import type {Comment} from '../../src/core/types.js';
import type {LoginChoiceElement} from '../../src/elements/login-choice/login-choice.js';
import '../../src/elements/login-choice/login-choice.js';
import {expectAccessible} from '../helpers/axe.js';
import {stubAdapter, stubComment, stubPage} from './comment-thread/stub-adapter.js';
import {article, settled, text, THREAD} from './comment-thread/thread-fixture.js';

const never = () => new Promise<never>(() => {});

// Backends that accept a request and never answer: every call but posting (which has its
// own retry policy) gives up after its deadline and says so.
describe('deadlines of adapter calls', () => {
  beforeEach(() => configureDeadlines({load: 300, action: 300}));
  afterEach(() => configureDeadlines({load: DEFAULT_LOAD_DEADLINE_MS, action: DEFAULT_ACTION_DEADLINE_MS}));

  it('a deletion that gets no answer fails with a message', async () => {
    const mine = stubComment('mine', {author: {name: 'Me', isViewer: true}, viewerCan: {reply: true, edit: false, delete: true}});
    const {adapter} = stubAdapter(async () => stubPage([mine], null, 1), {deleteComment: never});
    (adapter.capabilities as {delete: boolean}).delete = true;
    const thread = await fixture<CommentThreadElement>(html`<comment-thread thread=${THREAD} .adapter=${adapter}></comment-thread>`);
    await settled(thread);
    article(thread, 'mine').querySelector<HTMLButtonElement>('[part~="delete-button"]')!.click();
    await waitUntil(() => thread.shadowRoot!.querySelector('[part~="confirm-delete-button"]'));
    thread.shadowRoot!.querySelector<HTMLButtonElement>('[part~="confirm-delete-button"]')!.click();
    await waitUntil(() => article(thread, 'mine').querySelector('[role="alert"]'), 'no failure after the deadline', {timeout: 3000});
    expect(text(article(thread, 'mine').querySelector('[role="alert"]'))).to.equal('The comment could not be deleted. Please try again.');
    await expectAccessible(thread);
  });

  it('a like that gets no answer is taken back with a message, and a new press sends again', async () => {
    let answer: (active: boolean) => Promise<Comment> = never;
    const liked = stubComment('a', {reactions: [{key: 'like', count: 2, viewerReacted: false}]});
    const {adapter} = stubAdapter(async () => stubPage([liked], null, 1), {
      capabilities: {edit: false, delete: false, reactions: ['like'], guestReactions: true, signIn: false, session: false, live: false},
      react: (request) => answer(request.active),
    });
    const thread = await fixture<CommentThreadElement>(html`<comment-thread thread=${THREAD} .adapter=${adapter}></comment-thread>`);
    await settled(thread);
    const like = () => article(thread, 'a').querySelector<HTMLButtonElement>('[part~="reaction-button"]')!;
    like().click();
    await waitUntil(() => article(thread, 'a').querySelector('[part~="reaction-error"]'), 'no failure after the deadline', {timeout: 5000});
    expect(text(article(thread, 'a').querySelector('[part~="reaction-error"]'))).to.equal(
      'Your like could not be saved. The comments server did not answer in time. Check your connection and try again.',
    );
    expect(like().getAttribute('aria-pressed')).to.equal('false');
    await expectAccessible(thread);
    answer = async (active) => ({...liked, reactions: [{key: 'like', count: active ? 3 : 2, viewerReacted: active}]});
    like().click();
    await waitUntil(() => like().getAttribute('aria-pressed') === 'true' && !article(thread, 'a').querySelector('[part~="reaction-error"]'), 'the next press was not sent');
    await settled(thread);
    expect(text(like())).to.equal('Like 3 3 likes');
  });

  it('sign-in options that never come say they could not be loaded', async () => {
    const {adapter} = stubAdapter(async () => stubPage([], null, 0), {listProviders: never});
    (adapter.capabilities as {signIn: boolean}).signIn = true;
    const element = await fixture<LoginChoiceElement>(html`<login-choice .adapter=${adapter}></login-choice>`);
    await waitUntil(() => element.shadowRoot!.querySelector('.providers-error'), 'still loading after the deadline', {timeout: 3000});
    expect(text(element.shadowRoot!.querySelector('.providers-error'))).to.contain('Sign-in options could not be loaded.');
  });
});
