import type {ThreadEvent} from '../../core/adapter.js';
import type {Comment, CommentPage} from '../../core/types.js';
import type {ThreadQuery} from './thread-controller.js';

/**
 * How long a prefetched page is shown as it came: older, Load more asks for it again (a
 * backend without live updates could have changed it; with an ETag that costs little).
 */
export const PREFETCH_FRESH_MS = 5 * 60_000;

/**
 * A page on its way or kept until it is shown (see ThreadController): the next page, asked
 * for as soon as the current one is in so that Load more shows it at once (nothing of it,
 * nor any error of it, is shown until the reader asks), or the page Load more waits for.
 * Its comments are kept as live changes left them: a page kept for long holds no more than
 * its own comments, not every change heard since.
 */
export class PendingPage {
  readonly controller = new AbortController();
  readonly askedAt = Date.now();
  /** Settles when the answer is in; never rejects. */
  readonly done: Promise<void>;
  page: CommentPage | undefined;
  failed = false;
  error: unknown;
  /** Changes heard while it travels, taken in when it comes. */
  readonly #heard: ThreadEvent[] = [];

  /**
   * `changes` is the thread's count of changes made to the comments shown when it was asked
   * for: once they differ, the page's thread info (its totalCount) is stale.
   */
  constructor(
    readonly query: ThreadQuery,
    readonly cursor: string,
    readonly changes: number,
    load: (signal: AbortSignal) => Promise<CommentPage>,
  ) {
    this.done = load(this.controller.signal).then(
      (page) => {
        this.page = {...page, comments: withChanges(page.comments, this.#heard.splice(0))};
      },
      (error: unknown) => {
        this.failed = true;
        this.error = error;
      },
    );
  }

  /** Whether it may stand for a request of the page at `cursor` for `query` now. */
  serves(query: ThreadQuery, cursor: string): boolean {
    return this.query === query && this.cursor === cursor && Date.now() - this.askedAt < PREFETCH_FRESH_MS;
  }

  /** Whether its page is in and lists `commentId`. */
  lists(commentId: string): boolean {
    return this.page?.comments.some((comment) => comment.id === commentId) === true;
  }

  /**
   * Takes in a live change. While the page travels the change is kept for it, and applies to
   * the comments shown as well (false). Once the page is in, a change to one of its comments
   * that is not `shown` goes into the page and waits with it (true): shown now, that comment
   * would be out of place.
   */
  hear(event: ThreadEvent, shown: (commentId: string) => boolean): boolean {
    if (!this.page) {
      this.#heard.push(event);
      return false;
    }
    const commentId = event.type === 'comment-removed' ? event.commentId : event.comment.id;
    if (shown(commentId) || !this.lists(commentId)) return false;
    this.page = {...this.page, comments: withChanges(this.page.comments, [event])};
    return true;
  }
}

/** `comments` as the live `events` left them: removed ones gone, changed ones replaced. */
function withChanges(comments: Comment[], events: readonly ThreadEvent[]): Comment[] {
  if (events.length === 0) return comments;
  const latest = new Map<string, Comment | null>();
  for (const event of events) {
    if (event.type === 'comment-removed') latest.set(event.commentId, null);
    else latest.set(event.comment.id, event.comment);
  }
  const result: Comment[] = [];
  for (const comment of comments) {
    const changed = latest.get(comment.id);
    if (changed === undefined) result.push(comment);
    else if (changed !== null) result.push({...changed, author: {...changed.author, ...(comment.author.isViewer ? {isViewer: true} : {})}, viewerCan: comment.viewerCan});
  }
  return result;
}
