import type {Clock, SignInChannel, SignInHost, SignInPopup} from '../../src/sign-in/environment.js';
import type {SignInOutcome} from '../../src/sign-in/outcome.js';

/** Waits until every promise already settled has run its callbacks. */
export const settle = () => new Promise<void>((resolve) => setTimeout(resolve));

/** The outcome if it has settled by now, else 'pending'. */
export async function peek(outcome: Promise<SignInOutcome>): Promise<SignInOutcome | 'pending' | {rejected: unknown}> {
  let seen: SignInOutcome | 'pending' | {rejected: unknown} = 'pending';
  outcome.then(
    (value) => (seen = value),
    (error: unknown) => (seen = {rejected: error}),
  );
  await settle();
  return seen;
}

/** A clock the test moves by hand: no real waiting for grace periods. */
export class FakeClock implements Clock {
  #now = 1_000_000;
  #nextId = 1;
  readonly #timers = new Map<number, {at: number; callback: () => void}>();

  now(): number {
    return this.#now;
  }

  setTimeout(callback: () => void, ms: number): number {
    const id = this.#nextId++;
    this.#timers.set(id, {at: this.#now + ms, callback});
    return id;
  }

  clearTimeout(handle: unknown): void {
    this.#timers.delete(handle as number);
  }

  get pendingTimers(): number {
    return this.#timers.size;
  }

  /** Moves time on by `ms`, firing due timers in order and letting promises settle after each. */
  async advance(ms: number): Promise<void> {
    const end = this.#now + ms;
    await settle();
    for (;;) {
      const due = [...this.#timers.entries()].filter(([, timer]) => timer.at <= end).sort((a, b) => a[1].at - b[1].at)[0];
      if (!due) break;
      const [id, timer] = due;
      this.#timers.delete(id);
      this.#now = timer.at;
      timer.callback();
      await settle();
    }
    this.#now = end;
    await settle();
  }
}

export class FakePopup implements SignInPopup {
  closed = false;
  closeCalls = 0;
  /** Where the flow sent the popup, once it knew. */
  url: string | undefined;
  readonly location = {replace: (url: string) => void (this.url = url)};

  close(): void {
    this.closeCalls++;
    this.closed = true;
  }
}

export class FakeChannel implements SignInChannel {
  onmessage: ((event: MessageEvent) => void) | null = null;
  closed = false;

  constructor(readonly name: string) {}

  post(data: unknown): void {
    if (!this.closed) this.onmessage?.(new MessageEvent('message', {data}));
  }

  close(): void {
    this.closed = true;
  }
}

/** A page with a fake popup, address bar and channel, and the real sessionStorage. */
export class FakeHost implements SignInHost {
  readonly #events = new EventTarget();
  readonly opened: Array<{url: string; target: string; features: string}> = [];
  readonly assigned: string[] = [];
  readonly replaced: string[] = [];
  readonly channels: FakeChannel[] = [];
  /** The popup `open` returns: the last one opened, or the next one to open once this one is closed. */
  popup: FakePopup = new FakePopup();
  /** Makes `open` return `null`, as a browser that blocked the popup. */
  blockPopups = false;
  /** Makes `open` return a window that is closed already, as some blockers do. */
  popupsCloseAtOnce = false;
  readonly location: {href: string; origin: string; assign(url: string): void};
  readonly history: SignInHost['history'];
  readonly sessionStorage = window.sessionStorage;
  readonly screenX = 0;
  readonly screenY = 0;
  readonly outerWidth = 1200;
  readonly outerHeight = 900;

  constructor(href = 'https://blog.example/2012/08/aqim-updates/#respond') {
    const location = {
      href,
      origin: new URL(href).origin,
      assign: (url: string) => void this.assigned.push(url),
    };
    this.location = location;
    this.history = {
      state: null,
      replaceState: (_data: unknown, _unused: string, url: string) => {
        this.replaced.push(url);
        location.href = new URL(url, location.href).href;
      },
    };
  }

  addEventListener(type: 'message', listener: (event: MessageEvent) => void): void {
    this.#events.addEventListener(type, listener as EventListener);
  }

  removeEventListener(type: 'message', listener: (event: MessageEvent) => void): void {
    this.#events.removeEventListener(type, listener as EventListener);
  }

  open(url: string, target: string, features: string): SignInPopup | null {
    this.opened.push({url, target, features});
    if (this.blockPopups) return null;
    // A closed popup is gone: the same name opens a new window.
    if (this.popup.closed) this.popup = new FakePopup();
    this.popup.closed = this.popupsCloseAtOnce;
    return this.popup;
  }

  openChannel(name: string): SignInChannel {
    const channel = new FakeChannel(name);
    this.channels.push(channel);
    return channel;
  }

  /** Delivers `data` as a `message` event from `source` at `origin`, as the browser would. */
  post(data: unknown, {origin, source}: {origin: string; source: unknown}): void {
    const event = new MessageEvent('message', {data, origin});
    Object.defineProperty(event, 'source', {value: source});
    this.#events.dispatchEvent(event);
  }
}

/**
 * Where the provider sends the browser back after a redirect sign-in that left for
 * `leftFor` (the adapter's sign-in URL): the page's callback URL with `result` and the state.
 */
export function providerReturnUrl(leftFor: string, result: Record<string, string>): string {
  const request = new URL(leftFor);
  const back = new URL(request.searchParams.get('callback')!);
  for (const [key, value] of Object.entries(result)) back.searchParams.set(key, value);
  back.searchParams.set('state', request.searchParams.get('state')!);
  return back.href;
}
