import {configureLocalization} from '@lit/localize';
import {expect, fixture, html, waitUntil} from '@open-wc/testing';
import type {CommentFormElement} from '../../src/elements/comment-form/comment-form.js';
import '../../src/elements/comment-form/comment-form.js';
import {followPageLanguage, loadColloquyLocale} from '../../src/localization.js';
import {warningsDuring} from '../helpers/console.js';

// An app that localizes with @lit/localize itself, in languages of its own choosing, and
// merges Colloquy's messages into its own.
const appMessages: Record<string, Record<string, string>> = {
  fr: {'app.greeting': 'Bonjour'},
  sv: {'app.greeting': 'Hej'},
};
const {setLocale} = configureLocalization({
  sourceLocale: 'en',
  targetLocales: ['fr', 'sv'],
  loadLocale: async (locale) => ({templates: {...appMessages[locale], ...(await loadColloquyLocale(locale)).templates}}),
});

describe('an app that configures @lit/localize itself', () => {
  after(() => document.documentElement.removeAttribute('lang'));

  it('gets Colloquy in its languages through loadColloquyLocale, English where Colloquy has none', async () => {
    const form = await fixture<CommentFormElement>(html`<comment-form></comment-form>`);
    const heading = () => form.shadowRoot!.querySelector('[part="heading"]')!.textContent!.trim();
    await setLocale('fr');
    await waitUntil(() => heading() === 'Laisser un commentaire', `got "${heading()}"`);
    await setLocale('sv');
    await waitUntil(() => heading() === 'Leave a Reply', `got "${heading()}"`);
  });

  it('keeps its own configuration when followPageLanguage is called as well', async () => {
    const warnings = warningsDuring(() => followPageLanguage());
    expect(warnings).to.have.length(1);
    const form = await fixture<CommentFormElement>(html`<comment-form></comment-form>`);
    await setLocale('fr');
    document.documentElement.lang = 'ar';
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(form.shadowRoot!.querySelector('[part="heading"]')!.textContent!.trim()).to.equal('Laisser un commentaire');
  });
});
