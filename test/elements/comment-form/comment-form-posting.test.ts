import {expect, waitUntil} from '@open-wc/testing';
import {encodeMemoryGrant} from '../../../src/adapters/memory/index.js';
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
  recordPosts,
  resetStorage,
  savedDrafts,
  standaloneForm,
  submit,
  textarea,
} from '../../helpers/form.js';

describe('<comment-form> posting', () => {
  afterEach(resetStorage);

  it('asks the page first with a cancelable comment-submit, and sends nothing when it is cancelled', async () => {
    const adapter = memoryAdapter();
    const posts = recordPosts(adapter);
    const form = await standaloneForm(adapter);
    await fillGuest(form, 'Wait for consent');
    form.addEventListener('comment-submit', (event) => event.preventDefault(), {once: true});
    const asked = nextEvent(form, 'comment-submit');
    submit(form);
    const event = await asked;
    expect(event.cancelable).to.be.true;
    expect(event.comment.text).to.equal('Wait for consent');
    expect(event.comment.guest).to.deep.equal({name: 'Ada', email: 'ada@example.com', website: ''});
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(posts).to.have.length(0);
    expect(textarea(form).value).to.equal('Wait for consent');
  });

  it('shows the comment in the thread at once, then the stored one, then clears, announces and focuses it', async () => {
    const adapter = memoryAdapter({latency: {post: 60}});
    const {host, form} = await formInThread(adapter);
    await fillGuest(form, 'Hello, thread.');
    let submitted = false;
    form.addEventListener('comment-submit', () => (submitted = true));
    const posted = nextEvent(form, 'comment-posted');
    submit(form);

    expect(submitted).to.be.true;
    const [key, outgoing] = [...host.outgoing][0]!;
    expect(outgoing.content).to.deep.equal({kind: 'text', value: 'Hello, thread.'});
    expect(outgoing.author).to.include({name: 'Ada', isViewer: true});
    await form.updateComplete;
    expect(part(form, 'form')!.getAttribute('aria-busy')).to.equal('true');
    expect(part(form, 'submit-button')!.textContent!.trim()).to.equal('Sending…');
    expect(textarea(form).readOnly).to.be.true;
    await expectAccessible(form);

    const {comment, held} = await posted;
    expect(held).to.be.false;
    expect(host.resolved).to.deep.equal([{key, stored: comment}]);
    expect(comment!.id).not.to.equal(outgoing.id);
    expect(host.focused).to.deep.equal([comment!.id]);
    await form.updateComplete;
    expect(textarea(form).value).to.equal('');
    expect(part<HTMLInputElement>(form, 'name-input')!.value, 'the guest keeps their details').to.equal('Ada');
    expect(part(form, 'form')!.getAttribute('aria-busy')).to.equal('false');
    expect(savedDrafts()).to.have.length(0);
    await waitUntil(() => announcement() === 'Comment posted', 'nothing was announced');
    expect(adapter.storedComments('conversation').filter((stored) => stored.text === 'Hello, thread.')).to.have.length(1);
  });

  it('sends the guest details and notification choices with the comment', async () => {
    const adapter = memoryAdapter();
    const posts = recordPosts(adapter);
    const form = await standaloneForm(adapter);
    await fillGuest(form, 'With details');
    await fill(form, 'website-input', 'https://ada.example/');
    const checkbox = form.shadowRoot!.querySelector<HTMLInputElement>('input[name="notify-comments"]')!;
    checkbox.click();
    const posted = nextEvent(form, 'comment-posted');
    submit(form);
    await posted;
    expect(posts[0]).to.deep.include({
      guest: {name: 'Ada', email: 'ada@example.com', website: 'https://ada.example/'},
      notify: {comments: true, posts: false},
      parentId: null,
      thread: 'conversation',
    });
    expect(posts[0]!.idempotencyKey).to.match(/^[0-9a-f-]{36}$/);
  });

  it('says a held comment awaits moderation, and its author still sees it after a reload', async () => {
    const storageKey = `held-${crypto.randomUUID()}`;
    const adapter = memoryAdapter({moderation: 'guests', storageKey});
    const {host, form} = await formInThread(adapter);
    await fillGuest(form, 'Please approve me');
    const posted = nextEvent(form, 'comment-posted');
    submit(form);
    const {comment, held} = await posted;
    expect(held).to.be.true;
    expect(comment!.status).to.equal('pending');
    expect(host.resolved[0]!.stored!.status).to.equal('pending');
    await waitUntil(() => announcement() === 'Your comment is awaiting moderation', 'the hold was not announced');

    const afterReload = memoryAdapter({moderation: 'guests', storageKey});
    const page = await afterReload.loadPage({thread: 'conversation', sort: 'oldest', limit: 50}, {});
    const mine = page.comments.find((shown) => shown.id === comment!.id);
    expect(mine?.status).to.equal('pending');
    expect(mine?.author.isViewer).to.be.true;
  });

  it('posts as the signed-in viewer without guest details', async () => {
    const adapter = memoryAdapter();
    await adapter.completeSignIn({providerId: 'github', result: {code: encodeMemoryGrant({name: 'Grace'})}}, {});
    const posts = recordPosts(adapter);
    const {host, form} = await formInThread(adapter);
    await fill(form, 'textarea', 'Signed in');
    const posted = nextEvent(form, 'comment-posted');
    submit(form);
    expect([...host.outgoing.values()][0]!.author.name).to.equal('Grace');
    const {comment} = await posted;
    expect(posts[0]!.guest).to.be.undefined;
    expect(comment!.author.name).to.equal('Grace');
  });

  it('sends one request for a double click and for Ctrl+Enter pressed twice', async () => {
    const adapter = memoryAdapter({latency: {post: 40}});
    const posts = recordPosts(adapter);
    const form = await standaloneForm(adapter);
    await fillGuest(form, 'Only once, please');
    const posted = nextEvent(form, 'comment-posted');
    submit(form);
    submit(form);
    const enter = {key: 'Enter', ctrlKey: true, bubbles: true, composed: true};
    textarea(form).dispatchEvent(new KeyboardEvent('keydown', enter));
    textarea(form).dispatchEvent(new KeyboardEvent('keydown', enter));
    await posted;
    await new Promise((resolve) => setTimeout(resolve, 60));
    expect(posts).to.have.length(1);
    expect(adapter.storedComments('conversation').filter((stored) => stored.text === 'Only once, please')).to.have.length(1);
  });

  it('posts with Ctrl+Enter from a guest field too, but not from a checkbox', async () => {
    const adapter = memoryAdapter();
    const posts = recordPosts(adapter);
    const form = await standaloneForm(adapter);
    await fillGuest(form, 'Sent from the email field');
    const enter = {key: 'Enter', ctrlKey: true, bubbles: true, composed: true};
    const checkbox = form.shadowRoot!.querySelector<HTMLInputElement>('input[type="checkbox"]')!;
    checkbox.dispatchEvent(new KeyboardEvent('keydown', enter));
    await new Promise((resolve) => setTimeout(resolve, 30));
    expect(posts).to.have.length(0);
    const posted = nextEvent(form, 'comment-posted');
    form.shadowRoot!.querySelector('[part~="email-input"]')!.dispatchEvent(new KeyboardEvent('keydown', enter));
    await posted;
    expect(posts).to.have.length(1);
  });

  it('keeps focus on the comment field of a standalone form after posting', async () => {
    const form = await standaloneForm(memoryAdapter());
    await fillGuest(form, 'Standalone');
    textarea(form).focus();
    const posted = nextEvent(form, 'comment-posted');
    form.shadowRoot!.querySelector('form')!.requestSubmit();
    await posted;
    await waitUntil(() => focusedInside(form) === textarea(form), 'focus left the comment field');
  });

  it('checks the fields before sending anything', async () => {
    const adapter = memoryAdapter();
    const posts = recordPosts(adapter);
    const form = await standaloneForm(adapter);
    await fill(form, 'email-input', 'not-an-address');
    await fill(form, 'website-input', 'javascript:alert(1)');
    submit(form);
    await form.updateComplete;
    expect(posts).to.have.length(0);
    const errorOf = (name: string) => form.shadowRoot!.getElementById(`${name}-error`)?.textContent;
    expect(errorOf('text')).to.equal('Please type your comment.');
    expect(errorOf('name')).to.equal('Please fill in your name.');
    expect(errorOf('email')).to.equal('Please enter a valid email address.');
    expect(errorOf('website')).to.equal('Please enter a web address starting with http:// or https://.');
    expect(part(form, 'name-input')!.getAttribute('aria-invalid')).to.equal('true');
    await expectAccessible(form);
    await fill(form, 'name-input', 'Ada');
    expect(part(form, 'name-input')!.getAttribute('aria-invalid'), 'typing clears the mark').to.equal('false');
  });

  it('edits the viewer\'s comment and hands the stored edit to the thread', async () => {
    const adapter = memoryAdapter();
    const {host, form} = await formInThread(adapter);
    const mine = await adapter.postComment(
      {thread: 'conversation', text: 'Tpyo', parentId: null, guest: {name: 'Ada', email: 'ada@example.com'}, idempotencyKey: 'k1'},
      {},
    );
    form.editing = mine;
    await form.updateComplete;
    expect(part(form, 'heading')!.textContent!.trim()).to.equal('Edit your comment');
    expect(textarea(form).value).to.equal('Tpyo');
    expect(hasPart(form, 'guest-fields')).to.be.false;
    expect(part(form, 'cancel-button')!.textContent!.trim()).to.equal('Cancel');
    await expectAccessible(form);
    await fill(form, 'textarea', 'Typo');
    const edited = nextEvent(form, 'comment-edited');
    submit(form);
    const {comment} = await edited;
    expect(comment.content.value).to.equal('Typo');
    expect(host.applied).to.deep.equal([{type: 'comment-updated', thread: 'conversation', comment}]);
    expect(host.focused).to.deep.equal([mine.id]);
    await waitUntil(() => announcement() === 'Comment updated', 'the edit was not announced');
  });
});
