// Layer 4: + the thread's styles (its `static styles`, every sheet in it).
export * from './3-rest-read.js';
export {themeStyles} from '../elements/shared/theme.styles.js';
export {avatarStyles} from '../elements/shared/avatar.js';
export {contentStyles} from '../elements/shared/content.styles.js';
export {styles} from '../elements/comment-thread/comment-thread.styles.js';
export {moderationStyles, newCommentsStyles, ownCommentActionsStyles} from '../elements/comment-thread/controls.styles.js';
export {reactionStyles} from '../elements/comment-thread/reactions.js';
export {longThreadStyles} from '../elements/comment-thread/long-thread.js';
export {moreRepliesStyles} from '../elements/comment-thread/more-replies.js';
export {timestampStyles} from '../elements/comment-thread/timestamps.js';
