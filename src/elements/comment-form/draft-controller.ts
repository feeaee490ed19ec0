import type {ReactiveController, ReactiveControllerHost} from 'lit';
import {sameSlot, type Draft, type DraftSlot, type DraftStore} from '../../drafts/draft-store.js';

/**
 * Saves the host's draft a moment after typing stops, at least every `maxWaitMs` while
 * typing goes on (a tab killed mid-sentence keeps all but the last second), and at once
 * when the page is being hidden or unloaded (`pagehide`; `visibilitychange` for mobile
 * browsers that kill hidden tabs without one) or the host leaves the DOM.
 */
export class DraftController implements ReactiveController {
  #timer: ReturnType<typeof setTimeout> | undefined;
  #pendingSlot: DraftSlot | undefined;
  /** When the oldest unsaved change was made. */
  #pendingSince = 0;

  /**
   * @param refused Called when storage refused a draft (full, blocked): it then lives only
   *   as long as the page.
   */
  constructor(
    host: ReactiveControllerHost,
    private readonly store: DraftStore,
    private readonly snapshot: () => Omit<Draft, 'savedAt'>,
    private readonly refused: () => void = () => {},
    private readonly delayMs = 400,
    private readonly maxWaitMs = 1000,
  ) {
    host.addController(this);
  }

  /** The draft in `slot` changed: save it soon. */
  changed(slot: DraftSlot): void {
    if (this.#pendingSlot && !sameSlot(this.#pendingSlot, slot)) this.flush();
    if (!this.#pendingSlot) this.#pendingSince = Date.now();
    this.#pendingSlot = slot;
    clearTimeout(this.#timer);
    const overdue = this.#pendingSince + this.maxWaitMs - Date.now();
    this.#timer = setTimeout(this.flush, Math.max(0, Math.min(this.delayMs, overdue)));
  }

  /** Saves a pending change now. */
  readonly flush = (): void => {
    clearTimeout(this.#timer);
    const slot = this.#pendingSlot;
    this.#pendingSlot = undefined;
    if (slot) this.#store(slot);
  };

  /** Saves `slot` now, pending change or not. */
  save(slot: DraftSlot): void {
    this.#cancel();
    this.#store(slot);
  }

  #store(slot: DraftSlot) {
    if (!this.store.set(slot, this.snapshot())) this.refused();
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
