import {CommentError, type CommentErrorCode, type CommentField} from '../../core/errors.js';
import {simulatedFailureMessage} from './messages.js';

/** The kinds of adapter call whose latency and failures can be simulated separately. */
export type CallKind = 'load' | 'post' | 'edit' | 'delete' | 'react' | 'session' | 'signIn' | 'moderate';

export interface SimulatedFailure {
  code: CommentErrorCode;
  /** How many calls in a row fail; default 1. `Infinity` until `simulate.reset()`. */
  times?: number;
  message?: string;
  retryAfterMs?: number;
  fieldErrors?: Partial<Record<CommentField, string>>;
  /**
   * `before` (default): the call fails and changes nothing. `after`: the change is stored
   * but the answer is lost on the way back, like a connection dropped mid-response; only
   * idempotency keys keep a retry from storing the comment twice.
   */
  stage?: 'before' | 'after';
}

export type LatencyOption = number | Partial<Record<CallKind, number>>;

/**
 * Latency and failures on demand, for the demo's "flaky network" switch and for tests of
 * every failure path. Failures are queued per call kind and used up one call at a time.
 */
export class Simulation {
  #latency: LatencyOption;
  readonly #failures = new Map<CallKind, SimulatedFailure[]>();

  constructor(latency: LatencyOption = 0) {
    this.#latency = latency;
  }

  /** Sets the delay before every answer, in milliseconds, for all calls or per kind. */
  latency(latency: LatencyOption): void {
    this.#latency = latency;
  }

  /** Makes the next call(s) of `kind` fail. Plans queue up in the order given. */
  fail(kind: CallKind, failure: SimulatedFailure): void {
    const queue = this.#failures.get(kind) ?? [];
    queue.push({...failure, times: failure.times ?? 1});
    this.#failures.set(kind, queue);
  }

  /** Forgets every planned failure and the latency. */
  reset(): void {
    this.#failures.clear();
    this.#latency = 0;
  }

  delayFor(kind: CallKind): number {
    return typeof this.#latency === 'number' ? this.#latency : (this.#latency[kind] ?? 0);
  }

  /** Takes the failure planned for this call of `kind`, if any. */
  take(kind: CallKind): SimulatedFailure | undefined {
    const queue = this.#failures.get(kind);
    const failure = queue?.[0];
    if (!queue || !failure) return undefined;
    failure.times = (failure.times ?? 1) - 1;
    if (failure.times <= 0) queue.shift();
    return failure;
  }
}

export function errorFor(failure: SimulatedFailure): CommentError {
  return new CommentError(failure.code, failure.message ?? simulatedFailureMessage(failure.code), {
    retryAfterMs: failure.code === 'rate-limited' ? (failure.retryAfterMs ?? 15_000) : failure.retryAfterMs,
    fieldErrors: failure.fieldErrors,
    backendCode: 'simulated',
  });
}

/**
 * Waits `ms` (at least one macrotask, so a caller can still abort a call that has no
 * latency), rejecting with the signal's reason as soon as it fires.
 */
export function delay(ms: number, signal: AbortSignal | undefined): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) {
      reject(signal.reason);
      return;
    }
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal!.reason);
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal?.addEventListener('abort', onAbort, {once: true});
  });
}
