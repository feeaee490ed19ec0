import type {ReactiveController, ReactiveControllerHost} from 'lit';

/** How far below the viewport a lazy thread starts loading, so it is ready when reached. */
const START_MARGIN = '800px 0px';

/**
 * For `loading="lazy"`: holds a thread's backend work back (building a named adapter,
 * which imports its code, and loading the first page) until the element comes near the
 * viewport, as most readers never scroll down to the comments. `start` runs once then.
 */
export class LazyStart implements ReactiveController {
  #near = false;
  #waiting = false;
  #observer: IntersectionObserver | undefined;

  constructor(
    private readonly host: ReactiveControllerHost & Element,
    private readonly start: () => void,
  ) {
    host.addController(this);
  }

  /** Whether a lazy thread has come near the viewport. */
  get near(): boolean {
    return this.#near;
  }

  /** Calls `start` once the host comes near the viewport. */
  waitUntilNear(): void {
    this.#waiting = true;
    this.#observe();
  }

  hostConnected(): void {
    if (this.#waiting) this.#observe();
  }

  hostDisconnected(): void {
    this.#observer?.disconnect();
    this.#observer = undefined;
  }

  #observe(): void {
    if (this.#observer || this.#near || !this.host.isConnected) return;
    this.#observer = new IntersectionObserver(
      (entries) => {
        if (!entries.some((entry) => entry.isIntersecting)) return;
        this.#near = true;
        this.#waiting = false;
        this.hostDisconnected();
        this.start();
      },
      {rootMargin: START_MARGIN},
    );
    this.#observer.observe(this.host);
  }
}
