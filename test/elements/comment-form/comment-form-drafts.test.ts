import {expect, fixture, html, waitUntil} from '@open-wc/testing';
import type {CommentFormElement} from '../../../src/elements/comment-form/comment-form.js';
import type {Comment} from '../../../src/core/types.js';
import {
  fill,
  fillGuest,
  instantRetries,
  memoryAdapter,
  nextEvent,
  part,
  ready,
  recordPosts,
  resetStorage,
  savedDrafts,
  standaloneForm,
  submit,
  textarea,
} from '../../helpers/form.js';
import type {MemoryAdapter} from '../../../src/adapters/memory/index.js';
import {expectAccessible} from '../../helpers/axe.js';

const replyTarget = (id: string): Comment => ({
  id,
  parentId: null,
  author: {name: id},
  createdAt: '2026-08-06T09:00:00Z',
  content: {kind: 'text', value: '…'},
  status: 'approved',
  replyCount: 0,
  viewerCan: {reply: true, edit: false, delete: false},
});

/** A page reload, as far as the form can tell: the element goes away and a new one comes. */
async function recreate(form: CommentFormElement, adapter: MemoryAdapter, replyTo?: Comment) {
  const thread = form.thread!;
  form.remove();
  const again = await fixture<CommentFormElement>(
    html`<comment-form .adapter=${adapter} thread=${thread} .replyTo=${replyTo} .retryOptions=${instantRetries}></comment-form>`,
  );
  return ready(again);
}

