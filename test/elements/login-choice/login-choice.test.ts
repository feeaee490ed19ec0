import {ContextProvider} from '@lit/context';
import {expect, fixture, html, oneEvent, waitUntil} from '@open-wc/testing';
import {sendKeys} from '@web/test-runner-commands';
import {createMemoryAdapter, encodeMemoryGrant, type MemoryAdapter} from '../../../src/adapters/memory/index.js';
import '../../../src/adapters/builtin.js';
import '../../../src/elements/login-choice/login-choice.js';
import type {LoginChoiceElement} from '../../../src/elements/login-choice/login-choice.js';
import {adapterContext} from '../../../src/elements/shared/context.js';
import {sessionStoreFor} from '../../../src/elements/shared/session-store.js';
import type {LoginErrorEvent} from '../../../src/events/login-error.js';
import type {LoginRedirectEvent} from '../../../src/events/login-redirect.js';
import type {LoginSelectEvent} from '../../../src/events/login-select.js';
import type {LoginSuccessEvent} from '../../../src/events/login-success.js';
import type {LogoutEvent} from '../../../src/events/logout.js';
import {signInEnvironment, type SignInEnvironment} from '../../../src/sign-in/environment.js';
import {SIGN_IN_MESSAGE_TYPE} from '../../../src/sign-in/protocol.js';
import {takeSignInDraft} from '../../../src/sign-in/redirect.js';
import {expectAccessible} from '../../helpers/axe.js';
import {withoutIsolates} from '../../helpers/text.js';
import {FakeClock, FakeHost, providerReturnUrl, settle} from '../../sign-in/fakes.js';

const PAGE = 'https://blog.example/2012/08/aqim-updates/';
const CALLBACK = '/colloquy/callback.html';
const SIGN_IN_PAGE = 'https://blog.example/consent';

const saved: SignInEnvironment = {...signInEnvironment};
let host: FakeHost;
let clock: FakeClock;

function useFakeEnvironment(href = PAGE): void {
  host = new FakeHost(href);
  clock = new FakeClock();
  signInEnvironment.host = host;
  signInEnvironment.clock = clock;
}

const part = <T extends Element = HTMLElement>(element: LoginChoiceElement, name: string) =>
  element.shadowRoot!.querySelector<T>(`[part~="${name}"]`);
const shows = (element: LoginChoiceElement, name: string) => part(element, name) !== null;
const parts = (element: LoginChoiceElement, name: string) =>
  Array.from(element.shadowRoot!.querySelectorAll<HTMLElement>(`[part~="${name}"]`));
const providerButton = (element: LoginChoiceElement, id: string) =>
  element.shadowRoot!.querySelector<HTMLButtonElement>(`[part~="provider-button"][data-provider="${id}"]`)!;
/** Waits for the page's live region (shared by every Colloquy element) to say `text`. */
const expectAnnounced = (text: string) =>
  waitUntil(() => withoutIsolates(document.querySelector('[data-colloquy-announcer]')?.textContent) === text, `"${text}" was not announced`);
/**
 * Fails unless focus is on `target` inside `element`. Compares by hand: a failed chai
 * `equal` between DOM nodes makes the test runner hang while it serializes them.
 */
function expectFocusOn(element: LoginChoiceElement, target: Element | null, what: string): void {
  const active = element.shadowRoot!.activeElement;
  if (!target || active !== target) {
    const where = active ? `<${active.localName} part="${active.getAttribute('part') ?? ''}">` : 'nothing in the element';
    throw new Error(`expected focus on ${what}, found it on ${where}`);
  }
}
const guestInput = (element: LoginChoiceElement, field: string) =>
  element.shadowRoot!.querySelector<HTMLInputElement>(`#guest-${field}`)!;

async function type(input: HTMLInputElement, text: string): Promise<void> {
  input.focus();
  await sendKeys({type: text});
}

async function choice(adapter: MemoryAdapter): Promise<LoginChoiceElement> {
  const element = await fixture<LoginChoiceElement>(html`<login-choice .adapter=${adapter} sign-in-callback=${CALLBACK}></login-choice>`);
  await waitUntil(() => part(element, 'provider-button') || part(element, 'signed-in'), 'the choice did not render');
  await element.updateComplete;
  return element;
}

