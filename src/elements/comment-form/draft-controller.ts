import type {ReactiveController, ReactiveControllerHost} from 'lit';
import type {Draft, DraftSlot, DraftStore} from '../../drafts/draft-store.js';

/**
 * Saves the host's draft a moment after typing stops, and at once when the page is
 * being hidden or unloaded (`pagehide`; `visibilitychange` for mobile browsers that kill
 * hidden tabs without one) or the host leaves the DOM.
 */
export class DraftController implements ReactiveController {
  #timer: ReturnType<typeof setTimeout> | undefined;
  #pendingSlot: DraftSlot | undefined;

  constructor(
    host: ReactiveControllerHost,
    private readonly store: DraftStore,
    private readonly snapshot: () => Omit<Draft, 'savedAt'>,
    private readonly delayMs = 400,
  ) {
    host.addController(this);
  }

  /** The draft in `slot` changed: save it soon. */
  changed(slot: DraftSlot): void {
    if (this.#pendingSlot && !sameSlot(this.#pendingSlot, slot)) this.flush();
    this.#pendingSlot = slot;
    clearTimeout(this.#timer);
    this.#timer = setTimeout(this.flush, this.delayMs);
  }

  /** Saves a pending change now. */
  readonly flush = (): void => {
    clearTimeout(this.#timer);
    const slot = this.#pendingSlot;
    this.#pendingSlot = undefined;
    if (slot) this.store.set(slot, this.snapshot());
  };

  /** Saves `slot` now, pending change or not. */
  save(slot: DraftSlot): void {
    this.#cancel();
    this.store.set(slot, this.snapshot());
  }

  /** Drops the draft in `slot`, and any save still waiting for it. */
  discard(slot: DraftSlot): void {
    this.#cancel();
    this.store.delete(slot);
  }

  hostConnected(): void {
    window.addEventListener('pagehide', this.flush);
    document.addEventListener('visibilitychange', this.#onVisibilityChange);
  }

  hostDisconnected(): void {
    this.flush();
    window.removeEventListener('pagehide', this.flush);
    document.removeEventListener('visibilitychange', this.#onVisibilityChange);
  }

  readonly #onVisibilityChange = () => {
    if (document.visibilityState === 'hidden') this.flush();
  };

  #cancel() {
    clearTimeout(this.#timer);
    this.#pendingSlot = undefined;
  }
}

function sameSlot(a: DraftSlot, b: DraftSlot): boolean {
  return a.thread === b.thread && a.parentId === b.parentId && a.editing === b.editing;
}
