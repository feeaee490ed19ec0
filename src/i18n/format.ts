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

export function formatNumber(value: number, locale: string): string {
  return perLocale(numberFormats, locale, (tag) => new Intl.NumberFormat(tag)).format(value);
}

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
