// Entry for the script-tag build (dist/cdn/colloquy.js). A page that adds Colloquy with a
// script tag has no code of its own to choose a language, so the elements follow its
// <html lang>. The npm entry (index.ts) leaves that choice to the app.
//
// Only what shows a thread's comments loads up front (thread-api.ts); the form, the count
// and the sign-in panel are chunks of their own, loaded at once when the page has nothing
// else to show, and otherwise once the first comments are on screen and the browser is
// idle, so they never compete with the comments for the network or the main thread.
import {loadCommentCount, loadCommentForm} from './elements/shared/lazy-elements.js';
import {followPageLanguage} from './localization.js';

export * from './thread-api.js';

followPageLanguage();

const loadOtherElements = () => {
  void loadCommentForm().catch(console.error);
  void loadCommentCount().catch(console.error);
};

/** After the first comments (or the first failure to get them), when the browser is idle. */
function loadOtherElementsWhenIdle() {
  let started = false;
  const start = () => {
    if (started) return;
    started = true;
    document.removeEventListener('comment-load', start);
    document.removeEventListener('comment-error', start);
    clearTimeout(fallback);
    if (typeof requestIdleCallback === 'function') requestIdleCallback(loadOtherElements, {timeout: 1000});
    else setTimeout(loadOtherElements, 50);
  };
  document.addEventListener('comment-load', start);
  document.addEventListener('comment-error', start);
  // A thread that waits to be scrolled to (loading="lazy") must not keep its form away.
  const fallback = setTimeout(start, 3000);
}

if (document.querySelector('comment-thread')) {
  // Counts elsewhere on the page (a list of related posts) need not wait for the thread.
  if (document.querySelector('comment-count')) void loadCommentCount().catch(console.error);
  loadOtherElementsWhenIdle();
} else {
  loadOtherElements();
}

// A `<login-choice>` written in the page on its own, with no form to load it.
if (document.querySelector('login-choice')) void import('./elements/login-choice/login-choice.js');
