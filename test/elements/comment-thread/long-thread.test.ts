import {configureLocalization} from '@lit/localize';
import {expect, fixture, html, waitUntil} from '@open-wc/testing';
import {setViewport} from '@web/test-runner-commands';
import {longThreadComments} from '../../../demo/long-thread-seed.js';
import {createMemoryAdapter} from '../../../src/adapters/memory/index.js';
import '../../../src/elements/comment-form/comment-form.js';
import type {CommentThreadElement} from '../../../src/elements/comment-thread/comment-thread.js';
import {loadColloquyLocale, sourceLocale, targetLocales} from '../../../src/localization.js';
import {expectAccessible} from '../../helpers/axe.js';
import {part, parts, settled} from './thread-fixture.js';

// Each test file runs in a page of its own: this one localizes it as an app would.
const {setLocale} = configureLocalization({sourceLocale, targetLocales, loadLocale: loadColloquyLocale});

/** The demo's long thread (329 comments, replies eight deep), every page loaded. */
async function renderLongThread(lang: string): Promise<CommentThreadElement> {
  await setLocale(lang);
  const adapter = createMemoryAdapter({
    threads: [{id: 'long', title: 'Sahel security: open discussion', comments: longThreadComments()}],
  });
  const wrapper = await fixture<HTMLElement>(html`
    <div lang=${lang} dir=${lang === 'ar' ? 'rtl' : 'ltr'}>
      <comment-thread thread="long" page-size="20" .adapter=${adapter}><comment-form></comment-form></comment-thread>
    </div>
  `);
  const element = wrapper.querySelector('comment-thread')!;
  await settled(element);
  while (part(element, 'load-more-button')) {
    part(element, 'load-more-button')!.click();
    await settled(element);
  }
  return element;
}

/**
 * Scrolls through the whole thread, as a reader would, so that every conversation has
 * been rendered once and keeps its real size: axe measures targets one at a time, and a
 * conversation laid out for the first time mid-run would move every target below it.
 */
async function readThrough(): Promise<void> {
  for (let top = 0; top < document.documentElement.scrollHeight; top += window.innerHeight) {
    window.scrollTo(0, top);
    await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
  }
  window.scrollTo(0, 0);
}

describe('<comment-thread> with a long thread', function () {
  this.timeout(120_000);

  afterEach(async () => {
    await setViewport({width: 800, height: 600});
  });
  after(() => setLocale(sourceLocale));

  for (const [width, height, lang] of [
    [1280, 800, 'en'],
    [360, 740, 'en'],
    [360, 740, 'ar'],
  ] as const) {
    it(`has no axe violation, target-size included, with all pages loaded at ${width} px (${lang})`, async () => {
      await setViewport({width, height});
      const element = await renderLongThread(lang);
      expect(parts(element, 'comment').length).to.be.greaterThan(300);
      await waitUntil(() => element.querySelector('comment-form')?.shadowRoot?.querySelector('textarea'));
      await readThrough();
      await expectAccessible(element);
    });
  }
});
