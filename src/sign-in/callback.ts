/**
 * The callback page's side of the sign-in protocol (docs/sign-in-protocol.md), with no
 * dependencies so it stays tiny (`colloquy/sign-in-callback`). A callback page calls
 * `reportSignInResult()` once it has loaded:
 *
 *   <script type="module">
 *     import {reportSignInResult} from 'colloquy/sign-in-callback';
 *     reportSignInResult();
 *   </script>
 */
import {SIGN_IN_CHANNEL, callbackParams, signInMessageFromParams} from './protocol.js';

export interface ReportSignInOptions {
  /**
   * The origin of the page that opened the sign-in, the only one the result is sent to.
   * Defaults to this page's own origin. A callback page served from another origin (a
   * backend's) must name the site it serves, from its own configuration — never from
   * the URL, which anyone can craft. `'*'` is refused: the result would go to any opener.
   */
  targetOrigin?: string;
  /** The callback URL to read; this page's by default. */
  url?: string;
}

/**
 * `reported`: sent to the opener (and, same-origin, on the BroadcastChannel), and the
 * window is closing. `unreachable`: nothing could be sent, e.g. COOP cut the opener off and
 * the opener is on another origin; the page should tell the person to go back (the
 * opener then finds the session by asking the backend). `no-result`: the URL carries no
 * `state`, so it is not a sign-in callback.
 */
export type ReportSignInStatus = 'reported' | 'unreachable' | 'no-result';

export function reportSignInResult(options: ReportSignInOptions = {}): ReportSignInStatus {
  const url = new URL(options.url ?? location.href);
  const message = signInMessageFromParams(callbackParams(url));
  if (!message) return 'no-result';
  const targetOrigin = options.targetOrigin ?? location.origin;
  if (targetOrigin === '*') throw new Error('Colloquy: the sign-in result must go to a named origin, not "*".');
  // The code must not stay in this window's address bar or history.
  history.replaceState(null, '', url.pathname);
  let sent = false;
  const opener = window.opener as Window | null;
  if (opener && !opener.closed) {
    opener.postMessage(message, targetOrigin);
    sent = true;
  }
  if (targetOrigin === location.origin && typeof BroadcastChannel === 'function') {
    const channel = new BroadcastChannel(SIGN_IN_CHANNEL);
    channel.postMessage(message);
    channel.close();
    sent = true;
  }
  if (sent) window.close();
  return sent ? 'reported' : 'unreachable';
}
