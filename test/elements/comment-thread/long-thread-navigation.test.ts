import {expect, fixture, html, waitUntil} from '@open-wc/testing';
import {sendKeys} from '@web/test-runner-commands';
import '../../../src/elements/comment-form/comment-form.js';
import type {CommentThreadElement} from '../../../src/elements/comment-thread/comment-thread.js';
import {expectAccessible} from '../../helpers/axe.js';
import {article, memoryAdapterFor, part, parts, renderThread, seedComment, settled, text, THREAD} from './thread-fixture.js';

const conversation = (id: string, name: string, replies: number) => [
  seedComment(id, name, `Start of ${id}`),
  ...Array.from({length: replies}, (_, index) =>
    seedComment(`${id}.${index}`, `Replier ${index}`, `Reply ${index}`, {parentId: index === 0 ? id : `${id}.${index - 1}`}),
  ),
];

describe('<comment-thread> long-thread navigation', () => {
  it('offers skip links as the first stops: to the form, and past the comments to "Load more"', async () => {
    const adapter = memoryAdapterFor({comments: [...conversation('a', 'Amina', 3), ...conversation('b', 'Bilal', 2)]});
    const element = await fixture<CommentThreadElement>(html`
      <comment-thread thread=${THREAD} page-size="1" .adapter=${adapter}><comment-form></comment-form></comment-thread>
    `);
    await settled(element);
    const [toForm, past] = parts(element, 'skip-link');
    expect(text(toForm)).to.equal('Skip to the comment form');
    expect(text(past)).to.equal('Skip past comments');
    // Hidden until focused, then shown where they are.
    expect(toForm!.getBoundingClientRect().width).to.be.at.most(1);
    toForm!.focus();
    expect(toForm!.getBoundingClientRect().width).to.be.greaterThan(24);
    await expectAccessible(element);

    await sendKeys({press: 'Enter'});
    const form = element.querySelector('comment-form')!;
    await waitUntil(() => form.shadowRoot!.activeElement?.localName === 'textarea', 'the form was not focused');

    past!.focus();
    await sendKeys({press: 'Enter'});
    expect(element.shadowRoot!.activeElement).to.equal(part(element, 'load-more-button'));
  });

  it('collapses a conversation, saying how many replies it hides', async () => {
    const {element} = await renderThread({comments: [...conversation('a', 'Amina', 3), seedComment('b', 'Bilal', 'Alone')]});
    const toggle = article(element, 'a').querySelector<HTMLButtonElement>('[part="collapse-button"]')!;
    expect(text(toggle)).to.equal('Collapse thread (3 replies)');
    expect(toggle.getAttribute('aria-expanded')).to.equal('true');
    const replies = element.shadowRoot!.getElementById(toggle.getAttribute('aria-controls')!)!;
    expect(replies.localName).to.equal('ol');
    expect(article(element, 'b').querySelector('[part="collapse-button"]')).to.equal(null);
    expect(article(element, 'a.0').querySelector('[part="collapse-button"]')).to.equal(null, 'only on conversations');

    toggle.click();
    await element.updateComplete;
    expect(toggle.getAttribute('aria-expanded')).to.equal('false');
    expect(text(toggle)).to.equal('Show 3 replies');
    expect(article(element, 'a.2').checkVisibility()).to.be.false;
    await expectAccessible(element);
    toggle.click();
    await element.updateComplete;
    expect(article(element, 'a.2').checkVisibility()).to.be.true;
  });

  it('cuts comments longer than about twelve lines, with "Show more"', async () => {
    const long = Array.from({length: 30}, (_, index) => `Line ${index + 1} of a long comment.`).join('\n');
    const {element} = await renderThread({
      comments: [seedComment('long', 'Amina', long), seedComment('short', 'Bilal', 'Short.'), seedComment('wide', 'Chen', 'word '.repeat(130))],
    });
    await waitUntil(() => article(element, 'long').querySelector('[part="show-more-button"]'), 'no "Show more"');
    const body = article(element, 'long').querySelector<HTMLElement>('[part="body"]')!;
    const lineHeight = parseFloat(getComputedStyle(body).lineHeight);
    expect(body.getBoundingClientRect().height).to.be.closeTo(12 * lineHeight, lineHeight);
    expect(article(element, 'short').querySelector('[part="show-more-button"]')).to.equal(null);
    // Long in characters, yet a few lines at this width: nothing to show more of.
    await element.updateComplete;
    expect(article(element, 'wide').querySelector('[part="show-more-button"]')).to.equal(null);
    expect(article(element, 'wide').querySelector('[part="body"]')!.classList.contains('clamped')).to.be.false;

    const more = article(element, 'long').querySelector<HTMLButtonElement>('[part="show-more-button"]')!;
    expect(more.getAttribute('aria-controls')).to.equal(body.id);
    expect(more.getAttribute('aria-expanded')).to.equal('false');
    await expectAccessible(element);
    more.click();
    await element.updateComplete;
    expect(body.getBoundingClientRect().height).to.be.greaterThan(25 * lineHeight);
    expect(text(more)).to.equal('Show less');
    expect(more.getAttribute('aria-expanded')).to.equal('true');
  });
});
