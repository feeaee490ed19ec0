import {configureLocalization} from '@lit/localize';
import {expect, fixture, html, waitUntil} from '@open-wc/testing';
import type {CommentFormElement} from '../../src/elements/comment-form/comment-form.js';
import '../../src/elements/comment-form/comment-form.js';

describe('an app whose @lit/localize is another copy than Colloquy’s', () => {
  it('still gets Colloquy translated, following the app’s locale', async () => {
    const form = await fixture<CommentFormElement>(html`<comment-form></comment-form>`);
    const heading = () => form.shadowRoot!.querySelector('[part="heading"]')!.textContent!.trim();
    expect(heading()).to.equal('Leave a Reply');
    const app = (await import('/framework-apps/localize-copy.js' as string)) as {setLocale(locale: string): Promise<void>};
    await app.setLocale('fr');
    await waitUntil(() => heading() === 'Laisser un commentaire', `got "${heading()}"`);
    await app.setLocale('sw');
    await waitUntil(() => heading() === 'Leave a Reply', `a locale Colloquy lacks: got "${heading()}"`);
    // Colloquy's own copy is now configured (by Colloquy): proof that it was another copy.
    expect(() => configureLocalization({sourceLocale: 'en', targetLocales: [], loadLocale: async () => ({templates: {}})})).to.throw();
  });
});
