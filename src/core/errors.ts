/**
 * The one error type every adapter call rejects with (aborts aside: an aborted call
 * rejects with the signal's reason, a `DOMException` named `AbortError` by default).
 * Elements decide what to show and whether to retry from `code` alone, so adapters must
 * map every backend failure onto these codes.
 */
export type CommentErrorCode =
  /** The request never got an answer: offline, DNS, CORS, connection reset. Retryable. */
  | 'network'
  /** The viewer must sign in (again) to do this. */
  | 'unauthorized'
  /** Signed in, but not allowed. */
  | 'forbidden'
  /** The thread or comment does not exist. */
  | 'not-found'
  /** Too many requests; see `retryAfter`. */
  | 'rate-limited'
  /** The backend already has this comment (same idempotency key or same text). */
  | 'duplicate'
  /** The input was rejected; see `fieldErrors`. */
  | 'invalid'
  /** The thread no longer takes comments. */
  | 'closed'
  /** The comment changed or was removed meanwhile (e.g. an edit on a stale version). */
  | 'conflict'
  /** The backend failed (5xx) or answered with something unreadable. Retryable. */
  | 'server';

/** Fields of a new comment that a backend may reject one by one. */
export type CommentField = 'text' | 'name' | 'email' | 'website' | 'parent';

export interface CommentErrorOptions {
  /**
   * For `rate-limited`, and `server` or `conflict` when the backend said: when to try again, in milliseconds from the moment the error was
   * created. Adapters convert `Retry-After` (seconds or an HTTP date) to this.
   */
  retryAfterMs?: number;
  /** For `invalid`: a message per rejected field, safe to show as text. */
  fieldErrors?: Partial<Record<CommentField, string>>;
  /** HTTP status, when there was one; for logs, not for decisions. */
  status?: number;
  /** The backend's own error code (e.g. WordPress's `comment_flood`); for logs. */
  backendCode?: string;
  cause?: unknown;
}

export class CommentError extends Error {
  override readonly name = 'CommentError';
  readonly code: CommentErrorCode;
  readonly retryAfterMs?: number;
  /** When `retryAfterMs` runs out, as a timestamp (ms since the epoch). */
  readonly retryAt?: number;
  readonly fieldErrors: Partial<Record<CommentField, string>>;
  readonly status?: number;
  readonly backendCode?: string;

  /**
   * @param message Shown to people as plain text, so it must make sense on its own;
   *   adapters pass the backend's human message when it has one.
   */
  constructor(code: CommentErrorCode, message: string, options: CommentErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : {cause: options.cause});
    this.code = code;
    this.fieldErrors = options.fieldErrors ?? {};
    if (options.retryAfterMs !== undefined) {
      this.retryAfterMs = Math.max(0, options.retryAfterMs);
      this.retryAt = Date.now() + this.retryAfterMs;
    }
    if (options.status !== undefined) this.status = options.status;
    if (options.backendCode !== undefined) this.backendCode = options.backendCode;
  }

  /** True for failures worth retrying automatically without the commenter's help. */
  get transient(): boolean {
    return this.code === 'network' || this.code === 'server';
  }
}

export function isCommentError(value: unknown): value is CommentError {
  return value instanceof CommentError;
}

/** True for the rejection of a call whose `AbortSignal` fired. */
export function isAbortError(value: unknown): boolean {
  return (
    (value instanceof DOMException && (value.name === 'AbortError' || value.name === 'TimeoutError')) ||
    (value instanceof Error && value.name === 'AbortError')
  );
}

/** Throws the signal's reason when it has fired: call at the start of adapter methods. */
export function throwIfAborted(signal: AbortSignal | undefined): void {
  signal?.throwIfAborted();
}

/**
 * Parses an HTTP `Retry-After` value (delay-seconds or an HTTP date) into milliseconds
 * from `now`. Returns undefined when the header is missing or unreadable.
 */
export function parseRetryAfter(value: string | null | undefined, now = Date.now()): number | undefined {
  if (value == null) return undefined;
  const trimmed = value.trim();
  if (/^\d+$/.test(trimmed)) return Number(trimmed) * 1000;
  const date = Date.parse(trimmed);
  if (Number.isNaN(date)) return undefined;
  return Math.max(0, date - now);
}
