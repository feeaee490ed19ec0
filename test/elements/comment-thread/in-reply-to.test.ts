// "In reply to …" on replies listed away from their parent: built as nodes (not a template)
// and patched in place, so it must follow its parent's changes, come and go with the
// thread's depth, and keep its place before a held comment's moderation note.
import {expect, fixture, html, waitUntil} from '@open-wc/testing';
import type {CommentThreadElement} from '../../../src/elements/comment-thread/comment-thread.js';
import '../../../src/elements/comment-thread/comment-thread.js';
import {stubAdapter, stubComment, stubPage} from './stub-adapter.js';
import {article, settled, text, THREAD} from './thread-fixture.js';

const note = (element: HTMLElement, id: string) => article(element, id).querySelector<HTMLElement>('[part="in-reply-to"]');

describe('<comment-thread> "In reply to"', () => {
  it('follows its parent, the depth shown and the moderation note', async () => {
    const two = stubComment('2', {parentId: '1', author: {name: 'Two'}});
    const three = stubComment('3', {parentId: '2', author: {name: 'Three'}});
    const comments = [
      stubComment('1', {author: {name: 'One'}}),
      two,
      three,
      stubComment('4', {parentId: '3', author: {name: 'Four'}}),
      stubComment('held', {parentId: '2', status: 'pending', author: {name: 'Held', isViewer: true}}),
    ];
    const {adapter, emit} = stubAdapter(async () => stubPage(comments, null, comments.length));
    const element = await fixture<CommentThreadElement>(html`<comment-thread thread=${THREAD} max-depth="2" .adapter=${adapter}></comment-thread>`);
    await settled(element);
    expect(note(element, '2')).to.equal(null);
    expect(text(note(element, '3'))).to.equal('In reply to Two');
    expect(note(element, '3')!.className).to.equal('in-reply-to');
    expect(note(element, '3')!.querySelector('a')!.getAttribute('href')).to.equal('#comment-2');
    expect(text(note(element, '4'))).to.equal('In reply to Three');
    // A held reply: the note right under the header, then the moderation note.
    const held = article(element, 'held');
    const notes = [...held.querySelectorAll('[part~="in-reply-to"], [part~="moderation-note"]')].map((node) => node.getAttribute('part'));
    expect(notes).to.deep.equal(['in-reply-to', 'moderation-note']);
    expect(held.querySelector('header')!.nextElementSibling).to.equal(note(element, 'held'));

    // Its parent deleted (a placeholder while replies hang below it), or renamed.
    emit({type: 'comment-updated', thread: THREAD, comment: {...three, status: 'deleted'}});
    emit({type: 'comment-updated', thread: THREAD, comment: {...two, author: {name: 'Deux'}}});
    await waitUntil(() => text(note(element, '4')) === 'In reply to a deleted comment');
    expect(text(note(element, 'held'))).to.equal('In reply to Deux');

    // Listed under its parent: said only where a narrow screen indents fewer levels.
    element.maxDepth = 5;
    await settled(element);
    expect(note(element, '3'), 'indented under its parent').to.equal(null);
    expect(note(element, 'held'), 'indented under its parent').to.equal(null);
    expect(text(article(element, 'held').querySelector('[part~="moderation-note"]'))).to.equal('Your comment is awaiting moderation.');
    expect(note(element, '4')!.className).to.equal('in-reply-to narrow-only');
    expect(text(note(element, '4'))).to.equal('In reply to a deleted comment');
    element.maxDepth = 3;
    await settled(element);
    expect(note(element, '4')!.className).to.equal('in-reply-to');
  });
});
