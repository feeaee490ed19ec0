// Entry for the script-tag build (dist/cdn/colloquy.js).
export * from './index.js';

// A `<login-choice>` written in the page on its own, with no form to load it.
if (document.querySelector('login-choice')) void import('./elements/login-choice/login-choice.js');
