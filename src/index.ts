// The npm entry: the elements, their events, the backend contract and the adapter
// registry. Built-in adapters are registered by name and loaded only when used; import
// them directly from `colloquy/memory`, `colloquy/rest` or `colloquy/wordpress`.
// `<login-choice>` and the sign-in flow load with the first form whose backend can sign
// in; import `colloquy/login-choice` to use them on their own.
import './adapters/builtin.js';
export * from './core/index.js';
export {CommentThreadElement} from './elements/comment-thread/comment-thread.js';
export {CommentLoadEvent} from './events/comment-load.js';
export {CommentErrorEvent, type CommentErrorOperation} from './events/comment-error.js';
export {CommentReplyEvent} from './events/comment-reply.js';
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
export {CommentFormElement} from './elements/comment-form/comment-form.js';
export {CommentCountElement} from './elements/comment-count/comment-count.js';
export type {RetryOptions} from './elements/comment-form/retry-policy.js';
export {CommentSubmitEvent} from './events/comment-submit.js';
export {CommentPostedEvent} from './events/comment-posted.js';
export {CommentEditedEvent} from './events/comment-edited.js';
export {CommentCancelEvent} from './events/comment-cancel.js';
export {CommentSignInRequestEvent} from './events/comment-sign-in-request.js';
export {DraftStore, drafts, type Draft, type DraftSlot} from './drafts/draft-store.js';
export {configureDeadlines} from './adapters/shared/deadline.js';
export type {LoginChoiceElement, GuestMode} from './elements/login-choice/login-choice.js';
export {LoginSelectEvent} from './events/login-select.js';
export {LoginRedirectEvent} from './events/login-redirect.js';
export {LoginSuccessEvent} from './events/login-success.js';
export {LoginErrorEvent} from './events/login-error.js';
export {LogoutEvent} from './events/logout.js';
