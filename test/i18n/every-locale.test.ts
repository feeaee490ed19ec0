import {configureLocalization, type LocaleModule} from '@lit/localize';
import {expect, fixture, html, waitUntil} from '@open-wc/testing';
import type {CommentFormElement} from '../../src/elements/comment-form/comment-form.js';
import type {CommentThreadElement} from '../../src/elements/comment-thread/comment-thread.js';
import type {LoginChoiceElement} from '../../src/elements/login-choice/login-choice.js';
import '../../src/elements/login-choice/login-choice.js';
import {directionOf} from '../../src/i18n/match.js';
import {loadColloquyLocale, sourceLocale, targetLocales} from '../../src/localization.js';
import {expectAccessible} from '../helpers/axe.js';
import {formInThread, memoryAdapter, part as formPart, resetStorage, submit} from '../helpers/form.js';
import {memoryAdapterFor, part, seedComment, settled, THREAD} from '../elements/comment-thread/thread-fixture.js';

// Every locale Colloquy ships, in Chromium: the heading in each plural category the
// language has, the form, the sign-in panel and an error, each in that language.
const root = document.documentElement;
const {setLocale} = configureLocalization({sourceLocale, targetLocales, loadLocale: loadColloquyLocale});

const TITLE = 'AQIM Updates, August 6';
const SIGN_IN_PAGE = 'https://blog.example/consent';
const words = (node: Element | null | undefined) => (node?.textContent ?? '').replace(/\s+/g, ' ').trim();

