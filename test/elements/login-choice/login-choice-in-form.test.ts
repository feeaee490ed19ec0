import {expect, waitUntil} from '@open-wc/testing';
import {encodeMemoryGrant} from '../../../src/adapters/memory/index.js';
import type {CommentFormElement} from '../../../src/elements/comment-form/comment-form.js';
import type {LoginChoiceElement} from '../../../src/elements/login-choice/login-choice.js';
import {signInEnvironment, type SignInEnvironment} from '../../../src/sign-in/environment.js';
import {SIGN_IN_MESSAGE_TYPE} from '../../../src/sign-in/protocol.js';
import {expectAccessible} from '../../helpers/axe.js';
import {fill, formInThread, memoryAdapter, part, recordPosts, resetStorage, savedDrafts, standaloneForm, textarea} from '../../helpers/form.js';
import {FakeClock, FakeHost, providerReturnUrl, settle} from '../../sign-in/fakes.js';

const PAGE = 'https://blog.example/2012/08/aqim-updates/';
const SIGN_IN_PAGE = 'https://blog.example/consent';

const saved: SignInEnvironment = {...signInEnvironment};
let host: FakeHost;

function useFakeEnvironment(href = PAGE): void {
  host = new FakeHost(href);
  signInEnvironment.host = host;
  signInEnvironment.clock = new FakeClock();
}

const panel = (form: CommentFormElement) => form.shadowRoot!.querySelector<LoginChoiceElement>('login-choice')!;
// The panel loads lazily: until it is in the form, there is no part to find (and
// waitUntil gives up on a predicate that throws, so this must not).
const panelPart = (form: CommentFormElement, name: string) =>
  form.shadowRoot!.querySelector<LoginChoiceElement>('login-choice')?.shadowRoot?.querySelector<HTMLElement>(`[part~="${name}"]`) ?? null;
const providerButton = (form: CommentFormElement, id: string) =>
  panel(form).shadowRoot!.querySelector<HTMLButtonElement>(`[part~="provider-button"][data-provider="${id}"]`)!;

describe('<login-choice> as the identity section of <comment-form>', () => {
  beforeEach(() => useFakeEnvironment());
  afterEach(() => {
    Object.assign(signInEnvironment, saved);
    resetStorage();
  });

  it('offers the providers above the form’s own guest fields', async () => {
    const {form} = await formInThread(memoryAdapter({signInPage: SIGN_IN_PAGE}));
    await waitUntil(() => panelPart(form, 'provider-button'), 'no providers in the form');
    expect(panelPart(form, 'choice')!.textContent).to.contain('Fill in your details below or click an icon to log in:');
    // The guest fields are the form's, shown through the panel's slot.
    const guestFields = part(form, 'guest-fields')!;
    expect(guestFields.assignedSlot?.name).to.equal('guest-fields');
    expect(panelPart(form, 'guest-fields') === null, 'no second set of guest fields').to.be.true;
    await expectAccessible(form);
  });

  it('signs in, hands focus back to the textarea, and posts under that identity', async () => {
    const adapter = memoryAdapter({signInPage: SIGN_IN_PAGE});
    const posts = recordPosts(adapter);
    const {form} = await formInThread(adapter);
    // Read by the panel from any ancestor, across the form's shadow root.
    form.setAttribute('sign-in-callback', '/colloquy/callback.html');
    await waitUntil(() => panelPart(form, 'provider-button'));
    await fill(form, 'textarea', 'Signed-in thoughts.');
    providerButton(form, 'github').click();
    await settle();
    const state = new URL(host.popup.url!).searchParams.get('state')!;
    host.post(
      {type: SIGN_IN_MESSAGE_TYPE, state, result: {code: encodeMemoryGrant({name: 'Grace Hopper'})}},
      {origin: new URL(PAGE).origin, source: host.popup},
    );
    await waitUntil(() => panelPart(form, 'signed-in'), 'not signed in');
    await form.updateComplete;
    expect(form.shadowRoot!.activeElement === textarea(form), 'focus back in the textarea').to.be.true;
    expect(part(form, 'guest-fields') === null, 'no guest fields once signed in').to.be.true;
    await expectAccessible(form);

    part<HTMLButtonElement>(form, 'submit-button')!.click();
    await waitUntil(() => posts.length === 1);
    expect(posts[0]!.guest).to.be.undefined;
    const page = await adapter.loadPage({thread: 'conversation', sort: 'newest', limit: 1}, {});
    const mine = page.comments.find((comment) => comment.content.value === 'Signed-in thoughts.')!;
    expect(mine.author.name).to.equal('Grace Hopper');
    expect(mine.author.isViewer).to.be.true;
    expect(mine.status).to.equal('approved');
  });

  it('keeps the typed comment over a redirect sign-in and comes back signed in', async () => {
    host.blockPopups = true;
    const form = await standaloneForm(memoryAdapter({signInPage: SIGN_IN_PAGE}));
    await waitUntil(() => panelPart(form, 'provider-button'));
    await fill(form, 'textarea', 'Typed just before the redirect');
    providerButton(form, 'wordpress').click();
    await waitUntil(() => host.assigned.length === 1, 'the page did not leave for the provider');
    // Saved before leaving, without waiting for the form's usual pause after typing.
    expect(savedDrafts().some((draft) => draft.includes('Typed just before the redirect'))).to.be.true;
    form.remove();

    useFakeEnvironment(providerReturnUrl(host.assigned[0]!, {code: encodeMemoryGrant({name: 'Back Again'})}));
    const reloaded = await standaloneForm(memoryAdapter({signInPage: SIGN_IN_PAGE}));
    await waitUntil(() => panelPart(reloaded, 'signed-in'), 'not signed in on return');
    expect(textarea(reloaded).value).to.equal('Typed just before the redirect');
    expect(panelPart(reloaded, 'signed-in')!.textContent).to.contain('Back Again');
  });

  it("the alert's Sign in button, after the session expired, takes focus to the panel", async () => {
    const adapter = memoryAdapter({signInPage: SIGN_IN_PAGE, guests: false});
    const form = await standaloneForm(adapter);
    await waitUntil(() => panelPart(form, 'provider-button'));
    await fill(form, 'textarea', 'Needs an account');
    part<HTMLButtonElement>(form, 'submit-button')!.click();
    await waitUntil(() => part(form, 'sign-in-button'), 'no sign-in button in the alert');
    part<HTMLButtonElement>(form, 'sign-in-button')!.click();
    await waitUntil(() => panel(form).shadowRoot!.activeElement === providerButton(form, 'wordpress'), 'focus not on the first provider');
  });
});
