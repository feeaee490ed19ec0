import {createHash} from 'node:crypto';
import {Hono, type Context} from 'hono';
import type {AppEnv} from '../app.js';
import {readJsonBody} from '../body.js';
import {invalid, message} from '../errors.js';
import {decodeCursor, likedBy, loadPage, type Sort} from '../store/pages.js';
import {conversationRoot, decodeReplyCursor, DEFAULT_REPLY_BATCH, loadReplyBatches, readReplyLimit} from '../store/replies.js';
import {renderComment} from '../render.js';
import {checkId, threadToRead} from '../store/threads.js';
import {readPostInput} from '../store/validate.js';
import {deleteComment, editComment, hashBody, postComment, react} from '../store/writes.js';

const SORTS: Sort[] = ['oldest', 'newest', 'top'];

/** The thread's pages, posting, editing, deleting and reactions. */
export function commentRoutes() {
  const app = new Hono<AppEnv>();

  app.get('/threads/:thread/comments', async (c) => {
    const {config, db} = c.var.deps;
    const viewer = c.var.viewer;
    const threadId = checkId(c.req.param('thread'));
    const sort = (c.req.query('sort') ?? 'oldest') as Sort;
    if (!SORTS.includes(sort)) throw invalid('error.sort');
    const limitRaw = c.req.query('limit');
    const limit = limitRaw === undefined ? config.defaultPageSize : Number(limitRaw);
    if (!Number.isInteger(limit) || limit < 1 || limit > config.maxPageSize) {
      throw invalid(message('error.page-size', {max: config.maxPageSize}));
    }
    const cursorRaw = c.req.query('cursor');
    const cursor = cursorRaw ? decodeCursor(cursorRaw, sort) : undefined;
    // Opt-in (docs/rest-protocol.md, "Long conversations"): a client that does not ask gets every reply.
    const replies = readReplyLimit(c.req.query('replies'), 'replies', undefined);
    const thread = await threadToRead(db, threadId, config);
    const page = await loadPage(db, {thread, sort, limit, ...(cursor ? {cursor} : {}), ...(replies ? {replies} : {}), viewer, config, now: Date.now()});
    const body = JSON.stringify(page);
    // Per viewer: the same page differs in isViewer, viewerCan and pending comments.
    const etag = `"${createHash('sha256').update(viewer.key ?? '').update('\0').update(body).digest('base64url').slice(0, 32)}"`;
    c.header('ETag', etag);
    c.header('Cache-Control', 'private, no-cache');
    c.header('Vary', 'Authorization, Colloquy-Guest', {append: true});
    if (matches(c.req.header('If-None-Match'), etag)) return c.body(null, 304);
    return c.body(body, 200, {'Content-Type': 'application/json; charset=utf-8'});
  });

  // The next replies of one conversation, after the cursor its top-level comment carried.
  app.get('/threads/:thread/comments/:comment/replies', async (c) => {
    const {config, db} = c.var.deps;
    const viewer = c.var.viewer;
    const threadId = checkId(c.req.param('thread'));
    const rootId = checkId(c.req.param('comment'));
    const limit = readReplyLimit(c.req.query('limit'), 'limit', DEFAULT_REPLY_BATCH)!;
    const cursorRaw = c.req.query('cursor');
    const cursor = cursorRaw ? decodeReplyCursor(cursorRaw, rootId) : undefined;
    const thread = await threadToRead(db, threadId, config);
    await conversationRoot(db, thread.id, rootId, viewer);
    const batch = (await loadReplyBatches(db, {roots: [rootId], after: cursor ?? null, limit, viewer})).get(rootId)!;
    const liked = await likedBy(db, viewer, batch.rows.map((row) => row.id));
    const context = {viewer, config, thread, now: Date.now(), replyCounts: batch.replyCounts, liked};
    c.header('Cache-Control', 'private, no-cache');
    c.header('Vary', 'Authorization, Colloquy-Guest', {append: true});
    return c.json({comments: batch.rows.map((row) => renderComment(row, context)), moreReplies: batch.more});
  });

  app.post('/threads/:thread/comments', async (c) => {
    const {config, db} = c.var.deps;
    const viewer = c.var.viewer;
    const threadId = checkId(c.req.param('thread'));
    const key = idempotencyKey(c);
    const body = await readJsonBody(c.req.raw, config.maxBodyBytes);
    // A signed-in person posts as themselves: no guest fields.
    const input = readPostInput(body, config, !viewer.isModerator && !viewer.user);
    const result = await postComment(
      db,
      {threadId, input, viewer, idempotencyKey: key, bodyHash: hashBody(input), ip: c.var.ip, origin: c.req.header('Origin') ?? null, locale: c.var.t.locale},
      config,
    );
    if (result.replayed) c.header('Idempotency-Replayed', 'true');
    c.header('Cache-Control', 'no-store');
    return c.json({comment: result.comment}, 201);
  });

  app.patch('/threads/:thread/comments/:comment', async (c) => {
    const {config, db} = c.var.deps;
    const body = await readJsonBody(c.req.raw, config.maxBodyBytes);
    const comment = await editComment(db, checkId(c.req.param('thread')), checkId(c.req.param('comment')), body, c.var.viewer, config, c.var.ip);
    return c.json({comment});
  });

  app.delete('/threads/:thread/comments/:comment', async (c) => {
    const {config, db} = c.var.deps;
    const comment = await deleteComment(db, checkId(c.req.param('thread')), checkId(c.req.param('comment')), c.var.viewer, config);
    return c.json({comment});
  });

  for (const method of ['put', 'delete'] as const) {
    app[method]('/threads/:thread/comments/:comment/reactions/:reaction', async (c) => {
      const {config, db} = c.var.deps;
      const comment = await react(
        db, checkId(c.req.param('thread')), checkId(c.req.param('comment')), c.req.param('reaction'), method === 'put', c.var.viewer, config,
      );
      return c.json({comment});
    });
  }
  return app;
}

function idempotencyKey(c: Context<AppEnv>): string | null {
  const key = c.req.header('Idempotency-Key');
  if (key === undefined) return null;
  if (!/^[\x21-\x7e]{1,200}$/.test(key)) throw invalid('error.idempotency-key');
  return key;
}

function matches(ifNoneMatch: string | undefined, etag: string): boolean {
  if (!ifNoneMatch) return false;
  return ifNoneMatch.split(',').some((tag) => {
    const t = tag.trim();
    return t === '*' || t === etag || t === `W/${etag}`;
  });
}
