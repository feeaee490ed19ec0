import {DEFAULT_LOAD_DEADLINE_MS} from '../../adapters/shared/deadline.js';
import {loadOnce} from '../../core/load-once.js';
import type {ReactiveElement} from 'lit';
import type {Comment} from '../../core/types.js';
import type {ThreadNode} from './thread-tree.js';

// Most readers see comments with none of these controls: moderation (held comments and
// what moderators do with them), Edit and Delete on the viewer's own comments, the notice
// of comments that arrived live, and what "Show N more replies" and a like button's press
// do. Their code is a chunk of its own (controls.ts). Until it is needed, a stand-in
// answers for each controller as it would for a comment that shows none of it; when a
// comment that needs one is about to show, the thread keeps its current DOM until the
// chunk is there (ControlsGate), so nothing shows half-built and then shifts. The like and
// "Show N more replies" buttons need nothing from it to show. Where the viewer is likely to
// use the chunk (the backend lets them edit, delete, moderate or like; a conversation is
// longer than is shown at first), it also loads once the first comments are on screen and
// the page is idle, so it is there before the next press or comment needs it.

export type Controls = typeof import('./controls.js');
/** The chunk, once loaded: another thread then needs no waiting. */
let loadedControls: Controls | undefined;

export const loadedThreadControls = (): Controls | undefined => loadedControls;

/** The controls' chunk; loads once, and is asked for again after a failed load. */
export const loadThreadControls = loadOnce(() => import('./controls.js').then((module) => (loadedControls = module)));

/**
 * How long the chunk is waited for: as long as a page of comments may take (the thread's
 * `load-timeout`), but never for good, even where pages have no deadline: a stalled chunk
 * must not hold the comments or a press back.
 */
export function chunkDeadline(pageDeadline: number): number {
  return Number.isFinite(pageDeadline) && pageDeadline > 0 ? pageDeadline : DEFAULT_LOAD_DEADLINE_MS;
}

/** The chunk for a reader's press, which waits for it no longer than for a page of comments. */
export function controlsForPress(pageDeadline: number): Promise<Controls> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const late = new Promise<never>((_, reject) => (timer = setTimeout(reject, chunkDeadline(pageDeadline))));
  // A press that got its chunk leaves no timer behind.
  return Promise.race([loadThreadControls(), late]).finally(() => clearTimeout(timer));
}

/**
 * A stand-in for a controller that loads with the controls' chunk: `real` once loaded,
 * created with the host and options the stand-in was given.
 */
export abstract class LazyControl<Real, Options> {
  protected real: Real | undefined;

  constructor(
    protected readonly host: ReactiveElement,
    protected readonly options: Options,
  ) {}

  get loaded(): boolean {
    return this.real !== undefined;
  }

  /** Whether `comment` shows something only the loaded controller renders. */
  needs(_comment: Comment): boolean {
    return false;
  }

  /** Whether the stand-in holds something for the controller (a live arrival). */
  waiting(): boolean {
    return false;
  }

  /** Whether the viewer is likely to use the controller: the backend lets them, the thread shown (`tree`) has what it is for. */
  likely(_tree: readonly ThreadNode[]): boolean {
    return false;
  }

  load(module: Controls): void {
    this.real ??= this.create(module);
  }

  /** The chunk could not be loaded: drop what waits for it, and show what needed it without it. */
  failed(): void {}

  protected abstract create(module: Controls): Real;
}
