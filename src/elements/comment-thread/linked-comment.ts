import {msg} from '@lit/localize';
import {DEFAULT_LOAD_DEADLINE_MS, withDeadline} from '../../adapters/shared/deadline.js';
import type {CommentAdapter} from '../../core/adapter.js';
import type {Comment} from '../../core/types.js';
import type {ReplyFetchController} from './more-replies.js';
import {SEARCH_PAGE_LIMIT, SEARCH_TIME_LIMIT_MS} from './permalinks.js';
import {unsentReplies} from './reply-batches.js';
import type {ThreadController} from './thread-controller.js';

// Following a link to a comment (the address's #comment-…, a comment just posted, one that
// arrived live): a chunk of its own, loaded when a thread first follows one. A thread
// opened at such an address starts loading it with its first page.

/** What following a link to a comment needs of the thread. */
export interface LinkedCommentHost {
  readonly data: ThreadController;
  find(commentId: string): Comment | undefined;
  /** The first comment of each conversation shown. */
  conversations(): readonly Comment[];
  adapter(): CommentAdapter | undefined;
  readonly replyFetches: Pick<ReplyFetchController, 'search'>;
  announce(text: string): void;
  /**
   * Highlights `commentId` and makes it shown (its conversation, `conversationId`, opened,
   * and its replies shown up to it), rendering the thread again.
   */
  target(commentId: string, conversationId: string): void;
  /** The comment's article, once the thread has rendered it (null if it never is). */
  rendered(commentId: string): Promise<HTMLElement | null>;
}

/**
 * Scrolls to a comment, highlights it and focuses it, loading its page first (see
 * `loadLinkedComment`). `isCurrent()` turns false when a newer call (another link followed)
 * replaces this one, which then stops.
 */
export async function revealComment(host: LinkedCommentHost, commentId: string, fromAddress: boolean, isCurrent: () => boolean): Promise<void> {
  const has = (id: string) => host.find(id) !== undefined;
  const conversation = await loadLinkedComment(host.data, commentId, has, isCurrent);
  // Replies not sent yet are searched only in the conversation the backend named, and not
  // at all for a comment it said is not there: a dead link fetches no batches.
  if (!has(commentId) && isCurrent() && conversation !== null) {
    const unsent = () =>
      host.conversations().filter((comment) => (conversation === undefined || comment.id === conversation) && unsentReplies(comment, host.adapter()));
    await host.replyFetches.search(commentId, unsent, has, isCurrent);
  }
  if (!isCurrent()) return;
  if (!has(commentId)) {
    if (fromAddress && host.data.status === 'complete') {
      host.announce(msg('The linked comment could not be found.', {id: 'thread.target.missing'}));
    }
    return;
  }
  host.target(commentId, conversationOf(host, commentId));
  await host.rendered(commentId);
  // Let a frame be rendered first. Conversations far off screen are skipped
  // (content-visibility) and take the size they were last rendered at, which the browser
  // records only while rendering a frame; scrolling before that lands where the comment
  // is no longer once the conversations above it shrink to their placeholder size.
  await afterNextFrame();
  if (!isCurrent()) return;
  const article = await host.rendered(commentId);
  if (!article) return;
  article.scrollIntoView({block: 'start'});
  article.focus({preventScroll: true});
  // Conversations around it are rendered for the first time as it comes into view, and
  // when they are taller than their placeholders they push it away: follow it briefly.
  let expectedTop = article.getBoundingClientRect().top;
  for (let frame = 0; frame < 5; frame++) {
    await afterNextFrame();
    if (!isCurrent() || !article.isConnected) return;
    if (Math.abs(article.getBoundingClientRect().top - expectedTop) > 1) {
      article.scrollIntoView({block: 'start'});
      expectedTop = article.getBoundingClientRect().top;
    }
  }
}

/** The id of the top-level comment whose conversation holds `commentId`. */
function conversationOf(host: Pick<LinkedCommentHost, 'find'>, commentId: string): string {
  let current = commentId;
  // Bounded: a broken backend's parents may form a loop.
  for (let steps = 0; steps < 1000; steps++) {
    const parentId = host.find(current)?.parentId;
    if (!parentId || !host.find(parentId)) break;
    current = parentId;
  }
  return current;
}

/** Resolves once the browser has rendered the next frame. */
function afterNextFrame(): Promise<void> {
  return new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve)));
}

/**
 * Makes sure the comment a link points to is loaded, if it exists: asks the backend
 * which page holds it (`locate`) and shows that page, or else loads the next pages until
 * it turns up, within `SEARCH_PAGE_LIMIT` pages and `SEARCH_TIME_LIMIT_MS`. A link to a
 * comment that is gone must not make every visitor download the whole thread.
 * Resolves with the conversation the backend said holds it (its top-level comment's id),
 * null when the backend said there is no such comment, undefined when it could not say;
 * `isCurrent()` false stops the search.
 */
async function loadLinkedComment(
  data: ThreadController,
  commentId: string,
  has: (commentId: string) => boolean,
  isCurrent: () => boolean,
): Promise<string | null | undefined> {
  const query = data.query;
  if (has(commentId) || !query || data.status !== 'complete') return undefined;
  const {adapter} = query;
  if (adapter.locate) {
    try {
      const located = await withDeadline(query.deadline ?? DEFAULT_LOAD_DEADLINE_MS, undefined, (signal) =>
        adapter.locate!({thread: query.thread, commentId, sort: query.sort, limit: query.limit}, {signal}),
      );
      if (!isCurrent()) return undefined;
      if (located === null) return null;
      if (located.cursor !== null && !has(commentId)) await data.showPageAt(located.cursor);
      return located.rootId;
    } catch {
      // The backend could not say where it is: look for it the slow, bounded way.
      if (!isCurrent()) return undefined;
    }
  }
  const started = performance.now();
  for (let pages = 0; pages < SEARCH_PAGE_LIMIT && performance.now() - started < SEARCH_TIME_LIMIT_MS; pages++) {
    if (has(commentId) || data.nextCursor === null || data.status !== 'complete') break;
    const loaded = await data.loadMore();
    if (!isCurrent() || loaded === undefined) break;
  }
  return undefined;
}
