import {expect, fixture, html, waitUntil} from '@open-wc/testing';
import type {CommentThreadElement} from '../../../src/elements/comment-thread/comment-thread.js';
import {commentIds, settled, THREAD} from './thread-fixture.js';
import {stubAdapter, stubComment, stubPage} from './stub-adapter.js';

// A page of its own (see lazy-controls.test.ts): the controls' chunk is not loaded yet.
const controlsLoaded = () => performance.getEntriesByType('resource').some((entry) => /\/comment-thread\/controls\.(js|ts)/.test(entry.name));

describe('<comment-thread> controls few comments need, where the viewer may need them', () => {
  it('load once the first comments are on screen, before any comment needs them', async () => {
    const {adapter} = stubAdapter(async () => stubPage([stubComment('a')], null, 1), {
      capabilities: {edit: true, delete: true, reactions: [], signIn: false, session: false, live: false},
    });
    const element = await fixture<CommentThreadElement>(html`<comment-thread thread=${THREAD} .adapter=${adapter}></comment-thread>`);
    await settled(element);
    expect(commentIds(element)).to.deep.equal(['a']);
    await waitUntil(controlsLoaded, 'the controls chunk was not loaded', {timeout: 5000});
  });
});
