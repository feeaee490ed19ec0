import type {ReactiveController, ReactiveControllerHost} from 'lit';
import {onClockTick} from './clock.js';

/** A "3 minutes ago" label that rewrites itself when the page's clock says it reads differently. */
export interface LiveLabel {
  /**
   * Rewrites the label if it reads differently at `now`. Returns when it next may, or NaN
   * when it has left the page (found when due: it is let go).
   */
  refresh(now: number): number;
  /** Whether the label is still in the page. */
  isShown(): boolean;
}

/** Ticks over which every label is asked whether it is still in the page, a share on each. */
const SWEEP_TICKS = 16;

/**
 * The live labels of one element's shadow tree, kept current on the page's shared clock
 * while the element is connected: one clock listener for all of them, and a tick before the
 * first of them reads differently costs nothing but the sweep below; then a comparison per
 * label (see `relativeTimeChangesAt`) instead of a re-render of everything around them.
 *
 * Whoever takes a label out of the page (its comment removed) need not say so: a Lit async
 * directive per comment, only to hear of its removal, costs more memory than the comment's
 * own data (its bookkeeping sets in every part above it). A label out of the page is let go
 * when it is due to change, and at the latest after SWEEP_TICKS ticks: each tick asks a
 * share of the labels whether they are still shown.
 */
export class LiveLabelGroup implements ReactiveController {
  readonly #labels = new Set<LiveLabel>();
  /** When the first of the labels may next read differently. */
  #nextChange = Number.POSITIVE_INFINITY;
  /** Where the sweep for labels out of the page goes on from. */
  #sweep: IterableIterator<LiveLabel> | undefined;
  #connected = false;
  #stopClock: (() => void) | undefined;

  constructor(host: ReactiveControllerHost) {
    host.addController(this);
  }

  /** Keeps `label`, which next reads differently at `changesAt`, current from now on. */
  add(label: LiveLabel, changesAt: number): void {
    this.#labels.add(label);
    this.#nextChange = Math.min(this.#nextChange, changesAt);
    if (this.#connected) this.#start();
  }

  delete(label: LiveLabel): void {
    if (this.#labels.delete(label) && this.#labels.size === 0) this.#stop();
  }

  #refresh(now: number): void {
    if (now >= this.#nextChange) {
      let next = Number.POSITIVE_INFINITY;
      for (const label of this.#labels) {
        const changesAt = label.refresh(now);
        if (Number.isNaN(changesAt)) this.#labels.delete(label);
        else if (changesAt < next) next = changesAt;
      }
      this.#nextChange = next;
    }
    this.#sweepShare();
    if (this.#labels.size === 0) this.#stop();
  }

  /** Lets go of the labels out of the page among the next share of them. */
  #sweepShare(): void {
    let count = Math.ceil(this.#labels.size / SWEEP_TICKS);
    // A Set's iterator goes on where it stopped (leaving the loop does not close it).
    for (const label of (this.#sweep ??= this.#labels.values())) {
      if (!label.isShown()) this.#labels.delete(label);
      if (--count <= 0) return;
    }
    this.#sweep = undefined;
  }

  #start(): void {
    this.#stopClock ??= onClockTick((now) => this.#refresh(now));
  }

  #stop(): void {
    this.#stopClock?.();
    this.#stopClock = undefined;
    this.#sweep = undefined;
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
