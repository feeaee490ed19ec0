import type {Context} from 'hono';

/** The protocol's nine error codes (docs/rest-protocol.md, "Errors"). */
export type ErrorCode =
  | 'unauthorized' | 'forbidden' | 'not-found' | 'rate-limited' | 'duplicate' | 'invalid' | 'closed' | 'conflict' | 'server';

export type Field = 'text' | 'name' | 'email' | 'website' | 'parent';

/** A failure that becomes the error envelope; thrown anywhere in a handler. */
export class ProtocolError extends Error {
  constructor(
    readonly status: 400 | 401 | 403 | 404 | 409 | 410 | 413 | 415 | 422 | 429 | 500 | 503,
    readonly code: ErrorCode,
    message: string,
    readonly extra: {fields?: Partial<Record<Field, string>>; retryAfter?: number} = {},
  ) {
    super(message);
  }
}

export const invalid = (message: string, fields?: Partial<Record<Field, string>>) =>
  new ProtocolError(400, 'invalid', message, fields ? {fields} : {});

export const notFound = (message = 'There is no such thread or comment.') => new ProtocolError(404, 'not-found', message);

export function errorResponse(c: Context, error: ProtocolError): Response {
  const {fields, retryAfter} = error.extra;
  if (retryAfter !== undefined) c.header('Retry-After', String(retryAfter));
  c.header('Cache-Control', 'no-store');
  return c.json(
    {error: {code: error.code, message: error.message, ...(fields ? {fields} : {}), ...(retryAfter !== undefined ? {retryAfter} : {})}},
    error.status,
  );
}
