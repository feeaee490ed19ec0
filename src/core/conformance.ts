import type {CommentAdapter, NewComment} from './adapter.js';
import {isAbortError, isCommentError, type CommentErrorCode} from './errors.js';
import type {Comment, CommentPage, GuestIdentity, SortOrder} from './types.js';

/**
 * Checks that an adapter keeps the promises of the `CommentAdapter` contract, against
 * whatever backend it talks to (a test server, msw handlers, a staging site). Call it
 * from your own tests with any runner that has `describe` and `it` (mocha, jest, vitest,
 * node:test):
 *
 *   describeAdapterConformance('my adapter', async () => ({
 *     adapter: createMyAdapter({endpoint: testServer.url}),
 *     thread: 'seeded-thread',
 *     missingThread: 'no-such-thread',
 *     guest: {name: 'Ada', email: 'ada@example.com'},
 *   }), {describe, it});
 *
 * Each check asks the factory for a fresh subject, so checks that post do not disturb
 * the others. Or run the checks yourself: `adapterConformanceChecks(factory)`.
 */
export interface ConformanceSubject {
  adapter: CommentAdapter;
  /**
   * A thread that exists and has comments: at least three top-level comments and at
   * least one reply, so that pagination and threading can be checked.
   */
  thread: string;
  /** A thread id the backend does not know; leave out when it creates threads on demand. */
  missingThread?: string;
  /** Details to post as a guest; leave out when the adapter posts as a signed-in viewer. */
  guest?: GuestIdentity;
  /** False when the thread cannot be posted to (read-only backends); default true. */
  canPost?: boolean;
  /**
   * The same backend and thread, seen by a viewer who moderates it (with `moderate`); leave
   * out to skip the moderator's checks. The subject's own `adapter` must not moderate.
   */
  moderator?: CommentAdapter;
  /** Called after each check. */
  dispose?(): void | Promise<void>;
}

export type ConformanceFactory = () => ConformanceSubject | Promise<ConformanceSubject>;

export interface ConformanceCheck {
  name: string;
  run(): Promise<void>;
}

/** Thrown by a failed check, with a message that says which promise was broken. */
export class ConformanceError extends Error {
  override readonly name = 'ConformanceError';
}

interface TestApi {
  describe(name: string, body: () => void): void;
  it(name: string, body: () => Promise<void>): void;
}

export function describeAdapterConformance(name: string, factory: ConformanceFactory, {describe, it}: TestApi): void {
  describe(`${name} conforms to the adapter contract`, () => {
    for (const check of adapterConformanceChecks(factory)) it(check.name, () => check.run());
  });
}

