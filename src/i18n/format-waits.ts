import {perLocale} from './per-locale.js';

// Waits and windows (a post's wait after a rate limit, an edit window's minutes): shown by
// the form and by the controls of one's own comments, which load when needed, so these are
// a module apart from what the first comments need (format.ts).

const minuteFormats = new Map<string, Intl.NumberFormat>();
const comingFormats = new Map<string, Intl.RelativeTimeFormat>();
const timeFormats = new Map<string, Intl.DateTimeFormat>();

/** "4 min" in `locale`. */
export function formatMinutes(minutes: number, locale: string): string {
  return perLocale(minuteFormats, locale, (tag) => new Intl.NumberFormat(tag, {style: 'unit', unit: 'minute', unitDisplay: 'short'})).format(minutes);
}

/** "in 30 seconds" in `locale`. */
export function formatSecondsFromNow(seconds: number, locale: string): string {
  return perLocale(comingFormats, locale, (tag) => new Intl.RelativeTimeFormat(tag, {numeric: 'auto'})).format(seconds, 'second');
}

/** "3:12 PM" in `locale`. */
export function formatTimeOfDay(time: number, locale: string): string {
  return perLocale(timeFormats, locale, (tag) => new Intl.DateTimeFormat(tag, {hour: 'numeric', minute: '2-digit'})).format(time);
}
