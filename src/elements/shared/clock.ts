import type {ReactiveController, ReactiveControllerHost} from 'lit';

/**
 * How often relative labels ("3 minutes ago") are refreshed. The finest unit shown is
 * the minute, so a label is at most half a minute late.
 */
export const CLOCK_TICK_MS = 30_000;

type Listener = (now: number) => void;

const listeners = new Set<Listener>();
let interval: ReturnType<typeof setInterval> | undefined;

function tick(): void {
  const now = Date.now();
  for (const listener of listeners) listener(now);
}

// Background tabs throttle timers; catch up as soon as the page is seen again.
function onVisibilityChange(): void {
  if (document.visibilityState === 'visible') tick();
}

/**
 * One timer for the whole page, however many elements show times: it runs only while
 * something listens, and stops with the last listener.
 */
export function onClockTick(listener: Listener): () => void {
  listeners.add(listener);
  if (interval === undefined) {
    interval = setInterval(tick, CLOCK_TICK_MS);
    document.addEventListener('visibilitychange', onVisibilityChange);
  }
  return () => {
    listeners.delete(listener);
    if (listeners.size === 0 && interval !== undefined) {
      clearInterval(interval);
      interval = undefined;
      document.removeEventListener('visibilitychange', onVisibilityChange);
    }
  };
}

/**
 * Gives its host the current time, re-rendering it on every tick of the page's shared
 * clock while the host is connected.
 */
export class ClockController implements ReactiveController {
  /** The time of the latest tick, in ms since the epoch. */
  now = Date.now();
  #stop: (() => void) | undefined;

  /**
   * `needsUpdate` says whether a tick must re-render the host; by default always. A host
   * whose only times are `liveRelativeTime` labels (which update themselves) says no.
   */
  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly needsUpdate: () => boolean = () => true,
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    this.now = Date.now();
    this.#stop = onClockTick((now) => {
      this.now = now;
      if (this.needsUpdate()) this.host.requestUpdate();
    });
  }

  hostDisconnected(): void {
    this.#stop?.();
    this.#stop = undefined;
  }
}
