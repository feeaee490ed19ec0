/**
 * The script of the ready-made callback page, `dist/cdn/sign-in-callback.html`, and of the
 * one colloquy-server serves itself: a file with no inline script, so it works under
 * `script-src 'self'`. It reports the URL's answer (`state`, plus whatever the provider
 * added) and, when nothing could be told, shows the page's own "go back" text instead of
 * "Signing you in…". A page served by a backend on another origin than the site names the
 * site in `<meta name="colloquy-sign-in-origin">`, written by the backend from what it
 * knows about the sign-in, never taken from the URL.
 */
import {reportSignInResult} from './callback.js';

const siteOrigin = document.querySelector<HTMLMetaElement>('meta[name="colloquy-sign-in-origin"]')?.content;
const status = reportSignInResult(siteOrigin ? {targetOrigin: siteOrigin} : {});
if (status !== 'reported') {
  for (const element of document.querySelectorAll<HTMLElement>('[data-when]')) {
    element.hidden = element.dataset['when'] !== status;
  }
}
