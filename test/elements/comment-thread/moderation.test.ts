import {expect, fixture, html, waitUntil} from '@open-wc/testing';
import {createMemoryAdapter, encodeMemoryGrant, type MemoryAdapter} from '../../../src/adapters/memory/index.js';
import type {CommentThreadElement} from '../../../src/elements/comment-thread/comment-thread.js';
import {expectAccessible} from '../../helpers/axe.js';
import {article, commentIds, part, parts, seedComment, settled, text, THREAD} from './thread-fixture.js';

const MODERATOR = 'github:leila-haddad';

function seeds() {
  return [
    {
      id: THREAD,
      title: 'AQIM Updates, August 6',
      comments: [
        seedComment('a', 'Amina', 'Approved and public'),
        seedComment('h1', 'Hana', 'Held until a moderator looks', {status: 'pending'}),
        seedComment('r1', 'Rami', 'A held reply', {status: 'pending', parentId: 'a'}),
      ],
    },
  ];
}

/** A tab of the same browser: each adapter is one page sharing the stored threads. */
function tab(storageKey: string): MemoryAdapter {
  return createMemoryAdapter({threads: seeds(), storageKey, moderators: [MODERATOR], reactions: [], live: true});
}

async function signIn(adapter: MemoryAdapter, name: string) {
  await adapter.completeSignIn({providerId: 'github', result: {code: encodeMemoryGrant({name})}}, {});
}

async function render(adapter: MemoryAdapter): Promise<CommentThreadElement> {
  const element = await fixture<CommentThreadElement>(html`<comment-thread thread=${THREAD} .adapter=${adapter}></comment-thread>`);
  await settled(element);
  return element;
}

function button(element: Element, commentId: string, action: string): HTMLButtonElement {
  const found = article(element, commentId).querySelector<HTMLButtonElement>(`[data-moderate="${action}"]`);
  if (!found) throw new Error(`comment ${commentId} has no ${action} button`);
  return found;
}

