import {Hono, type Context} from 'hono';
import type {AppEnv} from '../app.js';
import {requireAdmin} from './admin-guard.js';
import {readJsonBody} from '../body.js';
import type {Queryable} from '../db/database.js';
import {adminText, invalid, notFound, ProtocolError} from '../errors.js';
import {iso, safeUrl} from '../render.js';
import {addBlock, clientInet, commentAuthor, listBlocks, readRange, removeBlock, type BlockTarget} from '../store/blocks.js';
import {commentsWithStatus, moderate, type ModerationAction} from '../store/moderation.js';
import {checkId, saveThread} from '../store/threads.js';

/**
 * The moderators' API, behind `Authorization: Bearer $COLLOQUY_ADMIN_TOKEN`: held comments,
 * approving, rejecting or marking them as spam, deleting any comment, blocking authors and
 * address ranges, and creating or closing threads. Decisions go through the same store
 * function as the widget's moderation route.
 */
export function adminRoutes() {
  const app = new Hono<AppEnv>();
  app.use('/admin/*', requireAdmin);

  app.get('/admin/comments', async (c) => {
    const {db} = c.var.deps;
    const status = c.req.query('status') ?? 'pending';
    if (status !== 'pending' && status !== 'approved' && status !== 'spam') throw new ProtocolError(400, 'invalid', adminText('status is pending, approved or spam.'));
    const rows = await commentsWithStatus(db, status, 200);
    return c.json({
      comments: rows.map((row) => ({
        id: row.id,
        thread: row.thread_id,
        parentId: row.parent_id,
        status: row.status,
        createdAt: iso(row.created_at),
        author: {name: row.author_name, email: row.author_email, website: row.author_website, ip: row.author_ip},
        text: row.text,
      })),
    });
  });

  const decide = (action: ModerationAction, onlyHeld = false) => async (c: Context<AppEnv>) => {
    const {config, db} = c.var.deps;
    const comment = await moderate(db, checkId(c.req.param('comment') ?? ''), null, action, c.var.viewer, config, {onlyHeld});
    return c.json({comment});
  };
  app.post('/admin/comments/:comment/approve', decide('approve'));
  app.post('/admin/comments/:comment/spam', decide('spam'));
  app.post('/admin/comments/:comment/reject', decide('delete', true));
  app.delete('/admin/comments/:comment', decide('delete'));

  app.get('/admin/blocks', async (c) => c.json({blocks: await listBlocks(c.var.deps.db)}));

  app.post('/admin/blocks', async (c) => {
    const {config, db} = c.var.deps;
    const body = await readJsonBody(c.req.raw, config.maxBodyBytes);
    const {target, label} = await blockTarget(db, body);
    const reason = typeof body['reason'] === 'string' ? body['reason'] : '';
    const {block, created} = await addBlock(db, target, label, reason);
    return c.json({block}, created ? 201 : 200);
  });

  app.delete('/admin/blocks/:block', async (c) => c.json({block: await removeBlock(c.var.deps.db, c.req.param('block'))}));

  app.put('/admin/threads/:thread', async (c) => {
    const {config, db} = c.var.deps;
    const id = checkId(c.req.param('thread'));
    const body = await readJsonBody(c.req.raw, config.maxBodyBytes);
    const title = typeof body['title'] === 'string' ? body['title'].slice(0, 300) : '';
    const url = typeof body['url'] === 'string' ? (safeUrl(body['url']) ?? null) : null;
    const closed = body['closed'] === true;
    await saveThread(db, {id, title, url, closed});
    return c.json({thread: {id, title, url, closed}});
  });
  return app;
}

/**
 * What `POST /admin/blocks` asks to block: `{"comment": id}` its author (`"by": "address"`:
 * the address it was posted from), `{"identity": key}` a viewer key, `{"range": cidr}` addresses.
 */
async function blockTarget(db: Queryable, body: Record<string, unknown>): Promise<{target: BlockTarget; label: string}> {
  const given = ['comment', 'identity', 'range'].filter((name) => body[name] !== undefined);
  if (given.length !== 1) throw invalid(adminText('Send exactly one of comment, identity or range.'));
  if (body['range'] !== undefined) return {target: {range: readRange(body['range'])}, label: ''};
  if (body['identity'] !== undefined) {
    const identity = body['identity'];
    if (typeof identity !== 'string' || identity.length === 0 || identity.length > 200) throw invalid(adminText('identity is a viewer key.'));
    if (identity === 'moderator') throw new ProtocolError(409, 'conflict', adminText('Moderators cannot be blocked.'));
    return {target: {identity}, label: ''};
  }
  if (typeof body['comment'] !== 'string') throw invalid(adminText('comment is a comment id.'));
  const by = body['by'] ?? 'author';
  if (by !== 'author' && by !== 'address') throw invalid(adminText('by is author or address.'));
  const row = await commentAuthor(db, checkId(body['comment']));
  if (!row) throw notFound('error.no-such-comment');
  if (by === 'address') {
    const address = row.author_ip ? clientInet(row.author_ip) : null;
    if (!address) throw new ProtocolError(409, 'conflict', adminText('This comment\'s address is not known (deleted comments keep none).'));
    return {target: {range: readRange(address)}, label: row.author_name};
  }
  if (row.author_key === 'moderator') throw new ProtocolError(409, 'conflict', adminText('Moderators cannot be blocked.'));
  if (row.author_key.startsWith('anonymous:')) {
    throw new ProtocolError(409, 'conflict', adminText('This author posted without a lasting identity; block the address instead ("by": "address").'));
  }
  return {target: {identity: row.author_key}, label: row.author_name};
}
