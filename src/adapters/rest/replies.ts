import type {ReplyBatch} from '../../core/adapter.js';
import type {Comment} from '../../core/types.js';
import {unreadableError} from '../shared/http.js';
import {isObject} from '../shared/values.js';
import {mapComment, mapMoreReplies} from './mapping.js';

// Long conversations (docs/rest-protocol.md, "Long conversations"): pages ask for each
// conversation's first replies only, and `GET …/comments/{comment}/replies` brings the rest.

export {FIRST_REPLIES} from './start.js';
/** The protocol's largest batch of replies (`limit` of `…/replies`). */
export const MAX_REPLY_BATCH = 500;

/**
 * A batch of replies as the contract promises it: replies only (a top-level comment here
 * would be another conversation's), each listed once, in the order sent.
 */
export function mapReplyBatch(raw: unknown): ReplyBatch {
  if (!isObject(raw) || !Array.isArray(raw['comments'])) throw unreadableError();
  const seen = new Set<string>();
  const comments = raw['comments']
    .map(mapComment)
    .filter((comment): comment is Comment => comment !== null && comment.parentId !== null && !seen.has(comment.id) && Boolean(seen.add(comment.id)));
  return {comments, moreReplies: mapMoreReplies(raw['moreReplies']) ?? null};
}
