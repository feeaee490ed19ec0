import {expect} from '@open-wc/testing';
import {sendKeys} from '@web/test-runner-commands';
import {expectAccessible} from '../../helpers/axe.js';
import {article, renderThread, seedComment, text} from './thread-fixture.js';

const daysAgo = (days: number) => new Date(Date.now() - days * 24 * 60 * 60_000).toISOString();
const full = (iso: string) => new Intl.DateTimeFormat('en', {dateStyle: 'long', timeStyle: 'short'}).format(new Date(iso));

async function threadWithDates(style?: string) {
  const recent = daysAgo(3);
  const old = daysAgo(10);
  const {element} = await renderThread({
    comments: [seedComment('recent', 'Amina', 'Hi', {createdAt: recent}), seedComment('old', 'Bilal', 'Hello', {createdAt: old})],
  });
  if (style) {
    element.setAttribute('date-style', style);
    await element.updateComplete;
  }
  const shown = (id: string) => text(article(element, id).querySelector('[part="timestamp"]'));
  return {element, recent, old, shown};
}

describe('<comment-thread date-style>', () => {
  it('is relative by default, with the full date in the permalink’s name and shown on keyboard focus', async () => {
    const {element, recent, shown} = await threadWithDates();
    expect(shown('recent')).to.equal('3 days ago');
    expect(shown('old')).to.equal('last week');
    const permalink = article(element, 'recent').querySelector<HTMLAnchorElement>('[part="permalink"]')!;
    const fullDate = permalink.querySelector<HTMLElement>('[part="full-date"]')!;
    expect(text(fullDate)).to.equal(full(recent));
    expect(text(permalink)).to.equal(`3 days ago ${full(recent)}`);
    expect(fullDate.getBoundingClientRect().width).to.be.at.most(1);

    // Reach the permalink with Tab, as a keyboard user would.
    article(element, 'recent').focus();
    await sendKeys({press: 'Tab'});
    expect(element.shadowRoot!.activeElement).to.equal(permalink);
    expect(fullDate.getBoundingClientRect().width).to.be.greaterThan(100);
    await expectAccessible(element);
  });

  it('writes dates in full with date-style="absolute"', async () => {
    const {element, recent, old, shown} = await threadWithDates('absolute');
    expect(shown('recent')).to.equal(full(recent));
    expect(shown('old')).to.equal(full(old));
    expect(element.shadowRoot!.querySelector('[part="full-date"]')).to.equal(null);
    await expectAccessible(element);
  });

  it('is relative for a week, then the date, with date-style="auto"', async () => {
    const {recent, old, shown} = await threadWithDates('auto');
    expect(shown('recent')).to.equal('3 days ago');
    expect(shown('recent')).not.to.equal(full(recent));
    expect(shown('old')).to.equal(full(old));
  });
});
