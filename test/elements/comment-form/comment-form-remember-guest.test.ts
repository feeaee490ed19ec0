import {expect, fixture, html, waitUntil} from '@open-wc/testing';
import {encodeMemoryGrant, type MemoryAdapter} from '../../../src/adapters/memory/index.js';
import type {CommentFormElement} from '../../../src/elements/comment-form/comment-form.js';
import {expectAccessible} from '../../helpers/axe.js';
import {
  failureShown,
  fill,
  fillGuest,
  hasPart,
  instantRetries,
  memoryAdapter,
  nextEvent,
  part,
  ready,
  resetStorage,
  savedDrafts,
  standaloneForm,
  submit,
  textarea,
} from '../../helpers/form.js';

const storageKey = 'colloquy:guest';

function rememberBox(form: CommentFormElement): HTMLInputElement {
  return part(form, 'remember-guest')!.querySelector('input')!;
}

async function setRemember(form: CommentFormElement, checked: boolean): Promise<void> {
  const box = rememberBox(form);
  if (box.checked !== checked) box.click();
  await form.updateComplete;
}

function guestValues(form: CommentFormElement): string[] {
  return (['name-input', 'email-input', 'website-input'] as const).map((name) => part<HTMLInputElement>(form, name)!.value);
}

/** A later visit, as far as the form can tell: the element goes and a new one comes, on any thread. */
async function nextVisit(form: CommentFormElement, adapter: MemoryAdapter, thread = 'conversation'): Promise<CommentFormElement> {
  form.remove();
  const again = await fixture<CommentFormElement>(
    html`<comment-form .adapter=${adapter} thread=${thread} .retryOptions=${instantRetries}></comment-form>`,
  );
  return ready(again);
}

/** Nothing is stored, and the next visit starts with empty, unticked guest fields. */
async function expectNothingRemembered(form: CommentFormElement, adapter: MemoryAdapter): Promise<void> {
  expect(localStorage.getItem(storageKey)).to.equal(null);
  const again = await nextVisit(form, adapter);
  expect(guestValues(again)).to.deep.equal(['', '', '']);
  expect(rememberBox(again).checked).to.be.false;
}

async function postAsGuest(form: CommentFormElement, text: string, {remember}: {remember: boolean}): Promise<void> {
  await fillGuest(form, text);
  await fill(form, 'website-input', 'https://ada.example/');
  await setRemember(form, remember);
  const posted = nextEvent(form, 'comment-posted');
  submit(form);
  await posted;
}

