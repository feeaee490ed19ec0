import {isCommentError} from '../../core/errors.js';

/** How hard the form tries on its own before it hands a failure to the commenter. */
export interface RetryOptions {
  /** Tries in all (the first one included) for server errors. */
  maxAttempts: number;
  /** The wait before the second try; it doubles for every try after that. */
  baseDelayMs: number;
  /** No wait is longer than this, whatever the doubling says. */
  maxDelayMs: number;
}

export const defaultRetryOptions: Readonly<RetryOptions> = {maxAttempts: 3, baseDelayMs: 1000, maxDelayMs: 8000};

/** What to do after a failed post. */
export type RetryDecision =
  /** Try again by itself after `delayMs`. */
  | {action: 'retry'; delayMs: number}
  /** The connection failed: offer Retry, and try again by itself when the browser is back online. */
  | {action: 'retry-when-online'}
  /** Rate limited: posting is possible again at `at` (ms since the epoch), or after a while when unknown. */
  | {action: 'wait'; at: number | undefined}
  /** Only the commenter can move on: Retry, fix a field, sign in… Never retried by itself. */
  | {action: 'stop'};

/**
 * Decides what follows a failed post. Pure: `attempt` is the number of tries made so
 * far (1 after the first), `random` returns a number in [0, 1) and `now` is the clock.
 * Only transient failures (server and network) are ever retried without the commenter,
 * so a request the backend refused (400, 401, 403, 409…) is never sent again on its own;
 * `conflictIsTransient` makes a 409 count as transient (a post still being processed).
 */
export function decideRetry(
  error: unknown,
  attempt: number,
  options: RetryOptions = defaultRetryOptions,
  random: () => number = Math.random,
  now: () => number = Date.now,
  {conflictIsTransient = false}: {conflictIsTransient?: boolean} = {},
): RetryDecision {
  if (!isCommentError(error)) return {action: 'stop'};
  switch (error.code) {
    case 'conflict':
    case 'server': {
      // On a post the protocol's 409 means "the first request with this key is still
      // being processed": as transient as a server error. Elsewhere it is a refusal.
      if (error.code === 'conflict' && !conflictIsTransient) return {action: 'stop'};
      // A server that says how long to wait (Retry-After on 502/503) is believed: no
      // earlier retry, and a wait longer than the form's own is left to the commenter.
      const asked = error.retryAfterMs ?? 0;
      if (attempt >= options.maxAttempts || asked > options.maxDelayMs) return {action: 'stop'};
      return {action: 'retry', delayMs: Math.max(asked, backoffDelay(attempt, options, random))};
    }
    case 'network':
      return {action: 'retry-when-online'};
    case 'rate-limited':
      return {action: 'wait', at: error.retryAt ?? (error.retryAfterMs === undefined ? undefined : now() + error.retryAfterMs)};
    default:
      return {action: 'stop'};
  }
}

/**
 * The wait after try number `attempt`: exponential, capped, with "equal jitter" (half
 * fixed, half random) so many clients failing together do not retry in step, yet none
 * retries at once.
 */
export function backoffDelay(attempt: number, options: RetryOptions = defaultRetryOptions, random: () => number = Math.random): number {
  const ceiling = Math.min(options.maxDelayMs, options.baseDelayMs * 2 ** Math.max(0, attempt - 1));
  return Math.round(ceiling / 2 + random() * (ceiling / 2));
}
