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

async function panelWith(count: number, buttonSize?: string) {
  const base = defaultMemoryProviders();
  const providers = Array.from({length: count}, (_, index) => ({...base[index % base.length]!, id: `p${index}`}));
  const adapter = createMemoryAdapter({signInPage: '/sign-in', providers});
  const wrapper = await fixture<HTMLElement>(html`<div><login-choice .adapter=${adapter}></login-choice></div>`);
  if (buttonSize) wrapper.style.setProperty('--colloquy-provider-button-size', buttonSize);
  const element = wrapper.querySelector('login-choice')!;
  await waitUntil(() => element.shadowRoot!.querySelector('[part="provider-button"]'), 'no provider buttons');
  return {wrapper, element};
}

/** Every width from `from` to `to` px: all buttons shown, and no row below the first holding one alone. */
function expectEvenRows(wrapper: HTMLElement, element: LoginChoiceElement, count: number, from: number, to: number) {
  for (let width = from; width <= to; width += 5) {
    wrapper.style.inlineSize = `${width}px`;
    const counts = rows(element);
    expect(counts.reduce((sum, row) => sum + row, 0)).to.equal(count);
    if (counts.length > 1) expect(counts.at(-1), `${width} px: rows ${counts.join(' + ')}`).to.be.at.least(2);
  }
}

describe('<login-choice> provider buttons', () => {
  for (const count of [5, 6, 7, 8]) {
    it(`never leave one of ${count} alone on a row, at any width from 200 to 420 px`, async () => {
      const {wrapper, element} = await panelWith(count);
      expectEvenRows(wrapper, element, count, 200, 420);
    });
  }

  it('nor with larger buttons from the theme (the rows follow the buttons’ size, not a fixed breakpoint)', async () => {
    const {wrapper, element} = await panelWith(6, '3.5rem');
    expectEvenRows(wrapper, element, 6, 200, 520);
    wrapper.style.inlineSize = '520px';
    expect(rows(element), 'one row where six fit').to.deep.equal([6]);
  });

  it('more than eight: two even rows where half of them fit, and never wider than the panel', async () => {
    const {wrapper, element} = await panelWith(9);
    const list = element.shadowRoot!.querySelector('[part="providers"]')!;
    const panel = element.shadowRoot!.querySelector('[part="choice"]')!;
    for (let width = 180; width <= 480; width += 5) {
      wrapper.style.inlineSize = `${width}px`;
      expect(list.getBoundingClientRect().right, `${width} px: inside the panel`).to.be.at.most(panel.getBoundingClientRect().right);
    }
    wrapper.style.inlineSize = '330px';
    expect(rows(element)).to.deep.equal([5, 4]);
  });
});

