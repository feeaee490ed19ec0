import type {ServerConfig} from '../config.js';
import type {Queryable} from '../db/database.js';
import {queueCommentNotifications} from '../notify/subscriptions.js';
import type {CommentRow, ThreadRow} from '../render.js';
import {publishComment} from './single.js';

/**
 * The one place a comment becomes visible to everyone: posted approved, or approved by a
 * moderator (admin API, the widget's moderation route). Call it in the transaction that
 * made it so: live readers get `comment-added`, and the thread's confirmed subscribers
 * get an email queued, both only if that transaction commits. A held comment does nothing.
 * `fresh`: the comment was stored in this transaction (no replies or reactions to count).
 */
export async function commentBecameVisible(tx: Queryable, row: CommentRow, thread: ThreadRow, config: ServerConfig, fresh = false) {
  if (row.status !== 'approved') return;
  await publishComment(tx, 'comment-added', row, thread, config, fresh);
  await queueCommentNotifications(tx, row);
}
