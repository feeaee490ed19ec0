import type {Queryable} from '../db/database.js';
import {invalid, message, notFound} from '../errors.js';
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
    throw invalid('error.replies-cursor');
  }
}

/** `replies=` or `limit=`: a whole number from 1 to MAX_REPLY_BATCH, else 400 `invalid`. */
export function readReplyLimit(raw: string | undefined, name: string, fallback: number | undefined): number | undefined {
  if (raw === undefined) return fallback;
  const limit = Number(raw);
  if (!/^\d+$/.test(raw) || limit < 1 || limit > MAX_REPLY_BATCH) {
    throw invalid(message('error.batch-size', {name, max: MAX_REPLY_BATCH}));
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

export interface ReplyBatch {
  rows: BatchRow[];
  more: MoreReplies | null;
  /**
   * Direct replies the viewer may see (placeholders that stay listed included), sent or not,
   * of each comment in `rows` and, on a first batch, of the top-level comment.
   */
  replyCounts: Map<string, number>;
}

/**
 * The next replies of each conversation in `roots`, in reading order (depth first, oldest
 * first), at most `limit` each, from the first (`after` null) or after a cursor, with how
 * many of the viewer's visible replies, placeholders not counted, remain after them.
 * Work is a range scan of the reading-order index per conversation: `limit` rows are read
 * and rendered. From the first reply the rest is counted (one statement for all the
 * conversations the page cuts, each read through its own index range); after a cursor it is
 * not: the cursor carries what remained, less what each batch sent (replies posted meanwhile
 * reach readers live and come in a later batch).
 */
export async function loadReplyBatches(
  db: Queryable,
  request: {roots: string[]; after: ReplyCursor | null; limit: number; viewer: Viewer},
): Promise<Map<string, ReplyBatch>> {
  const {roots, limit, viewer} = request;
  const after = request.after?.after ?? null;
  const batches = new Map<string, ReplyBatch>();
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
  for (const root of roots) batches.set(root, {rows: [], more: null, replyCounts: new Map()});
  for (const row of rows) batches.get(row.root_id)!.rows.push(row);
  // Whose replies were not all sent, per cut conversation: the last reply sent and the
  // comments above it (on a first batch the top-level one too); every other comment's
  // replies precede it in reading order.
  const open = new Map<string, string[]>();
  for (const [root, batch] of batches) {
    if (batch.rows.length <= limit) continue;
    batch.rows.length = limit;
    const lastPath = new Set(batch.rows.at(-1)!.path.map(String));
    const ids = batch.rows.filter((row) => lastPath.has(String(row.seq))).map((row) => row.id);
    if (!request.after) ids.push(root);
    open.set(root, ids);
  }
  const openIds = [...open.values()].flat();
  const counts = request.after
    ? await countDirectReplies(db, request.after.root, openIds, viewer)
    : await countCutConversations(db, [...open.keys()], openIds, viewer);
  for (const [root, batch] of batches) {
    for (const row of batch.rows) batch.replyCounts.set(row.parent_id!, (batch.replyCounts.get(row.parent_id!) ?? 0) + 1);
    const ids = open.get(root);
    if (!ids) continue;
    for (const id of ids) {
      const direct = counts.direct.get(id);
      if (direct !== undefined) batch.replyCounts.set(id, direct);
    }
    const sent = batch.rows.filter((row) => row.status !== 'deleted').length;
    const last = batch.rows.at(-1)!;
    const remaining = request.after ? request.after.left : (counts.remaining.get(root) ?? 0);
    // At least one: a kept placeholder always has a shown reply below it.
    const left = Math.max(1, remaining - sent);
    batch.more = {count: left, cursor: encodeReplyCursor({root, after: last.path.map(Number), left})};
  }
  return batches;
}

interface ReplyCounts {
  /** Per conversation: its replies the viewer may see, placeholders not counted. */
  remaining: Map<string, number>;
  /** Per comment of `open`: its direct replies the viewer may see, placeholders kept listed included. */
  direct: Map<string, number>;
}

/**
 * Both counts of a first page in one statement: each cut conversation is read once, through
 * its own range of the root index, and its replies grouped by parent for the `open` comments
 * (all others fall in one group). Nothing outside those conversations is read, however
 * many replies the site holds.
 */
async function countCutConversations(db: Queryable, roots: string[], open: string[], viewer: Viewer): Promise<ReplyCounts> {
  const counts: ReplyCounts = {remaining: new Map(), direct: new Map()};
  if (roots.length === 0) return counts;
  const rows = await db.query<{root: string; parent_id: string | null; shown: number; listed: number}>(
    `SELECT r.root, k.parent_id, k.shown, k.listed FROM unnest($1::text[]) AS r(root) CROSS JOIN LATERAL (
       SELECT CASE WHEN c.parent_id = ANY ($4::text[]) THEN c.parent_id END AS parent_id,
         (count(*) FILTER (WHERE c.status <> 'deleted'))::int AS shown, count(*)::int AS listed
       FROM comments c WHERE c.root_id = r.root AND c.id <> r.root AND ${replyFilter('$2', '$3')}
       GROUP BY 1
     ) AS k`,
    [roots, viewer.key ?? '', viewer.isModerator, open],
  );
  for (const row of rows) {
    // Without the placeholders, as totalCount counts: "Show N more replies" means N people's words.
    counts.remaining.set(row.root, (counts.remaining.get(row.root) ?? 0) + row.shown);
    if (row.parent_id !== null) counts.direct.set(row.parent_id, row.listed);
  }
  for (const id of open) if (!counts.direct.has(id)) counts.direct.set(id, 0);
  return counts;
}

/**
 * `open` comments' direct replies the viewer may see, through the parent index: a later batch
 * reads no more of its conversation (`root`, named so that held comments are looked up in it only).
 */
async function countDirectReplies(db: Queryable, root: string, open: string[], viewer: Viewer): Promise<ReplyCounts> {
  const counts: ReplyCounts = {remaining: new Map(), direct: new Map(open.map((id) => [id, 0]))};
  if (open.length === 0) return counts;
  const rows = await db.query<{parent_id: string; listed: number}>(
    `SELECT c.parent_id, count(*)::int AS listed FROM comments c
     WHERE c.parent_id = ANY ($1::text[]) AND c.root_id = $4 AND ${replyFilter('$2', '$3')} GROUP BY c.parent_id`,
    [open, viewer.key ?? '', viewer.isModerator, root],
  );
  for (const row of rows) counts.direct.set(row.parent_id, row.listed);
  return counts;
}

/** The top-level comment a batch of replies belongs to, as the viewer may see it; 404 otherwise. */
export async function conversationRoot(db: Queryable, threadId: string, commentId: string, viewer: Viewer): Promise<CommentRow> {
  const [row] = await db.query<CommentRow>(
    `SELECT ${COMMENT_COLUMNS} FROM comments c
     WHERE c.id = $1 AND c.thread_id = $2
       AND (c.status IN ('approved', 'deleted') OR (c.status = 'pending' AND (c.author_key = $3 OR $4)))`,
    [commentId, threadId, viewer.key ?? '', viewer.isModerator],
  );
  if (!row) throw notFound('error.no-such-comment-in-thread');
  if (row.parent_id !== null) throw invalid('error.replies-of-top-level');
  return row;
}
