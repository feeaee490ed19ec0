import type {CommentAdapter} from '../core/adapter.js';
import {outcomeOfMessage, type SignInOutcome} from './outcome.js';
import {signInEnvironment, type SignInHost} from './environment.js';
import {callbackParams, signInMessageFromParams} from './protocol.js';

/** What the redirect path uses of the page. */
type StorageHost = Pick<SignInHost, 'sessionStorage' | 'history' | 'location'>;

/** A redirect sign-in on its way: enough to check and finish it when the page comes back. */
export interface PendingRedirect {
  state: string;
  providerId: string;
  /** The page as it was left, fragment included; the provider comes back to it. */
  returnUrl: string;
  startedAt: number;
}

const PENDING_KEY = 'colloquy:sign-in:pending';
const DRAFTS_KEY = 'colloquy:sign-in:drafts';
/** A redirect not back within this long is abandoned; its state is never accepted after. */
const PENDING_MAX_AGE_MS = 60 * 60_000;

/** Throws when sessionStorage refuses: leaving the page then would lose the attempt. */
export function savePendingRedirect(host: StorageHost, pending: PendingRedirect): void {
  host.sessionStorage.setItem(PENDING_KEY, JSON.stringify(pending));
}

/** Keeps what the page must get back after the round trip (typed text, mostly). */
export function keepDrafts(host: StorageHost, drafts: Record<string, unknown>): void {
  if (Object.keys(drafts).length === 0) host.sessionStorage.removeItem(DRAFTS_KEY);
  else host.sessionStorage.setItem(DRAFTS_KEY, JSON.stringify(drafts));
}

/**
 * Hands back, once, what was kept under `key` before a redirect sign-in left the page
 * (see `SignInOptions.beforeRedirect`); `undefined` when nothing was.
 */
export function takeSignInDraft<T = unknown>(key: string, host: StorageHost = signInEnvironment.host): T | undefined {
  try {
    const drafts = JSON.parse(host.sessionStorage.getItem(DRAFTS_KEY) ?? '{}') as Record<string, unknown>;
    if (!(key in drafts)) return undefined;
    const value = drafts[key] as T;
    delete drafts[key];
    keepDrafts(host, drafts);
    return value;
  } catch {
    return undefined;
  }
}

function takePendingRedirect(host: StorageHost, now: number): PendingRedirect | null {
  let pending: PendingRedirect;
  try {
    const stored = host.sessionStorage.getItem(PENDING_KEY);
    if (!stored) return null;
    pending = JSON.parse(stored) as PendingRedirect;
    const here = new URL(host.location.href);
    const back = new URL(pending.returnUrl);
    // Another page in this tab: the attempt is not its to finish.
    if (here.origin !== back.origin || here.pathname !== back.pathname) return null;
    // Single use: whatever happens next, this state is never accepted again.
    host.sessionStorage.removeItem(PENDING_KEY);
  } catch {
    return null;
  }
  if (typeof pending.state !== 'string' || now - pending.startedAt > PENDING_MAX_AGE_MS) return null;
  return pending;
}

/** The parameters `current` has that `original` had not: what the provider added. */
function addedParams(current: URL, original: URL): URLSearchParams {
  const before = callbackParams(original);
  const added = new URLSearchParams();
  for (const [key, value] of callbackParams(current)) {
    if (!before.getAll(key).includes(value)) added.append(key, value);
  }
  return added;
}

export interface ResumedSignIn {
  providerId: string;
  outcome: Promise<SignInOutcome>;
}

/**
 * Finishes a redirect sign-in when this page load is its return: checks the `state` the
 * provider brought back against the one saved when the page was left, takes the
 * callback parameters out of the address bar, and completes the sign-in. `null` when no
 * redirect sign-in is waiting for this page. Safe to call from every element: only the
 * first call of a page load gets the attempt.
 */
export function resumeSignIn(
  adapter: CommentAdapter,
  {
    host = signInEnvironment.host,
    now = signInEnvironment.clock.now(),
    signal = new AbortController().signal,
  }: {host?: StorageHost; now?: number; signal?: AbortSignal} = {},
): ResumedSignIn | null {
  const pending = takePendingRedirect(host, now);
  if (!pending) return null;
  const {providerId} = pending;
  const message = signInMessageFromParams(addedParams(new URL(host.location.href), new URL(pending.returnUrl)));
  if (!message || message.state !== pending.state) {
    // Back without an answer (the Back button, say), or with someone else's: not ours to use.
    return {providerId, outcome: Promise.resolve({status: 'cancelled', reason: 'closed'})};
  }
  // The code must not linger in the address bar, the history or a bookmark.
  host.history.replaceState(host.history.state, '', pending.returnUrl);
  return {providerId, outcome: outcomeOfMessage(adapter, providerId, message, signal)};
}
