import {ContextProvider} from '@lit/context';
import {expect, fixture, html, oneEvent, waitUntil} from '@open-wc/testing';
import {LitElement} from 'lit';
import {sendKeys} from '@web/test-runner-commands';
import {encodeMemoryGrant} from '../../../src/adapters/memory/index.js';
import '../../../src/adapters/builtin.js';
import type {Comment} from '../../../src/core/types.js';
import type {CommentFormElement} from '../../../src/elements/comment-form/comment-form.js';
import {adapterContext} from '../../../src/elements/shared/context.js';
import {expectAccessible} from '../../helpers/axe.js';
import {withoutIsolates} from '../../helpers/text.js';
import {
  fill,
  focusedInside,
  formInThread,
  hasPart,
  memoryAdapter,
  nextEvent,
  part,
  ready,
  recordPosts,
  resetStorage,
  savedDrafts,
  standaloneForm,
  textarea,
} from '../../helpers/form.js';

const amina: Comment = {
  id: 'a',
  parentId: null,
  author: {name: 'Amina'},
  createdAt: '2026-08-06T09:00:00Z',
  content: {kind: 'text', value: 'First!'},
  status: 'approved',
  replyCount: 1,
  viewerCan: {reply: true, edit: false, delete: false},
};

function labelOf(form: CommentFormElement, partName: string): string {
  const field = part(form, partName)!;
  return form.shadowRoot!.querySelector(`label[for="${field.id}"]`)!.textContent!.replace(/\s+/g, ' ').trim();
}

