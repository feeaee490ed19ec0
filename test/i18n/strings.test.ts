import {expect, fixture, html, waitUntil} from '@open-wc/testing';
import '../../src/elements/comment-form/comment-form.js';
import type {CommentFormElement} from '../../src/elements/comment-form/comment-form.js';
import type {CommentThreadElement} from '../../src/elements/comment-thread/comment-thread.js';
import {applyPageStrings, followPageLanguage, setColloquyStrings} from '../../src/localization.js';
import {memoryAdapterFor, part, seedComment, settled, text, THREAD} from '../elements/comment-thread/thread-fixture.js';

// A script-tag page that changes Colloquy's words with blocks of JSON, as a site would
// write them in its HTML before the widget loads.
function addBlock(json: string, locale?: string): HTMLScriptElement {
  const block = document.createElement('script');
  block.type = 'application/json';
  block.setAttribute('data-colloquy-strings', locale ?? '');
  block.textContent = json;
  document.body.append(block);
  return block;
}
addBlock(`{
  "form.heading": "Join the discussion",
  "thread.heading": "{count, plural, one {One reader wrote in about “{0}”} other {# readers wrote in about “{0}”}}"
}`);
addBlock('{"form.heading": "Participez à la discussion"}', 'fr-CA');

const root = document.documentElement;
root.lang = 'en';
followPageLanguage();

const comments = (count: number) => Array.from({length: count}, (_, index) => seedComment(`c${index}`, `Person ${index}`, 'Hi'));
async function thread(count: number): Promise<CommentThreadElement> {
  const element = await fixture<CommentThreadElement>(
    html`<comment-thread thread=${THREAD} .adapter=${memoryAdapterFor({comments: comments(count)})}><comment-form></comment-form></comment-thread>`,
  );
  await settled(element);
  return element;
}
const formHeading = (element: CommentThreadElement) =>
  text(element.querySelector<CommentFormElement>('comment-form')!.shadowRoot!.querySelector('[part="heading"]'));
/** What console.warn heard until `action`'s promise settled. */
async function warningsUntil(action: () => Promise<unknown>): Promise<string[]> {
  const heard: string[] = [];
  const warn = console.warn;
  console.warn = (...args: unknown[]) => heard.push(args.map(String).join(' '));
  try {
    await action();
  } finally {
    console.warn = warn;
  }
  return heard;
}
const heading = (element: CommentThreadElement) => text(part(element, 'heading'));

describe('the site’s own words', () => {
  after(() => {
    root.lang = 'en';
  });

  it('replaces “Leave a Reply” and the counted heading from a block of JSON, in English too', async () => {
    const element = await thread(1);
    await waitUntil(() => formHeading(element) === 'Join the discussion', `got "${formHeading(element)}"`);
    expect(heading(element)).to.equal('One reader wrote in about “AQIM Updates, August 6”');
    const three = await thread(3);
    await waitUntil(() => heading(three) === '3 readers wrote in about “AQIM Updates, August 6”', `got "${heading(three)}"`);
  });

  it('uses a block for one language in that language, over the block for all', async () => {
    const element = await thread(2);
    root.lang = 'fr';
    await waitUntil(() => formHeading(element) === 'Participez à la discussion', `got "${formHeading(element)}"`);
    // The French block says nothing of the heading: the block for every language does.
    expect(heading(element)).to.equal('2 readers wrote in about “AQIM Updates, August 6”');
    root.lang = 'de';
    await waitUntil(() => formHeading(element) === 'Join the discussion', `got "${formHeading(element)}"`);
  });

  it('changes elements already on the page, per plural category, with values in any order', async () => {
    root.lang = 'he';
    const element = await thread(2);
    await setColloquyStrings(
      {
        'thread.heading': {one: 'תגובה אחת ל־„{0}”', two: 'זוג תגובות ל־„{0}”', other: '# תגובות ל־„{0}”'},
        'thread.reply.label': 'תשובה ל-{0}',
      },
      {locale: 'iw'},
    );
    await waitUntil(() => heading(element) === 'זוג תגובות ל־„AQIM Updates, August 6”', `got "${heading(element)}"`);
    await setColloquyStrings({'login.announce.signedIn': '{1} signed you in as {0}.'});
    const {templates} = await import('../../src/localization.js').then((module) => module.loadColloquyLocale('en'));
    const signedIn = templates['login.announce.signedIn'] as unknown as {strings: string[]; values: number[]};
    expect(signedIn.values, 'the second value first').to.deep.equal([1, 0]);
  });

  it('says what is wrong with a string it cannot use, and keeps the rest', async () => {
    const warnings = await warningsUntil(() =>
      setColloquyStrings({
        'form.heding': 'Typo',
        constructor: 'Not a message',
        'form.heading.reply': 'Answer {0} and {1}',
        'thread.count': {one: '# note'},
        'form.submit': 'Send it',
      }),
    );
    expect(warnings.join('\n')).to.contain('no message "form.heding"');
    expect(warnings.join('\n')).to.contain('no message "constructor"');
    expect(warnings.join('\n')).to.contain('"form.heading.reply" has values {0}…{0}, not {1}');
    expect(warnings.join('\n')).to.contain('"thread.count" is counted: give it an "other" form');
    const {templates} = await import('../../src/localization.js').then((module) => module.loadColloquyLocale('en'));
    expect(templates['form.submit']).to.equal('Send it');
    expect(templates['form.heading.reply']).to.equal(undefined);
  });

  it('ignores a block that is not JSON, saying so', async () => {
    const block = addBlock('{"form.heading": ');
    const warnings = await warningsUntil(() => applyPageStrings(block.parentNode!));
    expect(warnings.join('\n')).to.contain('not valid JSON');
    block.remove();
  });
});
