import type {PropertyValues, ReactiveController, ReactiveElement} from 'lit';
import type {Comment} from '../../core/types.js';
import {chunkDeadline, loadedThreadControls, loadThreadControls, type LazyControl} from './controls-chunk.js';
import type {ThreadNode} from './thread-tree.js';

/**
 * Holds the thread's updates while the controls its comments need are loading, from its
 * `shouldUpdate`: the DOM stays as it was (loading, or the comments before), then the
 * update happens, with every property change it held, once they are there. A list of
 * comments is looked through once (lists are replaced, never changed, when comments
 * change), and not at all once the controls are loaded. When the chunk cannot be loaded,
 * the comments show without the controls rather than not at all.
 */
export class ControlsGate implements ReactiveController {
  #loading: Promise<void> | undefined;
  /** The chunk took longer than a page of comments may: the thread goes on without it until it comes. */
  #late = false;
  readonly #checked = new WeakSet<readonly Comment[]>();
  readonly #held = new Map<PropertyKey, unknown>();

  /** `tree`: the thread's conversations as they are about to show; `deadline`: how long a page of them may take (ms). */
  constructor(
    private readonly host: ReactiveElement,
    private readonly controls: ReadonlyArray<LazyControl<unknown, unknown>>,
    private readonly tree: () => readonly ThreadNode[],
    private readonly deadline: () => number,
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    this.host.addEventListener('comment-load', this.#prefetch);
  }

  hostDisconnected(): void {
    this.host.removeEventListener('comment-load', this.#prefetch);
  }

  /** After the first comments (`comment-load`), when idle: the chunk, if the viewer may need it. */
  readonly #prefetch = () => {
    const tree = this.tree();
    if (!this.controls.some((control) => !control.loaded && control.likely(tree))) return;
    const load = () => void loadThreadControls().catch(() => {});
    if (typeof requestIdleCallback === 'function') requestIdleCallback(load, {timeout: 2000});
    else setTimeout(load, 50);
  };

  /** Settles once the controls the thread waits for are loaded (or failed to). */
  get loading(): Promise<void> | undefined {
    return this.#late ? undefined : this.#loading;
  }

  /** Whether the host may update now, with `lists` the comments it is about to show. */
  ready(lists: ReadonlyArray<readonly Comment[]>, changed: PropertyValues): boolean {
    if (!this.#loading && !this.#needed(lists)) return true;
    const loaded = loadedThreadControls();
    if (!this.#loading && loaded) {
      for (const control of this.controls) control.load(loaded);
      return true;
    }
    if (this.#late) return true;
    for (const [key, old] of changed) if (!this.#held.has(key)) this.#held.set(key, old);
    if (this.#loading) return false;
    const loading = (this.#loading = loadThreadControls().then(
      (module) => {
        for (const control of this.controls) control.load(module);
      },
      (error: unknown) => {
        console.error(error);
        for (const list of lists) this.#checked.add(list);
        for (const control of this.controls) control.failed();
      },
    ).finally(() => {
      this.#loading = undefined;
      this.#late = false;
      this.#release();
    }));
    // A request that stalls must not hold the comments back for good.
    setTimeout(() => {
      if (this.#loading !== loading) return;
      this.#late = true;
      this.#release();
    }, chunkDeadline(this.deadline()));
    return false;
  }

  /** Lets the updates held meanwhile happen. */
  #release(): void {
    const held = [...this.#held];
    this.#held.clear();
    this.host.requestUpdate();
    for (const [key, old] of held) this.host.requestUpdate(key, old);
  }

  #needed(lists: ReadonlyArray<readonly Comment[]>): boolean {
    const missing = this.controls.filter((control) => !control.loaded);
    if (missing.length === 0) return false;
    if (missing.some((control) => control.waiting())) return true;
    for (const list of lists) {
      if (this.#checked.has(list)) continue;
      if (list.some((comment) => missing.some((control) => control.needs(comment)))) return true;
      this.#checked.add(list);
    }
    return false;
  }
}
