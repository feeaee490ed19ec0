// A tick of the page's clock rewrites only the relative labels that read differently; it
// does not re-render the thread (which would redo every comment's template).
import {expect, fixture, html, waitUntil} from '@open-wc/testing';
import {createMemoryAdapter} from '../../../src/adapters/memory/index.js';
import type {CommentThreadElement} from '../../../src/elements/comment-thread/comment-thread.js';
import '../../../src/elements/comment-thread/comment-thread.js';
import {fakeTimers} from '../../helpers/fake-timers.js';
import {stubAdapter, stubComment, stubPage} from './stub-adapter.js';
import {settled, THREAD} from './thread-fixture.js';

const minutesAgo = (minutes: number) => new Date(Date.now() - minutes * 60_000).toISOString();
const daysAgo = (days: number) => minutesAgo(days * 24 * 60);

/** Counts the thread's Lit updates from now on. */
function countUpdates(element: CommentThreadElement): {readonly count: number} {
  const counter = {count: 0};
  const update = (element as unknown as {update: (changed: unknown) => void}).update;
  Object.defineProperty(element, 'update', {
    configurable: true,
    value(this: CommentThreadElement, changed: unknown) {
      counter.count++;
      return update.call(this, changed);
    },
  });
  return counter;
}

/** The ids of the comments whose DOM changed while `act` ran. */
async function touchedComments(element: CommentThreadElement, act: () => Promise<void>): Promise<string[]> {
  const touched = new Set<string>();
  const observer = new MutationObserver((records) => {
    for (const record of records) {
      const node = record.target instanceof Element ? record.target : record.target.parentElement;
      const id = node?.closest<HTMLElement>('[data-comment-id]')?.dataset['commentId'];
      touched.add(id ?? '(outside any comment)');
    }
  });
  observer.observe(element.shadowRoot!, {subtree: true, childList: true, characterData: true, attributes: true});
  await act();
  await new Promise((resolve) => setTimeout(resolve));
  observer.disconnect();
  return [...touched].sort();
}

const label = (element: CommentThreadElement, id: string) =>
  element.shadowRoot!.querySelector(`[data-comment-id="${id}"] time`)?.textContent?.trim();

