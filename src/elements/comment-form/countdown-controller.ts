import type {ReactiveController, ReactiveControllerHost} from 'lit';

/**
 * Seconds left until a moment (a rate limit's end), re-rendering its host once a second
 * while it runs: a wait the person can watch shrink. It ticks only during a wait, so it
 * costs nothing the rest of the time; the page's shared clock (30 s) is too coarse for it.
 */
export class CountdownController implements ReactiveController {
  #until: number | undefined;
  #timer: ReturnType<typeof setTimeout> | undefined;

  constructor(private readonly host: ReactiveControllerHost) {
    host.addController(this);
  }

  /** Whole seconds left (at least 1 while running), or `undefined` when not counting. */
  get secondsLeft(): number | undefined {
    if (this.#until === undefined) return undefined;
    return Math.max(1, Math.ceil((this.#until - Date.now()) / 1000));
  }

  start(until: number): void {
    this.#until = until;
    this.#schedule();
  }

  stop(): void {
    this.#until = undefined;
    clearTimeout(this.#timer);
    this.#timer = undefined;
  }

  hostConnected(): void {
    if (this.#until !== undefined) this.#schedule();
  }

  hostDisconnected(): void {
    clearTimeout(this.#timer);
    this.#timer = undefined;
  }

  #schedule(): void {
    clearTimeout(this.#timer);
    if (this.#until === undefined) return;
    const left = this.#until - Date.now();
    if (left <= 0) {
      this.stop();
      this.host.requestUpdate();
      return;
    }
    // Wake at the next whole-second boundary of the remaining time, so "3" shows for a full second.
    this.#timer = setTimeout(() => {
      this.host.requestUpdate();
      this.#schedule();
    }, left % 1000 || 1000);
  }
}
