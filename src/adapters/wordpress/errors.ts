import {msg} from '@lit/localize';
import {CommentError, type CommentErrorCode, type CommentField} from '../../core/errors.js';
import {codeForStatus, statusMessage} from '../shared/http.js';
import {asObject, asString, isObject} from '../shared/values.js';
import {htmlToText} from '../../content/entities.js';

/**
 * WordPress's own codes, from `WP_REST_Comments_Controller`, `wp_allow_comment()`,
 * `wp_check_comment_data_max_lengths()`, the REST server and the authentication
 * handlers (checked against a WordPress 6.1 site; see test/fixtures/wordpress/).
 * Codes not listed here are mapped by HTTP status.
 */
const CODES: Record<string, CommentErrorCode> = {
  // WordPress answers a flood with 400 and no Retry-After (and would not expose one).
  comment_flood: 'rate-limited',
  comment_duplicate: 'duplicate',
  rest_comment_closed: 'closed',
  // A draft takes no comments until it is published.
  rest_comment_draft_post: 'closed',
  rest_comment_trash_post: 'not-found',
  rest_comment_invalid_post_id: 'not-found',
  rest_post_invalid_id: 'not-found',
  rest_comment_invalid_id: 'not-found',
  rest_already_trashed: 'not-found',
  rest_no_route: 'not-found',
  rest_comment_login_required: 'unauthorized',
  rest_cookie_invalid_nonce: 'unauthorized',
  rest_not_logged_in: 'unauthorized',
  incorrect_password: 'unauthorized',
  invalid_username: 'unauthorized',
  application_passwords_disabled: 'unauthorized',
  application_passwords_disabled_for_user: 'unauthorized',
  rest_comment_invalid_author: 'forbidden',
  rest_comment_invalid_author_ip: 'forbidden',
  rest_comment_invalid_status: 'forbidden',
  rest_comment_invalid_karma: 'forbidden',
  rest_comment_content_invalid: 'invalid',
  rest_comment_author_data_required: 'invalid',
  comment_content_column_length: 'invalid',
  comment_author_column_length: 'invalid',
  comment_author_email_column_length: 'invalid',
  comment_author_url_column_length: 'invalid',
  rest_invalid_param: 'invalid',
  rest_missing_callback_param: 'invalid',
  rest_comment_exists: 'invalid',
  rest_comment_type_invalid: 'invalid',
  rest_comment_failed_create: 'server',
  rest_invalid_json: 'server',
};

/** The field each code rejects, for codes that name none in their data. */
const CODE_FIELDS: Record<string, CommentField[]> = {
  rest_comment_content_invalid: ['text'],
  comment_content_column_length: ['text'],
  rest_comment_author_data_required: ['name', 'email'],
  comment_author_column_length: ['name'],
  comment_author_email_column_length: ['email'],
  comment_author_url_column_length: ['website'],
};

/** WordPress's parameter names for the fields a commenter fills in. */
const PARAM_FIELDS: Record<string, CommentField> = {
  content: 'text',
  author_name: 'name',
  author_email: 'email',
  author_url: 'website',
  parent: 'parent',
};

/** `wp_check_comment_flood()` waits 15 seconds unless a plugin changes it. */
const FLOOD_INTERVAL_MS = 15_000;

export interface WordPressErrorContext {
  /** True when the request carried credentials (an application password or a nonce). */
  authenticated?: boolean;
}

/**
 * The CommentError for a WordPress error response (`{code, message, data: {status,
 * params}}`), or for any other failed response, by status. WordPress's messages contain
 * character references and occasionally tags; they become plain text here.
 */
export function wordPressError(status: number, body: unknown, context: WordPressErrorContext = {}): CommentError {
  const error = asObject(body);
  const backendCode = asString(error['code']);
  const data = asObject(error['data']);
  const message = htmlToText(asString(error['message'])).slice(0, 500) || statusMessage(status);
  const base = {status, ...(backendCode ? {backendCode} : {})};

  // WordPress ignores credentials it cannot verify (a revoked application password, a
  // stale nonce) and treats the request as anonymous, which then lacks a name and email.
  if (backendCode === 'rest_comment_author_data_required' && context.authenticated) {
    return new CommentError(
      'unauthorized',
      msg('Your sign-in has expired. Please sign in again.', {id: 'adapter.wordpress.signed-out'}),
      base,
    );
  }

  const code = CODES[backendCode] ?? codeForStatus(status);
  if (code === 'rate-limited') return new CommentError(code, message, {...base, retryAfterMs: FLOOD_INTERVAL_MS});
  if (code !== 'invalid') return new CommentError(code, message, base);

  const fieldErrors: Partial<Record<CommentField, string>> = {};
  for (const field of CODE_FIELDS[backendCode] ?? []) fieldErrors[field] = message;
  const params = isObject(data['params']) ? data['params'] : {};
  for (const [param, detail] of Object.entries(params)) {
    const field = PARAM_FIELDS[param];
    if (field) fieldErrors[field] = htmlToText(asString(detail)).slice(0, 500) || message;
  }
  return new CommentError(code, message, {...base, fieldErrors});
}
