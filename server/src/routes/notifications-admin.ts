import {Hono} from 'hono';
import type {AppEnv} from '../app.js';
import {requireAdmin} from './admin-guard.js';
import {readJsonBody} from '../body.js';
import {invalid, notFound, ProtocolError} from '../errors.js';
import {iso, safeUrl} from '../render.js';
import {wakeMailer} from '../notify/subscriptions.js';

const JOB_STATES = ['queued', 'sending', 'sent', 'skipped', 'dead'] as const;

/**
 * The site owner's side of notifications, behind `Authorization: Bearer $COLLOQUY_ADMIN_TOKEN`:
 * who asked for what, the outbox and its dead letters, and announcing a new post.
 */
export function notificationAdminRoutes() {
  const app = new Hono<AppEnv>();
  app.use('/admin/notifications/*', requireAdmin);

  // `?kind=posts` (the default) or `comments`; keyset pages of 500 with `?after=<id>`.
  app.get('/admin/notifications/subscribers', async (c) => {
    const kind = c.req.query('kind') ?? 'posts';
    if (kind !== 'posts' && kind !== 'comments') throw invalid('kind is posts or comments.');
    const after = Number(c.req.query('after') ?? 0);
    if (!Number.isSafeInteger(after) || after < 0) throw invalid('after is a subscriber id from an earlier page.');
    const rows = await c.var.deps.db.query<{
      id: string; address: string; thread_id: string | null; confirmed_at: Date | null; created_at: Date;
    }>(
      `SELECT s.id::text AS id, a.address, s.thread_id, a.confirmed_at, s.created_at
       FROM notify_subscriptions s JOIN notify_addresses a ON a.id = s.address_id
       WHERE s.kind = $1 AND s.unsubscribed_at IS NULL AND a.suppressed_at IS NULL AND s.id > $2
       ORDER BY s.id LIMIT 500`,
      [kind, after],
    );
    return c.json({
      subscribers: rows.map((row) => ({
        id: row.id,
        email: row.address,
        ...(row.thread_id !== null ? {thread: row.thread_id} : {}),
        confirmed: row.confirmed_at !== null,
        since: iso(row.created_at),
      })),
      next: rows.length === 500 ? rows.at(-1)!.id : null,
    });
  });

  // The outbox, newest first; `?state=dead` lists the dead letters.
  app.get('/admin/notifications/jobs', async (c) => {
    const state = c.req.query('state') ?? 'dead';
    if (!(JOB_STATES as readonly string[]).includes(state)) throw invalid(`state is one of ${JOB_STATES.join(', ')}.`);
    const rows = await c.var.deps.db.query<{
      id: string; kind: string; address: string; comment_id: string | null; post_id: string | null; attempts: number;
      last_error: string | null; created_at: Date; run_at: Date; finished_at: Date | null;
    }>(
      `SELECT j.id::text AS id, j.kind, a.address, j.comment_id, j.post_id, j.attempts, j.last_error, j.created_at, j.run_at, j.finished_at
       FROM notify_jobs j JOIN notify_addresses a ON a.id = j.address_id WHERE j.state = $1 ORDER BY j.id DESC LIMIT 200`,
      [state],
    );
    return c.json({
      jobs: rows.map((row) => ({
        id: row.id,
        kind: row.kind,
        to: row.address,
        ...(row.comment_id ? {comment: row.comment_id} : {}),
        ...(row.post_id ? {post: row.post_id} : {}),
        attempts: row.attempts,
        lastError: row.last_error,
        createdAt: iso(row.created_at),
        ...(state === 'queued' ? {runAt: iso(row.run_at)} : {}),
        ...(row.finished_at ? {finishedAt: iso(row.finished_at)} : {}),
      })),
    });
  });

  // A dead letter tried again from scratch (after fixing the mail server, say).
  app.post('/admin/notifications/jobs/:job/retry', async (c) => {
    const id = c.req.param('job');
    if (!/^\d{1,18}$/.test(id)) throw notFound('There is no such email.');
    const {db} = c.var.deps;
    const rows = await db.transaction(async (tx) => {
      const updated = await tx.query(
        `UPDATE notify_jobs SET state = 'queued', attempts = 0, run_at = now(), finished_at = NULL WHERE id = $1 AND state = 'dead' RETURNING id`,
        [id],
      );
      if (updated.length) await wakeMailer(tx);
      return updated;
    });
    if (!rows.length) throw notFound('There is no such dead letter.');
    return c.json({job: {id, state: 'queued'}});
  });

  /**
   * The site calls this when it publishes a post: this server only sees comments, so it
   * cannot know when a post goes out. Announcing the same `id` again sends nothing.
   */
  app.post('/admin/notifications/posts', async (c) => {
    const {config, db} = c.var.deps;
    if (!config.smtpUrl) throw new ProtocolError(409, 'conflict', 'This server sends no email: set COLLOQUY_SMTP_URL first.');
    const body = await readJsonBody(c.req.raw, config.maxBodyBytes);
    const id = typeof body['id'] === 'string' ? body['id'].trim() : '';
    const title = typeof body['title'] === 'string' ? body['title'].trim() : '';
    const url = typeof body['url'] === 'string' && body['url'].length <= 2000 ? safeUrl(body['url']) : undefined;
    const excerpt = typeof body['excerpt'] === 'string' ? body['excerpt'].trim() : '';
    if (!id || id.length > 200) throw invalid('id (the post\'s own id, 1 to 200 characters) is required.');
    if (!title || title.length > 300) throw invalid('title (1 to 300 characters) is required.');
    if (!url) throw invalid('url must be the post\'s http(s) address.');
    if (excerpt.length > 2000) throw invalid('excerpt can be at most 2000 characters long.');
    const result = await db.transaction(async (tx) => {
      const inserted = await tx.query(
        `INSERT INTO notify_posts (id, title, url, excerpt) VALUES ($1, $2, $3, $4) ON CONFLICT (id) DO NOTHING RETURNING id`,
        [id, title, url, excerpt],
      );
      if (!inserted.length) return {announced: false, queued: 0};
      const jobs = await tx.query(
        `INSERT INTO notify_jobs (kind, address_id, subscription_id, post_id)
         SELECT 'post', a.id, s.id, $1 FROM notify_subscriptions s JOIN notify_addresses a ON a.id = s.address_id
         WHERE s.kind = 'posts' AND s.unsubscribed_at IS NULL AND a.confirmed_at IS NOT NULL AND a.suppressed_at IS NULL
         ON CONFLICT DO NOTHING RETURNING id`,
        [id],
      );
      if (jobs.length) await wakeMailer(tx);
      return {announced: true, queued: jobs.length};
    });
    return c.json({post: {id, title, url}, ...result}, result.announced ? 202 : 200);
  });
  return app;
}