/** A built template as the element shows it: values in place, `#` as the number. */
function shown(template: LocaleModule['templates'][string] | undefined, values: string[] = [], number = ''): string {
  if (typeof template === 'string') return template.replace(/#/g, number).replace(/\s+/g, ' ').trim();
  const {strings, values: order} = template as unknown as {strings: string[]; values: number[]};
  return strings
    .map((text, i) => text.replace(/#/g, number) + (i < order.length ? values[order[i]!] : ''))
    .join('')
    .replace(/\s+/g, ' ')
    .trim();
}

/**
 * One count for each CLDR plural category of `locale` that a heading can show: 1 for `one`,
 * 2 for `two`, … (never 0: a thread without comments is headed "Comments", with no count).
 */
function countPerCategory(locale: string): Map<Intl.LDMLPluralRule, number> {
  const rules = new Intl.PluralRules(locale);
  const counts = new Map<Intl.LDMLPluralRule, number>();
  for (const count of [1, 2, 3, 5, 11, 21, 22, 25, 100, 101, 102, 1_000_000]) {
    const category = rules.select(count);
    if (!counts.has(category)) counts.set(category, count);
  }
  return counts;
}

const comments = (count: number) => Array.from({length: count}, (_, index) => seedComment(`c${index}`, `Person ${index}`, 'Hi'));

/**
 * A thread the backend says holds `count` comments (a few of them stored): `many` in
 * French, Spanish, Italian and Portuguese starts at a million.
 */
async function threadWith(count: number): Promise<CommentThreadElement> {
  const adapter = memoryAdapterFor({title: TITLE, comments: comments(Math.min(count, 3))});
  const loadPage = adapter.loadPage.bind(adapter);
  adapter.loadPage = async (request, options) => {
    const page = await loadPage(request, options);
    return {...page, thread: {...page.thread, totalCount: count}};
  };
  const element = await fixture<CommentThreadElement>(html`<comment-thread thread=${THREAD} page-size="1" .adapter=${adapter}></comment-thread>`);
  await settled(element);
  return element;
}

/** Headings people who speak the language wrote down, so a form filed under the wrong category fails. */
const writtenHeadings: Record<string, Array<[number, string]>> = {
  he: [[1, 'תגובה אחת על „#”'], [2, 'שתי תגובות על „#”'], [3, '3 תגובות על „#”']],
  fa: [[1, '۱ دیدگاه برای «#»'], [3, '۳ دیدگاه برای «#»']],
  de: [[1, '1 Gedanke zu „#“'], [2, '2 Gedanken zu „#“']],
  es: [[1, '1 comentario en «#»'], [5, '5 comentarios en «#»'], [1_000_000, '1.000.000 de comentarios en «#»']],
  'pt-BR': [[1, '1 comentário sobre “#”'], [2, '2 comentários sobre “#”']],
  ru: [[1, '1 комментарий к «#»'], [3, '3 комментария к «#»'], [5, '5 комментариев к «#»'], [21, '21 комментарий к «#»'], [22, '22 комментария к «#»']],
  uk: [[1, '1 коментар до «#»'], [3, '3 коментарі до «#»'], [11, '11 коментарів до «#»'], [21, '21 коментар до «#»']],
  ja: [[1, '「#」への1件のフィードバック'], [2, '「#」への2件のフィードバック']],
  'zh-Hans': [[3, '《#》上有3条评论']],
  'zh-Hant': [[2, '「#」有 2 則留言']],
  ko: [[1, '“#”에 대한 1개의 생각']],
  pl: [[1, '1 komentarz do „#”'], [3, '3 komentarze do „#”'], [5, '5 komentarzy do „#”'], [22, '22 komentarze do „#”'], [12, '12 komentarzy do „#”']],
};

for (const locale of targetLocales) {
  describe(`Colloquy in ${locale}`, () => {
    let templates: LocaleModule['templates'];
    before(async () => {
      templates = (await loadColloquyLocale(locale)).templates;
      root.lang = locale;
      root.dir = directionOf(locale);
      await setLocale(locale);
    });
    afterEach(resetStorage);
    after(async () => {
      await setLocale(sourceLocale);
      root.removeAttribute('lang');
      root.removeAttribute('dir');
    });

    it('says how many comments there are in every plural form of the language', async () => {
      const number = new Intl.NumberFormat(locale);
      const empty = words(part(await threadWith(0), 'heading'));
      expect(empty, 'no comments: no count').to.equal(shown(templates['thread.heading.loading']));
      for (const [category, count] of countPerCategory(locale)) {
        const heading = words(part(await threadWith(count), 'heading')).replace(/[\u2068\u2069]/g, '');
        expect(heading, `${count} (${category})`).to.equal(shown(templates[`thread.heading.${category}`], [TITLE], number.format(count)));
      }
      for (const [count, written] of writtenHeadings[locale] ?? []) {
        const heading = words(part(await threadWith(count), 'heading')).replace(/[\u2068\u2069]/g, '');
        expect(heading).to.equal(written.replace('#', TITLE));
      }
    });

    it('shows the form, the sign-in panel and a mistake in the language', async () => {
      const {form} = await formInThread(memoryAdapter({signInPage: SIGN_IN_PAGE}));
      const panel = () => form.shadowRoot!.querySelector<LoginChoiceElement>('login-choice');
      await waitUntil(() => panel()?.shadowRoot?.querySelector('[part~="provider-button"]'), 'no sign-in panel');
      expect(words(formPart(form, 'heading'))).to.equal(shown(templates['form.heading']));
      expect(words(formPart(form, 'submit-button'))).to.equal(shown(templates['form.submit']));
      expect(words(panel()!.shadowRoot!.querySelector('.prompt'))).to.equal(shown(templates['login.prompt']));
      submit(form);
      await form.updateComplete;
      expect(words(form.shadowRoot!.getElementById('text-error'))).to.equal(shown(templates['form.invalid.text']));
      expect(words(formPart(form, 'alert'))).to.contain(shown(templates['form.error.invalid']));
      if (directionOf(locale) === 'rtl') await expectRightToLeft(form);
    });

    if (directionOf(locale) === 'rtl') {
      it('lays the thread out right to left and passes axe', async () => {
        const element = await threadWith(3);
        const heading = part(element, 'heading')!;
        const range = document.createRange();
        range.selectNodeContents(heading);
        expect(heading.getBoundingClientRect().right - range.getBoundingClientRect().right, 'the heading starts on the right').to.be.below(1);
        await expectAccessible(element);
      });
    }
  });
}

async function expectRightToLeft(form: CommentFormElement): Promise<void> {
  const textarea = formPart(form, 'textarea')!.getBoundingClientRect();
  const range = document.createRange();
  range.selectNodeContents(form.shadowRoot!.querySelector('label[for="text"]')!);
  const label = range.getBoundingClientRect();
  expect(Math.abs(label.right - textarea.right), 'the label starts on the right').to.be.below(1);
  const submitButton = formPart(form, 'submit-button')!.getBoundingClientRect();
  expect(Math.abs(submitButton.right - textarea.right), 'Post is on the right').to.be.below(1);
  await expectAccessible(form);
}
