import type {CommentAdapter} from '../core/adapter.js';
import {isAbortError} from '../core/errors.js';
import {outcomeOfMessage, type SignInOutcome} from './outcome.js';
import {SIGN_IN_CHANNEL, SIGN_IN_WINDOW_NAME, createState, parseSignInMessage, type SignInMessage} from './protocol.js';
import {keepDrafts, savePendingRedirect} from './redirect.js';
import {signInEnvironment, type Clock, type SignInChannel, type SignInHost, type SignInPopup, type SignInTiming} from './environment.js';
import {withLoadDeadline} from '../adapters/shared/deadline.js';

export interface SignInOptions {
  adapter: CommentAdapter;
  providerId: string;
  /**
   * The callback page the popup ends on (see docs/sign-in-protocol.md). Without one there
   * is no popup: the sign-in is a full-page redirect back to this page.
   */
  callbackUrl?: string | undefined;
  /**
   * Called just before the page is left for a redirect sign-in: what it returns (keyed,
   * JSON-serializable) is kept in sessionStorage and handed back by `takeSignInDraft`.
   */
  beforeRedirect?: () => Record<string, unknown>;
  /** Defaults to `signInEnvironment.host`, `.clock` and `.timing`. */
  host?: SignInHost;
  clock?: Clock;
  timing?: Partial<SignInTiming>;
}

/**
 * Starts signing in with `options.providerId`. Call it synchronously from the click (or
 * key) handler: the popup is opened before anything is awaited, which is what keeps
 * browsers from blocking it. The attempt's `outcome` settles once; it rejects only with
 * an adapter's `CommentError`, a `SignInProviderError`, or an unusable sign-in URL.
 */
export function startSignIn(options: SignInOptions): SignInAttempt {
  return new SignInAttempt(options);
}

const POPUP_WIDTH = 500;
const POPUP_HEIGHT = 640;

export class SignInAttempt {
  /** The one-time value the callback must echo; never reused, never accepted twice. */
  readonly state = createState();
  readonly outcome: Promise<SignInOutcome>;
  /** `popup` or, when there is no callback page or the popup was blocked, `redirect`. */
  readonly mode: 'popup' | 'redirect';

  readonly #options: SignInOptions;
  readonly #host: SignInHost;
  readonly #clock: Clock;
  readonly #timing: SignInTiming;
  readonly #abort = new AbortController();
  readonly #timers = new Set<unknown>();
  #popup: SignInPopup | null = null;
  #channel: SignInChannel | null = null;
  #expectedOrigin = '';
  #navigatedAt: number | undefined;
  #messageAccepted = false;
  #settled = false;
  #resolve!: (outcome: SignInOutcome) => void;
  #reject!: (error: unknown) => void;

  constructor(options: SignInOptions) {
    this.#options = options;
    this.#host = options.host ?? signInEnvironment.host;
    this.#clock = options.clock ?? signInEnvironment.clock;
    this.#timing = {...signInEnvironment.timing, ...options.timing};
    this.outcome = new Promise((resolve, reject) => {
      this.#resolve = resolve;
      this.#reject = reject;
    });
    // A blank popup now, while the click's user activation lasts; its real address
    // comes from the adapter, which may have to ask the backend.
    const popup = options.callbackUrl ? this.#host.open('about:blank', SIGN_IN_WINDOW_NAME, this.#popupFeatures()) : null;
    if (popup && !popup.closed) {
      this.mode = 'popup';
      this.#runPopup(popup, options.callbackUrl!);
    } else {
      this.mode = 'redirect';
      this.#runRedirect();
    }
  }

  /** Gives up: closes the popup and settles as cancelled. Does nothing once settled. */
  cancel(): void {
    this.#popup?.close();
    this.#settle({status: 'cancelled', reason: 'cancel'});
  }