describe('<comment-form> rendering', () => {
  afterEach(resetStorage);

  it('ends the thread with "Leave a Reply", a labelled comment field and guest details', async () => {
    const form = await standaloneForm(memoryAdapter());
    expect(part(form, 'heading')!.textContent!.trim()).to.equal('Leave a Reply');
    expect(part(form, 'heading')!.getAttribute('role')).to.equal('heading');
    expect(part(form, 'heading')!.getAttribute('aria-level')).to.equal('3');
    expect(labelOf(form, 'textarea')).to.equal('Comment *');
    expect(labelOf(form, 'name-input')).to.equal('Name *');
    expect(labelOf(form, 'email-input')).to.equal('Email *');
    expect(labelOf(form, 'website-input')).to.equal('Website');
    expect(part<HTMLInputElement>(form, 'name-input')!.required).to.be.true;
    expect(part<HTMLInputElement>(form, 'website-input')!.required).to.be.false;
    expect(part<HTMLInputElement>(form, 'email-input')!.type).to.equal('email');
    const emailHint = form.shadowRoot!.getElementById(part(form, 'email-input')!.getAttribute('aria-describedby')!)!;
    expect(emailHint.textContent).to.contain('Your email address will never be made public.');
    const notify = part(form, 'notify')!.textContent!.replace(/\s+/g, ' ');
    expect(notify).to.contain('Notify me of new comments via email.');
    expect(notify).to.contain('Notify me of new posts via email.');
    expect(hasPart(form, 'cancel-button')).to.be.false;
    await expectAccessible(form);
  });

  it('takes which guest details are required, and whether to offer notifications, from the thread', async () => {
    const adapter = memoryAdapter();
    const loadPage = adapter.loadPage.bind(adapter);
    adapter.loadPage = async (request, options) => {
      const page = await loadPage(request, options);
      return {
        ...page,
        thread: {
          ...page.thread,
          posting: {
            ...page.thread.posting,
            guests: {allowed: true, requireName: true, requireEmail: false},
            notifications: {comments: true, posts: false},
          },
        },
      };
    };
    const form = await standaloneForm(adapter);
    expect(part<HTMLInputElement>(form, 'name-input')!.required).to.be.true;
    expect(part<HTMLInputElement>(form, 'email-input')!.required).to.be.false;
    expect(labelOf(form, 'email-input')).to.equal('Email');
    expect(part(form, 'notify')!.textContent).to.contain('new comments');
    expect(part(form, 'notify')!.textContent).not.to.contain('new posts');
  });

  it('counts characters against the backend maximum and flags a comment that is too long', async () => {
    const form = await standaloneForm(memoryAdapter({maxLength: 10}));
    await waitUntil(() => part(form, 'character-count'), 'no count');
    const count = part(form, 'character-count')!;
    expect(count.textContent!.replace(/\s+/g, ' ')).to.contain('0 / 10');
    expect(count.textContent).to.contain('Up to 10 characters.');
    await fill(form, 'textarea', 'Hello there, friend');
    expect(count.textContent!.replace(/\s+/g, ' ')).to.contain('19 / 10');
    expect(textarea(form).getAttribute('aria-invalid')).to.equal('true');
    const describedBy = textarea(form).getAttribute('aria-describedby')!.split(' ');
    expect(describedBy).to.include('text-error');
    expect(form.shadowRoot!.getElementById('text-error')!.textContent).to.equal('9 characters too many.');
    await expectAccessible(form);
  });

  it('grows the comment field with its text', async () => {
    const form = await standaloneForm(memoryAdapter());
    const before = textarea(form).getBoundingClientRect().height;
    await fill(form, 'textarea', 'line\n'.repeat(30));
    expect(textarea(form).getBoundingClientRect().height).to.be.greaterThan(before);
  });

  it('resolves a named adapter through the registry', async () => {
    const form = await fixture<CommentFormElement>(
      html`<comment-form adapter="memory" thread="registry-thread" max-length="42"></comment-form>`,
    );
    await ready(form);
    await waitUntil(() => part(form, 'character-count')?.textContent?.includes('42'), 'the configured maximum never showed');
  });

  it('shows who is signed in instead of the guest fields', async () => {
    const adapter = memoryAdapter();
    await adapter.completeSignIn({providerId: 'github', result: {code: encodeMemoryGrant({name: 'Grace'})}}, {});
    const form = await standaloneForm(adapter);
    expect(withoutIsolates(part(form, 'identity')!.textContent)).to.contain('Commenting as Grace');
    expect(hasPart(form, 'guest-fields')).to.be.false;
    await expectAccessible(form);
  });

  it('asks a visitor to sign in when the thread takes no guests, through the sign-in slot', async () => {
    const adapter = memoryAdapter({guests: false});
    const form = await standaloneForm(adapter);
    expect(hasPart(form, 'guest-fields')).to.be.false;
    expect(part(form, 'identity')!.textContent).to.contain('Sign in to leave a comment.');
    await expectAccessible(form);
    const request = oneEvent(form, 'comment-sign-in-request');
    part<HTMLButtonElement>(form, 'sign-in-button')!.click();
    await request;

    const panel = document.createElement('div');
    panel.slot = 'sign-in';
    panel.textContent = 'A sign-in panel';
    form.append(panel);
    const slot = form.shadowRoot!.querySelector<HTMLSlotElement>('slot[name="sign-in"]')!;
    expect(slot.assignedElements().length === 1 && slot.assignedElements()[0] === panel, 'the panel is not in the sign-in slot').to.be.true;
  });

  it('says "Comments are closed." and shows no form on a closed thread', async () => {
    const adapter = memoryAdapter({threads: [{id: 'shut', title: 'Shut', open: false, comments: []}]});
    const form = await fixture<CommentFormElement>(html`<comment-form .adapter=${adapter} thread="shut"></comment-form>`);
    await waitUntil(() => part(form, 'closed'), 'no closed notice');
    expect(part(form, 'closed')!.textContent!.trim()).to.equal('Comments are closed.');
    expect(hasPart(form, 'form')).to.be.false;
    await expectAccessible(form);
  });

  it('gets the adapter from a thread defined after it (scripts loaded in any order)', async () => {
    const adapter = memoryAdapter();
    const tag = `late-thread-${crypto.randomUUID()}`;
    const host = document.createElement(tag);
    const form = document.createElement('comment-form');
    form.thread = 'conversation';
    host.append(form);
    document.body.append(host);
    try {
      await form.updateComplete;
      expect(hasPart(form, 'guest-fields'), 'no adapter yet').to.be.false;
      customElements.define(
        tag,
        class extends LitElement {
          readonly provider = new ContextProvider(this, {context: adapterContext, initialValue: adapter});
        },
      );
      await ready(form);
    } finally {
      host.remove();
    }
  });

  it('lets the page choose the heading level', async () => {
    const adapter = memoryAdapter();
    const form = await fixture<CommentFormElement>(
      html`<comment-form .adapter=${adapter} thread="conversation" heading-level="2"></comment-form>`,
    );
    expect(part(form, 'heading')!.getAttribute('aria-level')).to.equal('2');
  });
});

