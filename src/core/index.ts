// The backend contract, usable without Lit: what adapter authors implement and import.
export type * from './types.js';
export {editableText} from './types.js';
export type * from './adapter.js';
export {CommentError, isCommentError, isAbortError, throwIfAborted, parseRetryAfter} from './errors.js';
export type {CommentErrorCode, CommentErrorOptions, CommentField} from './errors.js';
export {registerAdapter, resolveAdapter, hasAdapter} from './registry.js';
export type {AdapterConfig, AdapterFactory} from './registry.js';
