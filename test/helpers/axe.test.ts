import {expect, fixture, html} from '@open-wc/testing';
import {expectAccessible} from './axe.js';

describe('expectAccessible', () => {
  it('passes accessible markup and fails a nameless button', async () => {
    const good = await fixture(html`<main><button>Reply</button></main>`);
    await expectAccessible(good);
    const bad = await fixture(html`<main><button></button></main>`);
    let failure: unknown;
    try {
      await expectAccessible(bad);
    } catch (error) {
      failure = error;
    }
    expect(String(failure)).to.contain('button-name');
  });
});
