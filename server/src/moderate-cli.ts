import type {ServerConfig} from './config.js';

/** `colloquy-server moderate list|approve|reject`: the admin API from a terminal. */
export async function runModerateCommand(args: string[], config: ServerConfig): Promise<number> {
  const [action, id] = args;
  const token = config.adminToken;
  if (!token) {
    console.error('Set COLLOQUY_ADMIN_TOKEN (the same as the server\'s) to moderate.');
    return 2;
  }
  const endpoint = new URL(process.env['COLLOQUY_ENDPOINT'] || `http://127.0.0.1:${config.port}/`);
  const call = async (method: string, path: string) => {
    const url = new URL(path, endpoint.href.endsWith('/') ? endpoint : `${endpoint.href}/`);
    const response = await fetch(url, {method, headers: {Authorization: `Bearer ${token}`}, signal: AbortSignal.timeout(15_000)});
    const body = (await response.json().catch(() => ({}))) as Record<string, any>;
    if (!response.ok) throw new Error(`${response.status} ${body['error']?.message ?? response.statusText}`);
    return body;
  };
  try {
    if (action === 'list') {
      const {comments} = await call('GET', 'admin/comments?status=pending');
      if (comments.length === 0) console.log('No comments are waiting.');
      for (const comment of comments) {
        const who = [comment.author.name, comment.author.email, comment.author.ip].filter(Boolean).join(', ');
        console.log(`${comment.id}  thread ${comment.thread}  ${comment.createdAt}  ${who}\n    ${JSON.stringify(comment.text).slice(0, 300)}`);
      }
      return 0;
    }
    if ((action === 'approve' || action === 'reject') && id) {
      await call('POST', `admin/comments/${encodeURIComponent(id)}/${action}`);
      console.log(`${action === 'approve' ? 'Approved' : 'Rejected'} ${id}.`);
      return 0;
    }
    console.error('Usage: colloquy-server moderate list | approve <comment-id> | reject <comment-id>');
    return 2;
  } catch (error) {
    console.error(`colloquy-server moderate: ${(error as Error).message}`);
    return 1;
  }
}
