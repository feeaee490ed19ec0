// Layer 4: + the thread's styles (its `static styles`, every sheet in it).
export * from './3-rest-read.js';
export {themeStyles} from '../elements/shared/theme.styles.js';
export {avatarStyles} from '../elements/shared/avatar.js';
export {contentStyles} from '../elements/shared/content.styles.js';
export {styles} from '../elements/comment-thread/comment-thread.styles.js';
export {moderationStyles, moreRepliesStyles, newCommentsStyles, ownCommentActionsStyles} from '../elements/comment-thread/controls.styles.js';
export {reactionStyles} from '../elements/comment-thread/reaction-buttons.js';
export {longThreadStyles} from '../elements/comment-thread/long-thread.js';
export {timestampStyles} from '../elements/comment-thread/timestamps.js';
