import type {ServerConfig} from '../config.js';
import type {Queryable} from '../db/database.js';
import {invalid} from '../errors.js';
import {COMMENT_COLUMNS, renderComment, renderThread, type CommentRow, type RenderContext, type ThreadRow} from '../render.js';
import type {Viewer} from '../viewer.js';
import {loadReplyBatches, type MoreReplies} from './replies.js';

export type Sort = 'oldest' | 'newest' | 'top';

interface Cursor {
  sort: Sort;
  /** oldest/newest: the last top-level comment's seq (keyset); top: an offset. */
  after: number;
}

export function encodeCursor(cursor: Cursor): string {
  return Buffer.from(JSON.stringify({s: cursor.sort, a: cursor.after})).toString('base64url');
}

export function decodeCursor(raw: string, sort: Sort): Cursor {
  try {
    if (raw.length > 200) throw new Error();
    const value = JSON.parse(Buffer.from(raw, 'base64url').toString('utf8')) as {s?: unknown; a?: unknown};
    if (value.s !== sort || typeof value.a !== 'number' || !Number.isSafeInteger(value.a) || value.a < 0) throw new Error();
    return {sort, after: value.a};
  } catch {
    throw invalid('error.page-cursor');
  }
}

/** Whether a row is visible to the viewer, as SQL over `c` with the viewer's key as `$key`. */
const visible = (key: string, moderator: string) =>
  `(c.status IN ('approved', 'deleted') OR (c.status = 'pending' AND (c.author_key = ${key} OR ${moderator})))`;

/**
 * One page: up to `limit` top-level comments, each followed by all its replies depth
 * first, oldest first; deleted comments only while a visible reply hangs under them.
 * With `replies`, each conversation brings its first `replies` replies only, and its
 * top-level comment says how many more there are and where they continue (`moreReplies`).
 */
export async function loadPage(
  db: Queryable,
  request: {thread: ThreadRow; sort: Sort; limit: number; cursor?: Cursor; replies?: number; viewer: Viewer; config: ServerConfig; now: number},
) {
  const {thread, sort, limit, cursor, viewer, config} = request;
  const key = viewer.key ?? '';
  const isVisible = visible('$2', '$3');
  const params: unknown[] = [thread.id, key, viewer.isModerator, limit + 1];
  let rootFilter = '';
  let rootOrder = 'c.seq ASC';
  if (sort === 'top') {
    params.push(cursor?.after ?? 0);
    rootOrder = 'c.like_count DESC, c.seq ASC';
  } else {
    if (sort === 'newest') rootOrder = 'c.seq DESC';
    if (cursor) {
      params.push(cursor.after);
      rootFilter = `AND c.seq ${sort === 'newest' ? '<' : '>'} $5`;
    }
  }
  // One round trip: the page's top-level comments with all their visible replies (with
  // `replies`: the top-level comments only, their first replies come from the reading-order index).
  const rows = await db.query<CommentRow & {is_root: boolean; liked: boolean}>(
    `WITH roots AS (
       SELECT c.id FROM comments c WHERE c.thread_id = $1 AND c.parent_id IS NULL AND ${isVisible} ${rootFilter}
       ORDER BY ${rootOrder} ${sort === 'top' ? 'OFFSET $5' : ''} LIMIT $4
     )
     SELECT ${COMMENT_COLUMNS}, c.parent_id IS NULL AS is_root,
       EXISTS (SELECT 1 FROM reactions r WHERE r.comment_id = c.id AND r.reaction = 'like' AND r.viewer_key = $2) AS liked
     FROM comments c WHERE ${request.replies === undefined ? 'c.root_id' : 'c.id'} IN (SELECT id FROM roots) AND ${isVisible}
     ORDER BY c.seq`,
    params,
  );
  const byOrder = (a: CommentRow, b: CommentRow) =>
    sort === 'top' ? b.like_count - a.like_count || Number(a.seq) - Number(b.seq) : (Number(a.seq) - Number(b.seq)) * (sort === 'newest' ? -1 : 1);
  let roots = rows.filter((row) => row.is_root).sort(byOrder);
  const more = roots.length > limit;
  roots = roots.slice(0, limit);
  let ordered: CommentRow[];
  const moreReplies = new Map<string, MoreReplies>();
  const liked = new Set(rows.filter((row) => row.liked).map((row) => row.id));
  const replyCounts = new Map<string, number>();
  if (request.replies === undefined) {
    ordered = threadOrder(roots, rows.filter((row) => !row.is_root));
    // Every reply of the page's conversations is listed: counting them is counting what was sent.
    for (const row of ordered) if (row.parent_id) replyCounts.set(row.parent_id, (replyCounts.get(row.parent_id) ?? 0) + 1);
  } else {
    const batches = await loadReplyBatches(db, {roots: roots.map((row) => row.id), after: null, limit: request.replies, viewer});
    ordered = [];
    for (const root of roots) {
      const batch = batches.get(root.id)!;
      // A deleted first comment stays only while a reply is shown under it (the batch's rows all lead to one).
      if (root.status === 'deleted' && batch.rows.length === 0) continue;
      ordered.push(root, ...batch.rows);
      if (batch.more) moreReplies.set(root.id, batch.more);
      for (const [id, count] of batch.replyCounts) replyCounts.set(id, count);
    }
    for (const id of await likedBy(db, viewer, ordered.filter((row) => row.parent_id !== null).map((row) => row.id))) liked.add(id);
  }
  const count = (thread.approved_count ?? 0) + (await pendingVisible(db, thread.id, viewer));
  const context: RenderContext = {viewer, config, thread, now: request.now, replyCounts, liked};
  const last = roots.at(-1);
  const next: Cursor | null = !more || !last ? null : sort === 'top' ? {sort, after: (cursor?.after ?? 0) + limit} : {sort, after: Number(last.seq)};
  return {
    thread: renderThread(thread, count, config, viewer),
    comments: ordered.map((row) => {
      const more = moreReplies.get(row.id);
      return more ? {...renderComment(row, context), moreReplies: more} : renderComment(row, context);
    }),
    nextCursor: next ? encodeCursor(next) : null,
  };
}

