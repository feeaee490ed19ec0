import type {Queryable} from '../db/database.js';
import {ProtocolError} from '../errors.js';

/**
 * Counts one hit on each bucket in the current fixed window, atomically in the database
 * so every server process shares the count; throws `rate-limited` with the seconds left in
 * the window when a bucket is over its limit.
 */
export async function hitRateLimits(db: Queryable, buckets: {bucket: string; limit: number}[], windowSeconds: number, now = Date.now()) {
  const windowMs = windowSeconds * 1000;
  const windowStart = new Date(Math.floor(now / windowMs) * windowMs);
  // Every bucket in one statement (one round trip), each counted atomically.
  const rows = await db.query<{bucket: string; hits: number}>(
    `INSERT INTO rate_limits (bucket, window_start, hits) SELECT unnest($1::text[]), $2, 1
     ON CONFLICT (bucket, window_start) DO UPDATE SET hits = rate_limits.hits + 1 RETURNING bucket, hits`,
    [buckets.map((b) => b.bucket), windowStart],
  );
  for (const {bucket, limit} of buckets) {
    const hits = rows.find((row) => row.bucket === bucket)?.hits ?? 0;
    if (hits > limit) {
      const retryAfter = Math.max(1, Math.ceil((windowStart.getTime() + windowMs - now) / 1000));
      throw new ProtocolError(429, 'rate-limited', 'error.too-fast', {retryAfter});
    }
  }
}

/** Forgets what no longer matters: old windows, expired idempotency keys, old live events. */
export async function sweep(db: Queryable, windowSeconds: number) {
  // Confirmation emails are counted over a day-long window; the mail worker sweeps those.
  await db.query(`DELETE FROM rate_limits WHERE window_start < now() - make_interval(secs => $1) AND bucket NOT LIKE 'confirm-ip:%'`, [
    windowSeconds * 2,
  ]);
  await db.query(`DELETE FROM idempotency_keys WHERE created_at < now() - interval '24 hours'`);
  await db.query(`DELETE FROM events WHERE created_at < now() - interval '24 hours'`);
}
