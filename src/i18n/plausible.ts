import {formatNumber} from './format.js';

/** Before this, a comment's time is a placeholder (a backend's 0 for "unknown"), not a time. */
const EARLIEST = Date.UTC(1990, 0, 1);
/** A backend's clock may run a little ahead; further ahead, the time is nonsense. */
const FUTURE_SKEW_MS = 24 * 60 * 60 * 1000;
/** The largest count written out in full; more reads "999,999,999+". */
const MAX_SHOWN_COUNT = 999_999_999;

/**
 * A backend's ISO time as a timestamp, or NaN when it should not be shown: unreadable,
 * missing, before 1990 (the epoch standing in for "unknown" reads "56 years ago") or
 * more than a day in the future (year 9999 reads "now"). Times a little ahead are kept;
 * relative labels clamp them to "now".
 */
export function plausibleTime(iso: string | undefined, now = Date.now()): number {
  if (typeof iso !== 'string' || iso === '') return Number.NaN;
  const time = Date.parse(iso);
  return time >= EARLIEST && time <= now + FUTURE_SKEW_MS ? time : Number.NaN;
}

/** A count from a backend made fit to show: a whole number from 0 to 999,999,999 (then "+"). */
export function shownCount(count: number): number {
  return Number.isFinite(count) && count > 0 ? Math.min(Math.floor(count), MAX_SHOWN_COUNT) : 0;
}

/** The text for counts too big to write out ("999,999,999+"), else undefined. */
export function countLabel(count: number, locale: string): string | undefined {
  return count > MAX_SHOWN_COUNT ? `${formatNumber(MAX_SHOWN_COUNT, locale)}+` : undefined;
}
