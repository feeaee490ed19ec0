import {createHash, randomBytes} from 'node:crypto';
import type {ServerConfig} from '../config.js';
import type {Database, Queryable} from '../db/database.js';
import {invalidField, notFound, ProtocolError} from '../errors.js';
import {COMMENT_COLUMNS, editableUntil, type CommentRow, type ThreadRow} from '../render.js';
import type {Viewer} from '../viewer.js';
import {refuseBlocked} from './blocks.js';
import {hitRateLimits} from './rate-limits.js';
import type {Locale} from '../i18n/locales.js';
import {notifyRequest, recordSubscriptions} from '../notify/subscriptions.js';
import {findComment, publish, publishAndRender, renderOne} from './single.js';
import {findThread} from './threads.js';
import {countLinks, readText, type PostInput} from './validate.js';
import {commentBecameVisible} from './visible.js';

export interface PostRequest {
  threadId: string;
  input: PostInput;
  viewer: Viewer;
  idempotencyKey: string | null;
  /** A hash of the request body, to tell a replay from a different request under the same key. */
  bodyHash: string;
  ip: string;
  /** The Origin header, for the thread creation policy. */
  origin: string | null;
  /** The reader's language: the emails they ask for are written in it. */
  locale: Locale;
}

export interface PostResult {
  comment: Awaited<ReturnType<typeof renderOne>>;
  replayed: boolean;
}

export function hashBody(body: unknown): string {
  return createHash('sha256').update(JSON.stringify(body)).digest('base64url');
}

/**
 * Stores a comment, once. The idempotency key's row is inserted in the same transaction
 * as the comment; a second request with the same key (from any process) waits on the
 * primary key until the first commits, then finds the stored comment and replays it.
 */
export async function postComment(db: Database, request: PostRequest, config: ServerConfig): Promise<PostResult> {
  const {viewer, idempotencyKey} = request;
  const keyOwner = viewer.key ?? 'anonymous';
  if (idempotencyKey) {
    const replay = await findReplay(db, keyOwner, idempotencyKey, request, config);
    if (replay) return replay;
  }
  const notify = notifyRequest(request.input, viewer, config);
  const identity = viewer.key ?? (request.input.guest?.email ? `email:${request.input.guest.email.toLowerCase()}` : `ip:${request.ip}`);
  await hitRateLimits(
    db,
    [
      {bucket: `ip:${request.ip}`, limit: config.postsPerIp},
      {bucket: `author:${identity}`, limit: config.postsPerIdentity},
    ],
    config.rateWindowSeconds,
  );
  try {
    return await db.transaction(async (tx) => {
      const thread = await threadForPost(tx, request, config);
      if (thread.closed) throw new ProtocolError(403, 'closed', 'error.closed');
      await refuseBlocked(tx, viewer, request.ip);
      const parent = request.input.parentId ? await parentFor(tx, thread, request.input.parentId, viewer, config) : null;
      const authorKey = viewer.key ?? `anonymous:${randomBytes(12).toString('base64url')}`;
      const text = request.input.text;
      const [duplicate] = await tx.query(
        `SELECT 1 FROM comments WHERE thread_id = $1 AND (author_key = $2 OR ($5::text IS NOT NULL AND author_email = $5))
         AND text = $3 AND status <> 'deleted' AND created_at > now() - make_interval(secs => $4) LIMIT 1`,
        [thread.id, authorKey, text, config.duplicateWindowSeconds, request.input.guest?.email ?? null],
      );
      if (duplicate) throw new ProtocolError(409, 'duplicate', 'error.duplicate');
      const status = (await holdForModeration(tx, request, authorKey, config)) ? 'pending' : 'approved';
      const id = newId();
      const author = authorOf(request);
      const [row] = await tx.query<CommentRow>(
        `INSERT INTO comments AS c (id, thread_id, parent_id, root_id, depth, author_key, author_name, author_email, author_website, author_avatar,
           author_moderator, author_ip, text, status)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14) RETURNING ${COMMENT_COLUMNS}`,
        [
          id, thread.id, parent?.id ?? null, parent ? parent.root_id : id, parent ? parent.depth + 1 : 0, authorKey,
          author.name, author.email, author.website, author.avatar, viewer.user !== undefined && viewer.isModerator, request.ip, text, status,
        ],
      );
      if (idempotencyKey) {
        // The claim: a concurrent request with this key (any process) waits here on the
        // primary key until the first commits, then finds the key taken. A key older than
        // 24 hours is taken over.
        const claimed = await tx.query(
          `INSERT INTO idempotency_keys AS k (viewer_key, key, request_hash, comment_id) VALUES ($1, $2, $3, $4)
           ON CONFLICT (viewer_key, key) DO UPDATE SET request_hash = EXCLUDED.request_hash, comment_id = EXCLUDED.comment_id, created_at = now()
           WHERE k.created_at < now() - interval '24 hours' RETURNING key`,
          [keyOwner, idempotencyKey, request.bodyHash, id],
        );
        if (claimed.length === 0) throw new KeyTaken();
      }
      if (notify) await recordSubscriptions(tx, notify, {threadId: thread.id, authorKey, ip: request.ip, locale: request.locale}, config);
      return {comment: await commentBecameVisible(tx, row!, thread, viewer, config, true), replayed: false};
    });
  } catch (error) {
    // Rolled back. When the same request got in first (its key taken, or its comment seen
    // as a duplicate of this one), its comment is the answer.
    const sameRequestFirst = error instanceof KeyTaken || (error instanceof ProtocolError && error.code === 'duplicate');
    if (!idempotencyKey || !sameRequestFirst) throw error;
    const replay = await findReplay(db, keyOwner, idempotencyKey, request, config);
    if (replay) return replay;
    if (error instanceof KeyTaken) throw new ProtocolError(409, 'conflict', 'error.still-posting');
    throw error;
  }
}

