// Elements a thread can show its comments without: they load when a page needs them (an
// Edit button pressed, a count in the page) or once the comments are on screen, so their
// script never delays the first comments. Each loads once; a failed load is retried the
// next time it is asked for.
let form: Promise<unknown> | undefined;
let count: Promise<unknown> | undefined;

/** Defines `<comment-form>` (and, through it, sign-in when a backend offers it). */
export function loadCommentForm(): Promise<unknown> {
  return (form ??= import('../comment-form/comment-form.js').catch((error: unknown) => {
    form = undefined;
    throw error;
  }));
}

/** Defines `<comment-count>`. */
export function loadCommentCount(): Promise<unknown> {
  return (count ??= import('../comment-count/comment-count.js').catch((error: unknown) => {
    count = undefined;
    throw error;
  }));
}