  #popupFeatures(): string {
    const host = this.#host;
    const left = Math.round(host.screenX + Math.max(0, (host.outerWidth - POPUP_WIDTH) / 2));
    const top = Math.round(host.screenY + Math.max(0, (host.outerHeight - POPUP_HEIGHT) / 2));
    return `popup,width=${POPUP_WIDTH},height=${POPUP_HEIGHT},left=${left},top=${top}`;
  }

  #runPopup(popup: SignInPopup, callbackUrl: string): void {
    const {providerId} = this.#options;
    const callback = new URL(callbackUrl, this.#host.location.href);
    this.#popup = popup;
    this.#expectedOrigin = callback.origin;
    this.#host.addEventListener('message', this.#onWindowMessage);
    // A same-origin callback page also reports on a BroadcastChannel, which still
    // reaches this page when COOP has cut the popup off from its opener.
    if (callback.origin === this.#host.location.origin) {
      this.#channel = this.#host.openChannel(SIGN_IN_CHANNEL);
      this.#channel.onmessage = (event) => this.#acceptMessage(event.data);
    }
    this.#after(this.#timing.timeoutMs, () => {
      this.#popup?.close();
      this.#settle({status: 'cancelled', reason: 'timeout'});
    });
    this.#watchPopup();
    this.#signInUrl({providerId, state: this.state, callbackUrl: callback.href, mode: 'popup'}).then((url) => {
      if (this.#settled || popup.closed) return;
      popup.location.replace(url);
      this.#navigatedAt = this.#clock.now();
    }, (error: unknown) => {
      popup.close();
      this.#fail(error);
    });
  }

  #runRedirect(): void {
    const {providerId, beforeRedirect} = this.#options;
    const returnUrl = this.#host.location.href;
    const callbackUrl = returnUrl.split('#')[0]!;
    this.#signInUrl({providerId, state: this.state, callbackUrl, mode: 'redirect'})
      .then((url) => {
        if (this.#settled) return;
        // Both must be stored before leaving: without them the return cannot be trusted,
        // and the typed text would be gone.
        keepDrafts(this.#host, beforeRedirect?.() ?? {});
        savePendingRedirect(this.#host, {state: this.state, providerId, returnUrl, startedAt: this.#clock.now()});
        this.#settle({status: 'redirecting'});
        this.#host.location.assign(url);
      })
      .catch((error: unknown) => this.#fail(error));
  }

  /** The adapter's sign-in URL, refused unless it is http(s): anything else could run script. */
  async #signInUrl(request: Parameters<NonNullable<CommentAdapter['signInUrl']>>[0]): Promise<string> {
    const {adapter} = this.#options;
    if (!adapter.signInUrl) throw new Error('Colloquy: this adapter cannot sign in (no signInUrl).');
    const url = await withLoadDeadline(this.#abort.signal, (signal) => adapter.signInUrl!(request, {signal}));
    const parsed = new URL(url, this.#host.location.href);
    if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') {
      throw new Error(`Colloquy: refusing a sign-in URL with the ${parsed.protocol} scheme.`);
    }
    return parsed.href;
  }

  readonly #onWindowMessage = (event: MessageEvent): void => {
    // Only the callback page's origin, and only from the popup this attempt opened: any
    // other window (an ad frame, another popup) could post a well-formed message.
    if (event.origin !== this.#expectedOrigin) return;
    if (this.#popup === null || event.source !== (this.#popup as unknown)) return;
    this.#acceptMessage(event.data);
  };

  #acceptMessage(data: unknown): void {
    if (this.#settled) return;
    const message = parseSignInMessage(data);
    if (!message || message.state !== this.state) return;
    // Single use: with the listeners gone, a replay of this message reaches nothing.
    this.#messageAccepted = true;
    this.#stopWatching();
    this.#popup?.close();
    this.#finishWith(message);
  }

  #finishWith(message: SignInMessage): void {
    const {adapter, providerId} = this.#options;
    outcomeOfMessage(adapter, providerId, message, this.#abort.signal).then(
      (outcome) => this.#settle(outcome),
      (error: unknown) => this.#fail(error),
    );
  }

  #watchPopup(): void {
    this.#after(this.#timing.closedCheckMs, () => {
      if (this.#popup?.closed) this.#onPopupClosed();
      else this.#watchPopup();
    });
  }

  /**
   * A closed popup is not yet a cancel: its message may still be on its way, COOP may have
   * cut it off while the person is signing in, or its callback page could not reach this
   * page. Listen on and ask the backend for the session until the grace period runs out.
   */
  #onPopupClosed(): void {
    const closedAt = this.#clock.now();
    const severed = this.#navigatedAt !== undefined && closedAt - this.#navigatedAt < this.#timing.severedWithinMs;
    const {adapter} = this.#options;
    const canAskBackend = adapter.capabilities.session && adapter.getSession !== undefined;
    // Worth waiting long only when something can still tell: the backend, or the channel.
    const grace = severed && (canAskBackend || this.#channel) ? this.#timing.severedGraceMs : this.#timing.closedGraceMs;
    const deadline = closedAt + grace;
    const giveUp = () => this.#settle({status: 'cancelled', reason: 'closed'});
    if (!canAskBackend) {
      this.#after(grace, giveUp);
      return;
    }
    const pollAgain = () => {
      const remaining = deadline - this.#clock.now();
      if (remaining <= 0) giveUp();
      else this.#after(Math.min(this.#timing.sessionPollMs, remaining), poll);
    };
    const poll = (): void => {
      withLoadDeadline(this.#abort.signal, (signal) => adapter.getSession!({signal})).then(
        (session) => {
          if (this.#messageAccepted) return;
          if (session) this.#settle({status: 'signed-in', session});
          else pollAgain();
        },
        (error: unknown) => {
          // A failed poll is no answer: keep asking until the deadline.
          if (!this.#messageAccepted && !isAbortError(error)) pollAgain();
        },
      );
    };
    poll();
  }

  #after(ms: number, callback: () => void): void {
    const handle = this.#clock.setTimeout(() => {
      this.#timers.delete(handle);
      if (!this.#settled) callback();
    }, ms);
    this.#timers.add(handle);
  }

  #stopWatching(): void {
    for (const handle of this.#timers) this.#clock.clearTimeout(handle);
    this.#timers.clear();
    this.#host.removeEventListener('message', this.#onWindowMessage);
    this.#channel?.close();
    this.#channel = null;
  }

  #settle(outcome: SignInOutcome): void {
    if (this.#settled) return;
    this.#settled = true;
    this.#stopWatching();
    if (outcome.status === 'cancelled') this.#abort.abort();
    this.#resolve(outcome);
  }

  #fail(error: unknown): void {
    if (this.#settled) return;
    this.#settled = true;
    this.#stopWatching();
    this.#abort.abort();
    this.#reject(error);
  }
}