export function adapterConformanceChecks(factory: ConformanceFactory): ConformanceCheck[] {
  const check = (name: string, body: (subject: ConformanceSubject) => Promise<void>): ConformanceCheck => ({
    name,
    async run() {
      const subject = await factory();
      try {
        await body(subject);
      } finally {
        await subject.dispose?.();
      }
    },
  });

  return [
    check('declares a method for every capability it claims', async ({adapter}) => {
      const {capabilities: c} = adapter;
      const needs: [boolean, keyof CommentAdapter][] = [
        [c.edit, 'editComment'],
        [c.delete, 'deleteComment'],
        [c.reactions.length > 0, 'react'],
        [c.signIn, 'listProviders'],
        [c.signIn, 'signInUrl'],
        [c.signIn, 'completeSignIn'],
        [c.signIn, 'signOut'],
        [c.session, 'getSession'],
        [c.live, 'subscribe'],
        [c.moderate === true, 'moderate'],
      ];
      for (const [claimed, method] of needs) {
        assert(!claimed || typeof adapter[method] === 'function', `claims a capability but has no ${method}()`);
      }
    }),

    check('loads a page with the thread and well-formed comments', async ({adapter, thread}) => {
      const page = await adapter.loadPage({thread, sort: 'oldest', limit: 50}, {});
      assert(page.thread.id === thread, `page.thread.id is "${page.thread.id}", not "${thread}"`);
      assert(typeof page.thread.title === 'string', 'page.thread.title is not a string');
      assert(Number.isInteger(page.thread.totalCount), 'page.thread.totalCount is not an integer');
      assert(typeof page.thread.posting?.open === 'boolean', 'page.thread.posting.open is missing');
      assert(page.comments.length > 0, 'the seeded thread came back empty');
      page.comments.forEach(assertWellFormed);
    }),

    check('pages cover every comment exactly once, at any page size', async ({adapter, thread}) => {
      const reference = await loadWholeThread(adapter, thread);
      const referenceIds = reference.comments.map((comment) => comment.id).sort();
      for (const limit of [1, 2, 3]) {
        const paged = await loadWholeThread(adapter, thread, {limit});
        const ids = paged.comments.map((comment) => comment.id);
        const duplicates = ids.filter((id, index) => ids.indexOf(id) !== index);
        assert(duplicates.length === 0, `with limit ${limit}, comments ${duplicates.join(', ')} came twice`);
        assert(
          [...ids].sort().join() === referenceIds.join(),
          `with limit ${limit}, pages held ${ids.length} comments instead of the ${referenceIds.length} of one big page`,
        );
        for (const page of paged.pages) {
          const roots = page.comments.filter((comment) => comment.parentId === null).length;
          assert(roots <= limit, `a page of limit ${limit} held ${roots} top-level comments`);
        }
      }
      const live = reference.comments.filter((comment) => comment.status !== 'deleted').length;
      const total = reference.pages[0]!.thread.totalCount;
      assert(total === live, `thread.totalCount is ${total} but ${live} comments were listed`);
    }),

    check("lists every reply after its parent, in the parent's page", async ({adapter, thread}) => {
      const {pages} = await loadWholeThread(adapter, thread, {limit: 2});
      let replies = 0;
      for (const page of pages) {
        const seen = new Set<string>();
        for (const comment of page.comments) {
          if (comment.parentId !== null) {
            replies += 1;
            assert(seen.has(comment.parentId), `reply ${comment.id} came before or without its parent ${comment.parentId}`);
          }
          seen.add(comment.id);
        }
      }
      assert(replies > 0, 'the seeded thread has no replies, so threading cannot be checked');
    }),

    check('orders top-level comments by the sort asked for', async ({adapter, thread}) => {
      for (const sort of ['oldest', 'newest'] as const) {
        const {comments} = await loadWholeThread(adapter, thread, {sort, limit: 2});
        const times = comments.filter((c) => c.parentId === null).map((c) => Date.parse(c.createdAt));
        const ordered = times.every((time, i) => i === 0 || (sort === 'oldest' ? time >= times[i - 1]! : time <= times[i - 1]!));
        assert(ordered, `top-level comments are not in ${sort}-first order`);
      }
    }),

    check('locates every comment on the page that lists it, when it has locate()', async ({adapter, thread}) => {
      if (!adapter.locate) return;
      for (const sort of ['oldest', 'newest'] as const) {
        const limit = 2;
        const {pages} = await loadWholeThread(adapter, thread, {sort, limit});
        // The first and last comment of the first few pages: a top-level comment and, where
        // the page has one, a reply, on the first page and on later ones. Few calls, so a
        // backend that needs several requests per call stays within a test's time.
        for (const [index, page] of pages.slice(0, 3).entries()) {
          const listed = page.comments.filter((comment) => comment.status !== 'deleted');
          for (const comment of new Set([listed[0], listed.at(-1)])) {
            if (!comment) continue;
            const located = await adapter.locate({thread, commentId: comment.id, sort, limit}, {});
            assert(located, `locate() did not find comment ${comment.id}`);
            const listing = await adapter.loadPage({thread, sort, limit, ...(located.cursor ? {cursor: located.cursor} : {})}, {});
            // A reply the page did not bring is in its conversation's batches.
            const holding = await withEveryReply(adapter, thread, listing);
            assert(
              holding.comments.some((candidate) => candidate.id === comment.id),
              `locate() sent comment ${comment.id} (${sort}, page ${index + 1}) to a page that does not list it`,
            );
            const root = holding.comments.find((candidate) => candidate.id === located.rootId);
            assert(root && root.parentId === null, `locate() named ${located.rootId} as the top-level ancestor of ${comment.id}`);
          }
        }
      }
      const missing = await adapter.locate({thread, commentId: 'colloquy-conformance-no-such-comment', sort: 'oldest', limit: 2}, {});
      assert(missing === null, 'locate() of a comment that does not exist did not resolve null');
    }),

    check('refuses a reply cursor it never gave with invalid, when it has loadReplies()', async ({adapter, thread}) => {
      if (!adapter.loadReplies) return;
      const page = await adapter.loadPage({thread, sort: 'oldest', limit: 1}, {});
      const first = page.comments[0];
      assert(first, 'the seeded thread came back empty');
      const bogus = 'colloquy-conformance-not-a-cursor';
      await expectCommentError(adapter.loadReplies({thread, commentId: first.id, cursor: bogus, limit: 10}, {}), 'invalid');
    }),

    check('rejects an unknown thread with not-found', async ({adapter, missingThread}) => {
      if (missingThread === undefined) return;
      await expectCommentError(adapter.loadPage({thread: missingThread, sort: 'oldest', limit: 10}, {}), 'not-found');
    }),

    check('posts a comment and returns it as stored', async (subject) => {
      if (subject.canPost === false) return;
      const text = uniqueText('top-level');
      const stored = await subject.adapter.postComment(newComment(subject, text, null), {});
      assertWellFormed(stored);
      assert(stored.parentId === null, 'the stored top-level comment has a parent');
      assert(contentIncludes(stored, text), 'the stored comment does not hold the text posted');
      assert(stored.status === 'approved' || stored.status === 'pending', `a new comment has status "${stored.status}"`);
      assert(stored.author.isViewer === true, "the viewer's own new comment is not marked isViewer");
      const listed = (await loadWholeThread(subject.adapter, subject.thread)).comments.filter((c) => c.id === stored.id);
      assert(listed.length === 1, `the new comment is listed ${listed.length} times to its author`);
      assert(contentIncludes(listed[0]!, text), 'the listed comment differs from the one returned by the post');
    }),

    check('posts a reply under its parent', async (subject) => {
      if (subject.canPost === false) return;
      const {comments} = await loadWholeThread(subject.adapter, subject.thread);
      const parent = comments.find((comment) => comment.viewerCan.reply && comment.status === 'approved');
      assert(parent, 'no comment in the seeded thread accepts replies');
      const stored = await subject.adapter.postComment(newComment(subject, uniqueText('reply'), parent.id), {});
      assert(stored.parentId === parent.id, `the reply's parentId is ${stored.parentId}, not ${parent.id}`);
      const after = (await loadWholeThread(subject.adapter, subject.thread)).comments;
      const ids = after.map((comment) => comment.id);
      assert(ids.indexOf(stored.id) > ids.indexOf(parent.id), 'the reply is not listed after its parent');
    }),

    check('stores a comment once when it is posted twice with one idempotency key', async (subject) => {
      if (subject.canPost === false) return;
      const text = uniqueText('retried');
      const input = newComment(subject, text, null);
      const first = await subject.adapter.postComment(input, {});
      try {
        const second = await subject.adapter.postComment({...input}, {});
        assert(second.id === first.id, 'the retried post stored a second comment');
      } catch (error) {
        assert(isCommentError(error) && error.code === 'duplicate', `the retried post failed with ${describe(error)}`);
      }
      const {comments} = await loadWholeThread(subject.adapter, subject.thread);
      const copies = comments.filter((comment) => contentIncludes(comment, text)).length;
      assert(copies === 1, `the thread holds ${copies} copies of the retried comment`);
    }),

    check('rejects an empty comment as invalid', async (subject) => {
      if (subject.canPost === false) return;
      await expectCommentError(subject.adapter.postComment(newComment(subject, '   ', null), {}), 'invalid');
    }),

    check('rejects at once when the signal has already fired, storing nothing', async (subject) => {
      const controller = new AbortController();
      controller.abort();
      const {adapter, thread} = subject;
      await expectAbort(adapter.loadPage({thread, sort: 'oldest', limit: 10}, {signal: controller.signal}));
      if (subject.canPost === false) return;
      const text = uniqueText('aborted');
      await expectAbort(adapter.postComment(newComment(subject, text, null), {signal: controller.signal}));
      const {comments} = await loadWholeThread(adapter, thread);
      assert(!comments.some((comment) => contentIncludes(comment, text)), 'a post aborted before it started was stored');
    }),

    check('refuses moderation to a viewer who may not moderate, changing nothing', async ({adapter, thread}) => {
      if (!adapter.capabilities.moderate || !adapter.moderate) return;
      const before = await loadWholeThread(adapter, thread);
      // The conformance subject reads as a guest or an ordinary user: no comment may offer moderation.
      for (const comment of before.comments) {
        assert(comment.viewerCan.moderate !== true, `comment ${JSON.stringify(comment.id)} offers moderation to a viewer who is not a moderator`);
      }
      const target = before.comments.find((comment) => comment.status === 'approved');
      assert(target !== undefined, 'the thread has no approved comment to try moderating');
      let refused: unknown;
      try {
        await adapter.moderate({thread, commentId: target.id, action: 'delete'}, {});
      } catch (error) {
        refused = error;
      }
      assert(
        isCommentError(refused) && (refused.code === 'forbidden' || refused.code === 'unauthorized'),
        `moderate() by a viewer who may not moderate gave ${refused === undefined ? 'success' : describe(refused)}, not "forbidden" or "unauthorized"`,
      );
      const after = await loadWholeThread(adapter, thread);
      assert(after.comments.some((comment) => comment.id === target.id), 'a refused moderation still removed the comment');
    }),

    check("lets a moderator approve, mark as spam and delete a viewer's comments", async (subject) => {
      const {adapter, thread, moderator} = subject;
      if (!moderator?.capabilities.moderate || !moderator.moderate || subject.canPost === false) return;
      const post = (purpose: string) => adapter.postComment(newComment(subject, uniqueText(purpose), null), {});
      const listedTo = async (viewer: CommentAdapter, id: string) => (await loadWholeThread(viewer, thread)).comments.find((c) => c.id === id);
      const decide = (commentId: string, action: 'approve' | 'spam' | 'delete') => moderator.moderate!({thread, commentId, action}, {});

      const kept = await post('approved by a moderator');
      const seen = await listedTo(moderator, kept.id);
      assert(seen, `a moderator is not shown the viewer's new comment (status "${kept.status}")`);
      assert(seen.viewerCan.moderate === true, "the viewer's comment does not offer the moderator moderation");
      const approved = await decide(kept.id, 'approve');
      assert(approved?.status === 'approved', `approve answered ${approved ? `status "${approved.status}"` : 'null'}, not the approved comment`);
      const again = await decide(kept.id, 'approve');
      assert(again?.status === 'approved', 'approving an approved comment again did not answer it as it is');
      assert((await listedTo(adapter, kept.id))?.status === 'approved', 'the approved comment is not listed as approved to its author');

      const spam = await post('marked as spam');
      assert((await decide(spam.id, 'spam')) === null, 'spam did not answer null');
      assert((await decide(spam.id, 'spam')) === null, 'marking spam again did not answer null');
      assert(!(await listedTo(adapter, spam.id)), 'spam is still listed to its author');
      assert(!(await listedTo(moderator, spam.id)), 'spam is still listed to the moderator');

      const removed = await post('deleted by a moderator');
      assert((await decide(removed.id, 'delete')) === null, 'deleting a comment without replies did not answer null');
      assert(!(await listedTo(adapter, removed.id)), 'the deleted comment is still listed');
    }),

    check('rejects a call whose signal fires while it is under way', async ({adapter, thread}) => {
      const controller = new AbortController();
      const call = adapter.loadPage({thread, sort: 'oldest', limit: 10}, {signal: controller.signal});
      controller.abort();
      await expectAbort(call);
    }),
  ];
}

