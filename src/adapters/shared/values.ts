// Defensive readers for JSON from a backend: every value is untrusted and may be of any
// type, so mapping functions read fields through these instead of trusting a cast.

export type JsonObject = Record<string, unknown>;

/** The longest comment text and author name a mapper keeps; longer ones are cut. */
export const MAX_TEXT = 100_000;
export const MAX_NAME = 200;

export function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function asObject(value: unknown): JsonObject {
  return isObject(value) ? value : {};
}

export function asString(value: unknown, fallback = ''): string {
  return typeof value === 'string' ? value : fallback;
}

/** A string id from a string or a finite number; undefined for anything else or empty. */
export function asId(value: unknown): string | undefined {
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  if (typeof value === 'string' && value !== '' && value.length <= 200) return value;
  return undefined;
}

export function asCount(value: unknown): number {
  return typeof value === 'number' && Number.isFinite(value) && value >= 0 ? Math.floor(value) : 0;
}

/** The URL if it is absolute http(s), resolved and normalized; otherwise undefined. */
export function httpUrl(value: unknown): string | undefined {
  if (typeof value !== 'string' || value === '') return undefined;
  try {
    const url = new URL(value);
    return url.protocol === 'https:' || url.protocol === 'http:' ? url.href : undefined;
  } catch {
    return undefined;
  }
}

/** An ISO 8601 time in UTC, or undefined when `value` is not a readable date. */
export function isoTime(value: unknown): string | undefined {
  if (typeof value !== 'string' || value === '') return undefined;
  const time = Date.parse(value);
  return Number.isNaN(time) ? undefined : new Date(time).toISOString();
}
