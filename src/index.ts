// The npm entry: the elements, their events, the backend contract and the adapter
// registry. Built-in adapters are registered by name and loaded only when used; import
// them directly from `colloquy/memory`, `colloquy/rest` or `colloquy/wordpress`.
// `<login-choice>` and the sign-in flow load with the first form whose backend can sign
// in; import `colloquy/login-choice` to use them on their own.
export * from './thread-api.js';
export {CommentFormElement} from './elements/comment-form/comment-form.js';
export {CommentCountElement} from './elements/comment-count/comment-count.js';
export type {RetryOptions} from './elements/comment-form/retry-policy.js';
export {CommentSubmitEvent} from './events/comment-submit.js';
export {CommentPostedEvent} from './events/comment-posted.js';
export {CommentEditedEvent} from './events/comment-edited.js';
export {CommentCancelEvent} from './events/comment-cancel.js';
export {DraftStore, drafts, type Draft, type DraftSlot} from './drafts/draft-store.js';
export type {LoginChoiceElement, GuestMode} from './elements/login-choice/login-choice.js';
export {LoginSelectEvent} from './events/login-select.js';
export {LoginRedirectEvent} from './events/login-redirect.js';
export {LoginSuccessEvent} from './events/login-success.js';
export {LoginErrorEvent} from './events/login-error.js';
export {LogoutEvent} from './events/logout.js';
