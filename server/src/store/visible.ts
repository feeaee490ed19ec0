import type {ServerConfig} from '../config.js';
import type {Queryable} from '../db/database.js';
import {queueCommentNotifications} from '../notify/subscriptions.js';
import type {CommentRow, ThreadRow} from '../render.js';
import type {Viewer} from '../viewer.js';
import {publishAndRender} from './single.js';

/**
 * The one place a comment is announced: posted, or approved by a moderator (admin API, the
 * widget's moderation route). Call it in the transaction that made it so: live readers get
 * `comment-added` (moderators only while it is held), and once it is approved the thread's
 * confirmed subscribers get an email queued, both only if that transaction commits.
 * `fresh`: the comment was stored in this transaction (no replies or reactions to count).
 * Answers the comment as `viewer` sees it.
 */
export async function commentBecameVisible(
  tx: Queryable, row: CommentRow, thread: ThreadRow, viewer: Viewer, config: ServerConfig, fresh = false,
) {
  const comment = await publishAndRender(tx, 'comment-added', row, thread, viewer, config, {fresh});
  if (row.status === 'approved') await queueCommentNotifications(tx, row);
  return comment;
}
