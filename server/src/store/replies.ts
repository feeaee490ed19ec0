import type {Queryable} from '../db/database.js';
import {invalid, notFound} from '../errors.js';
import {COMMENT_COLUMNS, type CommentRow} from '../render.js';
import type {Viewer} from '../viewer.js';

/** The most replies of one conversation a page (`replies=`) or a batch (`limit=`) may ask for. */
export const MAX_REPLY_BATCH = 500;
/** Replies in a batch when the request names no `limit`. */
export const DEFAULT_REPLY_BATCH = 100;

/**
 * Where a conversation's replies continue: after the reply whose path (migrations/007) is
 * `after`; `left` replies remained then, so a batch need not count the rest again.
 */
export interface ReplyCursor {
  root: string;
  after: number[];
  left: number;
}

/** What a conversation's top-level comment carries while some of its replies were not sent. */
export interface MoreReplies {
  count: number;
  cursor: string;
}

export function encodeReplyCursor(cursor: ReplyCursor): string {
  return Buffer.from(JSON.stringify({r: cursor.root, p: cursor.after, l: cursor.left})).toString('base64url');
}

/** 400 `invalid` for anything but a cursor this server made for `root`'s conversation. */
export function decodeReplyCursor(raw: string, root: string): ReplyCursor {
  try {
    // A path holds one seq per level: even an imported thread far deeper than maxDepth fits.
    if (raw.length > 4000) throw new Error();
    const value = JSON.parse(Buffer.from(raw, 'base64url').toString('utf8')) as {r?: unknown; p?: unknown; l?: unknown};
    const path = value.p;
    if (value.r !== root || !Array.isArray(path) || path.length < 2 || path.length > 200) throw new Error();
    if (!path.every((seq) => typeof seq === 'number' && Number.isSafeInteger(seq) && seq > 0)) throw new Error();
    if (typeof value.l !== 'number' || !Number.isSafeInteger(value.l) || value.l < 0) throw new Error();
    return {root, after: path as number[], left: value.l};
  } catch {
    throw invalid('This link to more replies is not valid (a cursor from another conversation or another server).');
  }
}

/** `replies=` or `limit=`: a whole number from 1 to MAX_REPLY_BATCH, else 400 `invalid`. */
export function readReplyLimit(raw: string | undefined, name: string, fallback: number | undefined): number | undefined {
  if (raw === undefined) return fallback;
  const limit = Number(raw);
  if (!/^\d+$/.test(raw) || limit < 1 || limit > MAX_REPLY_BATCH) {
    throw invalid(`${name} must be a whole number from 1 to ${MAX_REPLY_BATCH}.`);
  }
  return limit;
}

/**
 * A reply `$key`/`$moderator` may see in a batch: visible itself, under no held comment
 * hidden from them (one held reply hides its whole branch, as pages do), and, when deleted,
 * still a parent to a reply that is shown.
 */
const replyFilter = (key: string, moderator: string) => {
  const own = (alias: string) => `(${alias}.author_key = ${key} OR ${moderator})`;
  const shown = (alias: string) => `(${alias}.status = 'approved' OR (${alias}.status = 'pending' AND ${own(alias)}))`;
  return `(c.status = 'deleted' OR ${shown('c')})
    AND NOT EXISTS (
      SELECT 1 FROM comments h WHERE h.root_id = c.root_id AND h.status = 'pending' AND NOT ${own('h')} AND h.seq = ANY (c.path)
    )
    AND (c.status <> 'deleted' OR EXISTS (
      SELECT 1 FROM comments d WHERE d.root_id = c.root_id AND ${shown('d')}
        AND d.path > c.path AND d.path < (c.path[1:cardinality(c.path) - 1] || (c.path[cardinality(c.path)] + 1))
    ))`;
};

export type BatchRow = CommentRow & {path: number[] | string[]};

/**
 * The next replies of each conversation in `roots`, in reading order (depth first, oldest
 * first), at most `limit` each, from the first (`after` null) or after a cursor, with how
 * many of the viewer's visible replies, placeholders not counted, remain after them.
 * Work is a range scan of the reading-order index per conversation: `limit` rows are read
 * and rendered. From the first reply the rest is counted (one index scan per conversation
 * the page cuts); after a cursor it is not: the cursor carries what remained, less what
 * each batch sent (replies posted meanwhile reach readers live and come in a later batch).
 */
export async function loadReplyBatches(
  db: Queryable,
  request: {roots: string[]; after: ReplyCursor | null; limit: number; viewer: Viewer},
): Promise<Map<string, {rows: BatchRow[]; more: MoreReplies | null}>> {
  const {roots, limit, viewer} = request;
  const after = request.after?.after ?? null;
  const batches = new Map<string, {rows: BatchRow[]; more: MoreReplies | null}>();
  if (roots.length === 0) return batches;
  const params = [roots, viewer.key ?? '', viewer.isModerator, after ? after.map(String) : null];
  const filter = replyFilter('$2', '$3');
  const rows = await db.query<BatchRow>(
    `SELECT b.* FROM unnest($1::text[]) AS r(root) CROSS JOIN LATERAL (
       SELECT ${COMMENT_COLUMNS}, c.path FROM comments c
       WHERE c.root_id = r.root AND c.parent_id IS NOT NULL AND ($4::bigint[] IS NULL OR c.path > $4::bigint[]) AND ${filter}
       ORDER BY c.path LIMIT $5
     ) AS b`,
    [...params, limit + 1],
  );
  for (const root of roots) batches.set(root, {rows: [], more: null});
  for (const row of rows) batches.get(row.root_id)!.rows.push(row);
  const cut = roots.filter((root) => batches.get(root)!.rows.length > limit);
  const remaining = new Map<string, number>();
  if (request.after) remaining.set(request.after.root, request.after.left);
  else if (cut.length > 0) {
    // Without the placeholders, as totalCount counts: "Show N more replies" means N people's words.
    const counts = await db.query<{root_id: string; count: number}>(
      `SELECT c.root_id, count(*)::int AS count FROM comments c
       WHERE c.root_id = ANY ($1::text[]) AND c.parent_id IS NOT NULL AND c.status <> 'deleted' AND ${filter}
       GROUP BY c.root_id`,
      [cut, viewer.key ?? '', viewer.isModerator],
    );
    for (const row of counts) remaining.set(row.root_id, row.count);
  }
  for (const [root, batch] of batches) {
    if (batch.rows.length <= limit) continue;
    batch.rows.length = limit;
    const sent = batch.rows.filter((row) => row.status !== 'deleted').length;
    const last = batch.rows.at(-1)!;
    // At least one: a kept placeholder always has a shown reply below it.
    const left = Math.max(1, (remaining.get(root) ?? 0) - sent);
    batch.more = {count: left, cursor: encodeReplyCursor({root, after: last.path.map(Number), left})};
  }
  return batches;
}

/** The top-level comment a batch of replies belongs to, as the viewer may see it; 404 otherwise. */
export async function conversationRoot(db: Queryable, threadId: string, commentId: string, viewer: Viewer): Promise<CommentRow> {
  const [row] = await db.query<CommentRow>(
    `SELECT ${COMMENT_COLUMNS} FROM comments c
     WHERE c.id = $1 AND c.thread_id = $2
       AND (c.status IN ('approved', 'deleted') OR (c.status = 'pending' AND (c.author_key = $3 OR $4)))`,
    [commentId, threadId, viewer.key ?? '', viewer.isModerator],
  );
  if (!row) throw notFound('There is no such comment in this thread.');
  if (row.parent_id !== null) throw invalid('Replies are listed by conversation: give its top-level comment.');
  return row;
}