describe('<comment-form> remembering guest details', () => {
  afterEach(resetStorage);

  it('offers to save the details in this browser, unticked until the guest says so', async () => {
    const form = await standaloneForm(memoryAdapter());
    const label = part(form, 'remember-guest')!;
    expect(label.textContent!.replace(/\s+/g, ' ').trim()).to.equal(
      'Save my name, email, and website in this browser for the next time I comment.',
    );
    expect(part(form, 'guest-fields')!.contains(label), 'it belongs with the guest fields').to.be.true;
    expect(rememberBox(form).checked).to.be.false;
    await expectAccessible(form);
    await setRemember(form, true);
    await expectAccessible(form);
  });

  it('remembers name, email and website for the next comment on any thread, never the comment', async () => {
    const adapter = memoryAdapter();
    const form = await standaloneForm(adapter);
    await postAsGuest(form, 'A private thought', {remember: true});

    const stored = localStorage.getItem(storageKey)!;
    expect(JSON.parse(stored)).to.deep.equal({name: 'Ada', email: 'ada@example.com', website: 'https://ada.example/'});
    expect(stored).not.to.contain('A private thought');

    const again = await nextVisit(form, adapter, 'another-thread');
    expect(guestValues(again)).to.deep.equal(['Ada', 'ada@example.com', 'https://ada.example/']);
    expect(rememberBox(again).checked, 'the box stays ticked').to.be.true;
    expect(textarea(again).value).to.equal('');
  });

  it('remembers nothing when the box is left unticked', async () => {
    const adapter = memoryAdapter();
    const form = await standaloneForm(adapter);
    await postAsGuest(form, 'Just passing by', {remember: false});
    await expectNothingRemembered(form, adapter);
  });

  it('remembers nothing until the comment is stored', async () => {
    const adapter = memoryAdapter();
    adapter.simulate.fail('post', {code: 'forbidden'});
    const form = await standaloneForm(adapter);
    await fillGuest(form, 'Refused');
    await setRemember(form, true);
    submit(form);
    await failureShown(form);
    expect(localStorage.getItem(storageKey)).to.equal(null);
  });

  it('forgets them as soon as the box is unticked, and for good once a comment is posted that way', async () => {
    const adapter = memoryAdapter();
    const first = await standaloneForm(adapter);
    await postAsGuest(first, 'Remember me', {remember: true});
    const later = await nextVisit(first, adapter);

    await setRemember(later, false);
    expect(localStorage.getItem(storageKey), 'forgotten at once').to.equal(null);
    await fill(later, 'textarea', 'Forget me now');
    const posted = nextEvent(later, 'comment-posted');
    submit(later);
    await posted;
    await expectNothingRemembered(later, adapter);
  });

  it('keeps the tick, like the rest of the draft, through a reload before posting', async () => {
    const adapter = memoryAdapter();
    const form = await standaloneForm(adapter);
    await fillGuest(form, 'Half written');
    await setRemember(form, true);
    await waitUntil(() => savedDrafts().length === 1, 'the draft was never saved');

    const again = await nextVisit(form, adapter);
    expect(rememberBox(again).checked).to.be.true;
    expect(guestValues(again).slice(0, 2)).to.deep.equal(['Ada', 'ada@example.com']);
  });

  it('leaves remembered details out of drafts, so prefilled fields alone are no draft', async () => {
    const adapter = memoryAdapter();
    const form = await standaloneForm(adapter);
    await postAsGuest(form, 'First visit', {remember: true});
    const later = await nextVisit(form, adapter);

    await fill(later, 'textarea', 'x');
    await fill(later, 'textarea', '');
    window.dispatchEvent(new PageTransitionEvent('pagehide'));
    expect(savedDrafts()).to.deep.equal([]);

    await fill(later, 'textarea', 'Second visit');
    window.dispatchEvent(new PageTransitionEvent('pagehide'));
    expect(savedDrafts()[0]).not.to.contain('ada@example.com');
    const again = await nextVisit(later, adapter);
    expect(textarea(again).value).to.equal('Second visit');
    expect(guestValues(again)).to.deep.equal(['Ada', 'ada@example.com', 'https://ada.example/']);
  });

  it('posts as usual and silently remembers nothing when storage throws', async () => {
    const adapter = memoryAdapter();
    const refuse = () => {
      throw new DOMException('The operation is insecure.', 'SecurityError');
    };
    const {setItem, getItem, removeItem} = Storage.prototype;
    Storage.prototype.setItem = refuse;
    Storage.prototype.getItem = refuse;
    Storage.prototype.removeItem = refuse;
    let form: CommentFormElement;
    try {
      form = await standaloneForm(adapter, `private-${crypto.randomUUID()}`);
      await postAsGuest(form, 'From a private window', {remember: true});
      expect(part(form, 'alert')!.textContent!.trim()).to.equal('');
      expect(rememberBox(form).checked).to.be.true;
    } finally {
      Storage.prototype.setItem = setItem;
      Storage.prototype.getItem = getItem;
      Storage.prototype.removeItem = removeItem;
    }
    await expectNothingRemembered(form, adapter);
  });

  it('shows no such box to a signed-in commenter, and keeps what a guest saved for later', async () => {
    const guestForm = await standaloneForm(memoryAdapter());
    await postAsGuest(guestForm, 'As a guest', {remember: true});
    guestForm.remove();

    const adapter = memoryAdapter();
    await adapter.completeSignIn({providerId: 'github', result: {code: encodeMemoryGrant({name: 'Grace'})}}, {});
    const form = await standaloneForm(adapter);
    expect(hasPart(form, 'remember-guest')).to.be.false;
    await fill(form, 'textarea', 'Signed in');
    const posted = nextEvent(form, 'comment-posted');
    submit(form);
    await posted;
    expect(JSON.parse(localStorage.getItem(storageKey)!)).to.deep.include({name: 'Ada'});
  });
});
