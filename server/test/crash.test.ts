import assert from 'node:assert/strict';
import {after, it} from 'node:test';
import {client, startServerProcess, tempDir} from './helpers.js';

// Every comment the server acknowledged (201) must be there after the process is killed
// with SIGKILL in the middle of writing and started again on the same PGlite folder.

const dir = tempDir('colloquy-crash-');
after(() => dir.remove());

it('keeps every acknowledged comment after SIGKILL mid-write and a restart', async () => {
  const env = {PORT: '0', COLLOQUY_DATA_DIR: dir.path, COLLOQUY_POSTS_PER_IP: '100000', COLLOQUY_POSTS_PER_IDENTITY: '100000'};
  const first = await startServerProcess(env);
  const acknowledged: string[] = [];
  let stop = false;
  const worker = async (n: number) => {
    const ada = client(first.url);
    for (let i = 0; !stop; i++) {
      try {
        const answer = await ada.post('crash', `worker ${n} comment ${i}`);
        if (answer.status === 201) acknowledged.push(answer.body.comment.id);
      } catch {
        return; // The server died under this request: it was never acknowledged.
      }
    }
  };
  const workers = [1, 2, 3, 4].map(worker);
  while (acknowledged.length < 30) await new Promise((resolve) => setTimeout(resolve, 20));
  first.child.kill('SIGKILL');
  await new Promise((resolve) => first.child.once('exit', resolve));
  stop = true;
  await Promise.all(workers);
  const second = await startServerProcess(env);
  try {
    const stored = new Set<string>();
    let cursor = '';
    do {
      const page = await client(second.url).page('crash', `sort=oldest&limit=100${cursor ? `&cursor=${cursor}` : ''}`);
      assert.equal(page.status, 200);
      for (const comment of page.body.comments) stored.add(comment.id);
      cursor = page.body.nextCursor ?? '';
    } while (cursor);
    const lost = acknowledged.filter((id) => !stored.has(id));
    assert.deepEqual(lost, [], `${lost.length} of ${acknowledged.length} acknowledged comments were lost`);
    // And the restarted server still takes comments.
    assert.equal((await client(second.url).post('crash', 'after the restart')).status, 201);
  } finally {
    await second.stop();
  }
});
