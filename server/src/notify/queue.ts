import {randomBytes} from 'node:crypto';
import type {ServerConfig} from '../config.js';
import type {Database, Queryable} from '../db/database.js';
import {wakeMailer} from './subscriptions.js';

/** A job as claimed: `claim` proves this process holds its lease. */
export interface ClaimedJob {
  id: string;
  kind: 'confirm' | 'comment' | 'post';
  address_id: string;
  subscription_id: string | null;
  comment_id: string | null;
  post_id: string | null;
  secret: string | null;
  attempts: number;
  claim: string;
}

/**
 * Takes the next due job, or undefined. `FOR UPDATE SKIP LOCKED`: processes claiming at
 * the same moment take different jobs and never wait on each other. The claim commits
 * before anything is sent, so the lease holds however the send ends; a job whose lease ran
 * out (its process died mid-send) is due again.
 */
export async function claimJob(db: Queryable, config: ServerConfig): Promise<ClaimedJob | undefined> {
  const [job] = await db.query<ClaimedJob>(
    `UPDATE notify_jobs AS j SET state = 'sending', attempts = j.attempts + 1, claim = $2,
       lease_until = now() + make_interval(secs => $1)
     WHERE j.id = (
       SELECT id FROM notify_jobs
       WHERE (state = 'queued' AND run_at <= now()) OR (state = 'sending' AND lease_until < now())
       ORDER BY run_at, id LIMIT 1 FOR UPDATE SKIP LOCKED)
     RETURNING j.id::text AS id, j.kind, j.address_id::text AS address_id, j.subscription_id::text AS subscription_id,
       j.comment_id, j.post_id, j.secret, j.attempts, j.claim`,
    [config.mailLeaseSeconds, randomBytes(12).toString('base64url')],
  );
  return job;
}

/**
 * Ends a job this process still holds. Returns false when its lease was lost (it ran out
 * and another process took the job); the job is then that process's to finish.
 */
export async function finishJob(db: Queryable, job: ClaimedJob, state: 'sent' | 'skipped' | 'dead', error?: string): Promise<boolean> {
  const rows = await db.query(
    // A dead confirmation keeps its secret, so the site owner's retry can still send it.
    `UPDATE notify_jobs SET state = $3, finished_at = now(), lease_until = NULL, last_error = coalesce($4, last_error),
       secret = CASE WHEN $3 = 'dead' THEN secret END
     WHERE id = $1 AND claim = $2 AND state = 'sending' RETURNING id`,
    [job.id, job.claim, state, error ?? null],
  );
  return rows.length > 0;
}

/** Puts a failed job back with an exponential delay: base, 2×base, 4×base… at most an hour. */
export async function retryLater(db: Queryable, job: ClaimedJob, error: string, config: ServerConfig): Promise<void> {
  const delay = Math.min(3600, config.mailRetrySeconds * 2 ** Math.min(job.attempts - 1, 20));
  await db.query(
    `UPDATE notify_jobs SET state = 'queued', run_at = now() + make_interval(secs => $3), lease_until = NULL, last_error = $4
     WHERE id = $1 AND claim = $2 AND state = 'sending'`,
    [job.id, job.claim, delay, error],
  );
}

/**
 * Forgets what is no longer needed: finished jobs after 30 days, dead letters after 90,
 * addresses that never confirmed (with what they asked for) after 30, and the per-client
 * counts of confirmation emails once their window is over. Suppressed addresses
 * stay: they are the list of people who asked never to be mailed.
 */
export async function sweepNotifications(db: Queryable, config: ServerConfig): Promise<void> {
  await db.query(`DELETE FROM rate_limits WHERE bucket LIKE 'confirm-ip:%' AND window_start < now() - make_interval(secs => $1)`, [
    config.confirmWindowSeconds * 2,
  ]);
  await db.query(`DELETE FROM notify_jobs WHERE state IN ('sent', 'skipped') AND finished_at < now() - interval '30 days'`);
  await db.query(`DELETE FROM notify_jobs WHERE state = 'dead' AND finished_at < now() - interval '90 days'`);
  await db.query(
    `DELETE FROM notify_addresses WHERE confirmed_at IS NULL AND suppressed_at IS NULL
     AND created_at < now() - interval '30 days' AND (confirm_sent_at IS NULL OR confirm_sent_at < now() - interval '30 days')`,
  );
}

export type JobState = 'queued' | 'sending' | 'sent' | 'skipped' | 'dead';

/** The outbox in `state`, newest first (the admin API). */
export async function listJobs(db: Queryable, state: JobState, limit: number) {
  return db.query<{
    id: string; kind: string; address: string; comment_id: string | null; post_id: string | null; attempts: number;
    last_error: string | null; created_at: Date; run_at: Date; finished_at: Date | null;
  }>(
    `SELECT j.id::text AS id, j.kind, a.address, j.comment_id, j.post_id, j.attempts, j.last_error, j.created_at, j.run_at, j.finished_at
     FROM notify_jobs j JOIN notify_addresses a ON a.id = j.address_id WHERE j.state = $1 ORDER BY j.id DESC LIMIT $2`,
    [state, limit],
  );
}

/** Queues a dead letter again from scratch; false when `id` is not a dead letter. */
export async function retryDeadJob(db: Database, id: string): Promise<boolean> {
  return db.transaction(async (tx) => {
    const updated = await tx.query(
      `UPDATE notify_jobs SET state = 'queued', attempts = 0, run_at = now(), finished_at = NULL WHERE id = $1 AND state = 'dead' RETURNING id`,
      [id],
    );
    if (updated.length) await wakeMailer(tx);
    return updated.length > 0;
  });
}
