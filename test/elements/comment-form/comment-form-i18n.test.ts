import {configureLocalization} from '@lit/localize';
import {expect, fixture, html, waitUntil} from '@open-wc/testing';
import {encodeMemoryGrant} from '../../../src/adapters/memory/index.js';
import type {CommentFormElement} from '../../../src/elements/comment-form/comment-form.js';
import '../../../src/elements/login-choice/login-choice.js';
import type {LoginChoiceElement} from '../../../src/elements/login-choice/login-choice.js';
import {loadColloquyLocale, sourceLocale, targetLocales} from '../../../src/localization.js';
import {expectAccessible} from '../../helpers/axe.js';
import {fill, formInThread, memoryAdapter, part, resetStorage, submit} from '../../helpers/form.js';

// This page is an Arabic one, written right to left, as a site would set it.
const root = document.documentElement;
root.lang = 'ar';
root.dir = 'rtl';
const {setLocale} = configureLocalization({sourceLocale, targetLocales, loadLocale: loadColloquyLocale});

const SIGN_IN_PAGE = 'https://blog.example/consent';
const panel = (form: CommentFormElement) => form.shadowRoot!.querySelector<LoginChoiceElement>('login-choice')!;
const panelPart = (form: CommentFormElement, name: string) => panel(form).shadowRoot!.querySelector<HTMLElement>(`[part~="${name}"]`);
const words = (node: Element | null) => (node?.textContent ?? '').replace(/\s+/g, ' ').trim();
const box = (node: Element | null) => node!.getBoundingClientRect();
/** Where the words inside `node` are, rather than its box (a grid item spans the line). */
function wordsBox(node: Element | null): DOMRect {
  const range = document.createRange();
  range.selectNodeContents(node!);
  return range.getBoundingClientRect();
}

describe('<comment-form> and <login-choice> in Arabic, right to left', () => {
  before(() => setLocale('ar'));
  afterEach(resetStorage);
  after(async () => {
    await setLocale(sourceLocale);
    root.removeAttribute('lang');
    root.removeAttribute('dir');
  });

  it('speaks Arabic and lays the form out from the right', async () => {
    const {form} = await formInThread(memoryAdapter({signInPage: SIGN_IN_PAGE, maxLength: 2000}));
    await waitUntil(() => panelPart(form, 'provider-button'), 'no providers in the form');
    expect(words(part(form, 'heading'))).to.equal('اترك تعليقًا');
    expect(words(part(form, 'submit-button'))).to.equal('أرسل التعليق');
    expect(words(form.shadowRoot!.querySelector('label[for="text"]'))).to.equal('التعليق *');
    expect(words(panelPart(form, 'choice')!.querySelector('.prompt'))).to.equal(
      'أدخل بياناتك أدناه أو انقر على إحدى الأيقونات لتسجيل الدخول:',
    );
    expect(words(form.shadowRoot!.getElementById('text-limit'))).to.equal(`${new Intl.NumberFormat('ar').format(2000)} حرف كحد أقصى.`);

    const textarea = box(part(form, 'textarea'));
    const label = wordsBox(form.shadowRoot!.querySelector('label[for="text"]'));
    expect(Math.abs(label.right - textarea.right), 'the label starts on the right').to.be.below(1);
    expect(label.left - textarea.left, 'and leaves space on the left').to.be.above(100);
    const count = box(part(form, 'character-count')!.querySelector('[aria-hidden]'));
    expect(Math.abs(count.left - textarea.left), 'the count sits at the end of the line: the left').to.be.below(1);
    const [first, second] = panel(form).shadowRoot!.querySelectorAll('[part~="provider-button"]');
    expect(box(first!).left, 'the first provider is the rightmost').to.be.above(box(second!).left);
    const submitButton = box(part(form, 'submit-button'));
    expect(Math.abs(submitButton.right - textarea.right), 'Post is on the right').to.be.below(1);
    await expectAccessible(form);
  });

  it('says what is wrong in Arabic, counting characters in the right form', async () => {
    const {form} = await formInThread(memoryAdapter({signInPage: SIGN_IN_PAGE, maxLength: 10}));
    submit(form);
    await form.updateComplete;
    expect(words(form.shadowRoot!.getElementById('text-error'))).to.equal('يُرجى كتابة تعليقك.');
    expect(words(part(form, 'alert'))).to.contain('يُرجى تصحيح الحقول المُشار إليها.');
    const alert = getComputedStyle(part(form, 'alert')!);
    expect(alert.borderRightWidth, 'the alert’s thick edge is where lines start: the right').to.equal('4px');
    await expectAccessible(form);

    const tooMany: Array<[number, string]> = [
      [1, 'حرف واحد زائد.'],
      [2, 'حرفان زائدان.'],
      [3, '3 أحرف زائدة.'],
      [11, '11 حرفًا زائدًا.'],
      [100, '100 حرف زائد.'],
    ];
    for (const [over, message] of tooMany) {
      await fill(form, 'textarea', 'ب'.repeat(10 + over));
      expect(words(form.shadowRoot!.getElementById('text-error')), `${over} too many`).to.equal(
        message.replace(/\d+/, (digits) => new Intl.NumberFormat('ar').format(Number(digits))),
      );
    }
  });

  it('shows who is signed in, in Arabic, with the avatar on the right', async () => {
    const adapter = memoryAdapter({signInPage: SIGN_IN_PAGE});
    await adapter.completeSignIn({providerId: 'github', result: {code: encodeMemoryGrant({name: 'Grace Hopper'})}}, {});
    const {form} = await formInThread(adapter);
    await waitUntil(() => panelPart(form, 'signed-in'), 'not shown as signed in');
    const signedIn = panelPart(form, 'signed-in')!;
    expect(words(signedIn)).to.contain('أنت تعلّق باستخدام حسابك على \u2068GitHub\u2069. (تسجيل الخروج / تغيير)');
    const avatar = box(panelPart(form, 'avatar'));
    const name = box(signedIn.querySelector('.viewer-name'));
    expect(avatar.left, 'the avatar comes first, on the right').to.be.at.least(name.right);
    await expectAccessible(form);
  });

  it('keeps addresses left to right in the panel’s own guest fields, names in the direction typed', async () => {
    const choice = await fixture<LoginChoiceElement>(html`<login-choice .adapter=${memoryAdapter()}></login-choice>`);
    await waitUntil(() => choice.shadowRoot!.querySelector('#guest-email'), 'no guest fields');
    const field = (name: string) => choice.shadowRoot!.querySelector<HTMLInputElement>(`#guest-${name}`)!;
    expect(getComputedStyle(field('email')).direction).to.equal('ltr');
    expect(getComputedStyle(field('website')).direction).to.equal('ltr');
    expect(field('name').dir).to.equal('auto');
    expect(words(choice.shadowRoot!.querySelector('label[for="guest-email"]'))).to.equal('البريد الإلكتروني *'); // as in the form
    await expectAccessible(choice);
  });
});
