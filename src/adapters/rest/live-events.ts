import type {ThreadEvent} from '../../core/adapter.js';
import {asId, asObject, type JsonObject} from '../shared/values.js';
import {mapComment} from './mapping.js';

// The live stream (RestAdapter.subscribe): its parser and the events it carries, a chunk
// loaded beside the first comments, never before them.

export {followEventStream} from './event-stream.js';

/** A live event (`comment-added`, `comment-updated`, `comment-removed`), or null to skip it. */
export function mapThreadEvent(type: string, data: string, thread: string): ThreadEvent | null {
  let payload: JsonObject;
  try {
    payload = asObject(JSON.parse(data));
  } catch {
    return null;
  }
  if (type === 'comment-removed') {
    const commentId = asId(payload['commentId']);
    return commentId === undefined ? null : {type, thread, commentId};
  }
  if (type === 'comment-added' || type === 'comment-updated') {
    const comment = mapComment(payload['comment']);
    return comment ? {type, thread, comment} : null;
  }
  return null;
}
