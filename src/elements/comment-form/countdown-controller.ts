import type {ReactiveController, ReactiveControllerHost} from 'lit';
import {onClockTick} from '../shared/clock.js';

/**
 * Seconds left until a moment (a rate limit's end): a wait the person can watch shrink.
 * It re-renders its host when the second shown changes and when the moment has come,
 * listening to the page's shared clock only while it runs.
 */
export class CountdownController implements ReactiveController {
  #until: number | undefined;
  #shown: number | undefined;
  #connected = false;
  #stopListening: (() => void) | undefined;

  constructor(private readonly host: ReactiveControllerHost) {
    host.addController(this);
  }

  /** Whether the moment is still to come (read from the time, so it is never a tick late). */
  get running(): boolean {
    return this.#until !== undefined && Date.now() < this.#until;
  }

  /** Whole seconds left (at least 1 while running), or `undefined` when not counting. */
  get secondsLeft(): number | undefined {
    if (this.#until === undefined) return undefined;
    return Math.max(1, Math.ceil((this.#until - Date.now()) / 1000));
  }

  start(until: number): void {
    this.#until = until;
    this.#shown = this.secondsLeft;
    if (this.#connected) this.#listen();
  }

  hostConnected(): void {
    this.#connected = true;
    if (this.#until !== undefined) this.#listen();
  }

  hostDisconnected(): void {
    this.#connected = false;
    this.#unlisten();
  }

  #listen(): void {
    this.#stopListening ??= onClockTick(
      (now) => {
        if (this.#until === undefined || now >= this.#until) {
          this.#until = undefined;
          this.#unlisten();
          this.host.requestUpdate();
          return;
        }
        const left = this.secondsLeft;
        if (left === this.#shown) return;
        this.#shown = left;
        this.host.requestUpdate();
      },
      {countdown: true},
    );
  }

  #unlisten(): void {
    this.#stopListening?.();
    this.#stopListening = undefined;
  }
}
