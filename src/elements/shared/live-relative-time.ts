import type {ReactiveController, ReactiveControllerHost} from 'lit';
import {onClockTick} from './clock.js';

/** A "3 minutes ago" label that rewrites itself when the page's clock says it reads differently. */
export interface LiveLabel {
  /**
   * Called on each tick of the shared clock; cheap when the label still reads the same.
   * False when it is due to read differently but is no longer in the page.
   */
  refresh(now: number): boolean;
  /** Whether the label is still in the page. */
  isShown(): boolean;
}

/**
 * Ticks over which every label is asked whether it is still in the page (a sixteenth of
 * them on each): asking all of them on each tick would double its cost.
 */
const SWEEP_TICKS = 16;

/**
 * The live labels of one element's shadow tree, kept current on the page's shared clock
 * while the element is connected: one clock listener for all of them, and a tick costs a
 * comparison per label (see `relativeTimeChangesAt`) instead of a re-render of everything
 * around it. Whoever takes a label out of the page (its comment removed) need not say so: a
 * Lit async directive per comment, only to hear of its removal, costs more memory than the
 * comment's own data (its bookkeeping sets in every part above it). A label out of the page
 * is let go when it is due to change, and at the latest after SWEEP_TICKS ticks.
 */
export class LiveLabelGroup implements ReactiveController {
  readonly #labels = new Set<LiveLabel>();
  #connected = false;
  #ticks = 0;
  #stopClock: (() => void) | undefined;

  constructor(host: ReactiveControllerHost) {
    host.addController(this);
  }

  /** Keeps `label` current from now on, until `delete` or until it is found out of the page. */
  add(label: LiveLabel): void {
    this.#labels.add(label);
    if (this.#connected) this.#start();
  }

  delete(label: LiveLabel): void {
    if (this.#labels.delete(label) && this.#labels.size === 0) this.#stop();
  }

  #refresh(now: number): void {
    const sweep = this.#ticks++ % SWEEP_TICKS;
    let index = 0;
    for (const label of this.#labels) {
      const gone = (index++ % SWEEP_TICKS === sweep && !label.isShown()) || !label.refresh(now);
      if (gone) this.#labels.delete(label);
    }
    if (this.#labels.size === 0) this.#stop();
  }

  #start(): void {
    this.#stopClock ??= onClockTick((now) => this.#refresh(now));
  }

  #stop(): void {
    this.#stopClock?.();
    this.#stopClock = undefined;
  }

  hostConnected(): void {
    this.#connected = true;
    if (this.#labels.size === 0) return;
    // Time went on while the element was out of the page.
    this.#refresh(Date.now());
    if (this.#labels.size > 0) this.#start();
  }

  hostDisconnected(): void {
    this.#connected = false;
    this.#stop();
  }
}
