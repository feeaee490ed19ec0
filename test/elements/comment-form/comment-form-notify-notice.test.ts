// After a guest asks for email notifications, the form says to look for the confirmation
// link; only where the backend really mails one (the REST protocol's double opt-in).
import {expect, waitUntil} from '@open-wc/testing';
import {createRestAdapter} from '../../../src/adapters/rest/index.js';
import {encodeMemoryGrant, type MemoryAdapter} from '../../../src/adapters/memory/index.js';
import type {CommentFormElement} from '../../../src/elements/comment-form/comment-form.js';
import {aqimThread} from '../../fixtures/rest-threads.js';
import {expectAccessible} from '../../helpers/axe.js';
import {
  announcement,
  fill,
  fillGuest,
  focusedInside,
  formInThread,
  hasPart,
  memoryAdapter,
  nextEvent,
  part,
  resetStorage,
  standaloneForm,
  submit,
} from '../../helpers/form.js';
import {resetHandlers, useHandlers} from '../../helpers/msw.js';
import {restServer} from '../../mocks/rest-server.js';

/** The memory backend mails nothing; this one stands for a backend that confirms by email. */
function confirmingAdapter(): MemoryAdapter {
  const adapter = memoryAdapter();
  Object.assign(adapter, {capabilities: {...adapter.capabilities, confirmsNotificationEmail: true}});
  return adapter;
}

function tick(form: CommentFormElement, box: 'comments' | 'posts'): void {
  form.shadowRoot!.querySelector<HTMLInputElement>(`input[name="notify-${box}"]`)!.click();
}

async function post(form: CommentFormElement): Promise<void> {
  const posted = nextEvent(form, 'comment-posted');
  submit(form);
  await posted;
  await form.updateComplete;
}

const noticeText = (form: CommentFormElement) => part(form, 'notify-notice')?.textContent?.replace(/\s+/g, ' ').trim() ?? '';

describe('<comment-form> confirmation notice', () => {
  afterEach(async () => {
    resetStorage();
    sessionStorage.clear();
    await resetHandlers();
  });

  it('tells a guest who ticked a box to confirm their address, names it isolated, and announces it', async () => {
    const form = await standaloneForm(confirmingAdapter());
    await fillGuest(form, 'Tell me about replies');
    await fill(form, 'email-input', 'ada@example.com');
    tick(form, 'comments');
    await post(form);
    expect(noticeText(form)).to.contain('check \u2068ada@example.com\u2069 for a link to confirm it');
    expect(part(form, 'notify-notice-dismiss')!.textContent!.trim()).to.equal('Dismiss');
    await waitUntil(() => announcement().startsWith('Comment posted'), 'nothing was announced');
    expect(announcement()).to.contain('\u2068ada@example.com\u2069 for a link to confirm it');
    await expectAccessible(form);
  });

  it('does not block the next comment, and is dismissed with the keyboard, focus going to the comment field', async () => {
    const adapter = confirmingAdapter();
    const {form} = await formInThread(adapter);
    await fillGuest(form, 'First');
    tick(form, 'posts');
    await post(form);
    expect(hasPart(form, 'notify-notice')).to.be.true;
    expect(part(form, 'submit-button')!.getAttribute('aria-disabled')).to.equal('false');

    const dismiss = part<HTMLButtonElement>(form, 'notify-notice-dismiss')!;
    dismiss.focus();
    // A keyboard press of a <button> is its click.
    dismiss.click();
    await form.updateComplete;
    expect(hasPart(form, 'notify-notice')).to.be.false;
    expect(focusedInside(form)).to.equal(part(form, 'textarea'));
    await expectAccessible(form);

    await fill(form, 'textarea', 'Second, no box');
    await post(form);
    expect(hasPart(form, 'notify-notice')).to.be.false;
    expect(adapter.storedComments('conversation').map((stored) => stored.text)).to.include.members(['First', 'Second, no box']);
  });

  it('says nothing when no box was ticked', async () => {
    const form = await standaloneForm(confirmingAdapter());
    await fillGuest(form, 'No email for me');
    await post(form);
    expect(hasPart(form, 'notify-notice')).to.be.false;
    await waitUntil(() => announcement() === 'Comment posted', 'the announcement was not the plain one');
  });

  it('says nothing to a signed-in person, whose address needs no confirmation', async () => {
    const adapter = confirmingAdapter();
    await adapter.completeSignIn({providerId: 'github', result: {code: encodeMemoryGrant({name: 'Grace'})}}, {});
    const {form} = await formInThread(adapter);
    await fill(form, 'textarea', 'Signed in');
    tick(form, 'comments');
    await post(form);
    expect(hasPart(form, 'notify-notice')).to.be.false;
  });

  it('says nothing on a backend that mails no confirmation (the memory demo)', async () => {
    const form = await standaloneForm(memoryAdapter());
    await fillGuest(form, 'Demo');
    tick(form, 'comments');
    await post(form);
    expect(hasPart(form, 'notify-notice')).to.be.false;
    await waitUntil(() => announcement() === 'Comment posted', 'the announcement was not the plain one');
  });

  it('shows it over REST, whose protocol requires confirmation before any email', async () => {
    const server = restServer({threads: [aqimThread()]});
    await useHandlers(...server.handlers);
    const adapter = await createRestAdapter({endpoint: server.endpoint});
    expect(adapter.capabilities.confirmsNotificationEmail).to.be.true;
    const form = await standaloneForm(adapter, 'aqim-updates-aug-6');
    await waitUntil(() => form.shadowRoot!.querySelector('input[name="notify-comments"]'), 'the box was not offered');
    await fillGuest(form, 'Over HTTP');
    tick(form, 'comments');
    await post(form);
    expect(noticeText(form)).to.contain('\u2068ada@example.com\u2069');
    await expectAccessible(form);
  });
});
