// The thread's controls that few comments need, in one chunk loaded when the first
// comment that needs one is about to show (see lazy-controls.ts).
export {ModerationController} from './moderation.js';
export {NewCommentsController} from './new-comments.js';
export {OwnCommentActions} from './own-comment-actions.js';
export {ReplyFetchController} from './more-replies.js';
export {ReactionController} from './reactions.js';
