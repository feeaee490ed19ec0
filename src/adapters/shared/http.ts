import {msg} from '@lit/localize';
import {CommentError} from '../../core/errors.js';

export type Fetch = typeof fetch;

/**
 * `fetch` with the adapter contract's failure rules: an aborted call rejects with the
 * signal's reason, and a request that got no answer (offline, DNS, CORS) rejects with a
 * `network` CommentError. HTTP error statuses are left to the caller to map.
 */
export async function send(fetcher: Fetch, url: string, init: RequestInit, signal?: AbortSignal): Promise<Response> {
  signal?.throwIfAborted();
  try {
    return await fetcher(url, signal ? {...init, signal} : init);
  } catch (error) {
    if (signal?.aborted) throw signal.reason;
    throw networkError(error);
  }
}

/**
 * The body parsed as JSON, or `undefined` when it is empty or not JSON (a proxy's HTML
 * error page, a truncated answer); callers turn that into a `server` error or fall back.
 */
export async function readJson(response: Response, signal?: AbortSignal): Promise<unknown> {
  let text: string;
  try {
    text = await response.text();
  } catch (error) {
    if (signal?.aborted) throw signal.reason;
    throw networkError(error);
  }
  if (text.trim() === '') return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

/** What a request that got no answer rejects with: retryable. */
export function networkError(cause?: unknown): CommentError {
  return new CommentError(
    'network',
    msg('Could not reach the comments server. Check your connection and try again.', {id: 'adapter.network'}),
    {cause},
  );
}

export function unreadableError(status?: number): CommentError {
  return new CommentError(
    'server',
    msg('The comments server sent an answer that could not be read. Please try again later.', {
      id: 'adapter.unreadable',
    }),
    status === undefined ? {} : {status},
  );
}

/** The message for a failure the backend did not explain, chosen by status. */
export function statusMessage(status: number): string {
  if (status === 401) return msg('Please sign in to do this.', {id: 'adapter.status.unauthorized'});
  if (status === 403) return msg('You are not allowed to do this.', {id: 'adapter.status.forbidden'});
  if (status === 404 || status === 410) return msg('These comments could not be found.', {id: 'adapter.status.not-found'});
  if (status === 409) return msg('This comment changed meanwhile. Reload and try again.', {id: 'adapter.status.conflict'});
  if (status === 429) return msg('Too many comments too quickly. Please wait a moment.', {id: 'adapter.status.rate-limited'});
  if (status >= 400 && status < 500) return msg('The comment was not accepted.', {id: 'adapter.status.invalid'});
  return msg('The comments server had a problem. Please try again later.', {id: 'adapter.status.server'});
}

/** The core code for an HTTP status when the backend gave no code of its own. */
export function codeForStatus(status: number): CommentError['code'] {
  if (status === 401) return 'unauthorized';
  if (status === 403) return 'forbidden';
  if (status === 404 || status === 410) return 'not-found';
  if (status === 409) return 'conflict';
  if (status === 429) return 'rate-limited';
  if (status >= 400 && status < 500) return 'invalid';
  return 'server';
}
