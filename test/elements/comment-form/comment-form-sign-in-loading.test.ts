// This file must not import `<login-choice>` itself: it checks when the form loads it.
import {expect, waitUntil} from '@open-wc/testing';
import {formInThread, memoryAdapter, part, quietFor, resetStorage, standaloneForm} from '../../helpers/form.js';

const panelRequested = () =>
  performance.getEntriesByType('resource').some((entry) => entry.name.includes('/login-choice/login-choice'));

describe('<comment-form> loading the sign-in panel', () => {
  afterEach(resetStorage);

  // Runs first: once loaded, the element stays defined for the rest of the file.
  it('never loads it for a backend that cannot sign in', async () => {
    const adapter = memoryAdapter();
    expect(adapter.capabilities.signIn).to.be.false;
    const form = await standaloneForm(adapter);
    await formInThread(memoryAdapter({guests: false}));
    // Time enough for a module requested by mistake to arrive; nothing can show that it never will.
    await quietFor(500);
    expect(panelRequested(), 'the panel was requested').to.be.false;
    expect(customElements.get('login-choice')).to.equal(undefined);
    expect(part(form, 'guest-fields')!.parentElement!.localName, 'the guest fields are the form’s own').to.equal('section');
  });

  it('loads it as soon as the backend can sign in, with the guest fields inside it', async () => {
    const form = await standaloneForm(memoryAdapter({signInPage: '/demo/sign-in/consent.html'}));
    await customElements.whenDefined('login-choice');
    expect(panelRequested()).to.be.true;
    const panel = form.shadowRoot!.querySelector('login-choice')!;
    await waitUntil(() => panel.shadowRoot?.querySelector('[part~="provider-button"]'), 'no provider buttons');
    expect(part(form, 'guest-fields')!.assignedSlot?.name).to.equal('guest-fields');
  });
});
