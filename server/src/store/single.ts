import type {ServerConfig} from '../config.js';
import type {Queryable} from '../db/database.js';
import {notFound} from '../errors.js';
import {ANONYMOUS, COMMENT_COLUMNS, renderComment, type CommentRow, type ThreadRow} from '../render.js';
import type {Viewer} from '../viewer.js';
import {likedBy} from './pages.js';

/** A comment of `thread` that the viewer may see, locked for update when `forUpdate`. */
export async function findComment(db: Queryable, threadId: string, id: string, viewer: Viewer, forUpdate = false): Promise<CommentRow> {
  const [row] = await db.query<CommentRow>(
    `SELECT ${COMMENT_COLUMNS} FROM comments c WHERE c.id = $1 AND c.thread_id = $2 ${forUpdate ? 'FOR UPDATE' : ''}`,
    [id, threadId],
  );
  if (!row || (row.status === 'pending' && !viewer.isModerator && row.author_key !== viewer.key)) throw notFound('There is no such comment.');
  return row;
}

/** One comment rendered for a viewer, with its reply count and the viewer's reaction. */
export async function renderOne(db: Queryable, row: CommentRow, thread: ThreadRow, viewer: Viewer, config: ServerConfig) {
  const [[{count}], liked] = await Promise.all([
    db.query<{count: number}>(
      `SELECT count(*)::int AS count FROM comments c WHERE c.parent_id = $1 AND (c.status = 'approved' OR c.author_key = $2 OR $3)`,
      [row.id, viewer.key ?? '', viewer.isModerator],
    ),
    likedBy(db, viewer, [row.id]),
  ]);
  return renderComment(row, {viewer, config, thread, now: Date.now(), replyCounts: new Map([[row.id, count]]), liked});
}

export const LIVE_CHANNEL = 'colloquy_events';

/**
 * Records a live event and wakes every server process (NOTIFY is delivered at commit, so
 * a rolled-back write announces nothing). Events carry comments as an anonymous reader sees them.
 */
export async function publish(tx: Queryable, threadId: string, type: 'comment-added' | 'comment-updated' | 'comment-removed', data: unknown) {
  const [event] = await tx.query<{id: string}>(
    'INSERT INTO events (thread_id, type, data) VALUES ($1, $2, $3) RETURNING id::text AS id',
    [threadId, type, JSON.stringify(data)],
  );
  await tx.query('SELECT pg_notify($1, $2)', [LIVE_CHANNEL, event!.id]);
}

export async function publishComment(tx: Queryable, type: 'comment-added' | 'comment-updated', row: CommentRow, thread: ThreadRow, config: ServerConfig) {
  if (row.status === 'pending') return;
  await publish(tx, thread.id, type, {comment: await renderOne(tx, row, thread, ANONYMOUS, config)});
}
