import type {Comment} from '../../core/types.js';
import {authorUrls} from '../shared/author-urls.js';

/**
 * Avatar pictures that failed to load, by address: their comments show the author's
 * initials instead. `onError` is the thread's one capturing `error` listener for all of them.
 */
export class FailedAvatars {
  readonly #failed = new Set<string>();
  #failedThisFrame = new Set<string>();

  /** `shown`: the comments on screen; `changed` renders those given again. */
  constructor(
    private readonly shown: () => readonly Comment[],
    private readonly changed: (commentIds: string[]) => void,
  ) {}

  get addresses(): ReadonlySet<string> {
    return this.#failed;
  }

  readonly onError = (event: Event): void => {
    const image = event.target;
    if (!(image instanceof HTMLImageElement) || !image.classList.contains('avatar')) return;
    const url = image.getAttribute('src') ?? '';
    if (this.#failed.has(url)) return;
    this.#failed.add(url);
    // A dead avatar host fails every image at once: one pass over the comments per frame
    // for all of them, not one per image.
    if (this.#failedThisFrame.size === 0) requestAnimationFrame(() => this.#show());
    this.#failedThisFrame.add(url);
  };

  #show(): void {
    const failed = this.#failedThisFrame;
    this.#failedThisFrame = new Set();
    this.changed(
      this.shown()
        .filter((comment) => {
          const {avatar} = authorUrls(comment.author);
          return avatar !== undefined && failed.has(avatar);
        })
        .map((comment) => comment.id),
    );
  }
}
