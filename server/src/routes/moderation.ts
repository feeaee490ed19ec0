import {Hono} from 'hono';
import type {AppEnv} from '../app.js';
import {readJsonBody} from '../body.js';
import {ProtocolError} from '../errors.js';
import {moderate, readModerationAction} from '../store/moderation.js';
import {checkId} from '../store/threads.js';

/** `POST /threads/{thread}/comments/{comment}/moderation`: a moderator's decision from the thread. */
export function moderationRoutes() {
  const app = new Hono<AppEnv>();
  app.post('/threads/:thread/comments/:comment/moderation', async (c) => {
    const {config, db} = c.var.deps;
    c.header('Cache-Control', 'no-store');
    // A request that carried a sign-in is a signed-in viewer's (viewer.ts refuses any token it
    // does not know with 401): a guest is asked to sign in, a signed-in reader told no.
    if (!c.var.viewer.isModerator && !c.req.header('Authorization')) {
      throw new ProtocolError(401, 'unauthorized', 'error.moderator-sign-in');
    }
    const threadId = checkId(c.req.param('thread'));
    const commentId = checkId(c.req.param('comment'));
    const body = await readJsonBody(c.req.raw, config.maxBodyBytes);
    const action = readModerationAction(body['action']);
    const comment = await moderate(db, commentId, threadId, action, c.var.viewer, config);
    return c.json({comment});
  });
  return app;
}
