import {msg} from '@lit/localize';
import {CommentError} from '../../core/errors.js';

/** How long a read (a page of comments, the session, the sign-in providers) may take. */
export const DEFAULT_LOAD_DEADLINE_MS = 15_000;
/** How long a change (edit, delete, react, sign out) may take. */
export const DEFAULT_ACTION_DEADLINE_MS = 30_000;

const deadlines = {load: DEFAULT_LOAD_DEADLINE_MS, action: DEFAULT_ACTION_DEADLINE_MS};

/**
 * Changes the page-wide deadlines of the elements' adapter calls, in milliseconds (0 for
 * none): `load` for reads (sign-in providers, the session, a standalone form's thread
 * rules), `action` for changes (edit, delete, a like, moderation, sign out, completing a
 * sign-in). A thread's pages follow its own `load-timeout` attribute; posting has its own
 * retry policy.
 */
export function configureDeadlines(next: Partial<{load: number; action: number}>): void {
  Object.assign(deadlines, next);
}

/** Runs a read with the page's `load` deadline. */
export function withLoadDeadline<T>(signal: AbortSignal | undefined, call: (signal: AbortSignal) => Promise<T>): Promise<T> {
  return withDeadline(deadlines.load, signal, call);
}

/** Runs a change with the page's `action` deadline. */
export function withActionDeadline<T>(signal: AbortSignal | undefined, call: (signal: AbortSignal) => Promise<T>): Promise<T> {
  return withDeadline(deadlines.action, signal, call);
}

/** The errors `deadlineError` made: a foreign `TimeoutError` wrapped by a caller is not one. */
const deadlineErrors = new WeakSet<CommentError>();

/** The error a call rejects with when its deadline passed: retryable, like any lost answer. */
function deadlineError(ms: number): CommentError {
  const error = new CommentError(
    'network',
    msg('The comments server did not answer in time. Check your connection and try again.', {id: 'adapter.deadline'}),
    {cause: new DOMException(`No answer within ${ms} ms`, 'TimeoutError')},
  );
  deadlineErrors.add(error);
  return error;
}

/** True for the error `withDeadline` rejects with. */
export function isDeadlineError(error: unknown): boolean {
  return error instanceof CommentError && deadlineErrors.has(error);
}

/**
 * Runs `call` with a signal that fires when the caller's `signal` fires or when `ms` have
 * passed, whichever comes first. Past the deadline the call is aborted (its signal's
 * reason is the deadline error) and the returned promise rejects with a `network`
 * CommentError at once, even when the call ignores its signal: an adapter that never
 * answers must not leave "Loading…" on screen forever. A non-finite or non-positive
 * `ms` means no deadline.
 */
export function withDeadline<T>(
  ms: number,
  signal: AbortSignal | undefined,
  call: (signal: AbortSignal) => Promise<T>,
): Promise<T> {
  if (signal?.aborted) return Promise.reject(signal.reason);
  const controller = new AbortController();
  const forward = () => controller.abort(signal!.reason);
  signal?.addEventListener('abort', forward, {once: true});
  // The deadline and the caller's abort both reject the race through this signal, even
  // when `call` ignores it.
  const aborted = new Promise<never>((_, reject) => {
    controller.signal.addEventListener('abort', () => reject(controller.signal.reason), {once: true});
  });
  // Only the first settlement counts; the other must not surface as unhandled.
  aborted.catch(() => {});
  const timer = ms > 0 && Number.isFinite(ms) ? setTimeout(() => controller.abort(deadlineError(ms)), ms) : undefined;
  let result: Promise<T>;
  try {
    result = call(controller.signal);
  } catch (error) {
    result = Promise.reject(error);
  }
  return Promise.race([result, aborted]).finally(() => {
    clearTimeout(timer);
    signal?.removeEventListener('abort', forward);
  });
}
