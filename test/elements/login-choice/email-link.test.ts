import {expect, fixture, html, waitUntil} from '@open-wc/testing';
import {createRestAdapter} from '../../../src/adapters/rest/index.js';
import '../../../src/elements/login-choice/login-choice.js';
import type {LoginChoiceElement} from '../../../src/elements/login-choice/login-choice.js';
import {signInEnvironment, type SignInEnvironment} from '../../../src/sign-in/environment.js';
import {aqimThread} from '../../fixtures/rest-threads.js';
import {expectAccessible} from '../../helpers/axe.js';
import {announcement} from '../../helpers/form.js';
import {resetHandlers, useHandlers} from '../../helpers/msw.js';
import {withoutIsolates} from '../../helpers/text.js';
import {restServer} from '../../mocks/rest-server.js';
import {FakeClock} from '../../sign-in/fakes.js';

// The `email` provider asks for an address instead of opening a popup, sends the link, and
// waits (asking the backend) until the link was opened; the mock server "opens" it at once.

const saved: SignInEnvironment = {...signInEnvironment};
let clock: FakeClock;

const part = <T extends Element = HTMLElement>(element: LoginChoiceElement, name: string) =>
  element.shadowRoot!.querySelector<T>(`[part~="${name}"]`);
const emailButton = (element: LoginChoiceElement) =>
  element.shadowRoot!.querySelector<HTMLButtonElement>('[part~="provider-button"][data-provider="email"]')!;

async function setUp() {
  const server = restServer({threads: [aqimThread()]});
  await useHandlers(...server.handlers);
  sessionStorage.clear();
  const adapter = await createRestAdapter({endpoint: server.endpoint});
  const element = await fixture<LoginChoiceElement>(html`<login-choice .adapter=${adapter}></login-choice>`);
  await waitUntil(() => emailButton(element), 'the email provider is offered');
  return {server, element};
}

describe('<login-choice> with an email link', () => {
  beforeEach(() => {
    clock = new FakeClock();
    signInEnvironment.clock = clock;
  });
  afterEach(() => {
    Object.assign(signInEnvironment, saved);
    resetHandlers();
    sessionStorage.clear();
  });

  it('asks for the address, sends the link, and signs in once it was opened', async () => {
    const {server, element} = await setUp();
    expect(emailButton(element).getAttribute('aria-expanded')).to.equal('false');
    emailButton(element).click();
    await waitUntil(() => part(element, 'email-link-input'), 'the address field opens');
    expect(emailButton(element).getAttribute('aria-expanded')).to.equal('true');
    expect(element.shadowRoot!.querySelector('label[for="sign-in-email"]')!.textContent).to.equal('Email for a sign-in link');
    await waitUntil(() => element.shadowRoot!.activeElement === part(element, 'email-link-input'), 'focus moves to the address field');
    await expectAccessible(element);
    // Its own styles apply (they once targeted a class the form no longer had): the field and its button share a row.
    const input = part(element, 'email-link-input')!.getBoundingClientRect();
    const button = part(element, 'email-link-button')!.getBoundingClientRect();
    expect(getComputedStyle(part(element, 'email-link-form')!).display).to.equal('flex');
    expect(button.top, 'the button beside the field').to.be.below(input.bottom);

    part<HTMLInputElement>(element, 'email-link-input')!.value = 'ada@example.com';
    part<HTMLButtonElement>(element, 'email-link-button')!.click();
    await waitUntil(() => part(element, 'connecting'), 'waiting for the link to be opened');
    expect(withoutIsolates(part(element, 'connecting')!.textContent)).to.include('We sent a sign-in link to ada@example.com. Open it to sign in.');
    const sent = server.requests.find((request) => request.url.endsWith('/auth/providers/email/link'));
    expect(sent, 'the link was asked for').to.exist;
    await expectAccessible(element);

    await clock.advance(3000);
    await waitUntil(() => part(element, 'signed-in'), 'signed in once the link was opened');
    expect(withoutIsolates(part(element, 'signed-in')!.textContent)).to.include('ada');
  });

  it('sends nothing for an invalid address, and Cancel stops the wait', async () => {
    const {server, element} = await setUp();
    emailButton(element).click();
    await waitUntil(() => part(element, 'email-link-input'));
    part<HTMLInputElement>(element, 'email-link-input')!.value = 'not an address';
    part<HTMLButtonElement>(element, 'email-link-button')!.click();
    await clock.advance(10);
    expect(server.requests.some((request) => request.url.endsWith('/link'))).to.equal(false);

    part<HTMLInputElement>(element, 'email-link-input')!.value = 'ada@example.com';
    part<HTMLButtonElement>(element, 'email-link-button')!.click();
    await waitUntil(() => part(element, 'cancel-button'));
    part<HTMLButtonElement>(element, 'cancel-button')!.click();
    await waitUntil(() => emailButton(element), 'back to the choice');
    await clock.advance(5000);
    expect(part(element, 'signed-in')).to.equal(null);
  });

  it('a link that could not be sent: a clear error, the address kept, nothing waiting, and a retry sends it', async () => {
    const {server, element} = await setUp();
    emailButton(element).click();
    await waitUntil(() => part(element, 'email-link-input'));
    server.failNext('/auth/providers/email/link', 503, {code: 'server', message: 'The mail could not be sent just now.'});
    part<HTMLInputElement>(element, 'email-link-input')!.value = 'ada@example.com';
    part<HTMLButtonElement>(element, 'email-link-button')!.click();
    await waitUntil(() => part(element, 'error'), 'the failure is shown');
    expect(withoutIsolates(part(element, 'error')!.textContent)).to.include('The mail could not be sent just now.');
    await waitUntil(() => withoutIsolates(announcement()).includes('The mail could not be sent just now.'), 'and announced');
    expect(part(element, 'connecting'), 'no "we sent a link" wait').to.equal(null);
    expect(part<HTMLInputElement>(element, 'email-link-input')!.value, 'the address is kept').to.equal('ada@example.com');
    expect(part<HTMLButtonElement>(element, 'email-link-button')!.disabled, 'the button works again').to.equal(false);
    await waitUntil(() => element.shadowRoot!.activeElement === part(element, 'email-link-input'), 'focus back on the address');
    await expectAccessible(element);
    await clock.advance(60_000);
    expect(server.requests.filter((request) => request.url.endsWith('/auth/session')), 'nobody polls for a link never sent').to.have.length(0);

    part<HTMLButtonElement>(element, 'email-link-button')!.click();
    await waitUntil(() => part(element, 'connecting'), 'the retry sent the link');
    expect(part(element, 'error')).to.equal(null);
    await clock.advance(3000);
    await waitUntil(() => part(element, 'signed-in'), 'signed in once the link was opened');
  });
});