describe('<comment-form> drafts', () => {
  afterEach(resetStorage);

  it('saves what is typed shortly after typing stops, and restores it in a new element', async () => {
    const adapter = memoryAdapter();
    const form = await standaloneForm(adapter);
    await fillGuest(form, 'Do not lose me');
    await fill(form, 'website-input', 'https://ada.example/');
    expect(savedDrafts(), 'not on every keystroke').to.have.length(0);
    await waitUntil(() => savedDrafts().length === 1, 'the draft was never saved');

    const again = await recreate(form, adapter);
    expect(textarea(again).value).to.equal('Do not lose me');
    expect(part<HTMLInputElement>(again, 'name-input')!.value).to.equal('Ada');
    expect(part<HTMLInputElement>(again, 'email-input')!.value).to.equal('ada@example.com');
    expect(part<HTMLInputElement>(again, 'website-input')!.value).to.equal('https://ada.example/');
  });

  it('saves at least every second while typing goes on, so a killed tab keeps nearly everything', async () => {
    const form = await standaloneForm(memoryAdapter());
    let typed = '';
    const started = Date.now();
    while (Date.now() - started < 1600) {
      typed += 'word ';
      await fill(form, 'textarea', typed);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    // Still typing, never a 400 ms pause: something recent is saved already.
    const saved = savedDrafts()[0];
    expect(saved, 'nothing saved while typing').to.be.a('string');
    const savedText = (JSON.parse(saved!) as {text: string}).text;
    expect(savedText.length).to.be.greaterThan(typed.length - 'word '.length * 12);
  });

  it('keeps a guest\'s details only in this tab when "Save my name…" is unticked', async () => {
    const adapter = memoryAdapter();
    const form = await standaloneForm(adapter);
    await fillGuest(form, 'Only the text may stay');
    window.dispatchEvent(new PageTransitionEvent('pagehide'));
    const saved = savedDrafts().join('');
    expect(saved).to.contain('Only the text may stay');
    expect(saved).not.to.contain('ada@example.com');
    expect(saved).not.to.contain('Ada');
    const again = await recreate(form, adapter);
    expect(part<HTMLInputElement>(again, 'email-input')!.value).to.equal('ada@example.com');
    sessionStorage.clear();
    const elsewhere = await recreate(again, adapter);
    expect(textarea(elsewhere).value).to.equal('Only the text may stay');
    expect(part<HTMLInputElement>(elsewhere, 'email-input')!.value).to.equal('');
  });

  it('saves at once when the page is hidden or left', async () => {
    const form = await standaloneForm(memoryAdapter());
    await fill(form, 'textarea', 'Leaving now');
    window.dispatchEvent(new PageTransitionEvent('pagehide'));
    expect(savedDrafts()[0]).to.contain('Leaving now');
  });

  it('keeps one draft per comment replied to', async () => {
    const adapter = memoryAdapter();
    const form = await standaloneForm(adapter);
    await fill(form, 'textarea', 'To everyone');
    form.replyTo = replyTarget('a');
    await form.updateComplete;
    expect(textarea(form).value, 'a reply starts empty').to.equal('');
    await fill(form, 'textarea', 'To a');
    form.replyTo = replyTarget('b');
    await form.updateComplete;
    await fill(form, 'textarea', 'To b');

    expect(textarea(await recreate(form, adapter, replyTarget('a'))).value).to.equal('To a');
    expect(textarea(await recreate(document.querySelector('comment-form')!, adapter)).value).to.equal('To everyone');
    expect(textarea(await recreate(document.querySelector('comment-form')!, adapter, replyTarget('b'))).value).to.equal('To b');
  });

  it('survives in memory when storage throws', async () => {
    const adapter = memoryAdapter();
    const thread = `private-${crypto.randomUUID()}`;
    const refuse = () => {
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    };
    const {setItem, getItem} = Storage.prototype;
    Storage.prototype.setItem = refuse;
    Storage.prototype.getItem = refuse;
    try {
      const form = await standaloneForm(adapter, thread);
      expect(part(form, 'draft-warning')!.textContent!.trim()).to.equal('');
      await fill(form, 'textarea', 'Private browsing');
      window.dispatchEvent(new PageTransitionEvent('pagehide'));
      await form.updateComplete;
      const warning = part(form, 'draft-warning')!;
      expect(warning.getAttribute('role')).to.equal('status');
      expect(warning.textContent).to.contain('This browser cannot keep your draft');
      await fill(form, 'textarea', 'Private browsing, still');
      window.dispatchEvent(new PageTransitionEvent('pagehide'));
      await form.updateComplete;
      expect(warning.textContent!.match(/cannot keep/g)).to.have.length(1);
      await expectAccessible(form);
      await fill(form, 'textarea', 'Private browsing');
      const again = await recreate(form, adapter);
      expect(textarea(again).value).to.equal('Private browsing');
    } finally {
      Storage.prototype.setItem = setItem;
      Storage.prototype.getItem = getItem;
    }
  });

  it('is kept through a failure and let go only once the backend has the comment', async () => {
    const adapter = memoryAdapter();
    adapter.simulate.fail('post', {code: 'server', times: 3});
    const form = await standaloneForm(adapter);
    await fillGuest(form, 'Keep me until stored');
    submit(form);
    await waitUntil(() => part(form, 'retry-button'), 'no failure');
    expect(savedDrafts()[0]).to.contain('Keep me until stored');
    part<HTMLButtonElement>(form, 'retry-button')!.click();
    await nextEvent(form, 'comment-posted');
    expect(savedDrafts()).to.have.length(0);
  });

  it('keeps the idempotency key across a reload, so a post that arrived is not stored twice', async () => {
    const adapter = memoryAdapter();
    adapter.simulate.fail('post', {code: 'network', stage: 'after'});
    const posts = recordPosts(adapter);
    const form = await standaloneForm(adapter);
    await fillGuest(form, 'Sent just before the reload');
    submit(form);
    await waitUntil(() => part(form, 'retry-button'), 'no failure');

    const again = await recreate(form, adapter);
    expect(textarea(again).value).to.equal('Sent just before the reload');
    submit(again);
    await nextEvent(again, 'comment-posted');
    expect(posts).to.have.length(2);
    expect(posts[1]!.idempotencyKey).to.equal(posts[0]!.idempotencyKey);
    expect(adapter.storedComments('conversation').filter((stored) => stored.text === 'Sent just before the reload')).to.have.length(1);
  });

  it('leaves a reply begun while the previous comment was still sending alone', async () => {
    const adapter = memoryAdapter({latency: {post: 80}});
    const form = await standaloneForm(adapter);
    await fillGuest(form, 'The first comment');
    submit(form);
    form.replyTo = replyTarget('a');
    await form.updateComplete;
    expect(textarea(form).readOnly, 'the reply can be typed at once').to.be.false;
    await fill(form, 'textarea', 'A reply typed meanwhile');
    const {comment} = await nextEvent(form, 'comment-posted');
    await form.updateComplete;
    expect(comment!.content.value).to.equal('The first comment');
    expect(textarea(form).value).to.equal('A reply typed meanwhile');
    expect(savedDrafts().join()).not.to.contain('The first comment');
  });

  it('keeps working when the element is moved in the page', async () => {
    const adapter = memoryAdapter();
    const form = await standaloneForm(adapter);
    const elsewhere = document.createElement('div');
    document.body.append(elsewhere);
    try {
      elsewhere.append(form);
      await fill(form, 'textarea', 'Moved');
      window.dispatchEvent(new PageTransitionEvent('pagehide'));
      expect(savedDrafts()[0]).to.contain('Moved');
    } finally {
      elsewhere.remove();
    }
  });
});
