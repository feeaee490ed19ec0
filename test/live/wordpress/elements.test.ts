// The elements on a live WordPress, as a visitor uses them: read, post as a guest (held
// for moderation), post and reply logged in, delete where WordPress allows it.
import {expect, fixture, html, waitUntil} from '@open-wc/testing';
import {createWordPressAdapter} from '../../../src/adapters/wordpress/index.js';
import type {CommentFormElement} from '../../../src/elements/comment-form/comment-form.js';
import '../../../src/elements/comment-form/comment-form.js';
import type {CommentThreadElement} from '../../../src/elements/comment-thread/comment-thread.js';
import '../../../src/elements/comment-thread/comment-thread.js';
import {expectAccessible} from '../../helpers/axe.js';
import {fill, part as formPart, ready, submit} from '../../helpers/form.js';
import {article, commentIds, part, parts, text} from '../../elements/comment-thread/thread-fixture.js';
import {liveRig, logIn, logOut, moderate, newVisitor, type RigUser} from './live-rig.js';

async function renderThread(post: number, options: {nonce?: string; proxied?: boolean} = {}) {
  const rig = await liveRig();
  const endpoint = options.nonce || options.proxied ? rig.proxiedUrl : rig.url;
  const adapter = createWordPressAdapter({endpoint, ...(options.nonce ? {nonce: options.nonce} : {})});
  const thread = await fixture<CommentThreadElement>(html`
    <comment-thread thread=${String(post)} .adapter=${adapter}>
      <comment-form></comment-form>
    </comment-thread>
  `);
  // A live site takes longer than the default second of waitUntil.
  await thread.updateComplete;
  await waitUntil(() => part(thread, 'base')?.getAttribute('aria-busy') === 'false', 'the thread did not finish loading', {timeout: 15000});
  const form = await ready(thread.querySelector<CommentFormElement>('comment-form')!);
  return {thread, form, adapter};
}

async function signedInThread(post: number, user: RigUser) {
  return renderThread(post, {nonce: await logIn(user)});
}

/** Waits for the comment with `body` to be stored and shown, and returns its article. */
async function shownComment(thread: CommentThreadElement, body: string): Promise<HTMLElement> {
  const stored = () => parts(thread, 'comment').find((a) => text(a).includes(body) && !text(a).includes('Sending…'));
  await waitUntil(stored, `"${body}" was not shown as stored`, {timeout: 15000});
  return stored()!;
}

