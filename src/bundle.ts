// Entry for the script-tag build (dist/cdn/colloquy.js). A page that adds Colloquy with a
// script tag has no code of its own to choose a language, so the elements follow its
// <html lang>. The npm entry (index.ts) leaves that choice to the app.
import {followPageLanguage} from './localization.js';

export * from './index.js';

followPageLanguage();

// A `<login-choice>` written in the page on its own, with no form to load it.
if (document.querySelector('login-choice')) void import('./elements/login-choice/login-choice.js');
