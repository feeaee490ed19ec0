import type {ReactiveController, ReactiveControllerHost} from 'lit';

/**
 * How often relative labels ("3 minutes ago") are refreshed. The finest unit shown is
 * the minute, so a label is at most half a minute late.
 */
export const CLOCK_TICK_MS = 30_000;

/**
 * How often the clock ticks while something counts seconds down (a rate limit's wait): a
 * shown second is at most this late, and so is the end of the wait.
 */
export const COUNTDOWN_TICK_MS = 250;

type Listener = (now: number) => void;

/** Each listener, and whether it counts down (called on every tick) or not (once every CLOCK_TICK_MS). */
const listeners = new Map<Listener, {countdown: boolean}>();
let interval: ReturnType<typeof setInterval> | undefined;
let intervalMs = CLOCK_TICK_MS;
/** When the listeners that do not count down were last called. */
let lastBeat = 0;

function run(ms: number): void {
  clearInterval(interval);
  intervalMs = ms;
  interval = setInterval(tick, ms);
}

function counting(): boolean {
  return [...listeners.values()].some((entry) => entry.countdown);
}

function tick(beat = false): void {
  const now = Date.now();
  // Timers fire late, never early: a beat due within half a tick is taken now, not a tick late.
  if (beat || now - lastBeat >= CLOCK_TICK_MS - intervalMs / 2) {
    beat = true;
    lastBeat = now;
  }
  for (const [listener, {countdown}] of listeners) if (beat || countdown) listener(now);
  // After the last countdown the clock slows down on a beat, so the beat keeps its phase.
  if (beat && interval !== undefined && intervalMs !== CLOCK_TICK_MS && !counting()) run(CLOCK_TICK_MS);
}

// Background tabs throttle timers; catch up as soon as the page is seen again.
function onVisibilityChange(): void {
  if (document.visibilityState === 'visible') tick(true);
}

/**
 * One timer for the whole page, however many elements show times: it runs only while
 * something listens, and stops with the last listener. A listener is called every
 * CLOCK_TICK_MS; a `countdown` listener every COUNTDOWN_TICK_MS, by the same timer, which
 * ticks that fast only while one listens.
 */
export function onClockTick(listener: Listener, {countdown = false}: {countdown?: boolean} = {}): () => void {
  listeners.set(listener, {countdown});
  if (interval === undefined) {
    lastBeat = Date.now();
    run(countdown ? COUNTDOWN_TICK_MS : CLOCK_TICK_MS);
    document.addEventListener('visibilitychange', onVisibilityChange);
  } else if (countdown && intervalMs !== COUNTDOWN_TICK_MS) {
    run(COUNTDOWN_TICK_MS);
  }
  return () => {
    if (!listeners.delete(listener) || listeners.size > 0) return;
    clearInterval(interval);
    interval = undefined;
    document.removeEventListener('visibilitychange', onVisibilityChange);
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