class KeyTaken extends Error {}

/** Who the comment is by: the signed-in person as their provider names them, else the guest fields. */
function authorOf(request: PostRequest): {name: string; email: string | null; website: string | null; avatar: string | null} {
  const {user, isModerator} = request.viewer;
  if (user) return {name: user.name, email: user.verifiedEmail ?? null, website: user.profileUrl ?? null, avatar: user.avatarUrl ?? null};
  const guest = request.input.guest;
  return {name: isModerator ? (guest?.name ?? 'Moderator') : guest!.name, email: guest?.email ?? null, website: guest?.website ?? null, avatar: null};
}

async function findReplay(db: Queryable, keyOwner: string, key: string, request: PostRequest, config: ServerConfig): Promise<PostResult | undefined> {
  const [stored] = await db.query<{request_hash: string; comment_id: string | null}>(
    `SELECT request_hash, comment_id FROM idempotency_keys WHERE viewer_key = $1 AND key = $2 AND created_at > now() - interval '24 hours'`,
    [keyOwner, key],
  );
  if (!stored) return undefined;
  if (stored.request_hash !== request.bodyHash) {
    throw new ProtocolError(422, 'invalid', 'error.idempotency-key-reused');
  }
  if (!stored.comment_id) return undefined;
  const [row] = await db.query<CommentRow>(`SELECT ${COMMENT_COLUMNS} FROM comments c WHERE c.id = $1`, [stored.comment_id]);
  if (!row) throw new ProtocolError(410, 'not-found', 'error.posted-then-deleted');
  const thread = (await findThread(db, row.thread_id))!;
  return {comment: await renderOne(db, row, thread, request.viewer, config), replayed: true};
}

async function threadForPost(tx: Queryable, request: PostRequest, config: ServerConfig): Promise<ThreadRow> {
  const existing = await findThread(tx, request.threadId);
  if (existing) return existing;
  const originAllowed = config.origins.length === 0 || (request.origin !== null && config.origins.includes(request.origin));
  if (config.threadCreation !== 'auto' || !(originAllowed || request.viewer.isModerator)) {
    throw notFound('error.no-such-thread');
  }
  const {title, url} = request.input.thread ?? {};
  await tx.query('INSERT INTO threads (id, title, url) VALUES ($1, $2, $3) ON CONFLICT (id) DO NOTHING', [
    request.threadId, title ?? '', url ?? null,
  ]);
  return (await findThread(tx, request.threadId))!;
}

