import {DEFAULT_LOAD_DEADLINE_MS, withDeadline} from '../../adapters/shared/deadline.js';
import type {ThreadController} from './thread-controller.js';

/** Pages loaded, at most, looking for a linked comment when the backend cannot `locate` it. */
export const SEARCH_PAGE_LIMIT = 10;
/** How long, at most, looking for a linked comment page by page may take. */
export const SEARCH_TIME_LIMIT_MS = 10_000;

/**
 * Makes sure the comment a link points to is loaded, if it exists: asks the backend
 * which page holds it (`locate`) and shows that page, or else loads the next pages until
 * it turns up, within `SEARCH_PAGE_LIMIT` pages and `SEARCH_TIME_LIMIT_MS`. A link to a
 * comment that is gone must not make every visitor download the whole thread.
 * Resolves with the conversation the backend said holds it (its top-level comment's id),
 * null when the backend said there is no such comment, undefined when it could not say;
 * `isCurrent()` false stops the search.
 */
export async function loadLinkedComment(
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
