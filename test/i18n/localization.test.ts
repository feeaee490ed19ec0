import {LOCALE_STATUS_EVENT} from '@lit/localize';
import {expect, fixture, html, waitUntil} from '@open-wc/testing';
import '../../src/elements/comment-form/comment-form.js';
import type {CommentThreadElement} from '../../src/elements/comment-thread/comment-thread.js';
import {followPageLanguage, loadColloquyLocale, matchLocale} from '../../src/localization.js';
import {warningsDuring} from '../helpers/console.js';
import {memoryAdapterFor, part, seedComment, settled, text, THREAD} from '../elements/comment-thread/thread-fixture.js';

describe('matchLocale()', () => {
  it('finds the translation for a language, whatever its region or case', () => {
    expect(matchLocale('fr')).to.equal('fr');
    expect(matchLocale('fr-CA')).to.equal('fr');
    expect(matchLocale('AR_eg')).to.equal('ar');
    expect(matchLocale('en-GB')).to.equal('en');
  });

  it('finds it through likely subtags and old codes, not a table', () => {
    expect(matchLocale('he-IL')).to.equal('he');
    expect(matchLocale('iw')).to.equal('he');
    expect(matchLocale('iw-IL')).to.equal('he');
    expect(matchLocale('fa-IR')).to.equal('fa');
    expect(matchLocale('fa-AF')).to.equal('fa');
    expect(matchLocale('es-419')).to.equal('es');
    expect(matchLocale('de-CH')).to.equal('de');
    expect(matchLocale('pt-BR')).to.equal('pt-BR');
    expect(matchLocale('pt')).to.equal('pt-BR');
    expect(matchLocale('pt-PT')).to.equal('pt-BR');
    expect(matchLocale('uk-UA')).to.equal('uk');
    expect(matchLocale('zh')).to.equal('zh-Hans');
    expect(matchLocale('zh-CN')).to.equal('zh-Hans');
    expect(matchLocale('zh-SG')).to.equal('zh-Hans');
    expect(matchLocale('zh-TW')).to.equal('zh-Hant');
    expect(matchLocale('zh-HK')).to.equal('zh-Hant');
    expect(matchLocale('zh-Hant-HK')).to.equal('zh-Hant');
    expect(matchLocale('zh-Hans-HK')).to.equal('zh-Hans');
    expect(matchLocale('ja-JP')).to.equal('ja');
    expect(matchLocale('in')).to.equal('id');
    expect(matchLocale('ko-KR')).to.equal('ko');
    expect(matchLocale('hi-IN')).to.equal('hi');
    expect(matchLocale('vi-VN')).to.equal('vi');
  });

  it('takes the first of several preferences it has, else English', () => {
    expect(matchLocale(['sv-FI', 'ar', 'fr'])).to.equal('ar');
    expect(matchLocale(['sv', 'fi'])).to.equal('en');
    expect(matchLocale('')).to.equal('en');
    expect(matchLocale('français')).to.equal('en');
  });
});

describe('loadColloquyLocale()', () => {
  it('loads the nearest translation, and nothing for a language Colloquy does not speak', async () => {
    expect((await loadColloquyLocale('fr-CA')).templates['form.heading']).to.equal('Laisser un commentaire');
    expect((await loadColloquyLocale('ar')).templates['form.heading']).to.equal('اترك تعليقًا');
    expect((await loadColloquyLocale('sv')).templates).to.deep.equal({});
  });
});

describe('followPageLanguage()', () => {
  const root = document.documentElement;
  after(() => root.removeAttribute('lang'));

  it('follows <html lang> as it changes, for elements already in the page', async () => {
    root.lang = 'fr';
    const adapter = memoryAdapterFor({comments: [seedComment('a', 'Amina', 'Salut')]});
    const thread = await fixture<CommentThreadElement>(
      html`<comment-thread thread=${THREAD} .adapter=${adapter}><comment-form></comment-form></comment-thread>`,
    );
    await settled(thread);
    const form = thread.querySelector('comment-form')!;
    const heading = () => text(part(thread, 'heading'));
    const formHeading = () => text(form.shadowRoot!.querySelector('[part="heading"]'));
    expect(heading()).to.equal('1 thought on “AQIM Updates, August 6”');

    followPageLanguage();
    await waitUntil(() => heading() === '1 réflexion sur « AQIM Updates, August 6 »', `French heading, got "${heading()}"`);
    expect(formHeading()).to.equal('Laisser un commentaire');

    root.lang = 'ar-EG';
    await waitUntil(() => heading() === 'تعليق واحد على «AQIM Updates, August 6»', `Arabic heading, got "${heading()}"`);
    expect(formHeading()).to.equal('اترك تعليقًا');

    root.lang = 'sv';
    await waitUntil(() => heading() === '1 thought on “AQIM Updates, August 6”', `English for Swedish, got "${heading()}"`);
    expect(formHeading()).to.equal('Leave a Reply');
    // Messages fall back to English; the time still speaks the page's exact language.
    const time = thread.shadowRoot!.querySelector('time')!;
    expect(text(time)).to.equal(new Intl.RelativeTimeFormat('sv', {numeric: 'auto'}).format(-1, 'hour'));
    expect(time.title).to.contain(new Intl.DateTimeFormat('sv', {month: 'long'}).format(new Date()));
  });

  it('configures once: calling it again (bundle and page code both may) does nothing', async () => {
    root.lang = 'fr';
    await waitUntil(() => readyLocale === 'fr', 'French did not load');
    const warnings = warningsDuring(() => followPageLanguage());
    expect(warnings, 'no warning about a second configuration').to.deep.equal([]);
    expect(readyLocale).to.equal('fr');
  });
});

let readyLocale = '';
window.addEventListener(LOCALE_STATUS_EVENT, (event) => {
  if (event.detail.status === 'ready') readyLocale = event.detail.readyLocale;
});