async function parentFor(tx: Queryable, thread: ThreadRow, parentId: string, viewer: Viewer, config: ServerConfig): Promise<CommentRow> {
  // FOR SHARE: a moderator's spam or delete of the parent waits for this reply (and then
  // takes it along), or this reply waits for it (and then finds the parent gone).
  const [parent] = await tx.query<CommentRow>(`SELECT ${COMMENT_COLUMNS} FROM comments c WHERE c.id = $1 AND c.thread_id = $2 FOR SHARE`, [parentId, thread.id]);
  const visible = parent && (parent.status === 'approved' || (parent.status === 'pending' && (viewer.isModerator || parent.author_key === viewer.key)));
  if (!parent || !visible) throw invalidField('parent', 'error.parent-elsewhere');
  if (parent.status === 'pending') throw invalidField('parent', 'error.parent-held');
  if (parent.depth >= config.maxDepth) throw invalidField('parent', 'error.too-deep');
  return parent;
}

async function holdForModeration(tx: Queryable, request: PostRequest, authorKey: string, config: ServerConfig): Promise<boolean> {
  if (request.viewer.isModerator) return false;
  switch (config.moderation) {
    case 'none':
      return false;
    case 'all':
      return true;
    case 'links':
      return countLinks(request.input.text) > config.moderationLinks;
    case 'first': {
      // A guest is known once a comment of theirs was approved: by their browser's key, or
      // (as WordPress does) by the same name and email.
      const guest = request.input.guest ?? {name: request.viewer.user?.name ?? ''};
      const [known] = await tx.query(
        `SELECT 1 FROM comments WHERE status = 'approved' AND (author_key = $1 OR (author_email = $2 AND author_name = $3)) LIMIT 1`,
        [authorKey, guest.email ?? null, guest.name],
      );
      return !known;
    }
  }
}

function newId(): string {
  return `c${Date.now().toString(36)}${randomBytes(6).toString('base64url')}`;
}

export async function editComment(
  db: Database, threadId: string, id: string, body: Record<string, unknown>, viewer: Viewer, config: ServerConfig, ip: string,
) {
  const text = readText(body['text'], config);
  return db.transaction(async (tx) => {
    const thread = (await findThread(tx, threadId)) ?? throwNotFound();
    const row = await findComment(tx, threadId, id, viewer, true);
    if (row.author_key !== viewer.key) throw new ProtocolError(403, 'forbidden', 'error.edit-not-author');
    if (row.status === 'deleted') throw new ProtocolError(409, 'conflict', 'error.deleted');
    await refuseBlocked(tx, viewer, ip);
    if (Date.now() > editableUntil(row, config)) {
      throw new ProtocolError(409, 'conflict', 'error.edit-too-late');
    }
    const [updated] = await tx.query<CommentRow>(
      `UPDATE comments AS c SET text = $1, edited_at = now() WHERE c.id = $2 RETURNING ${COMMENT_COLUMNS}`,
      [text, id],
    );
    return publishAndRender(tx, 'comment-updated', updated!, thread, viewer, config);
  });
}

/**
 * Deletes a comment: a placeholder stays while replies hang under it (its text and
 * author's details are erased); otherwise the row goes, and so does any placeholder
 * above it that this leaves with no replies.
 */
export async function deleteComment(db: Database, threadId: string, id: string, viewer: Viewer, config: ServerConfig, asModerator = false) {
  return db.transaction(async (tx) => {
    const thread = (await findThread(tx, threadId)) ?? throwNotFound();
    const row = await findComment(tx, threadId, id, viewer, true);
    if (!asModerator && !viewer.isModerator) {
      if (row.author_key !== viewer.key) throw new ProtocolError(403, 'forbidden', 'error.delete-not-author');
      if (Date.now() > editableUntil(row, config)) {
        throw new ProtocolError(409, 'conflict', 'error.delete-too-late');
      }
    }
    if (row.status === 'deleted') return renderOne(tx, row, thread, viewer, config);
    return removeComment(tx, row, thread, viewer, config);
  });
}

