import type {ServerConfig} from './config.js';

const USAGE = `Usage: colloquy-server moderate <command>
  list                                  held comments, newest first
  approve|reject|spam <comment-id>      decide on a comment (reject deletes a held one)
  block <comment-id> [--address]        block the comment's author (or the address it came from)
  block-range <address or CIDR range>   block addresses, e.g. 203.0.113.0/24 or 2001:db8::/48
  blocks                                list blocks
  unblock <block-id>                    lift a block
  (block and block-range take --reason "…", shown in the list)`;

/** `colloquy-server moderate …`: the admin API from a terminal. */
export async function runModerateCommand(args: string[], config: ServerConfig): Promise<number> {
  const token = config.adminToken;
  if (!token) {
    console.error('Set COLLOQUY_ADMIN_TOKEN (the same as the server\'s) to moderate.');
    return 2;
  }
  const reasonAt = args.indexOf('--reason');
  const reason = reasonAt >= 0 ? args[reasonAt + 1] : undefined;
  const words = reasonAt < 0 ? args : args.filter((_, index) => index !== reasonAt && index !== reasonAt + 1);
  const [action, id] = words;
  const endpoint = new URL(process.env['COLLOQUY_ENDPOINT'] || `http://127.0.0.1:${config.port}/`);
  const call = async (method: string, path: string, body?: unknown) => {
    const url = new URL(path, endpoint.href.endsWith('/') ? endpoint : `${endpoint.href}/`);
    const response = await fetch(url, {
      method,
      headers: {Authorization: `Bearer ${token}`, ...(body ? {'Content-Type': 'application/json'} : {})},
      ...(body ? {body: JSON.stringify(body)} : {}),
      signal: AbortSignal.timeout(15_000),
    });
    const answer = (await response.json().catch(() => ({}))) as Record<string, any>;
    if (!response.ok) throw new Error(`${response.status} ${answer['error']?.message ?? response.statusText}`);
    return answer;
  };
  const withReason = reason ? {reason} : {};
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
    if ((action === 'approve' || action === 'reject' || action === 'spam') && id) {
      await call('POST', `admin/comments/${encodeURIComponent(id)}/${action}`);
      console.log(`${{approve: 'Approved', reject: 'Rejected', spam: 'Marked as spam:'}[action]} ${id}.`);
      return 0;
    }
    if (action === 'block' && id) {
      const {block} = await call('POST', 'admin/blocks', {comment: id, by: words.includes('--address') ? 'address' : 'author', ...withReason});
      console.log(`Blocked: ${describeBlock(block)}`);
      return 0;
    }
    if (action === 'block-range' && id) {
      const {block} = await call('POST', 'admin/blocks', {range: id, ...withReason});
      console.log(`Blocked: ${describeBlock(block)}`);
      return 0;
    }
    if (action === 'blocks') {
      const {blocks} = await call('GET', 'admin/blocks');
      if (blocks.length === 0) console.log('Nobody is blocked.');
      for (const block of blocks) console.log(describeBlock(block));
      return 0;
    }
    if (action === 'unblock' && id) {
      const {block} = await call('DELETE', `admin/blocks/${encodeURIComponent(id)}`);
      console.log(`Unblocked: ${describeBlock(block)}`);
      return 0;
    }
    console.error(USAGE);
    return 2;
  } catch (error) {
    console.error(`colloquy-server moderate: ${(error as Error).message}`);
    return 1;
  }
}

function describeBlock(block: {id: string; identity?: string; range?: string; label: string; reason: string; createdAt: string}): string {
  const what = block.range ? `addresses ${block.range}` : `author ${block.identity}`;
  return [`${block.id}  ${what}`, block.label && `(${block.label})`, block.createdAt, block.reason && `— ${block.reason}`].filter(Boolean).join('  ');
}
