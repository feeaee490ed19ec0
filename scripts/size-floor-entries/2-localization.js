// Layer 2: + localization, English. @lit/localize's runtime, the page-language following
// the script-tag entry starts with, and the formatting helpers the thread's first screen
// uses (plurals, numbers, dates, bidi isolation). Translations stay lazy chunks.
import {followPageLanguage} from '../localization.js';

export * from './1-lit.js';
export {LOCALE_STATUS_EVENT, configureLocalization, localized, msg, str} from '@lit/localize';
// Its whole public API, as the script-tag entry exports it (thread-api.ts).
export * from '../localization.js';
export {localeOf, plural} from '../i18n/locale.js';
export {formatFullDate, formatNumber, formatRelativeTime, relativeTimeChangesAt} from '../i18n/format.js';
export {countLabel, plausibleTime, shownCount} from '../i18n/plausible.js';
export {isolate} from '../i18n/isolate.js';

followPageLanguage();
