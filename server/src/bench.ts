import {spawn} from 'node:child_process';
import {request as httpRequest} from 'node:http';
import {mkdtempSync, readFileSync, rmSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import autocannon from 'autocannon';
import {openDatabase} from './db/database.js';
import {migrate} from './db/migrations.js';

// `npm run bench:server`: load figures for the README, on PGlite and (when PostgreSQL can be
// had) on a private PostgreSQL. Prints numbers; asserts nothing (figures, not tests).

const BIN = new URL('../bin/colloquy-server.mjs', import.meta.url).pathname;
const SECONDS = Number(process.env['BENCH_SECONDS'] ?? 10);
const STREAMS = Number(process.env['BENCH_STREAMS'] ?? 1000);

export async function runBench(_args: string[]): Promise<void> {
  const results: Record<string, string>[] = [];
  const dir = mkdtempSync(join(tmpdir(), 'colloquy-bench-'));
  try {
    results.push(await benchOne('PGlite', {COLLOQUY_DATA_DIR: dir}));
  } finally {
    rmSync(dir, {recursive: true, force: true});
  }
  let postgres: {url: string; stop(): void} | undefined;
  try {
    const {startPostgres} = await import('../../scripts/postgres.mjs');
    postgres = startPostgres({port: 9451});
  } catch (error) {
    console.log(`PostgreSQL skipped: ${(error as Error).message}`);
  }
  if (postgres) {
    try {
      results.push(await benchOne('PostgreSQL', {DATABASE_URL: postgres.url}));
    } finally {
      postgres.stop();
    }
  }
  console.log('\n| database | GET first page (20 of 1,000) p50 / p99, req/s at 200 connections | POST p50 / p99, req/s at 50 connections | 1,000 SSE streams: server RSS before → after, fan-out of one event |');
  console.log('|---|---|---|---|');
  for (const r of results) console.log(`| ${r['name']} | ${r['get']} | ${r['post']} | ${r['sse']} |`);
}

async function benchOne(name: string, env: Record<string, string>): Promise<Record<string, string>> {
  console.log(`\n== ${name}`);
  const serverEnv = {
    ...process.env, ...env, PORT: '0', HOST: '127.0.0.1',
    COLLOQUY_POSTS_PER_IP: '100000000', COLLOQUY_POSTS_PER_IDENTITY: '100000000', COLLOQUY_DUPLICATE_WINDOW: '0',
  };
  if (env['DATABASE_URL']) await seed(env['DATABASE_URL']);
  const server = await startProcess(serverEnv);
  try {
    if (!env['DATABASE_URL']) await seedOverHttp(server.url);
    const get = await autocannon({
      url: `${server.url}threads/bench/comments?sort=oldest&limit=20`,
      connections: 200,
      duration: SECONDS,
    });
    const getLine = `${get.latency.p50} / ${get.latency.p99} ms, ${Math.round(get.requests.average)}/s`;
    console.log(`GET  ${getLine} (${get.non2xx} non-2xx, ${get.errors} errors)`);
    let n = 0;
    const post = await autocannon({
      url: `${server.url}threads/bench-post/comments`,
      connections: 50,
      duration: SECONDS,
      requests: [
        {
          method: 'POST',
          setupRequest: (request: any) => {
            n += 1;
            return {
              ...request,
              headers: {'content-type': 'application/json', 'idempotency-key': `bench-${process.pid}-${n}`, 'colloquy-guest': 'bench-guest-secret-0123456789'},
              body: JSON.stringify({text: `Benchmark comment ${n}`, parentId: null, guest: {name: 'Bench'}}),
            };
          },
        },
      ],
    });
    const postLine = `${post.latency.p50} / ${post.latency.p99} ms, ${Math.round(post.requests.average)}/s`;
    console.log(`POST ${postLine} (${post.non2xx} non-2xx, ${post.errors} errors)`);
    const sse = await streams(server.url, server.pid);
    console.log(`SSE  ${sse}`);
    return {name, get: getLine, post: postLine, sse};
  } finally {
    await server.stop();
  }
}

/** A thread of 1,000 comments: 250 top-level ones with three replies each. */
async function seedOverHttp(base: string) {
  const post = async (text: string, parentId: string | null) => {
    const response = await fetch(`${base}threads/bench/comments`, {
      method: 'POST',
      headers: {'Content-Type': 'application/json', 'Colloquy-Guest': 'bench-seed-secret-0123456789'},
      body: JSON.stringify({text, parentId, guest: {name: 'Seed'}}),
    });
    return ((await response.json()) as {comment: {id: string}}).comment.id;
  };
  for (let i = 0; i < 250; i++) {
    const root = await post(`Top-level comment ${i}`, null);
    await Promise.all([1, 2, 3].map((r) => post(`Reply ${r} to ${i}`, root)));
  }
}

/** The same thread straight into PostgreSQL (faster than 1,000 posts, same rows). */
async function seed(databaseUrl: string) {
  const db = await openDatabase({databaseUrl, dataDir: ''});
  try {
    await migrate(db);
    await db.query(`INSERT INTO threads (id, title) VALUES ('bench', 'Benchmark') ON CONFLICT DO NOTHING`);
    await db.query(
      `INSERT INTO comments (id, thread_id, parent_id, root_id, depth, author_key, author_name, text, status)
       SELECT 'r' || i, 'bench', NULL, 'r' || i, 0, 'g:seed', 'Seed', 'Top-level comment ' || i, 'approved' FROM generate_series(1, 250) AS i`,
    );
    await db.query(
      `INSERT INTO comments (id, thread_id, parent_id, root_id, depth, author_key, author_name, text, status)
       SELECT 'r' || i || '-' || j, 'bench', 'r' || i, 'r' || i, 1, 'g:seed', 'Seed', 'Reply ' || j, 'approved'
       FROM generate_series(1, 250) AS i, generate_series(1, 3) AS j`,
    );
  } finally {
    await db.close();
  }
}

/** Opens STREAMS event streams, posts one comment, and times its arrival on all of them. */
async function streams(base: string, pid: number): Promise<string> {
  const before = rssMb(pid);
  const url = new URL(`${base}threads/bench/events`);
  let received = 0;
  let resolveAll: () => void = () => {};
  const allReceived = new Promise<void>((resolve) => (resolveAll = resolve));
  const requests = await Promise.all(
    Array.from({length: STREAMS}, () =>
      new Promise<ReturnType<typeof httpRequest>>((resolve, reject) => {
        const req = httpRequest(url, {headers: {Accept: 'text/event-stream'}, agent: false}, (response) => {
          let seen = false;
          response.setEncoding('utf8');
          response.on('data', (chunk: string) => {
            if (!seen && chunk.includes('event: comment-added')) {
              seen = true;
              received += 1;
              if (received === STREAMS) resolveAll();
            }
          });
          resolve(req);
        });
        req.on('error', reject);
        req.end();
      }),
    ),
  );
  await new Promise((resolve) => setTimeout(resolve, 1000));
  const held = rssMb(pid);
  const started = Date.now();
  await fetch(`${base}threads/bench/comments`, {
    method: 'POST',
    headers: {'Content-Type': 'application/json', 'Colloquy-Guest': 'bench-live-secret-0123456789'},
    body: JSON.stringify({text: `Live ${Date.now()}`, parentId: null, guest: {name: 'Live'}}),
  });
  await Promise.race([allReceived, new Promise((resolve) => setTimeout(resolve, 30_000))]);
  const fanOut = Date.now() - started;
  for (const req of requests) req.destroy();
  return `${before} → ${held} MB, ${received}/${STREAMS} received in ${fanOut} ms`;
}

function rssMb(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  return Math.round(Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0) / 1024);
}

async function startProcess(env: NodeJS.ProcessEnv): Promise<{url: string; pid: number; stop(): Promise<void>}> {
  const child = spawn(process.execPath, [BIN], {env, stdio: ['ignore', 'pipe', 'inherit']});
  const url = await new Promise<string>((resolve, reject) => {
    let output = '';
    child.stdout!.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const found = /listening on (http:\/\/\S+)/.exec(output);
      if (found) resolve(found[1]!);
    });
    child.once('exit', (code) => reject(new Error(`the server exited (${code}):\n${output}`)));
  });
  return {
    url,
    pid: child.pid!,
    stop: () =>
      new Promise<void>((resolve) => {
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}