describe('<comment-thread> moderation', () => {
  let storageKey: string;
  const adapters: MemoryAdapter[] = [];

  beforeEach(() => {
    storageKey = `moderation-${crypto.randomUUID()}`;
  });

  afterEach(async () => {
    for (const adapter of adapters.splice(0)) await adapter.signOut({});
    sessionStorage.clear();
  });

  function open(): MemoryAdapter {
    const adapter = tab(storageKey);
    adapters.push(adapter);
    return adapter;
  }

  it('lets a moderator approve a held comment, and another tab shows it at once', async () => {
    // The reader's tab loads first, as a guest; the moderator signs in in a tab of their own.
    const readerAdapter = open();
    const reader = await render(readerAdapter);
    expect(commentIds(reader)).to.deep.equal(['a']);

    const moderatorAdapter = open();
    await signIn(moderatorAdapter, 'Leila Haddad');
    const moderator = await render(moderatorAdapter);
    expect(commentIds(moderator)).to.deep.equal(['a', 'r1', 'h1']);
    const held = article(moderator, 'h1');
    expect(held.getAttribute('part')).to.contain('comment-pending');
    expect(text(held.querySelector('[part~="held-label"]'))).to.equal('Held for moderation');
    expect(text(part(moderator, 'held-filter'))).to.equal('Held (2)');
    expect([...held.querySelectorAll('[data-moderate]')].map((b) => text(b))).to.deep.equal(['Approve', 'Spam', 'Delete']);
    // The approved comment is not held: nothing to decide there.
    expect(article(moderator, 'a').querySelector('[data-moderate]')).to.be.null;
    await expectAccessible(moderator);

    button(moderator, 'h1', 'approve').click();
    await waitUntil(() => commentIds(reader).includes('h1'), 'the reader never saw the approved comment');
    await reader.updateComplete;
    expect(article(reader, 'h1').getAttribute('part')).not.to.contain('comment-pending');
    expect(text(article(reader, 'h1'))).to.contain('Held until a moderator looks');

    await moderator.updateComplete;
    expect(article(moderator, 'h1').getAttribute('part')).not.to.contain('comment-pending');
    expect(article(moderator, 'h1').querySelector('[data-moderate]')).to.be.null;
    expect(text(part(moderator, 'held-filter'))).to.equal('Held (1)');
    // The buttons went away with the decision: focus stays on the comment, not lost to the page.
    await waitUntil(() => moderator.shadowRoot!.activeElement === article(moderator, 'h1'), 'focus left the comment');
    expect(moderatorAdapter.storedComments(THREAD).find((c) => c.id === 'h1')!.status).to.equal('approved');
    await expectAccessible(moderator);
  });

  it('shows guests and ordinary users neither held comments nor moderation', async () => {
    const guest = await render(open());
    expect(commentIds(guest)).to.deep.equal(['a']);
    expect(part(guest, 'held-filter')).to.be.null;
    expect(guest.shadowRoot!.querySelector('[data-moderate]')).to.be.null;

    sessionStorage.clear();
    const userAdapter = createMemoryAdapter({threads: seeds(), storageKey: `${storageKey}-user`, moderators: [MODERATOR], reactions: [], moderation: 'all'});
    adapters.push(userAdapter);
    await signIn(userAdapter, 'Omar Said');
    const user = await render(userAdapter);
    expect(commentIds(user)).to.deep.equal(['a']);
    // Their own held comment is theirs to see, with no way to approve it.
    await userAdapter.postComment({thread: THREAD, text: 'My own held words', parentId: null, idempotencyKey: 'k1'}, {});
    await user.refresh();
    await settled(user);
    const own = parts(user, 'comment-pending');
    expect(own).to.have.length(1);
    expect(text(own[0]!.querySelector('[part="moderation-note"]'))).to.equal('Your comment is awaiting moderation.');
    expect(user.shadowRoot!.querySelector('[data-moderate]')).to.be.null;
    expect(part(user, 'held-filter')).to.be.null;
    let refused: unknown;
    await userAdapter.moderate({thread: THREAD, commentId: 'h1', action: 'approve'}, {}).catch((error: unknown) => (refused = error));
    expect((refused as {code?: string}).code).to.equal('forbidden');
    await expectAccessible(user);
  });

  it('takes back an approval the backend refused, and says why', async () => {
    const adapter = open();
    await signIn(adapter, 'Leila Haddad');
    const element = await render(adapter);
    adapter.simulate.latency({moderate: 150});
    adapter.simulate.fail('moderate', {code: 'server', message: 'The server is busy.'});
    button(element, 'h1', 'approve').click();
    await element.updateComplete;
    // Shown approved while the answer is on its way…
    expect(article(element, 'h1').getAttribute('part')).not.to.contain('comment-pending');
    expect(button(element, 'h1', 'approve').getAttribute('aria-disabled')).to.equal('true');
    expect(text(button(element, 'h1', 'approve'))).to.equal('Approving…');
    // …and held again once it failed.
    await waitUntil(() => article(element, 'h1').querySelector('[part="moderation-error"]'), 'no failure message');
    const message = article(element, 'h1').querySelector('[part="moderation-error"]')!;
    expect(message.getAttribute('role')).to.equal('alert');
    expect(text(message)).to.equal('The comment could not be approved. The server is busy.');
    expect(article(element, 'h1').getAttribute('part')).to.contain('comment-pending');
    expect(text(part(element, 'held-filter'))).to.equal('Held (2)');
    expect(adapter.storedComments(THREAD).find((c) => c.id === 'h1')!.status).to.equal('pending');
    await expectAccessible(element);
  });

  it('filters to held comments, and Spam and Delete take them out of the thread', async () => {
    const adapter = open();
    await signIn(adapter, 'Leila Haddad');
    const element = await render(adapter);
    const filter = part(element, 'held-filter')!;
    expect(filter.getAttribute('aria-pressed')).to.equal('false');
    filter.click();
    await element.updateComplete;
    expect(filter.getAttribute('aria-pressed')).to.equal('true');
    // A held reply keeps its approved parent in view, so it is read in context.
    expect(commentIds(element)).to.deep.equal(['a', 'r1', 'h1']);
    await expectAccessible(element);

    button(element, 'h1', 'spam').click();
    await waitUntil(() => !commentIds(element).includes('h1'), 'the spam stayed in the thread');
    await waitUntil(() => element.shadowRoot!.activeElement === part(element, 'held-filter'), 'focus was lost with the comment');
    expect(text(part(element, 'held-filter'))).to.equal('Held (1)');
    expect(adapter.storedComments(THREAD).find((c) => c.id === 'h1')!.status).to.equal('spam');

    button(element, 'r1', 'delete').click();
    await waitUntil(() => !commentIds(element).includes('r1'), 'the deleted comment stayed');
    await element.updateComplete;
    // Nothing held any more: the filter goes away and the whole thread shows again.
    expect(part(element, 'held-filter')).to.be.null;
    expect(commentIds(element)).to.deep.equal(['a']);

    // Spam stays spam after a reload: it is never shown as approved again.
    const reloaded = tab(storageKey);
    adapters.push(reloaded);
    await reloaded.signOut({});
    const page = await reloaded.loadPage({thread: THREAD, sort: 'oldest', limit: 50}, {});
    expect(page.comments.map((c) => c.id)).to.deep.equal(['a']);
  });
});