/** Delivers the callback page's message to the page, from the popup, as the protocol says. */
function reportFromPopup(result: Record<string, string> | {error: string}, state = stateSentToProvider()): void {
  const data = 'error' in result ? {type: SIGN_IN_MESSAGE_TYPE, state, ...result} : {type: SIGN_IN_MESSAGE_TYPE, state, result};
  host.post(data, {origin: new URL(PAGE).origin, source: host.popup});
}

function stateSentToProvider(): string {
  return new URL(host.popup.url!).searchParams.get('state')!;
}

const grant = (name: string) => ({code: encodeMemoryGrant({name})});

describe('<login-choice>', () => {
  beforeEach(() => useFakeEnvironment());
  afterEach(() => {
    Object.assign(signInEnvironment, saved);
    sessionStorage.clear();
  });

  describe('the choice', () => {
    it('offers each provider as a named button with its icon, and the guest fields', async () => {
      const element = await choice(createMemoryAdapter({signInPage: SIGN_IN_PAGE}));
      expect(part(element, 'choice')!.textContent).to.contain('Fill in your details below or click an icon to log in:');
      const buttons = parts(element, 'provider-button');
      expect(buttons.map((button) => withoutIsolates(button.getAttribute('aria-label')))).to.deep.equal([
        'Log in with WordPress.com',
        'Log in with X (Twitter)',
        'Log in with Facebook',
        'Log in with GitHub',
        'Log in with Google',
        'Log in with Email link',
      ]);
      for (const button of buttons) expect(button.querySelector('svg[aria-hidden="true"]') !== null, 'a hidden icon').to.be.true;
      const fields = part(element, 'guest-fields')!;
      expect(Array.from(fields.querySelectorAll('input')).map((input) => input.autocomplete)).to.deep.equal(['name', 'email', 'url']);
      await expectAccessible(element);
    });

    it("uses a provider's own icon only when it is http(s) or SVG data", async () => {
      const adapter = createMemoryAdapter({
        signInPage: SIGN_IN_PAGE,
        providers: [
          {id: 'mastodon', name: 'Mastodon', iconUrl: 'https://cdn.example/mastodon.svg'},
          {id: 'inline', name: 'Inline', iconUrl: 'data:image/svg+xml,%3Csvg xmlns="http://www.w3.org/2000/svg"/%3E'},
          {id: 'evil', name: 'Evil', iconUrl: 'javascript:alert(1)'},
          {id: 'github', name: 'GitHub', iconUrl: 'data:text/html,<script>alert(1)</script>'},
        ],
      });
      const element = await choice(adapter);
      expect(providerButton(element, 'mastodon').querySelector('img')!.getAttribute('src')).to.equal('https://cdn.example/mastodon.svg');
      expect(providerButton(element, 'inline').querySelector('img')!.getAttribute('src')).to.match(/^data:image\/svg\+xml,/);
      expect(providerButton(element, 'evil').querySelector('img') !== null, 'evil img').to.be.false;
      expect(providerButton(element, 'evil').textContent!.trim()).to.equal('E');
      expect(providerButton(element, 'github').querySelector('img') !== null, 'github img').to.be.false;
      expect(providerButton(element, 'github').querySelector('svg') !== null, 'github svg').to.be.true;
    });

    it('asks only for a provider when guests are not allowed, and is invalid in a form until signed in', async () => {
      const adapter = createMemoryAdapter({signInPage: SIGN_IN_PAGE});
      const form = await fixture<HTMLFormElement>(html`<form><login-choice .adapter=${adapter} guests="off"></login-choice></form>`);
      const element = form.querySelector('login-choice')!;
      await waitUntil(() => part(element, 'provider-button'));
      expect(shows(element, 'guest-fields'), 'guest-fields gone').to.be.false;
      expect(part(element, 'choice')!.textContent).to.contain('Click an icon to log in:');
      expect(form.checkValidity()).to.be.false;
      expect(element.validationMessage).to.equal('Log in to comment.');
      await adapter.completeSignIn({providerId: 'github', result: grant('Ada')}, {});
      sessionStoreFor(adapter).set(await adapter.getSession({}));
      await element.updateComplete;
      expect(form.checkValidity()).to.be.true;
    });

    it('gives a surrounding form the guest details and their validity', async () => {
      const adapter = createMemoryAdapter({signInPage: SIGN_IN_PAGE});
      const form = await fixture<HTMLFormElement>(html`<form><login-choice .adapter=${adapter}></login-choice></form>`);
      const element = form.querySelector('login-choice')!;
      await waitUntil(() => part(element, 'provider-button'));
      expect(form.checkValidity()).to.be.false;
      await type(guestInput(element, 'email'), 'ada@example.com');
      await type(guestInput(element, 'name'), 'Ada');
      await type(guestInput(element, 'website'), 'ada.example');
      await element.updateComplete;
      expect(form.checkValidity()).to.be.true;
      const data = new FormData(form);
      expect([data.get('author'), data.get('email'), data.get('url')]).to.deep.equal(['Ada', 'ada@example.com', 'https://ada.example/']);
      expect(element.guestIdentity).to.deep.equal({name: 'Ada', email: 'ada@example.com', website: 'https://ada.example/'});
      guestInput(element, 'website').select();
      await sendKeys({type: 'javascript:alert(1)'});
      await element.updateComplete;
      expect(form.checkValidity()).to.be.false;
      expect(element.guestIdentity!.website).to.be.undefined;
    });

    it('shows guest fields slotted in from outside instead of its own, and leaves them to their owner', async () => {
      const adapter = createMemoryAdapter({signInPage: SIGN_IN_PAGE});
      const element = await fixture<LoginChoiceElement>(html`<login-choice .adapter=${adapter}>
        <div slot="guest-fields"><label>Name <input name="author" required /></label></div>
      </login-choice>`);
      await waitUntil(() => part(element, 'provider-button'));
      expect(shows(element, 'guest-fields'), 'built-in guest fields gone').to.be.false;
      const slot = element.shadowRoot!.querySelector<HTMLSlotElement>('slot[name="guest-fields"]')!;
      expect(slot.assignedElements().length).to.equal(1);
      expect(element.checkValidity()).to.be.true;
      expect(element.guestIdentity).to.be.undefined;
      element.guestPolicy = {allowed: false, requireName: false, requireEmail: false};
      await element.updateComplete;
      expect(element.shadowRoot!.querySelector('slot[name="guest-fields"]') === null, 'no guest slot').to.be.true;
      expect(element.checkValidity()).to.be.false;
      await expectAccessible(element);
    });

    it('keeps typed guest details over a reload of the tab, never in localStorage', async () => {
      const first = await choice(createMemoryAdapter({signInPage: SIGN_IN_PAGE}));
      await type(guestInput(first, 'name'), 'Reloaded Rita');
      first.remove();
      const second = await choice(createMemoryAdapter({signInPage: SIGN_IN_PAGE}));
      expect(guestInput(second, 'name').value).to.equal('Reloaded Rita');
      expect(JSON.stringify({...localStorage})).not.to.contain('Rita');
    });
  });

  describe('signing in with a popup', () => {
    it('works from the keyboard: Enter opens the popup at once, focus follows each state', async () => {
      const adapter = createMemoryAdapter({signInPage: SIGN_IN_PAGE});
      const element = await choice(adapter);
      providerButton(element, 'wordpress').focus();
      const selected = oneEvent(element, 'login-select') as Promise<LoginSelectEvent>;
      await sendKeys({press: 'Enter'});
      expect((await selected).provider.id).to.equal('wordpress');
      expect(host.opened).to.have.length(1);
      await element.updateComplete;
      expect(withoutIsolates(part(element, 'connecting')!.textContent)).to.contain('Connecting to WordPress.com…');
      await expectAnnounced('Connecting to WordPress.com…');
      expectFocusOn(element, part(element, 'cancel-button'), 'Cancel');
      await expectAccessible(element);
      await settle();
      const success = oneEvent(element, 'login-success') as Promise<LoginSuccessEvent>;
      reportFromPopup(grant('Grace Hopper'));
      expect((await success).session.viewer.name).to.equal('Grace Hopper');
      await element.updateComplete;
      const signedIn = part(element, 'signed-in')!;
      expect(withoutIsolates(signedIn.textContent).replace(/\s+/g, ' ')).to.contain(
        'You are commenting using your WordPress.com account. (Log Out / Change)',
      );
      expect(part(element, 'avatar')!.textContent!.trim()).to.equal('GH');
      expectFocusOn(element, signedIn, 'the signed-in section');
      await expectAnnounced('Signed in as Grace Hopper with WordPress.com.');
      await expectAccessible(element);
    });

    it('leaves focus where a login-success listener put it (the form moves it to its textarea)', async () => {
      const adapter = createMemoryAdapter({signInPage: SIGN_IN_PAGE});
      const wrapper = await fixture<HTMLDivElement>(html`<div>
        <login-choice .adapter=${adapter} sign-in-callback=${CALLBACK}></login-choice>
        <textarea aria-label="Comment"></textarea>
      </div>`);
      const element = wrapper.querySelector('login-choice')!;
      const textarea = wrapper.querySelector('textarea')!;
      element.addEventListener('login-success', () => textarea.focus());
      await waitUntil(() => part(element, 'provider-button'));
      providerButton(element, 'github').click();
      await settle();
      reportFromPopup(grant('Ada'));
      await waitUntil(() => part(element, 'signed-in'));
      await element.updateComplete;
      expect(document.activeElement === textarea, 'focus stays on the textarea').to.be.true;
    });

    it('reads the callback page from an ancestor', async () => {
      const adapter = createMemoryAdapter({signInPage: SIGN_IN_PAGE});
      const wrapper = await fixture(html`<section sign-in-callback="/from/ancestor.html"><login-choice .adapter=${adapter}></login-choice></section>`);
      const element = wrapper.querySelector('login-choice')!;
      await waitUntil(() => part(element, 'provider-button'));
      providerButton(element, 'github').click();
      await settle();
      expect(new URL(host.popup.url!).searchParams.get('callback')).to.equal('https://blog.example/from/ancestor.html');
    });

    it('lets a login-select listener veto the sign-in', async () => {
      const element = await choice(createMemoryAdapter({signInPage: SIGN_IN_PAGE}));
      element.addEventListener('login-select', (event) => event.preventDefault());
      providerButton(element, 'github').click();
      await element.updateComplete;
      expect(host.opened).to.be.empty;
      expect(shows(element, 'connecting'), 'connecting gone').to.be.false;
    });

    it('Cancel returns to the choice with the draft intact and focus on the provider', async () => {
      const element = await choice(createMemoryAdapter({signInPage: SIGN_IN_PAGE}));
      await type(guestInput(element, 'name'), 'Half-typed Hal');
      providerButton(element, 'facebook').click();
      await element.updateComplete;
      expectFocusOn(element, part(element, 'cancel-button'), 'Cancel');
      await sendKeys({press: 'Enter'});
      await element.updateComplete;
      expect(host.popup.closed).to.be.true;
      expect(shows(element, 'connecting'), 'connecting gone').to.be.false;
      expect(guestInput(element, 'name').value).to.equal('Half-typed Hal');
      expectFocusOn(element, providerButton(element, 'facebook'), 'the facebook button');
      await expectAnnounced('Sign-in cancelled.');
      await expectAccessible(element);
    });

    it('closing the popup returns to the choice once no session turns up', async () => {
      const element = await choice(createMemoryAdapter({signInPage: SIGN_IN_PAGE}));
      await type(guestInput(element, 'email'), 'kept@example.com');
      providerButton(element, 'google').click();
      await clock.advance(30_000);
      host.popup.closed = true;
      await clock.advance(1_000);
      expect(shows(element, 'connecting'), 'connecting shown').to.be.true;
      await clock.advance(signInEnvironment.timing.closedGraceMs);
      await element.updateComplete;
      expect(shows(element, 'connecting'), 'connecting gone').to.be.false;
      expect(guestInput(element, 'email').value).to.equal('kept@example.com');
      expectFocusOn(element, providerButton(element, 'google'), 'the google button');
    });

    it('finds the session by polling when the opener link was cut', async () => {
      const adapter = createMemoryAdapter({signInPage: SIGN_IN_PAGE});
      const element = await choice(adapter);
      providerButton(element, 'twitter').click();
      await settle();
      host.popup.closed = true; // COOP severed the popup right after it left for the provider.
      await clock.advance(60_000);
      expect(shows(element, 'connecting'), 'connecting shown').to.be.true;
      // The person finished in the popup; the backend has the session.
      await adapter.completeSignIn({providerId: 'twitter', result: grant('Cut-off Carl')}, {});
      await clock.advance(signInEnvironment.timing.sessionPollMs);
      await element.updateComplete;
      expect(part(element, 'signed-in')!.textContent).to.contain('Cut-off Carl');
    });

    it('shows a failed sign-in, fires login-error and offers the choice again', async () => {
      const element = await choice(createMemoryAdapter({signInPage: SIGN_IN_PAGE}));
      providerButton(element, 'github').click();
      await settle();
      const failed = oneEvent(element, 'login-error') as Promise<LoginErrorEvent>;
      reportFromPopup({code: 'not-a-grant'});
      expect((await failed).providerId).to.equal('github');
      await element.updateComplete;
      expect(withoutIsolates(part(element, 'error')!.textContent)).to.contain('Could not log in with GitHub');
      expectFocusOn(element, providerButton(element, 'github'), 'the github button');
      await expectAccessible(element);
    });

    it("says so when the person refuses at the provider, without showing the provider's text", async () => {
      const element = await choice(createMemoryAdapter({signInPage: SIGN_IN_PAGE}));
      providerButton(element, 'github').click();
      await settle();
      reportFromPopup({error: 'access_denied'});
      await waitUntil(() => part(element, 'provider-button'));
      await expectAnnounced('GitHub did not allow the sign-in.');
    });
  });

  describe('signed in', () => {
    async function signedIn(adapter = createMemoryAdapter({signInPage: SIGN_IN_PAGE})) {
      await adapter.completeSignIn({providerId: 'wordpress', result: grant('Wendy')}, {});
      const element = await choice(adapter);
      return {adapter, element};
    }

    it('restores the session on reload from the adapter', async () => {
      const before = createMemoryAdapter({signInPage: SIGN_IN_PAGE});
      await before.completeSignIn({providerId: 'facebook', result: grant('Returning Rae')}, {});
      // A reload: a new adapter instance over the same tab's sessionStorage.
      const element = await choice(createMemoryAdapter({signInPage: SIGN_IN_PAGE}));
      expect(part(element, 'signed-in')!.textContent).to.contain('Returning Rae');
      expect(withoutIsolates(part(element, 'signed-in')!.textContent)).to.contain('your Facebook account');
    });

    it("shows the viewer's avatar, and initials when it does not load", async () => {
      const signInWithAvatar = async (path: string) => {
        const adapter = createMemoryAdapter({signInPage: SIGN_IN_PAGE});
        const avatarUrl = new URL(path, location.href).href;
        await adapter.completeSignIn({providerId: 'github', result: {code: encodeMemoryGrant({name: 'Ada Lovelace', avatarUrl})}}, {});
        return {element: await choice(adapter), avatarUrl};
      };
      const working = await signInWithAvatar('/demo/avatars/avatar-1.svg');
      const image = part<HTMLImageElement>(working.element, 'avatar')!;
      await waitUntil(() => image.complete, 'the avatar did not load');
      expect(part(working.element, 'avatar')!.getAttribute('src')).to.equal(working.avatarUrl);
      await expectAccessible(working.element);
      const broken = await signInWithAvatar('/demo/avatars/missing.png');
      await waitUntil(() => part(broken.element, 'avatar')!.localName === 'span', 'no initials after the image failed');
      expect(part(broken.element, 'avatar')!.textContent!.trim()).to.equal('AL');
    });

    it('Log Out ends the session everywhere, forgets it and fires logout', async () => {
      const {adapter, element} = await signedIn();
      const other = await choice(adapter);
      expect(shows(other, 'signed-in'), 'signed-in shown').to.be.true;
      const loggedOut = oneEvent(element, 'login-logout') as Promise<LogoutEvent>;
      part(element, 'sign-out-button')!.click();
      expect((await loggedOut).session.viewer.name).to.equal('Wendy');
      await element.updateComplete;
      await other.updateComplete;
      expect(shows(element, 'provider-button'), 'provider-button shown').to.be.true;
      expect(shows(other, 'provider-button'), 'provider-button shown').to.be.true;
      expect(await adapter.getSession({})).to.be.null;
      expect(JSON.stringify({...sessionStorage})).not.to.contain('Wendy');
      expect(JSON.stringify({...localStorage})).not.to.contain('Wendy');
      await expectAnnounced('You are logged out.');
      expectFocusOn(element, part(element, 'choice'), 'the choice');
      await expectAccessible(element);
    });

    it('Change logs out and puts focus on the first provider, from the keyboard', async () => {
      const {element} = await signedIn();
      part(element, 'change-button')!.focus();
      await sendKeys({press: 'Enter'});
      await waitUntil(() => part(element, 'provider-button'));
      await element.updateComplete;
      expectFocusOn(element, providerButton(element, 'wordpress'), 'the wordpress button');
    });

    it('keeps the session and says why when logging out fails', async () => {
      const {adapter, element} = await signedIn();
      adapter.simulate.fail('session', {code: 'network'});
      part(element, 'sign-out-button')!.click();
      await waitUntil(() => part(element, 'error'));
      expect(shows(element, 'signed-in'), 'signed-in shown').to.be.true;
      expect(part(element, 'error')!.textContent).to.contain('Could not log out');
    });
  });

  describe('blocked popup', () => {
    it('leaves for the provider after saving the draft, and on return signs in and restores it', async () => {
      host.blockPopups = true;
      const adapter = createMemoryAdapter({signInPage: SIGN_IN_PAGE});
      const element = await choice(adapter);
      await type(guestInput(element, 'name'), 'Redirected Ruth');
      element.addEventListener('login-redirect', (event: LoginRedirectEvent) => {
        event.drafts['form:aqim'] = 'The comment I was writing';
      });
      providerButton(element, 'wordpress').click();
      await waitUntil(() => host.assigned.length === 1, 'the page did not leave for the provider');
      const leftFor = new URL(host.assigned[0]!);
      expect(leftFor.searchParams.get('mode')).to.equal('redirect');
      expect(shows(element, 'connecting'), 'connecting shown').to.be.true;
      element.remove();

      // The provider sends the browser back to the page, which loads afresh.
      useFakeEnvironment(providerReturnUrl(leftFor.href, {code: encodeMemoryGrant({name: 'Redirected Ruth'})}));
      const reloaded = await choice(createMemoryAdapter({signInPage: SIGN_IN_PAGE}));
      await waitUntil(() => part(reloaded, 'signed-in'), 'the sign-in was not completed on return');
      expect(withoutIsolates(part(reloaded, 'signed-in')!.textContent)).to.contain('your WordPress.com account');
      expect(host.location.href).to.equal(PAGE);
      expect(takeSignInDraft('form:aqim')).to.equal('The comment I was writing');
      await part(reloaded, 'change-button')!.click();
      await waitUntil(() => part(reloaded, 'guest-fields'));
      expect(guestInput(reloaded, 'name').value).to.equal('Redirected Ruth');
    });
  });

  describe('blocked popup, then Back', () => {
    it('offers the choice again when the page comes back from the back/forward cache', async () => {
      host.blockPopups = true;
      const element = await choice(createMemoryAdapter({signInPage: SIGN_IN_PAGE}));
      providerButton(element, 'github').click();
      await waitUntil(() => host.assigned.length === 1);
      await element.updateComplete;
      expect(shows(element, 'connecting'), 'connecting while leaving').to.be.true;
      window.dispatchEvent(new PageTransitionEvent('pageshow', {persisted: true}));
      await element.updateComplete;
      expect(shows(element, 'connecting'), 'connecting gone after Back').to.be.false;
      expectFocusOn(element, providerButton(element, 'github'), 'the github button');
    });

    /** Leaves for GitHub from a page that blocks popups; resolves while "Connecting…" shows. */
    async function leavingForGitHub(): Promise<LoginChoiceElement> {
      host.blockPopups = true;
      const element = await choice(createMemoryAdapter({signInPage: SIGN_IN_PAGE}));
      providerButton(element, 'github').click();
      await waitUntil(() => host.assigned.length === 1);
      await element.updateComplete;
      return element;
    }

    it('offers the choice again on Cancel while the page is leaving (a navigation that never happens)', async () => {
      const element = await leavingForGitHub();
      part<HTMLButtonElement>(element, 'cancel-button')!.click();
      await element.updateComplete;
      expect(shows(element, 'connecting'), 'connecting after Cancel').to.be.false;
      await expectAnnounced('Sign-in cancelled.');
      expectFocusOn(element, providerButton(element, 'github'), 'the github button');
    });

    /** The `pageshow` listeners added to the window from now on and not yet removed. */
    function watchPageShowListeners(): Set<unknown> {
      const live = new Set<unknown>();
      const {addEventListener, removeEventListener} = window;
      window.addEventListener = function (this: Window, type: string, listener: unknown, ...rest: unknown[]) {
        if (type === 'pageshow') live.add(listener);
        return Reflect.apply(addEventListener, this, [type, listener, ...rest]);
      } as typeof window.addEventListener;
      window.removeEventListener = function (this: Window, type: string, listener: unknown, ...rest: unknown[]) {
        if (type === 'pageshow') live.delete(listener);
        return Reflect.apply(removeEventListener, this, [type, listener, ...rest]);
      } as typeof window.removeEventListener;
      stopWatching = () => Object.assign(window, {addEventListener, removeEventListener});
      return live;
    }
    let stopWatching: (() => void) | undefined;
    afterEach(() => {
      stopWatching?.();
      stopWatching = undefined;
    });

    it('stops listening for Back once taken off the page', async () => {
      const listeners = watchPageShowListeners();
      const element = await leavingForGitHub();
      expect(listeners.size, 'pageshow listeners while leaving').to.equal(1);
      element.remove();
      expect(listeners.size, 'pageshow listeners left on the window').to.equal(0);
      window.dispatchEvent(new PageTransitionEvent('pageshow', {persisted: true}));
      await element.updateComplete;
      expect(shows(element, 'connecting'), 'a removed element still reacted to Back').to.be.true;
    });

    it('listens once, still hears Back after being moved in the page, and then stops', async () => {
      const listeners = watchPageShowListeners();
      const element = await leavingForGitHub();
      const elsewhere = document.createElement('section');
      element.parentElement!.after(elsewhere);
      elsewhere.append(element);
      await element.updateComplete;
      expect(listeners.size, 'pageshow listeners after the move').to.equal(1);
      window.dispatchEvent(new PageTransitionEvent('pageshow', {persisted: true}));
      await element.updateComplete;
      expect(shows(element, 'connecting'), 'connecting gone after Back').to.be.false;
      expect(listeners.size, 'pageshow listeners after Back').to.equal(0);
      elsewhere.remove();
    });
  });

  describe('finding its adapter', () => {
    it('takes a registered adapter by name, configured by its attributes', async () => {
      const element = await fixture<LoginChoiceElement>(
        html`<login-choice adapter="memory" sign-in-page="/demo/sign-in/consent.html"></login-choice>`,
      );
      await waitUntil(() => part(element, 'provider-button'), 'the named adapter gave no providers');
      expect(parts(element, 'provider-button')).to.have.length(6);
    });

    it("takes the surrounding thread's adapter from context", async () => {
      const adapter = createMemoryAdapter({signInPage: SIGN_IN_PAGE, providers: [{id: 'github', name: 'GitHub'}]});
      const wrapper = document.createElement('div');
      new ContextProvider(wrapper, {context: adapterContext, initialValue: adapter});
      const element = document.createElement('login-choice');
      wrapper.append(element);
      await fixture(wrapper);
      await waitUntil(() => part(element, 'provider-button'));
      expect(parts(element, 'provider-button')).to.have.length(1);
    });
  });
});
