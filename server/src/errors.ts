import type {Context} from 'hono';
import type {AppEnv} from './app.js';
import type {MessageId, Values} from './i18n/messages.js';
import {answerIn, translatorFor, type Message, type Translator} from './i18n/translate.js';

/** The protocol's nine error codes (docs/rest-protocol.md, "Errors"). */
export type ErrorCode =
  | 'unauthorized' | 'forbidden' | 'not-found' | 'rate-limited' | 'duplicate' | 'invalid' | 'closed' | 'conflict' | 'server';

export type Field = 'text' | 'name' | 'email' | 'website' | 'parent';

/**
 * What an error says: a catalog message (id and values), translated when the envelope is
 * written, into the language of the request it answers; or, for what only an administrator
 * reads (admin API, CLI), `{english}` text that stays as written.
 */
export type ErrorText = MessageId | Message | {english: string};

/** Text for the admin API and CLI only: never shown to a visitor, so never translated. */
export const adminText = (english: string): ErrorText => ({english});

export const message = (id: MessageId, values?: Values): Message => (values ? {id, values} : {id});

/**
 * A failure that becomes the error envelope; thrown anywhere in a handler, even deep in
 * the store, which knows nothing of the request: it names its message, and `errorResponse`
 * translates it. `message` (the Error's own) is the English, for logs.
 */
export class ProtocolError extends Error {
  constructor(
    readonly status: 400 | 401 | 403 | 404 | 409 | 410 | 413 | 415 | 422 | 429 | 500 | 503,
    readonly code: ErrorCode,
    readonly text: ErrorText,
    readonly extra: {fields?: Partial<Record<Field, ErrorText>>; retryAfter?: number} = {},
  ) {
    super(translate(text, translatorFor('en')));
  }
}

function translate(text: ErrorText, t: Translator): string {
  if (typeof text === 'string') return t.text(text);
  if ('english' in text) return text.english;
  return t.text(text.id, text.values);
}

export const invalid = (text: ErrorText, fields?: Partial<Record<Field, ErrorText>>) =>
  new ProtocolError(400, 'invalid', text, fields ? {fields} : {});

/** `invalid` for one field: the same message for the form's field and the whole request. */
export const invalidField = (field: Field, text: ErrorText) => invalid(text, {[field]: text});

export const notFound = (text: ErrorText = 'error.no-such-thread-or-comment') => new ProtocolError(404, 'not-found', text);

/** The error envelope for `error`, in the request's language (`c.var.t`, set by the app's first middleware). */
export function errorResponse(c: Context<AppEnv>, error: ProtocolError): Response {
  const t = answerIn(c, c.var.t);
  const {retryAfter} = error.extra;
  const fields = error.extra.fields
    ? Object.fromEntries(Object.entries(error.extra.fields).map(([field, text]) => [field, translate(text, t)]))
    : undefined;
  if (retryAfter !== undefined) c.header('Retry-After', String(retryAfter));
  c.header('Cache-Control', 'no-store');
  return c.json(
    {error: {code: error.code, message: translate(error.text, t), ...(fields ? {fields} : {}), ...(retryAfter !== undefined ? {retryAfter} : {})}},
    error.status,
  );
}