/**
 * Roots in the page's order, each followed by its replies depth first, oldest first.
 * Replies whose parent is not visible are left out (their conversation is not the viewer's
 * to see), and so are deleted placeholders with nothing visible under them.
 */
function threadOrder(roots: CommentRow[], replies: CommentRow[]): CommentRow[] {
  const children = new Map<string, CommentRow[]>();
  for (const reply of replies) {
    const list = children.get(reply.parent_id!) ?? [];
    list.push(reply);
    children.set(reply.parent_id!, list);
  }
  const out: CommentRow[] = [];
  // Iterative, so a very deep conversation cannot overflow the stack.
  const walk = (root: CommentRow) => {
    const subtree: CommentRow[] = [];
    const stack: CommentRow[] = [root];
    while (stack.length) {
      const row = stack.pop()!;
      subtree.push(row);
      const kids = children.get(row.id) ?? [];
      for (let i = kids.length - 1; i >= 0; i--) stack.push(kids[i]!);
    }
    return subtree;
  };
  for (const root of roots) {
    const subtree = walk(root);
    const keep = new Set<string>();
    // Keep a deleted comment only when something not deleted follows under it.
    for (let i = subtree.length - 1; i >= 0; i--) {
      const row = subtree[i]!;
      const hasKeptChild = (children.get(row.id) ?? []).some((kid) => keep.has(kid.id));
      if (row.status !== 'deleted' || hasKeptChild) keep.add(row.id);
    }
    out.push(...subtree.filter((row) => keep.has(row.id)));
  }
  return out;
}

/** Held comments the viewer may see (their own; all for moderators): none for a reader without a key. */
async function pendingVisible(db: Queryable, threadId: string, viewer: Viewer): Promise<number> {
  if (!viewer.key && !viewer.isModerator) return 0;
  const [row] = await db.query<{count: number}>(
    `SELECT count(*)::int AS count FROM comments c WHERE c.thread_id = $1 AND c.status = 'pending' AND (c.author_key = $2 OR $3)`,
    [threadId, viewer.key ?? '', viewer.isModerator],
  );
  return row!.count;
}

export async function likedBy(db: Queryable, viewer: Viewer, ids: string[]): Promise<Set<string>> {
  if (!viewer.key || ids.length === 0) return new Set();
  const rows = await db.query<{comment_id: string}>(
    `SELECT comment_id FROM reactions WHERE viewer_key = $1 AND reaction = 'like' AND comment_id = ANY($2::text[])`,
    [viewer.key, ids],
  );
  return new Set(rows.map((row) => row.comment_id));
}
