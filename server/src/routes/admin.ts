import {Hono, type Context} from 'hono';
import type {AppEnv} from '../app.js';
import {requireAdmin} from './admin-guard.js';
import {readJsonBody} from '../body.js';
import type {Queryable} from '../db/database.js';
import {notFound, ProtocolError} from '../errors.js';
import {COMMENT_COLUMNS, iso, safeUrl, type CommentRow} from '../render.js';
import {renderOne} from '../store/single.js';
import {checkId, findThread} from '../store/threads.js';
import {commentBecameVisible} from '../store/visible.js';
import {removeComment} from '../store/writes.js';

/**
 * The moderators' API, behind `Authorization: Bearer $COLLOQUY_ADMIN_TOKEN`: held comments,
 * approving and rejecting them, deleting any comment, and creating or closing threads.
 */
export function adminRoutes() {
  const app = new Hono<AppEnv>();
  app.use('/admin/*', requireAdmin);

  app.get('/admin/comments', async (c) => {
    const {db} = c.var.deps;
    const status = c.req.query('status') ?? 'pending';
    if (!['pending', 'approved'].includes(status)) throw new ProtocolError(400, 'invalid', 'status is pending or approved.');
    const rows = await db.query<CommentRow & {author_email: string | null; author_ip: string | null}>(
      `SELECT ${COMMENT_COLUMNS}, c.author_email, c.author_ip FROM comments c WHERE c.status = $1 ORDER BY c.seq DESC LIMIT 200`,
      [status],
    );
    return c.json({
      comments: rows.map((row) => ({
        id: row.id,
        thread: row.thread_id,
        parentId: row.parent_id,
        status: row.status,
        createdAt: iso(row.created_at),
        author: {name: row.author_name, email: row.author_email, website: row.author_website, ip: row.author_ip},
        text: row.text,
      })),
    });
  });

  app.post('/admin/comments/:comment/approve', async (c) => {
    const {config, db} = c.var.deps;
    const comment = await db.transaction(async (tx) => {
      const row = await lockComment(tx, checkId(c.req.param('comment')));
      if (row.status !== 'pending') return renderOne(tx, row, (await findThread(tx, row.thread_id))!, c.var.viewer, config);
      const [approved] = await tx.query<CommentRow>(
        `UPDATE comments AS c SET status = 'approved' WHERE c.id = $1 RETURNING ${COMMENT_COLUMNS}`,
        [row.id],
      );
      const thread = (await findThread(tx, row.thread_id))!;
      await commentBecameVisible(tx, approved!, thread, config);
      return renderOne(tx, approved!, thread, c.var.viewer, config);
    });
    return c.json({comment});
  });

  const remove = (onlyPending: boolean) => async (c: Context<AppEnv>) => {
    const {config, db} = c.var.deps;
    const comment = await db.transaction(async (tx) => {
      const row = await lockComment(tx, checkId(c.req.param('comment') ?? ''));
      if (onlyPending && row.status !== 'pending') throw new ProtocolError(409, 'conflict', 'Only a held comment can be rejected; delete it instead.');
      return removeComment(tx, row, (await findThread(tx, row.thread_id))!, c.var.viewer, config);
    });
    return c.json({comment});
  };
  app.post('/admin/comments/:comment/reject', remove(true));
  app.delete('/admin/comments/:comment', remove(false));

  app.put('/admin/threads/:thread', async (c) => {
    const {config, db} = c.var.deps;
    const id = checkId(c.req.param('thread'));
    const body = await readJsonBody(c.req.raw, config.maxBodyBytes);
    const title = typeof body['title'] === 'string' ? body['title'].slice(0, 300) : '';
    const url = typeof body['url'] === 'string' ? (safeUrl(body['url']) ?? null) : null;
    const closed = body['closed'] === true;
    await db.query(
      `INSERT INTO threads (id, title, url, closed) VALUES ($1, $2, $3, $4)
       ON CONFLICT (id) DO UPDATE SET title = EXCLUDED.title, url = EXCLUDED.url, closed = EXCLUDED.closed`,
      [id, title, url, closed],
    );
    return c.json({thread: {id, title, url, closed}});
  });
  return app;
}

async function lockComment(tx: Queryable, id: string): Promise<CommentRow> {
  const [row] = await tx.query<CommentRow>(`SELECT ${COMMENT_COLUMNS} FROM comments c WHERE c.id = $1 FOR UPDATE`, [id]);
  if (!row) throw notFound('There is no such comment.');
  return row;
}