describe('<comment-form> inline reply', () => {
  afterEach(resetStorage);

  async function replyForm(adapter = memoryAdapter()) {
    const {host, form} = await formInThread(adapter);
    form.replyTo = amina;
    await form.updateComplete;
    return {host, form};
  }

  it('says whom it answers, offers "Cancel reply" and is accessible', async () => {
    const {form} = await replyForm();
    expect(withoutIsolates(part(form, 'heading')!.textContent).trim()).to.equal('Reply to Amina');
    expect(part(form, 'cancel-button')!.textContent!.trim()).to.equal('Cancel reply');
    await expectAccessible(form);
  });

  it('takes focus into its comment field when opened', async () => {
    const {form} = await replyForm();
    form.focus();
    await waitUntil(() => focusedInside(form) === textarea(form), 'focus did not reach the comment field');
  });

  it('closes on "Cancel reply" and on Escape, keeping the draft', async () => {
    const {form} = await replyForm();
    await fill(form, 'textarea', 'Half a thought');
    const onButton = oneEvent(form, 'comment-cancel');
    part<HTMLButtonElement>(form, 'cancel-button')!.click();
    await onButton;

    textarea(form).focus();
    const onEscape = oneEvent(form, 'comment-cancel');
    await sendKeys({press: 'Escape'});
    await onEscape;
    expect(savedDrafts()).to.have.length(1);
    expect(savedDrafts()[0]).to.contain('Half a thought');
  });

  it('does not cancel the form at the end of the thread on Escape', async () => {
    const {form} = await formInThread(memoryAdapter());
    let cancelled = false;
    form.addEventListener('comment-cancel', () => (cancelled = true));
    textarea(form).focus();
    await sendKeys({press: 'Escape'});
    expect(cancelled).to.be.false;
  });

  it('posts the reply under the comment it answers', async () => {
    const adapter = memoryAdapter();
    const posts = recordPosts(adapter);
    const {form} = await replyForm(adapter);
    await fill(form, 'textarea', 'Welcome, Amina.');
    await fill(form, 'name-input', 'Ada');
    await fill(form, 'email-input', 'ada@example.com');
    const posted = nextEvent(form, 'comment-posted');
    part<HTMLButtonElement>(form, 'submit-button')!.click();
    const {comment} = await posted;
    expect(posts.map((input) => input.parentId)).to.deep.equal(['a']);
    expect(comment!.parentId).to.equal('a');
  });
});

describe('<comment-form> keyboard', () => {
  afterEach(resetStorage);

  for (const modifier of ['Control', 'Meta']) {
    it(`submits on ${modifier}+Enter from the comment field`, async () => {
      const adapter = memoryAdapter();
      const posts = recordPosts(adapter);
      const form = await standaloneForm(adapter);
      await fill(form, 'name-input', 'Ada');
      await fill(form, 'email-input', 'ada@example.com');
      textarea(form).focus();
      await sendKeys({type: 'Typed with keys'});
      const posted = oneEvent(form, 'comment-posted');
      await sendKeys({down: modifier});
      await sendKeys({press: 'Enter'});
      await sendKeys({up: modifier});
      await posted;
      expect(posts.map((input) => input.text)).to.deep.equal(['Typed with keys']);
      expect(focusedInside(form) === textarea(form), 'focus left the comment field').to.be.true;
    });
  }

  it('keeps plain Enter for new lines', async () => {
    const adapter = memoryAdapter();
    const posts = recordPosts(adapter);
    const form = await standaloneForm(adapter);
    textarea(form).focus();
    await sendKeys({type: 'one'});
    await sendKeys({press: 'Enter'});
    await sendKeys({type: 'two'});
    expect(textarea(form).value).to.equal('one\ntwo');
    expect(posts).to.have.length(0);
  });
});
