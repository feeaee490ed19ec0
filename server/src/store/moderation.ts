import type {ServerConfig} from '../config.js';
import type {Database, Queryable} from '../db/database.js';
import {invalid, notFound, ProtocolError} from '../errors.js';
import {COMMENT_COLUMNS, type CommentRow, type ThreadRow} from '../render.js';
import type {Viewer} from '../viewer.js';
import {publishAll, renderOne} from './single.js';
import {commentBecameVisible} from './visible.js';
import {findThread} from './threads.js';
import {dropEmptyPlaceholders, removeComment} from './writes.js';

const MODERATION_ACTIONS = ['approve', 'spam', 'delete'] as const;
export type ModerationAction = (typeof MODERATION_ACTIONS)[number];

export function readModerationAction(value: unknown): ModerationAction {
  if (typeof value === 'string' && (MODERATION_ACTIONS as readonly string[]).includes(value)) return value as ModerationAction;
  throw invalid('error.moderation-action');
}

/**
 * A moderator's decision on one comment, in one transaction: the widget's moderation route
 * and the admin API both come here. `threadId` (from the widget's URL) must be the comment's
 * thread; the admin API, which addresses comments alone, passes null. `onlyHeld`: refuse a
 * comment that is no longer held (the admin API's "reject").
 * Answers the comment as the moderator now sees it, or null once nobody sees it.
 */
export async function moderate(
  db: Database, commentId: string, threadId: string | null, action: ModerationAction, viewer: Viewer, config: ServerConfig,
  {onlyHeld = false} = {},
) {
  if (!viewer.isModerator) throw new ProtocolError(403, 'forbidden', 'error.moderators-only');
  return db.transaction(async (tx) => {
    const row = await lockComment(tx, commentId, threadId);
    if (onlyHeld && row.status !== 'pending') throw new ProtocolError(409, 'conflict', 'error.reject-held-only');
    const thread = (await findThread(tx, row.thread_id))!;
    if (action === 'approve') return approveComment(tx, row, thread, viewer, config);
    if (action === 'spam') return markSpam(tx, row, thread);
    return removeComment(tx, row, thread, viewer, config);
  });
}

/** The newest comments with `status`, with the author details only moderators see (the admin API). */
export async function commentsWithStatus(db: Queryable, status: 'pending' | 'approved' | 'spam', limit: number) {
  return db.query<CommentRow & {author_email: string | null; author_ip: string | null}>(
    `SELECT ${COMMENT_COLUMNS}, c.author_email, c.author_ip FROM comments c WHERE c.status = $1 ORDER BY c.seq DESC LIMIT $2`,
    [status, limit],
  );
}

async function lockComment(tx: Queryable, id: string, threadId: string | null): Promise<CommentRow> {
  const [row] = await tx.query<CommentRow>(
    `SELECT ${COMMENT_COLUMNS} FROM comments c WHERE c.id = $1 AND ($2::text IS NULL OR c.thread_id = $2) FOR UPDATE`,
    [id, threadId],
  );
  if (!row) throw notFound('error.no-such-comment');
  return row;
}

/**
 * The one place where a held comment becomes visible to everyone: it is stored as approved
 * and announced on the live stream as new (to every reader but its author and moderators it is).
 * Approving an approved comment answers it as it is, so a retried approval is harmless.
 */
async function approveComment(tx: Queryable, row: CommentRow, thread: ThreadRow, viewer: Viewer, config: ServerConfig) {
  if (row.status === 'approved') return renderOne(tx, row, thread, viewer, config);
  if (row.status === 'spam') throw new ProtocolError(409, 'conflict', 'error.spam');
  if (row.status === 'deleted') throw new ProtocolError(409, 'conflict', 'error.deleted');
  const [approved] = await tx.query<CommentRow>(
    `UPDATE comments AS c SET status = 'approved' WHERE c.id = $1 RETURNING ${COMMENT_COLUMNS}`,
    [row.id],
  );
  return commentBecameVisible(tx, approved!, thread, viewer, config);
}

/**
 * Marks a comment as spam, and every reply under it (a conversation under spam is not
 * listed without it): kept in the database, with the author's details a block may need,
 * listed to nobody. Gone from every open page at once. Spam marked again answers null.
 */
async function markSpam(tx: Queryable, row: CommentRow, thread: ThreadRow): Promise<null> {
  if (row.status === 'spam') return null;
  if (row.status === 'deleted') throw new ProtocolError(409, 'conflict', 'error.deleted');
  const marked = await tx.query<{id: string; was: CommentRow['status']}>(
    `WITH RECURSIVE below AS (
       SELECT id, status FROM comments WHERE id = $1
       UNION ALL SELECT c.id, c.status FROM comments c JOIN below ON c.parent_id = below.id WHERE c.status <> 'spam'
     )
     UPDATE comments AS c SET status = 'spam' FROM below WHERE c.id = below.id RETURNING c.id, below.status AS was`,
    [row.id],
  );
  const removed = marked.filter(({was}) => was !== 'spam');
  await publishAll(tx, thread.id, 'comment-removed', removed.map(({id, was}) => ({data: {commentId: id}, moderatorsOnly: was === 'pending'})));
  await dropEmptyPlaceholders(tx, thread, row.parent_id);
  return null;
}
