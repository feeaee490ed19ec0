// The npm entry: the elements, their events, the backend contract and the adapter
// registry. Built-in adapters are registered by name and loaded only when used; import
// them directly from `colloquy/memory`, `colloquy/rest` or `colloquy/wordpress`.
import './adapters/builtin.js';
export * from './core/index.js';
export {CommentThreadElement} from './elements/comment-thread/comment-thread.js';
export {CommentLoadEvent} from './events/comment-load.js';
export {CommentErrorEvent, type CommentErrorOperation} from './events/comment-error.js';
export {CommentReplyEvent} from './events/comment-reply.js';
export type {ThreadLink} from './elements/shared/context.js';
export {LoginChoiceElement, type GuestMode} from './elements/login-choice/login-choice.js';
export {LoginSelectEvent} from './events/login-select.js';
export {LoginRedirectEvent} from './events/login-redirect.js';
export {LoginSuccessEvent} from './events/login-success.js';
export {LoginErrorEvent} from './events/login-error.js';
export {LogoutEvent} from './events/logout.js';
export * from './sign-in/index.js';