export interface LoadedThread {
  pages: CommentPage[];
  comments: Comment[];
}

/**
 * Every page of a thread, following cursors from the first page to the last: the pages as
 * loaded and all their comments in order. Stops with a `ConformanceError` after 1000 pages.
 */
export async function loadWholeThread(
  adapter: CommentAdapter,
  thread: string,
  {sort = 'oldest', limit = 100}: {sort?: SortOrder; limit?: number} = {},
): Promise<LoadedThread> {
  const pages: CommentPage[] = [];
  let cursor: string | undefined;
  do {
    const page = await adapter.loadPage({thread, sort, limit, ...(cursor ? {cursor} : {})}, {});
    pages.push(await withEveryReply(adapter, thread, page));
    cursor = page.nextCursor ?? undefined;
    assert(pages.length <= 1000, 'more than 1000 pages: the cursor never runs out');
  } while (cursor);
  return {pages, comments: pages.flatMap((page) => page.comments)};
}

/**
 * The page with the replies of each conversation it cut (`moreReplies`) fetched with
 * `loadReplies` and listed after the conversation's others, as the contract's reading order
 * has them; a reply that comes twice, or a cursor that never runs out, fails.
 */
async function withEveryReply(adapter: CommentAdapter, thread: string, page: CommentPage): Promise<CommentPage> {
  const cut = page.comments.filter((comment) => comment.moreReplies);
  if (cut.length === 0) return page;
  assert(adapter.loadReplies, `comment ${cut[0]!.id} came with moreReplies but the adapter has no loadReplies()`);
  const comments = [...page.comments];
  for (const first of cut) {
    const seen = new Set(page.comments.map((comment) => comment.id));
    let more = first.moreReplies ?? null;
    let end = comments.indexOf(first) + 1;
    while (end < comments.length && comments[end]!.parentId !== null) end++;
    for (let batches = 0; more; batches++) {
      assert(batches < 1000, `the replies of ${first.id} never run out`);
      const batch = await adapter.loadReplies({thread, commentId: first.id, cursor: more.cursor, limit: 100}, {});
      for (const reply of batch.comments) {
        assert(!seen.has(reply.id), `reply ${reply.id} came twice (in a batch of ${first.id}'s replies)`);
        seen.add(reply.id);
      }
      comments.splice(end, 0, ...batch.comments);
      end += batch.comments.length;
      assert(batch.comments.length > 0 || !batch.moreReplies, `a batch of ${first.id}'s replies was empty but said more remain`);
      more = batch.moreReplies;
    }
  }
  return {...page, comments};
}

