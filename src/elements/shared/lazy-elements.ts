import {loadOnce} from '../../core/load-once.js';

// Elements a thread can show its comments without: they load when a page needs them (an
// Edit button pressed, a count in the page) or once the comments are on screen, so their
// script never delays the first comments. Each loads once; a failed load is retried the
// next time it is asked for.

/** Defines `<comment-form>` (and, through it, sign-in when a backend offers it). */
export const loadCommentForm: () => Promise<unknown> = loadOnce(() => import('../comment-form/comment-form.js'));

/** Defines `<comment-count>`. */
export const loadCommentCount: () => Promise<unknown> = loadOnce(() => import('../comment-count/comment-count.js'));
