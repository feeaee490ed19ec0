import {CommentError, parseRetryAfter, type CommentErrorCode, type CommentField} from '../../core/errors.js';
import {codeForStatus, statusMessage} from '../shared/http.js';
import {asObject, asString} from '../shared/values.js';

// A failed answer's error envelope (docs/rest-protocol.md, "Errors"), read as field by
// field as a page is: a chunk the adapter loads at the first failed answer, which most
// pages never get.

const CODES = new Set<CommentErrorCode>([
  'unauthorized', 'forbidden', 'not-found', 'rate-limited', 'duplicate', 'invalid', 'closed', 'conflict', 'server',
]);
const FIELDS = new Set<CommentField>(['text', 'name', 'email', 'website', 'parent']);

/**
 * The CommentError for a failed response: the error envelope's code when it is one of
 * the protocol's, else one chosen by status; the server's message when it has one.
 */
export function mapError(status: number, body: unknown, retryAfterHeader: string | null): CommentError {
  const error = asObject(asObject(body)['error']);
  const claimed = asString(error['code']) as CommentErrorCode;
  const code = CODES.has(claimed) ? claimed : codeForStatus(status);
  const message = asString(error['message']).trim().slice(0, 500) || statusMessage(status);
  const fieldErrors: Partial<Record<CommentField, string>> = {};
  for (const [field, text] of Object.entries(asObject(error['fields']))) {
    if (FIELDS.has(field as CommentField) && typeof text === 'string') fieldErrors[field as CommentField] = text.slice(0, 500);
  }
  const retryAfter = typeof error['retryAfter'] === 'number' && error['retryAfter'] >= 0 ? error['retryAfter'] * 1000 : undefined;
  const retryAfterMs = parseRetryAfter(retryAfterHeader) ?? retryAfter;
  return new CommentError(code, message, {
    status,
    ...(claimed ? {backendCode: claimed} : {}),
    ...(code === 'invalid' ? {fieldErrors} : {}),
    // Also kept for 502/503 and 409 "still being processed": the form waits that long before retrying.
    ...((code === 'rate-limited' || code === 'server' || code === 'conflict') && retryAfterMs !== undefined ? {retryAfterMs} : {}),
  });
}
