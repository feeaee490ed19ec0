// The sign-in callback page's script (see includes/sign-in.php): reports the result to the
// page that opened the popup, on this same origin, then the window closes.
import {reportSignInResult} from '../dist/sign-in-callback.js';

reportSignInResult();
