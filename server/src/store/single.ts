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
  const visible = row && (row.status === 'approved' || row.status === 'deleted' || (row.status === 'pending' && (viewer.isModerator || row.author_key === viewer.key)));
  if (!visible) throw notFound('error.no-such-comment');
  return row;
}

/** One comment rendered for a viewer, with its reply count and the viewer's reaction. */
export async function renderOne(db: Queryable, row: CommentRow, thread: ThreadRow, viewer: Viewer, config: ServerConfig) {
  const [[count], liked] = await Promise.all([countReplies(db, row.id, [viewer]), likedBy(db, viewer, [row.id])]);
  return renderWith(row, thread, viewer, config, count!, liked);
}

/** `id`'s direct replies each of `viewers` may see, counted in one query. */
async function countReplies(db: Queryable, id: string, viewers: Viewer[]): Promise<number[]> {
  const params: unknown[] = [id];
  const columns = viewers.map((viewer, i) => {
    params.push(viewer.key ?? '', viewer.isModerator);
    return `(count(*) FILTER (WHERE c.status = 'approved' OR c.author_key = $${params.length - 1} OR $${params.length}))::int AS n${i}`;
  });
  const [row] = await db.query<Record<string, number>>(
    `SELECT ${columns.join(', ')} FROM comments c WHERE c.parent_id = $1 AND c.status <> 'spam'`,
    params,
  );
  return viewers.map((_, i) => row![`n${i}`]!);
}

function renderWith(row: CommentRow, thread: ThreadRow, viewer: Viewer, config: ServerConfig, replyCount: number, liked: Set<string>) {
  return renderComment(row, {viewer, config, thread, now: Date.now(), replyCounts: new Map([[row.id, replyCount]]), liked});
}

export const LIVE_CHANNEL = 'colloquy_events';

/** How live events show comments to moderators: every one offers them its moderation. */
const ANY_MODERATOR: Viewer = {key: null, isModerator: true};

export type LiveEventType = 'comment-added' | 'comment-updated' | 'comment-removed';

/**
 * Records a live event and wakes every server process (NOTIFY is delivered at commit, so
 * a rolled-back write announces nothing). Events carry comments as an anonymous reader sees
 * them; `moderatorsOnly` events (held comments coming and going) reach moderators' streams only.
 */
export async function publish(tx: Queryable, threadId: string, type: LiveEventType, data: unknown, moderatorsOnly = false) {
  await publishAll(tx, threadId, type, [{data, moderatorsOnly}]);
}

/**
 * `publish` for many events of one thread and type, in this order, in one statement. The
 * notification names the event and its thread (`<id>:<thread>`), so a process reads only
 * the events of threads someone there follows (live/hub.ts).
 */
export async function publishAll(tx: Queryable, threadId: string, type: LiveEventType, events: {data: unknown; moderatorsOnly: boolean}[]) {
  if (events.length === 0) return;
  await tx.query(
    `WITH event AS (
       INSERT INTO events (thread_id, type, data, moderators_only)
       SELECT $1, $2, e.data, e.moderators_only FROM unnest($3::text[], $4::boolean[]) WITH ORDINALITY AS e(data, moderators_only, n) ORDER BY e.n
       RETURNING id)
     SELECT pg_notify($5, event.id::text || ':' || $1) FROM event ORDER BY event.id`,
    [threadId, type, events.map((event) => JSON.stringify(event.data)), events.map((event) => event.moderatorsOnly), LIVE_CHANNEL],
  );
}

/** The event id and thread a live notification names (see `publishAll`); undefined for anything else. */
export function readLiveNotification(payload: string): {id: string; thread: string} | undefined {
  const match = /^(\d{1,19}):([^]+)$/.exec(payload);
  return match ? {id: match[1]!, thread: match[2]!} : undefined;
}

/**
 * A comment's arrival or change, announced on the live stream (to everyone when it is
 * public, to moderators only while it is held; spam never) and answered as `viewer` sees it.
 * Its replies are counted once for both. `fresh`: a comment just stored, with no replies or
 * reactions yet, so nothing to count. `announce: false`: only the answer (nothing changed).
 */
export async function publishAndRender(
  tx: Queryable, type: 'comment-added' | 'comment-updated', row: CommentRow, thread: ThreadRow, viewer: Viewer, config: ServerConfig,
  {fresh = false, announce = true} = {},
) {
  const held = row.status === 'pending';
  const streamViewer = held ? ANY_MODERATOR : ANONYMOUS;
  const [[viewerCount, streamCount], liked] = fresh
    ? [[0, 0], new Set<string>()]
    : await Promise.all([countReplies(tx, row.id, [viewer, streamViewer]), likedBy(tx, viewer, [row.id])]);
  if (announce && row.status !== 'spam') {
    const comment = renderWith(row, thread, streamViewer, config, streamCount!, new Set());
    await publish(tx, thread.id, type, {comment}, held);
  }
  return renderWith(row, thread, viewer, config, viewerCount!, liked);
}
