import {perLocale} from './per-locale.js';

const relativeFormats = new Map<string, Intl.RelativeTimeFormat>();
const fullFormats = new Map<string, Intl.DateTimeFormat>();
const numberFormats = new Map<string, Intl.NumberFormat>();

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
const units: ReadonlyArray<readonly [Intl.RelativeTimeFormatUnit, number]> = [
  ['year', 365 * DAY],
  ['month', 30 * DAY],
  ['week', 7 * DAY],
  ['day', DAY],
  ['hour', HOUR],
  ['minute', MINUTE],
];

/**
 * "3 minutes ago", "yesterday", "now" in `locale`. Times in the future (a backend clock
 * ahead of the viewer's) read as "now": a comment cannot have been written later.
 */
export function formatRelativeTime(time: number, now: number, locale: string): string {
  const format = perLocale(relativeFormats, locale, (tag) => new Intl.RelativeTimeFormat(tag, {numeric: 'auto'}));
  const elapsed = Math.max(0, now - time);
  for (const [unit, size] of units) {
    if (elapsed >= size) return format.format(-Math.floor(elapsed / size), unit);
  }
  return format.format(0, 'second');
}

/**
 * The earliest time at which `formatRelativeTime(time, …)` may read differently: the next
 * whole step of the unit it uses now, or the start of the next larger unit if sooner.
 */
export function relativeTimeChangesAt(time: number, now: number): number {
  const elapsed = Math.max(0, now - time);
  for (let index = 0; index < units.length; index++) {
    const size = units[index]![1];
    if (elapsed < size) continue;
    const larger = index > 0 ? units[index - 1]![1] : Number.POSITIVE_INFINITY;
    return time + Math.min((Math.floor(elapsed / size) + 1) * size, larger);
  }
  return Math.max(now, time) + (units[units.length - 1]![1] - elapsed);
}

/** "August 7, 2012 at 3:12 PM" in `locale`, for titles next to relative labels. */
export function formatFullDate(time: number, locale: string): string {
  return perLocale(fullFormats, locale, (tag) => new Intl.DateTimeFormat(tag, {dateStyle: 'long', timeStyle: 'short'})).format(time);
}

/**
 * Languages whose numbers CLDR writes in ASCII digits in every region, unless the tag asks
 * for other digits (a `-u-nu-` extension, which this refuses along with every other
 * extension). Arabic and Persian are not among them: their default digits differ by region
 * and by the browser's data.
 */
const ASCII_DIGITS = /^(?:en|fr|he|es|de|pt|it|nl|pl|ru|uk|tr|ja|zh|ko|hi|id|vi)(?:-[a-z\d]{2,8})*$/i;

export function formatNumber(value: number, locale: string): string {
  // A page's first Intl.NumberFormat costs 12–34 ms in Chromium here (ICU's number data),
  // the largest single cost before the first comments show; and nearly every count on
  // them (likes, replies, a short thread's total) is under 1,000, which has no group
  // separator to place. In these languages its text is then the plain digits.
  if (value >= 0 && value < 1000 && Number.isInteger(value) && ASCII_DIGITS.test(locale)) return String(value);
  return perLocale(numberFormats, locale, (tag) => new Intl.NumberFormat(tag)).format(value);
}
