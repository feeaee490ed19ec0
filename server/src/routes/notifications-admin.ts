import {Hono} from 'hono';
import type {AppEnv} from '../app.js';
import {requireAdmin} from './admin-guard.js';
import {readJsonBody} from '../body.js';
import {adminText, invalid, notFound, ProtocolError} from '../errors.js';
import {iso, safeUrl} from '../render.js';
import {listJobs, retryDeadJob, type JobState} from '../notify/queue.js';
import {announcePost, listSubscribers} from '../notify/subscriptions.js';

const JOB_STATES: readonly JobState[] = ['queued', 'sending', 'sent', 'skipped', 'dead'];
const isJobState = (value: string): value is JobState => (JOB_STATES as readonly string[]).includes(value);

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
    if (kind !== 'posts' && kind !== 'comments') throw invalid(adminText('kind is posts or comments.'));
    const after = Number(c.req.query('after') ?? 0);
    if (!Number.isSafeInteger(after) || after < 0) throw invalid(adminText('after is a subscriber id from an earlier page.'));
    const rows = await listSubscribers(c.var.deps.db, kind, after, 500);
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
    if (!isJobState(state)) throw invalid(adminText(`state is one of ${JOB_STATES.join(', ')}.`));
    const rows = await listJobs(c.var.deps.db, state, 200);
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
    if (!/^\d{1,18}$/.test(id)) throw notFound(adminText('There is no such email.'));
    if (!(await retryDeadJob(c.var.deps.db, id))) throw notFound(adminText('There is no such dead letter.'));
    return c.json({job: {id, state: 'queued'}});
  });

  /**
   * The site calls this when it publishes a post: this server only sees comments, so it
   * cannot know when a post goes out. Announcing the same `id` again sends nothing.
   */
  app.post('/admin/notifications/posts', async (c) => {
    const {config, db} = c.var.deps;
    if (!config.smtpUrl) throw new ProtocolError(409, 'conflict', adminText('This server sends no email: set COLLOQUY_SMTP_URL first.'));
    const body = await readJsonBody(c.req.raw, config.maxBodyBytes);
    const id = typeof body['id'] === 'string' ? body['id'].trim() : '';
    const title = typeof body['title'] === 'string' ? body['title'].trim() : '';
    const url = typeof body['url'] === 'string' && body['url'].length <= 2000 ? safeUrl(body['url']) : undefined;
    const excerpt = typeof body['excerpt'] === 'string' ? body['excerpt'].trim() : '';
    if (!id || id.length > 200) throw invalid(adminText('id (the post\'s own id, 1 to 200 characters) is required.'));
    if (!title || title.length > 300) throw invalid(adminText('title (1 to 300 characters) is required.'));
    if (!url) throw invalid(adminText('url must be the post\'s http(s) address.'));
    if (excerpt.length > 2000) throw invalid(adminText('excerpt can be at most 2000 characters long.'));
    const result = await announcePost(db, {id, title, url, excerpt});
    return c.json({post: {id, title, url}, ...result}, result.announced ? 202 : 200);
  });
  return app;
}
