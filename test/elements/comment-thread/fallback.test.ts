import {expect, fixture, html} from '@open-wc/testing';
import '../../../src/elements/comment-form/comment-form.js';
import type {CommentThreadElement} from '../../../src/elements/comment-thread/comment-thread.js';
import {expectAccessible} from '../../helpers/axe.js';
import {commentIds, memoryAdapterFor, part, seedComment, settled, THREAD} from './thread-fixture.js';

/** A server-rendered list and form, as a CMS prints them for visitors without JavaScript. */
const serverRendered = html`
  <div slot="fallback">
    <h2>2 responses</h2>
    <ol><li id="comment-1">First, from the server</li><li id="comment-2">Second</li></ol>
    <form><label>Comment <textarea name="comment"></textarea></label><button>Post Comment</button></form>
  </div>
`;

const shown = (element: Element | null | undefined) => !!element && (element as HTMLElement).checkVisibility();

describe('<comment-thread> with a server-rendered fallback', () => {
  it('keeps the fallback in view, and the form out, until the first page replaces it', async () => {
    const adapter = memoryAdapterFor({comments: [seedComment('c1', 'Ada', 'First'), seedComment('c2', 'Bo', 'Second')], adapter: {latency: 300}});
    const element = await fixture<CommentThreadElement>(html`
      <comment-thread thread=${THREAD} .adapter=${adapter}>${serverRendered}<comment-form></comment-form></comment-thread>
    `);
    const fallback = element.querySelector('[slot="fallback"]')!;
    const form = element.querySelector('comment-form')!;
    expect(fallback.assignedSlot, 'fallback slotted while loading').to.not.be.null;
    expect(shown(fallback.querySelector('li'))).to.be.true;
    expect(form.assignedSlot, 'form hidden while the fallback shows').to.be.null;
    expect(part(element, 'status'), 'no second "Loading" list').to.be.null;
    expect(part(element, 'base')!.getAttribute('aria-busy')).to.equal('true');
    await expectAccessible(element);

    await settled(element);
    expect(commentIds(element)).to.deep.equal(['c1', 'c2']);
    expect(fallback.assignedSlot, 'fallback gone once loaded').to.be.null;
    expect(shown(fallback.querySelector('li'))).to.be.false;
    expect(form.assignedSlot).to.not.be.null;
    await expectAccessible(element);
  });

  it('shows the fallback with the error when the comments cannot be loaded, its form still usable', async () => {
    const adapter = memoryAdapterFor({comments: [seedComment('c1', 'Ada', 'First')]});
    adapter.simulate.fail('load', {code: 'network', message: 'The connection failed.'});
    const element = await fixture<CommentThreadElement>(html`
      <comment-thread thread=${THREAD} .adapter=${adapter}>${serverRendered}<comment-form></comment-form></comment-thread>
    `);
    await settled(element);
    expect(part(element, 'error')).to.not.be.null;
    const fallback = element.querySelector('[slot="fallback"]')!;
    expect(fallback.assignedSlot).to.not.be.null;
    expect(shown(fallback.querySelector('textarea'))).to.be.true;
    expect(element.querySelector('comment-form')!.assignedSlot, 'one form, the server\'s').to.be.null;
    await expectAccessible(element);
  });
});