export async function removeComment(tx: Queryable, row: CommentRow, thread: ThreadRow, viewer: Viewer, config: ServerConfig) {
  if (await hasListedReplies(tx, row.id)) {
    const [placeholder] = await tx.query<CommentRow>(
      `UPDATE comments AS c SET status = 'deleted', text = '', author_name = '', author_email = NULL, author_website = NULL,
       author_ip = NULL, like_count = 0 WHERE c.id = $1 RETURNING ${COMMENT_COLUMNS}`,
      [row.id],
    );
    await tx.query('DELETE FROM reactions WHERE comment_id = $1', [row.id]);
    return publishAndRender(tx, 'comment-updated', placeholder!, thread, viewer, config);
  }
  await deleteWithSpamBelow(tx, row.id);
  await publish(tx, thread.id, 'comment-removed', {commentId: row.id}, row.status === 'pending');
  await dropEmptyPlaceholders(tx, thread, row.parent_id);
  return null;
}

/** Walks up from `parentId`, deleting each deleted placeholder that is left with no reply anyone sees. */
export async function dropEmptyPlaceholders(tx: Queryable, thread: ThreadRow, parentId: string | null) {
  let current = parentId ? await childlessPlaceholder(tx, parentId) : undefined;
  while (current) {
    await deleteWithSpamBelow(tx, current.id);
    await publish(tx, thread.id, 'comment-removed', {commentId: current.id});
    current = current.parent_id ? await childlessPlaceholder(tx, current.parent_id) : undefined;
  }
}

/** Replies that keep a comment as a placeholder: spam under it is listed to nobody. */
async function hasListedReplies(tx: Queryable, id: string): Promise<boolean> {
  const [child] = await tx.query(`SELECT 1 FROM comments WHERE parent_id = $1 AND status <> 'spam' LIMIT 1`, [id]);
  return Boolean(child);
}

/**
 * Deletes a comment with any spam kept under it, in one statement (the parent_id foreign
 * key is checked at its end). Only spam can be under a comment deleted outright.
 */
async function deleteWithSpamBelow(tx: Queryable, id: string) {
  await tx.query(
    `WITH RECURSIVE below AS (
       SELECT id FROM comments WHERE id = $1
       UNION ALL SELECT c.id FROM comments c JOIN below ON c.parent_id = below.id
     )
     DELETE FROM comments WHERE id IN (SELECT id FROM below)`,
    [id],
  );
}

/** The comment `id` when it is a deleted placeholder with no listed replies left, else undefined. */
async function childlessPlaceholder(tx: Queryable, id: string): Promise<CommentRow | undefined> {
  const [row] = await tx.query<CommentRow>(`SELECT ${COMMENT_COLUMNS} FROM comments c WHERE c.id = $1 FOR UPDATE`, [id]);
  if (!row || row.status !== 'deleted') return undefined;
  return (await hasListedReplies(tx, id)) ? undefined : row;
}

export async function react(db: Database, threadId: string, id: string, reaction: string, active: boolean, viewer: Viewer, config: ServerConfig) {
  if (reaction !== 'like') throw notFound('error.no-such-reaction');
  if (!viewer.key) throw new ProtocolError(403, 'forbidden', 'error.reaction-needs-key');
  return db.transaction(async (tx) => {
    const thread = (await findThread(tx, threadId)) ?? throwNotFound();
    const row = await findComment(tx, threadId, id, viewer, true);
    if (row.status !== 'approved') throw new ProtocolError(409, 'conflict', 'error.no-reactions');
    if (active) {
      await tx.query(`INSERT INTO reactions (comment_id, reaction, viewer_key) VALUES ($1, 'like', $2) ON CONFLICT DO NOTHING`, [id, viewer.key]);
    } else {
      await tx.query(`DELETE FROM reactions WHERE comment_id = $1 AND reaction = 'like' AND viewer_key = $2`, [id, viewer.key]);
    }
    const [updated] = await tx.query<CommentRow>(
      `UPDATE comments AS c SET like_count = (SELECT count(*) FROM reactions r WHERE r.comment_id = c.id AND r.reaction = 'like')
       WHERE c.id = $1 RETURNING ${COMMENT_COLUMNS}`,
      [id],
    );
    return publishAndRender(tx, 'comment-updated', updated!, thread, viewer, config, {announce: updated!.like_count !== row.like_count});
  });
}

function throwNotFound(): never {
  throw notFound('error.no-such-thread');
}
