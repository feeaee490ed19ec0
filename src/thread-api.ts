// The part of the public API a page needs before its comments show: the thread, its
// events, the backend contract, the adapter registry (built-in adapters registered by name,
// each loaded only when used) and localization. The script-tag bundle exports this much
// up front and loads the rest (the form, the count, sign-in) when needed or idle; the npm
// entry (index.ts) exports it all.
import './adapters/builtin.js';
export * from './core/index.js';
export {CommentThreadElement} from './elements/comment-thread/comment-thread.js';
export {CommentLoadEvent} from './events/comment-load.js';
export {CommentErrorEvent, type CommentErrorOperation} from './events/comment-error.js';
export {CommentReplyEvent} from './events/comment-reply.js';
export {CommentSignInRequestEvent} from './events/comment-sign-in-request.js';
export type {ThreadLink} from './elements/shared/context.js';
export {
  applyPageStrings,
  directionOf,
  followPageLanguage,
  loadColloquyLocale,
  matchLocale,
  setColloquyStrings,
  sourceLocale,
  targetLocales,
  type ColloquyStrings,
} from './localization.js';
export {configureDeadlines} from './adapters/shared/deadline.js';