describe('<comment-thread> on a clock tick', () => {
  let timers: ReturnType<typeof fakeTimers>;
  beforeEach(() => (timers = fakeTimers()));
  afterEach(() => timers.restore());

  it('rewrites only the labels that changed, without re-rendering the thread', async () => {
    const comments = [
      {id: 'fresh', author: {name: 'Ada'}, createdAt: minutesAgo(2), text: 'Just now.'},
      ...Array.from({length: 20}, (_, index) => ({id: `old-${index}`, author: {name: 'Bo'}, createdAt: daysAgo(3), text: `Older ${index}.`})),
    ];
    const adapter = createMemoryAdapter({threads: [{id: 't', title: 'T', comments}]});
    const element = await fixture<CommentThreadElement>(html`<comment-thread thread="t" .adapter=${adapter}></comment-thread>`);
    await settled(element);
    await waitUntil(() => label(element, 'fresh') === '2 minutes ago');
    expect(label(element, 'old-0')).to.equal('3 days ago');
    const updates = countUpdates(element);

    const touched = await touchedComments(element, async () => {
      timers.advance(3 * 60_000);
      await element.updateComplete;
    });
    expect(label(element, 'fresh')).to.equal('5 minutes ago');
    expect(label(element, 'old-0')).to.equal('3 days ago');
    expect(touched, 'comments whose DOM a tick changed').to.deep.equal(['fresh']);
    expect(updates.count, 'thread updates on a tick').to.equal(0);

    // A tick that changes no label touches nothing at all.
    const quiet = await touchedComments(element, async () => {
      timers.advance(10_000);
      await element.updateComplete;
    });
    expect(quiet).to.deep.equal([]);
    expect(updates.count).to.equal(0);
  });

  it('keeps labels current in a thread moved elsewhere in the page, and stops those taken out', async () => {
    const comments = [{id: 'fresh', author: {name: 'Ada'}, createdAt: minutesAgo(2), text: 'Just now.'}];
    const adapter = createMemoryAdapter({threads: [{id: 't', title: 'T', comments}]});
    const element = await fixture<CommentThreadElement>(html`<comment-thread thread="t" .adapter=${adapter}></comment-thread>`);
    const other = await fixture<CommentThreadElement>(html`<comment-thread thread="t" .adapter=${adapter}></comment-thread>`);
    await settled(element);
    await settled(other);
    const box = document.createElement('div');
    document.body.append(box);
    box.append(element);
    other.remove();
    timers.advance(3 * 60_000);
    await element.updateComplete;
    expect(label(element, 'fresh')).to.equal('5 minutes ago');
    expect(label(other, 'fresh'), 'a thread out of the page is left alone').to.equal('2 minutes ago');
    box.remove();
  });

  it('keeps the labels of comments added later current, and lets go of those of comments removed', async () => {
    const first = stubComment('first', {createdAt: minutesAgo(2)});
    const parent = stubComment('parent', {createdAt: minutesAgo(2)});
    const reply = stubComment('reply', {parentId: 'parent', createdAt: minutesAgo(2)});
    const {adapter, emit} = stubAdapter(async () => stubPage([first, parent, reply], null, 3));
    const element = await fixture<CommentThreadElement>(html`<comment-thread thread=${THREAD} .adapter=${adapter}></comment-thread>`);
    await settled(element);
    emit({type: 'comment-added', thread: THREAD, comment: stubComment('live', {createdAt: minutesAgo(1)})});
    emit({type: 'comment-added', thread: THREAD, comment: stubComment('live-reply', {parentId: 'first', createdAt: minutesAgo(1)})});
    await waitUntil(() => label(element, 'live-reply') === '1 minute ago');
    const time = (id: string) => element.shadowRoot!.querySelector(`[data-comment-id="${id}"] time`)!;
    const removedTimes = [time('reply'), time('live')];

    emit({type: 'comment-removed', thread: THREAD, commentId: 'reply'});
    emit({type: 'comment-removed', thread: THREAD, commentId: 'live'});
    await waitUntil(() => !element.shadowRoot!.querySelector('[data-comment-id="live"]'));
    expect(removedTimes.every((node) => !node.isConnected)).to.equal(true);

    timers.advance(3 * 60_000);
    await element.updateComplete;
    expect(label(element, 'first')).to.equal('5 minutes ago');
    expect(label(element, 'live-reply'), 'a reply that came live').to.equal('4 minutes ago');
    expect(
      removedTimes.map((node) => node.textContent),
      'labels of removed comments are no longer kept current',
    ).to.deep.equal(['2 minutes ago', '1 minute ago']);
  });

  it('still re-renders while an edit window counts down, so the Edit label follows', async () => {
    const mine = stubComment('mine', {
      author: {name: 'Ada', isViewer: true},
      createdAt: minutesAgo(1),
      viewerCan: {reply: true, edit: true, delete: true, editableUntil: new Date(Date.now() + 4 * 60_000).toISOString()},
    });
    const {adapter} = stubAdapter(async () => stubPage([mine], null, 1));
    const element = await fixture<CommentThreadElement>(html`
      <comment-thread thread=${THREAD} .adapter=${{...adapter, capabilities: {...adapter.capabilities, edit: true, delete: true}}}></comment-thread>
    `);
    await settled(element);
    const editLabel = () => element.shadowRoot!.querySelector('[part~="edit-button"]')?.textContent?.trim();
    expect(editLabel()).to.equal('Edit (4 min left)');
    const updates = countUpdates(element);
    timers.advance(2 * 60_000);
    await element.updateComplete;
    expect(updates.count).to.equal(1);
    expect(editLabel()).to.equal('Edit (2 min left)');
  });
});
