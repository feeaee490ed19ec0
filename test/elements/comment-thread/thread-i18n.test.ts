import {configureLocalization} from '@lit/localize';
import {expect, fixture, html} from '@open-wc/testing';
import type {CommentThreadElement} from '../../../src/elements/comment-thread/comment-thread.js';
import {loadColloquyLocale, sourceLocale, targetLocales} from '../../../src/localization.js';
import {expectAccessible} from '../../helpers/axe.js';
import {article, memoryAdapterFor, part, seedComment, settled, text, THREAD, type ThreadSetup} from './thread-fixture.js';

// Each test file runs in a page of its own: this one localizes it as an app would.
const {setLocale} = configureLocalization({sourceLocale, targetLocales, loadLocale: loadColloquyLocale});

/** A thread inside `<div lang dir>`, its messages in that language. */
async function threadIn(lang: string, dir: 'ltr' | 'rtl', setup: ThreadSetup = {}): Promise<CommentThreadElement> {
  await setLocale(lang);
  const adapter = memoryAdapterFor(setup);
  const wrapper = await fixture<HTMLElement>(html`
    <div lang=${lang} dir=${dir} style="inline-size: 40rem">
      <comment-thread thread=${THREAD} page-size="5" .adapter=${adapter}></comment-thread>
    </div>
  `);
  const element = wrapper.querySelector('comment-thread')!;
  await settled(element);
  return element;
}

const comments = (count: number) => Array.from({length: count}, (_, index) => seedComment(`c${index}`, `Person ${index}`, 'Hi'));
const minutesAgo = (minutes: number) => new Date(Date.now() - minutes * 60_000).toISOString();

describe('<comment-thread> in French and Arabic', () => {
  after(() => setLocale(sourceLocale));

  it('says how many thoughts there are in French, with its typography and its plural of 1', async () => {
    const number = new Intl.NumberFormat('fr');
    const expected: Array<[number, string]> = [
      [1, '1 réflexion sur « AQIM Updates, August 6 »'],
      [2, '2 réflexions sur « AQIM Updates, August 6 »'],
      [3, '3 réflexions sur « AQIM Updates, August 6 »'],
      [11, '11 réflexions sur « AQIM Updates, August 6 »'],
      [100, '100 réflexions sur « AQIM Updates, August 6 »'],
    ];
    for (const [count, heading] of expected) {
      const element = await threadIn('fr', 'ltr', {comments: comments(count)});
      // The spaces inside the guillemets do not break.
      expect(part(element, 'heading')!.textContent!.replace(/[\u2068\u2069]/g, ''), `${count} comments`).to.equal(
        heading.replace(/« /, '«\u00a0').replace(/ »/, '\u00a0»').replace(/^\d+/, (digits) => number.format(Number(digits))),
      );
    }
  });

  it('says how many comments there are in Arabic, in the form each number takes', async () => {
    const number = (count: number) => new Intl.NumberFormat('ar').format(count);
    const title = 'AQIM Updates, August 6';
    const expected: Array<[number, string]> = [
      [1, `تعليق واحد على «${title}»`], // one: the number said in words
      [2, `تعليقان على «${title}»`], // two: the dual
      [3, `${number(3)} تعليقات على «${title}»`], // few: plural
      [11, `${number(11)} تعليقًا على «${title}»`], // many: singular, accusative
      [100, `${number(100)} تعليق على «${title}»`], // other: singular, genitive
    ];
    for (const [count, heading] of expected) {
      const element = await threadIn('ar', 'rtl', {comments: comments(count)});
      expect(text(part(element, 'heading')), `${count} comments`).to.equal(heading);
    }
  });

  it('isolates the title inside the translated heading, even one with its own isolate controls', async () => {
    const element = await threadIn('ar', 'rtl', {title: 'Notes \u2069on C# (part 2)', comments: comments(3)});
    // Only the element's own FSI…PDI remain; the `#` inside the title is not the count's.
    expect(part(element, 'heading')!.textContent).to.equal(`${new Intl.NumberFormat('ar').format(3)} تعليقات على «\u2068Notes on C# (part 2)\u2069»`);
  });

  it('writes times, dates and labels in the language of the page', async () => {
    for (const [lang, dir] of [['fr', 'ltr'], ['ar', 'rtl']] as const) {
      const created = minutesAgo(3);
      const element = await threadIn(lang, dir, {
        comments: [seedComment('t', 'Ada Lovelace', 'Hello', {createdAt: created}), seedComment('r', 'Leila Haddad', 'Bonjour', {parentId: 't'})],
      });
      const time = article(element, 't').querySelector('time')!;
      expect(text(time)).to.equal(new Intl.RelativeTimeFormat(lang, {numeric: 'auto'}).format(-3, 'minute'));
      expect(time.title).to.equal(new Intl.DateTimeFormat(lang, {dateStyle: 'long', timeStyle: 'short'}).format(new Date(created)));
      const reply = article(element, 't').querySelector('[part="reply-button"]')!;
      expect(text(reply)).to.equal(lang === 'fr' ? 'Répondre' : 'رد');
      expect(reply.getAttribute('aria-label')).to.equal(lang === 'fr' ? 'Répondre à \u2068Ada Lovelace\u2069' : 'رد على \u2068Ada Lovelace\u2069');
    }
  });

  it('mirrors the layout right to left in Arabic: avatars and reply indentation on the right', async () => {
    const seed = {comments: [seedComment('p', 'Amina', 'Parent'), seedComment('r', 'Bilal', 'Reply', {parentId: 'p'})]};
    const measure = async (dir: 'ltr' | 'rtl') => {
      const element = await threadIn(dir === 'rtl' ? 'ar' : 'fr', dir, seed);
      const parent = article(element, 'p').getBoundingClientRect();
      const reply = article(element, 'r').getBoundingClientRect();
      const avatar = article(element, 'p').querySelector('[part~="avatar"]')!.getBoundingClientRect();
      const body = article(element, 'p').querySelector('[part="body"]')!.getBoundingClientRect();
      const line = getComputedStyle(article(element, 'r').closest('ol')!);
      return {element, parent, reply, avatar, body, line};
    };

    const ltr = await measure('ltr');
    expect(ltr.reply.left - ltr.parent.left, 'a reply is indented from the left').to.be.above(16);
    expect(Math.abs(ltr.reply.right - ltr.parent.right)).to.be.below(1);
    expect(ltr.avatar.right).to.be.at.most(ltr.body.left);

    const rtl = await measure('rtl');
    expect(rtl.parent.right - rtl.reply.right, 'a reply is indented from the right').to.be.above(16);
    expect(Math.abs(rtl.reply.left - rtl.parent.left)).to.be.below(1);
    expect(rtl.avatar.left, 'the avatar is on the right of the text').to.be.at.least(rtl.body.right);
    // The line down the conversation is on the side replies are indented from.
    expect(rtl.line.borderRightWidth).to.equal('2px');
    expect(rtl.line.borderLeftWidth).to.equal('0px');
    await expectAccessible(rtl.element);
  });

  it('is accessible in Arabic while loading more and when empty', async () => {
    const element = await threadIn('ar', 'rtl', {comments: comments(7)});
    expect(text(part(element, 'load-more-button'))).to.equal('تحميل مزيد من التعليقات');
    await expectAccessible(element);
    const empty = await threadIn('ar', 'rtl');
    expect(text(part(empty, 'status'))).to.equal('لا توجد تعليقات بعد.');
    await expectAccessible(empty);
  });
});
