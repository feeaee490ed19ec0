import type {ServerConfig} from '../config.js';
import type {Queryable} from '../db/database.js';
import {invalid} from '../errors.js';
import {COMMENT_COLUMNS, renderComment, renderThread, type CommentRow, type RenderContext, type ThreadRow} from '../render.js';
import type {Viewer} from '../viewer.js';

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
    throw invalid('This page link is not valid (a cursor from another sort or another server).');
  }
}

/** Whether a row is visible to the viewer, as SQL over `c` with the viewer's key as `$key`. */
const visible = (key: string, moderator: string) => `(c.status <> 'pending' OR c.author_key = ${key} OR ${moderator})`;

/**
 * One page: up to `limit` top-level comments, each followed by all its replies depth
 * first, oldest first; deleted comments only while a visible reply hangs under them.
 */
export async function loadPage(
  db: Queryable,
  request: {thread: ThreadRow; sort: Sort; limit: number; cursor?: Cursor; viewer: Viewer; config: ServerConfig; now: number},
) {
  const {thread, sort, limit, cursor, viewer, config} = request;
  const key = viewer.key ?? '';
  const isVisible = visible('$2', '$3');
  const base = [thread.id, key, viewer.isModerator];
  let roots: CommentRow[];
  if (sort === 'top') {
    roots = await db.query<CommentRow>(
      `SELECT ${COMMENT_COLUMNS} FROM comments c WHERE c.thread_id = $1 AND c.parent_id IS NULL AND ${isVisible}
       ORDER BY c.like_count DESC, c.seq ASC OFFSET $4 LIMIT $5`,
      [...base, cursor?.after ?? 0, limit + 1],
    );
  } else {
    const newest = sort === 'newest';
    const after = cursor ? `AND c.seq ${newest ? '<' : '>'} $4` : '';
    roots = await db.query<CommentRow>(
      `SELECT ${COMMENT_COLUMNS} FROM comments c WHERE c.thread_id = $1 AND c.parent_id IS NULL AND ${isVisible} ${after}
       ORDER BY c.seq ${newest ? 'DESC' : 'ASC'} LIMIT ${cursor ? '$5' : '$4'}`,
      cursor ? [...base, cursor.after, limit + 1] : [...base, limit + 1],
    );
  }
  const more = roots.length > limit;
  roots = roots.slice(0, limit);
  const replies = roots.length
    ? await db.query<CommentRow>(
        `SELECT ${COMMENT_COLUMNS} FROM comments c WHERE c.root_id = ANY($1::text[]) AND c.parent_id IS NOT NULL
         AND ${visible('$2', '$3')} ORDER BY c.seq`,
        [roots.map((row) => row.id), key, viewer.isModerator],
      )
    : [];
  const ordered = threadOrder(roots, replies);
  const ids = ordered.map((row) => row.id);
  const [liked, [{count}]] = await Promise.all([
    likedBy(db, viewer, ids),
    db.query<{count: number}>(
      `SELECT count(*)::int AS count FROM comments c WHERE c.thread_id = $1 AND c.status <> 'deleted' AND ${isVisible}`,
      base,
    ),
  ]);
  const replyCounts = new Map<string, number>();
  for (const row of ordered) if (row.parent_id) replyCounts.set(row.parent_id, (replyCounts.get(row.parent_id) ?? 0) + 1);
  const context: RenderContext = {viewer, config, thread, now: request.now, replyCounts, liked};
  const last = roots.at(-1);
  const next: Cursor | null = !more || !last ? null : sort === 'top' ? {sort, after: (cursor?.after ?? 0) + limit} : {sort, after: Number(last.seq)};
  return {
    thread: renderThread(thread, count, config),
    comments: ordered.map((row) => renderComment(row, context)),
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

export async function likedBy(db: Queryable, viewer: Viewer, ids: string[]): Promise<Set<string>> {
  if (!viewer.key || ids.length === 0) return new Set();
  const rows = await db.query<{comment_id: string}>(
    `SELECT comment_id FROM reactions WHERE viewer_key = $1 AND reaction = 'like' AND comment_id = ANY($2::text[])`,
    [viewer.key, ids],
  );
  return new Set(rows.map((row) => row.comment_id));
}
