/**
 * The script of the ready-made callback page, `dist/cdn/sign-in-callback.html`: a file
 * with no inline script, so it works under `script-src 'self'`. It reports the URL's
 * answer (`state`, plus whatever the provider added) and, when nothing could be told,
 * shows the page's own "go back" text instead of "Signing you in…".
 */
import {reportSignInResult} from './callback.js';

const status = reportSignInResult();
if (status !== 'reported') {
  for (const element of document.querySelectorAll<HTMLElement>('[data-when]')) {
    element.hidden = element.dataset['when'] !== status;
  }
}
