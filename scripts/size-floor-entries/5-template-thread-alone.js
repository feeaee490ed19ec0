// Layer 5c: the hand-written-template thread with nothing else kept: only what it and
// the page-language start-up use of layers 1–4 (no exported API, no unused directives,
// @lit/context or adapter entry points), the least a thread with these features costs.
import {followPageLanguage} from '../localization.js';

export {TemplateThread} from './template-thread.js';

followPageLanguage();
