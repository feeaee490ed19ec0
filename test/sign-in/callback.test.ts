import {expect, fixture, html, waitUntil} from '@open-wc/testing';
import {sendKeys} from '@web/test-runner-commands';
import {createMemoryAdapter} from '../../src/adapters/memory/index.js';
import '../../src/elements/login-choice/login-choice.js';
import type {LoginChoiceElement} from '../../src/elements/login-choice/login-choice.js';
import {withoutIsolates} from '../helpers/text.js';

// The whole path a real backend takes, in a real popup: the demo's consent page stands
// in for the provider and sends the browser to the demo's callback page, which reports
// with `reportSignInResult` (postMessage to the opener, and the BroadcastChannel).
describe('sign-in through a real popup and callback page', () => {
  let popup: Window | null = null;
  const open = window.open;

  beforeEach(() => {
    popup = null;
    window.open = (...args) => (popup = open.apply(window, args));
  });

  afterEach(() => {
    window.open = open;
    if (popup && !popup.closed) popup.close();
    sessionStorage.clear();
  });

  async function startFromKeyboard(providerId: string): Promise<LoginChoiceElement> {
    const adapter = createMemoryAdapter({signInPage: '/demo/sign-in/consent.html'});
    const element = await fixture<LoginChoiceElement>(
      html`<login-choice .adapter=${adapter} sign-in-callback="/demo/sign-in/callback.html"></login-choice>`,
    );
    await waitUntil(() => element.shadowRoot!.querySelector(`[data-provider="${providerId}"]`), 'no provider buttons');
    element.shadowRoot!.querySelector<HTMLButtonElement>(`[data-provider="${providerId}"]`)!.focus();
    // A real key press: the popup opens on the user's activation, as in a browser.
    await sendKeys({press: 'Enter'});
    await waitUntil(() => popup?.document.querySelector('#allow'), 'the consent page did not load in the popup', {timeout: 5000});
    return element;
  }

  it('comes back signed in, and the popup closes itself', async () => {
    const element = await startFromKeyboard('github');
    popup!.document.querySelector<HTMLInputElement>('#name')!.value = 'Real Popup Rosa';
    popup!.document.querySelector<HTMLButtonElement>('#allow')!.click();
    await waitUntil(() => element.shadowRoot!.querySelector('[part~="signed-in"]'), 'not signed in', {timeout: 5000});
    expect(element.shadowRoot!.querySelector('[part~="signed-in"]')!.textContent).to.contain('Real Popup Rosa');
    await waitUntil(() => popup!.closed, 'the callback page did not close the popup');
  });

  it('returns to the choice when the person denies', async () => {
    const element = await startFromKeyboard('facebook');
    popup!.document.querySelector<HTMLButtonElement>('#deny')!.click();
    await waitUntil(() => element.shadowRoot!.querySelector('[part~="provider-button"]'), 'not back to the choice', {timeout: 5000});
    await waitUntil(
      () => withoutIsolates(document.querySelector('[data-colloquy-announcer]')?.textContent) === 'Facebook did not allow the sign-in.',
      'the refusal was not announced',
    );
    expect(element.session === null, 'no session').to.be.true;
  });
});
