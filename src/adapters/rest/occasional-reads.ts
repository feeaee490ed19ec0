import type {CallOptions, LoadRepliesRequest, LocatedComment, LocateRequest, ReplyBatch} from '../../core/adapter.js';
import {isCommentError} from '../../core/errors.js';
import {unreadableError} from '../shared/http.js';
import {asObject} from '../shared/values.js';
import type {RestClient} from './changes.js';
import {mapReplyBatch, MAX_REPLY_BATCH} from './replies.js';
import {pageLimit, segment} from './start.js';

// Reads that only some pages make, a chunk the adapter loads when first asked: the next
// replies of a long conversation, and where the comment a link points to is.

/** `GET …/comments/{comment}/replies`: the next replies of a conversation whose page carried `moreReplies`. */
export async function loadReplies(client: RestClient, request: LoadRepliesRequest, {signal}: CallOptions = {}): Promise<ReplyBatch> {
  const limit = Math.max(1, Math.min(MAX_REPLY_BATCH, Math.floor(request.limit) || 1));
  const url = client.url(`threads/${segment(request.thread)}/comments/${segment(request.commentId)}/replies`, {
    cursor: request.cursor,
    limit: String(limit),
  });
  const {body} = await client.request(url, {}, signal);
  return mapReplyBatch(body);
}

/** `GET …/comments/{comment}/location`, with the server's page maximum; null when there is no such comment. */
export async function locate(client: RestClient, request: LocateRequest, maxPageSize: number, {signal}: CallOptions = {}): Promise<LocatedComment | null> {
  const url = client.url(`threads/${segment(request.thread)}/comments/${segment(request.commentId)}/location`, {
    sort: request.sort,
    limit: pageLimit(request.limit, maxPageSize),
  });
  try {
    const {body} = await client.request(url, {}, signal);
    const located = mapLocation(body);
    if (!located) throw unreadableError(200);
    return located;
  } catch (error) {
    if (isCommentError(error) && error.code === 'not-found') return null;
    throw error;
  }
}

/** A `location` answer, or null when it does not make sense. */
function mapLocation(raw: unknown): LocatedComment | null {
  const body = asObject(raw);
  const cursor = body['cursor'];
  const rootId = body['rootId'];
  if (typeof rootId !== 'string' || rootId === '' || (cursor !== null && (typeof cursor !== 'string' || cursor === ''))) return null;
  return {cursor, rootId};
}

