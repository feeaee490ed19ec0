import {expect, fixture, html, waitUntil} from '@open-wc/testing';
import {createMemoryAdapter, defaultMemoryProviders} from '../../../src/adapters/memory/index.js';
import '../../../src/elements/login-choice/login-choice.js';
import type {LoginChoiceElement} from '../../../src/elements/login-choice/login-choice.js';

/** How many buttons each row holds, top to bottom. */
function rows(element: LoginChoiceElement): number[] {
  const tops = new Map<number, number>();
  for (const button of element.shadowRoot!.querySelectorAll('[part="provider-button"]')) {
    const top = Math.round(button.getBoundingClientRect().top);
    tops.set(top, (tops.get(top) ?? 0) + 1);
  }
  return [...tops.entries()].sort(([a], [b]) => a - b).map(([, count]) => count);
}

describe('<login-choice> provider buttons', () => {
  for (const count of [5, 6, 7, 8]) {
    it(`never leave one of ${count} alone on a row, at any width from 200 to 420 px`, async () => {
      const base = defaultMemoryProviders();
      const providers = Array.from({length: count}, (_, index) => ({...base[index % base.length]!, id: `p${index}`}));
      const adapter = createMemoryAdapter({signInPage: '/sign-in', providers});
      const wrapper = await fixture<HTMLElement>(html`<div><login-choice .adapter=${adapter}></login-choice></div>`);
      const element = wrapper.querySelector('login-choice')!;
      await waitUntil(() => element.shadowRoot!.querySelector('[part="provider-button"]'), 'no provider buttons');
      for (let width = 200; width <= 420; width += 5) {
        wrapper.style.inlineSize = `${width}px`;
        const counts = rows(element);
        expect(counts.reduce((sum, row) => sum + row, 0)).to.equal(count);
        if (counts.length > 1) expect(counts.at(-1), `${width} px: rows ${counts.join(' + ')}`).to.be.at.least(2);
      }
    });
  }
});
