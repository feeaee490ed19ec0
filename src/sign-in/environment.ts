/**
 * Everything the sign-in flow touches outside itself — the window, time, its patience —
 * in one page-wide place, so tests can swap in a fake popup, a fake address bar and a
 * clock they move by hand, and a page can tune the timing before anyone signs in.
 */

/** Time as the flow sees it. */
export interface Clock {
  now(): number;
  setTimeout(callback: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

/** What the flow uses of the sign-in popup (a `WindowProxy`, cross-origin for most of its life). */
export interface SignInPopup {
  readonly closed: boolean;
  readonly location: {replace(url: string): void};
  close(): void;
}

/** A `BroadcastChannel`, reduced to what the flow uses. */
export interface SignInChannel {
  onmessage: ((event: MessageEvent) => void) | null;
  close(): void;
}

/** The page the flow runs in. */
export interface SignInHost {
  open(url: string, target: string, features: string): SignInPopup | null;
  addEventListener(type: 'message', listener: (event: MessageEvent) => void): void;
  removeEventListener(type: 'message', listener: (event: MessageEvent) => void): void;
  readonly location: {readonly href: string; readonly origin: string; assign(url: string): void};
  readonly history: {readonly state: unknown; replaceState(data: unknown, unused: string, url: string): void};
  readonly sessionStorage: Storage;
  readonly screenX: number;
  readonly screenY: number;
  readonly outerWidth: number;
  readonly outerHeight: number;
  /** Opens the `BroadcastChannel` a same-origin callback page reports on. */
  openChannel(name: string): SignInChannel;
}

/** The flow's patience, in milliseconds. */
export interface SignInTiming {
  /** How often the popup is checked for being closed. */
  closedCheckMs: number;
  /**
   * A popup that reads as closed this soon after it went to the provider was almost
   * certainly cut off by the provider's Cross-Origin-Opener-Policy, not closed by a person:
   * it is still on screen, but `closed` is true and no message can come back through it.
   */
  severedWithinMs: number;
  /** How long the session is polled for after a cut-off popup: the person is still signing in there. */
  severedGraceMs: number;
  /** How long a closed popup's late message or session is waited for before it counts as a cancel. */
  closedGraceMs: number;
  /** Pause between two `getSession` calls while polling. */
  sessionPollMs: number;
  /** An attempt nobody finishes is given up after this long. */
  timeoutMs: number;
}

const browserHost: SignInHost = {
  open: (url, target, features) => window.open(url, target, features),
  addEventListener: (type, listener) => window.addEventListener(type, listener),
  removeEventListener: (type, listener) => window.removeEventListener(type, listener),
  get location() {
    return window.location;
  },
  get history() {
    return window.history;
  },
  get sessionStorage() {
    return window.sessionStorage;
  },
  get screenX() {
    return window.screenX;
  },
  get screenY() {
    return window.screenY;
  },
  get outerWidth() {
    return window.outerWidth;
  },
  get outerHeight() {
    return window.outerHeight;
  },
  openChannel: (name) => new BroadcastChannel(name),
};

const systemClock: Clock = {
  now: () => Date.now(),
  setTimeout: (callback, ms) => globalThis.setTimeout(callback, ms),
  clearTimeout: (handle) => globalThis.clearTimeout(handle as number),
};

export const defaultSignInTiming: Readonly<SignInTiming> = Object.freeze({
  closedCheckMs: 500,
  severedWithinMs: 5_000,
  severedGraceMs: 180_000,
  closedGraceMs: 4_000,
  sessionPollMs: 2_000,
  timeoutMs: 15 * 60_000,
});

export interface SignInEnvironment {
  host: SignInHost;
  clock: Clock;
  timing: SignInTiming;
}

/** The environment every sign-in on the page uses unless its options name another. */
export const signInEnvironment: SignInEnvironment = {
  host: browserHost,
  clock: systemClock,
  timing: {...defaultSignInTiming},
};
