import type {ReactiveController, ReactiveControllerHost} from 'lit';

const PREFIX = '#comment-';

/** Pages or batches of replies loaded, at most, looking for a linked comment the backend cannot `locate`. */
export const SEARCH_PAGE_LIMIT = 10;
/** How long, at most, looking for a linked comment page by page may take. */
export const SEARCH_TIME_LIMIT_MS = 10_000;

/** The fragment that links to a comment: `#comment-<id>`, the id percent-encoded. */
export function commentHash(commentId: string): string {
  return PREFIX + encodeURIComponent(commentId);
}

/** The comment id a fragment links to, or undefined when it is not a comment link. */
export function commentIdFromHash(hash: string): string | undefined {
  if (!hash.startsWith(PREFIX) || hash.length === PREFIX.length) return undefined;
  try {
    return decodeURIComponent(hash.slice(PREFIX.length));
  } catch {
    return undefined;
  }
}

/**
 * Tells its host which comment the page's address points at, now (`target`) and whenever
 * the fragment changes. The comments live in a shadow root, where the browser's own
 * fragment navigation cannot reach them.
 */
export class PermalinkController implements ReactiveController {
  constructor(
    host: ReactiveControllerHost,
    private readonly onNavigate: (commentId: string) => void,
  ) {
    host.addController(this);
  }

  get target(): string | undefined {
    return commentIdFromHash(location.hash);
  }

  hostConnected(): void {
    window.addEventListener('hashchange', this.#onHashChange);
  }

  hostDisconnected(): void {
    window.removeEventListener('hashchange', this.#onHashChange);
  }

  readonly #onHashChange = (): void => {
    const target = this.target;
    if (target !== undefined) this.onNavigate(target);
  };
}