describe('live WordPress: the elements', () => {
  afterEach(async () => {
    await logOut();
    localStorage.clear();
    sessionStorage.clear();
  });

  it('reads a post as WordPress shows it: order, depth, count, and the post author\'s "Author" badge', async () => {
    const rig = await liveRig();
    const {thread} = await renderThread(rig.posts.live.id);
    const c = rig.posts.live.comments;
    const ids = commentIds(thread);
    expect(ids.indexOf(String(c['depth6']))).to.be.above(ids.indexOf(String(c['depth5'])));
    expect(ids).not.to.include(String(c['held']));
    expect(ids).not.to.include(String(c['spam']));
    expect(text(part(thread, 'heading'))).to.match(/^1[0-9] thoughts on “Live thread”$/);
    expect(text(article(thread, String(c['byPostAuthor'])).querySelector('[part~="badge"]'))).to.equal('Author');
    expect(article(thread, String(c['byAdmin'])).querySelector('[part~="badge"]')).to.be.null;
    await expectAccessible(thread);
  });

  it('posts as a guest: held for moderation, shown to its author only, not counted', async () => {
    const rig = await liveRig();
    const {thread, form} = await renderThread(rig.posts.posting.id);
    const heading = text(part(thread, 'heading'));
    const visitor = newVisitor('Guest');
    // No quotes: WordPress curls them when it renders (wptexturize).
    const body = `A first comment from ${visitor.email}`;
    await fill(form, 'textarea', body);
    await fill(form, 'name-input', visitor.name);
    await fill(form, 'email-input', visitor.email);
    submit(form);
    const shown = await shownComment(thread, body);
    expect(text(shown)).to.contain('Your comment is awaiting moderation.');
    expect(text(part(thread, 'heading'))).to.equal(heading);
    await expectAccessible(thread);

    // Another visitor does not see it.
    localStorage.clear();
    const other = await renderThread(rig.posts.posting.id);
    expect(parts(other.thread, 'comment').some((a) => text(a).includes(body))).to.be.false;
  });

  it('posts and replies logged in, under the WordPress account', async () => {
    const rig = await liveRig();
    const {thread, form} = await signedInThread(rig.posts.posting.id, rig.users.author);
    expect(formPart(form, 'name-input')).to.be.null;
    const body = `The post author writes ${Date.now()}`;
    await fill(form, 'textarea', body);
    submit(form);
    const posted = await shownComment(thread, body);
    expect(text(posted)).to.contain(rig.users.author.name);
    expect(text(posted)).not.to.contain('awaiting moderation');
    expect(text(posted.querySelector('[part~="badge"]'))).to.equal('Author');

    // A reply to the first comment lands under it.
    const first = String(rig.posts.posting.comments.first);
    article(thread, first).querySelector<HTMLButtonElement>('[part~="reply-button"]')!.click();
    await waitUntil(() => form.assignedSlot?.closest('[data-comment-id]'), 'the form did not move under the comment');
    const reply = `A reply from the author ${Date.now()}`;
    // WordPress floods a logged-in author too: one comment per 15 s, so wait it out.
    await new Promise((resolve) => setTimeout(resolve, 15_500));
    await fill(form, 'textarea', reply);
    submit(form);
    const replied = await shownComment(thread, reply);
    const ids = commentIds(thread);
    expect(ids.indexOf(replied.dataset['commentId']!)).to.equal(ids.indexOf(first) + 1);
  });

  it('lets an editor delete any comment, and shows a subscriber no Edit or Delete', async () => {
    const rig = await liveRig();
    const target = String(rig.posts.posting.comments.deletable);
    const subscriber = await signedInThread(rig.posts.live.id, rig.users.subscriber);
    expect(parts(subscriber.thread, 'delete-button')).to.have.length(0);
    expect(parts(subscriber.thread, 'edit-button')).to.have.length(0);
    await logOut();

    const {thread} = await signedInThread(rig.posts.posting.id, rig.users.editor);
    await waitUntil(() => article(thread, target).querySelector('[part~="delete-button"]'), 'no Delete for the editor');
    article(thread, target).querySelector<HTMLButtonElement>('[part~="delete-button"]')!.click();
    await waitUntil(() => part(thread, 'confirm-delete-button'));
    part(thread, 'confirm-delete-button')!.click();
    await waitUntil(() => !commentIds(thread).includes(target), 'the comment stayed', {timeout: 15000});
    // The editor's next comment, with the thread not reloaded since the delete, still gets
    // Edit and Delete, as it would after a reload (editors are not flood-checked).
    const form = thread.querySelector<CommentFormElement>('comment-form')!;
    const body = `Posted after a delete ${Date.now()}`;
    await fill(form, 'textarea', body);
    submit(form);
    const posted = await shownComment(thread, body);
    await waitUntil(() => posted.querySelector('[part~="edit-button"]') && posted.querySelector('[part~="delete-button"]'), 'no Edit or Delete on the comment just posted', {timeout: 5000});

    // WordPress has it in the trash now: a fresh visitor does not see it either.
    const fresh = await renderThread(rig.posts.posting.id);
    expect(commentIds(fresh.thread)).not.to.include(target);
  });

  it('lets an editor edit their own comment in place, stored in WordPress', async () => {
    const rig = await liveRig();
    const {thread, form} = await signedInThread(rig.posts.posting.id, rig.users.editor);
    const body = `An editor's tpyo <3 ${Date.now()}`;
    await fill(form, 'textarea', body);
    submit(form);
    const posted = await shownComment(thread, 'tpyo');
    const id = posted.dataset['commentId']!;
    const editButton = () => article(thread, id).querySelector<HTMLButtonElement>('[part~="edit-button"]');
    await waitUntil(editButton, 'no Edit on the editor\'s own comment');
    editButton()!.click();
    const editor = () => article(thread, id).querySelector<CommentFormElement>('comment-form');
    await waitUntil(() => editor() && formPart<HTMLTextAreaElement>(editor()!, 'textarea')?.value === body, 'the editor did not open with the text as typed');
    const fixed = body.replace('tpyo', 'typo');
    await fill(editor()!, 'textarea', fixed);
    submit(editor()!);
    await waitUntil(() => text(article(thread, id).querySelector('[part~="body"]')) === fixed, 'the edit was not shown', {timeout: 15000});
    // Stored in WordPress: a guest reading the post sees it too.
    const fresh = await renderThread(rig.posts.posting.id);
    expect(text(article(fresh.thread, id).querySelector('[part~="body"]'))).to.contain('typo <3');
  });

  it('lets a post\'s author edit a guest\'s HTML comment on their post, keeping its markup', async () => {
    const rig = await liveRig();
    const post = rig.posts.posting.id;
    const visitor = newVisitor('Marked');
    const original = `A guest writes <em>emphasis</em> and <a href="https://example.org/">a link</a> ${visitor.email}`;
    const posted = await fetch(`${rig.url}/wp-json/wp/v2/comments?_fields=id`, {
      method: 'POST',
      body: new URLSearchParams({post: String(post), content: original, author_name: visitor.name, author_email: visitor.email}),
    });
    const id = String(((await posted.json()) as {id: number}).id);
    await moderate(id, {status: 'approved'});

    // The author lacks moderate_comments: WordPress gives her comments rendered only, so
    // Edit loads this one's stored form when pressed.
    const {thread} = await signedInThread(post, rig.users.author);
    const editButton = () => article(thread, id)?.querySelector<HTMLButtonElement>('[part~="edit-button"]');
    await waitUntil(editButton, 'no Edit for the post\'s author on a guest\'s HTML comment');
    editButton()!.click();
    const editor = () => article(thread, id).querySelector<CommentFormElement>('comment-form');
    const textarea = () => (editor() ? formPart<HTMLTextAreaElement>(editor()!, 'textarea') : null);
    await waitUntil(() => textarea()?.value.includes('<em>emphasis</em>'), 'the editor did not open with the stored markup', {timeout: 15000});
    expect(textarea()!.value).to.contain('<a href="https://example.org/"');
    await expectAccessible(thread);

    await fill(editor()!, 'textarea', `${textarea()!.value} Edited by the author.`);
    submit(editor()!);
    const body = () => article(thread, id).querySelector('[part~="body"]');
    await waitUntil(() => text(body()).includes('Edited by the author.'), 'the edit was not shown', {timeout: 15000});
    expect(text(body()!.querySelector('em'))).to.equal('emphasis');
    expect(body()!.querySelector('a')?.getAttribute('href')).to.equal('https://example.org/');

    // Stored as markup in WordPress, not as escaped text.
    const stored = await fetch(`${rig.url}/wp-json/wp/v2/comments/${id}?context=edit&_fields=content`, {
      headers: {Authorization: `Basic ${btoa(`admin:${rig.users.admin.applicationPassword}`)}`},
    });
    const raw = ((await stored.json()) as {content: {raw: string}}).content.raw;
    expect(raw).to.contain('<em>emphasis</em>');
    expect(raw).not.to.contain('&lt;');
  });

  it('lets an editor approve a held guest comment and mark another as spam from the thread; guests then see the approved one', async () => {
    const rig = await liveRig();
    const post = rig.posts.posting.id;
    const heldComment = async (label: string) => {
      const visitor = newVisitor(label);
      const body = new URLSearchParams({post: String(post), content: `${label} waits for a moderator ${visitor.email}`, author_name: visitor.name, author_email: visitor.email});
      const response = await fetch(`${rig.url}/wp-json/wp/v2/comments?_fields=id,status`, {method: 'POST', body});
      const stored = (await response.json()) as {id: number; status: string};
      expect(stored.status).to.equal('hold');
      return String(stored.id);
    };
    const [toApprove, toSpam] = [await heldComment('Approvable'), await heldComment('Spammable')];
    const statusOf = async (id: string) => {
      const response = await fetch(`${rig.url}/wp-json/wp/v2/comments/${id}?context=edit&_fields=status`, {
        headers: {Authorization: `Basic ${btoa(`admin:${rig.users.admin.applicationPassword}`)}`},
      });
      return ((await response.json()) as {status: string}).status;
    };

    // A subscriber sees neither, nor any moderation.
    const subscriber = await signedInThread(post, rig.users.subscriber);
    expect(commentIds(subscriber.thread)).not.to.include(toApprove);
    expect(part(subscriber.thread, 'held-filter')).to.be.null;
    await logOut();

    const {thread} = await signedInThread(post, rig.users.editor);
    await waitUntil(() => article(thread, toApprove)?.querySelector('[part~="approve-button"]'), 'no Approve for the editor');
    expect(text(article(thread, toApprove).querySelector('[part~="held-label"]'))).to.equal('Held for moderation');
    expect(text(part(thread, 'held-filter'))).to.match(/^Held \(\d+\)$/);
    await expectAccessible(thread);

    article(thread, toApprove).querySelector<HTMLButtonElement>('[part~="approve-button"]')!.click();
    await waitUntil(() => !article(thread, toApprove)?.querySelector('[part~="approve-button"]'), 'the comment still waits', {timeout: 15000});
    await waitUntil(async () => (await statusOf(toApprove)) === 'approved', 'WordPress did not approve it', {timeout: 15000});

    article(thread, toSpam).querySelector<HTMLButtonElement>('[part~="spam-button"]')!.click();
    await waitUntil(() => !commentIds(thread).includes(toSpam), 'the spam stayed in the thread', {timeout: 15000});
    expect(await statusOf(toSpam)).to.equal('spam');

    // A guest who has never been here sees the approved comment, and not the spam.
    await logOut();
    localStorage.clear();
    const guest = await renderThread(post);
    expect(commentIds(guest.thread)).to.include(toApprove);
    expect(commentIds(guest.thread)).not.to.include(toSpam);
    expect(article(guest.thread, toApprove).querySelector('[part~="approve-button"]')).to.be.null;
  });

  it('gives an editor Edit on a comment just posted, as after a reload, when the login was found after the page loaded', async () => {
    const rig = await liveRig();
    // Logged in, but the page printed no nonce (a cached page): the widget finds the login itself.
    await logIn(rig.users.editor);
    const {thread, form} = await renderThread(rig.posts.posting.id, {proxied: true});
    await waitUntil(() => !formPart(form, 'name-input'), 'the login was not found', {timeout: 15000});
    const body = `Posted before any reload ${Date.now()}`;
    await fill(form, 'textarea', body);
    submit(form);
    const posted = await shownComment(thread, body);
    await waitUntil(() => posted.querySelector('[part~="edit-button"]'), 'no Edit on the comment just posted', {timeout: 5000});
  });

  it('tells a person logged out elsewhere that they were signed out, keeps the text and offers guest posting', async () => {
    const rig = await liveRig();
    const {form} = await signedInThread(rig.posts.posting.id, rig.users.subscriber);
    expect(formPart(form, 'name-input')).to.be.null;
    await logOut();
    await fill(form, 'textarea', 'Written before noticing the logout.');
    submit(form);
    await waitUntil(() => text(formPart(form, 'alert')).includes('You were signed out of WordPress'), 'no signed-out message', {timeout: 15000});
    expect(formPart<HTMLTextAreaElement>(form, 'textarea')!.value).to.equal('Written before noticing the logout.');
    await waitUntil(() => formPart(form, 'name-input'), 'no guest fields');
    await expectAccessible(form);
  });

  it('counts a flood down and keeps the text', async () => {
    const rig = await liveRig();
    const {form} = await renderThread(rig.posts.posting.id);
    const visitor = newVisitor('Hasty');
    for (const body of ['First of two quick ones.', 'Second of two quick ones.']) {
      await fill(form, 'textarea', `${body} ${visitor.email}`);
      await fill(form, 'name-input', visitor.name);
      await fill(form, 'email-input', visitor.email);
      submit(form);
      if (body.startsWith('First')) await waitUntil(() => (formPart<HTMLTextAreaElement>(form, 'textarea')!.value === ''), 'the first post did not go through', {timeout: 15000});
    }
    await waitUntil(() => formPart(form, 'countdown'), 'no countdown', {timeout: 15000});
    expect(text(formPart(form, 'countdown'))).to.match(/You are posting too quickly\. You can post again in 1[0-5] seconds\./);
    expect(formPart<HTMLTextAreaElement>(form, 'textarea')!.value).to.contain('Second of two quick ones.');
  });
});
