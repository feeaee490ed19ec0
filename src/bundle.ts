// Entry for the script-tag build (dist/cdn/colloquy.js). A page that adds Colloquy with a
// script tag has no code of its own to choose a language, so the elements follow its
// <html lang>. The npm entry (index.ts) leaves that choice to the app.
import {followPageLanguage} from './localization.js';

export * from './index.js';

followPageLanguage();