function newComment(subject: ConformanceSubject, text: string, parentId: string | null): NewComment {
  return {
    thread: subject.thread,
    text,
    parentId,
    idempotencyKey: crypto.randomUUID(),
    ...(subject.guest ? {guest: subject.guest} : {}),
  };
}

/** Words only, so it survives a backend that wraps text in HTML. */
function uniqueText(purpose: string): string {
  return `Conformance ${purpose} comment ${crypto.randomUUID().replace(/-/g, '')}`;
}

function contentIncludes(comment: Comment, text: string): boolean {
  return comment.content.value.includes(text);
}

function assertWellFormed(comment: Comment): void {
  const where = `comment ${JSON.stringify(comment.id)}`;
  assert(typeof comment.id === 'string' && comment.id !== '', `${where} has no string id`);
  assert(comment.parentId === null || typeof comment.parentId === 'string', `${where} has a parentId that is neither null nor a string`);
  assert(typeof comment.author?.name === 'string', `${where} has no author name`);
  assert(!Number.isNaN(Date.parse(comment.createdAt)), `${where} has an unreadable createdAt`);
  assert(comment.content?.kind === 'text' || comment.content?.kind === 'html', `${where} has content of unknown kind`);
  assert(typeof comment.content.value === 'string', `${where} has no content value`);
  assert(['approved', 'pending', 'deleted'].includes(comment.status), `${where} has status "${comment.status}"`);
  assert(Number.isInteger(comment.replyCount), `${where} has no integer replyCount`);
  const can = comment.viewerCan;
  assert(typeof can?.reply === 'boolean' && typeof can.edit === 'boolean' && typeof can.delete === 'boolean', `${where} has incomplete viewerCan`);
  assert(can.moderate === undefined || typeof can.moderate === 'boolean', `${where} has a viewerCan.moderate that is not a boolean`);
}

async function expectCommentError(call: Promise<unknown>, code: CommentErrorCode): Promise<void> {
  try {
    await call;
  } catch (error) {
    assert(isCommentError(error), `expected a CommentError "${code}" but got ${describe(error)}`);
    assert(error.code === code, `expected a CommentError "${code}" but got "${error.code}"`);
    assert(error.message.trim() !== '', `the "${code}" error has no message to show`);
    return;
  }
  throw new ConformanceError(`expected a CommentError "${code}" but the call succeeded`);
}

async function expectAbort(call: Promise<unknown>): Promise<void> {
  try {
    await call;
  } catch (error) {
    assert(isAbortError(error), `an aborted call rejected with ${describe(error)} instead of an AbortError`);
    return;
  }
  throw new ConformanceError('an aborted call succeeded');
}

function describe(error: unknown): string {
  if (isCommentError(error)) return `CommentError "${error.code}" (${error.message})`;
  return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
}

function assert(condition: unknown, message: string): asserts condition {
  if (!condition) throw new ConformanceError(message);
}
