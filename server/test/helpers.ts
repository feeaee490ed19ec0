import {spawn, type ChildProcess} from 'node:child_process';
import {mkdtempSync, rmSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {readConfig, type ServerConfig} from '../src/config.js';
import {startServer, type RunningServer} from '../src/server.js';

export const BIN = new URL('../bin/colloquy-server.mjs', import.meta.url).pathname;

export function tempDir(prefix: string): {path: string; remove(): void} {
  const path = mkdtempSync(join(tmpdir(), prefix));
  return {path, remove: () => rmSync(path, {recursive: true, force: true})};
}

/** A server in this process on a fresh PGlite folder (port 0: the system picks a free one). */
export async function startTestServer(
  env: Record<string, string> = {},
  options: {now?: () => number} = {},
): Promise<RunningServer & {config: ServerConfig; cleanup(): Promise<void>}> {
  const dir = tempDir('colloquy-server-test-');
  const config = readConfig({PORT: '0', COLLOQUY_DATA_DIR: dir.path, COLLOQUY_ADMIN_TOKEN: ADMIN_TOKEN, ...env});
  const server = await startServer(config, options);
  return {
    ...server,
    config,
    async cleanup() {
      await server.close();
      dir.remove();
    },
  };
}

export const ADMIN_TOKEN = 'test-admin-token-0123456789';

/** A server as its own process (`node bin/colloquy-server.mjs`); resolves once it listens. */
export async function startServerProcess(env: Record<string, string>): Promise<{url: string; child: ChildProcess; output: () => string; stop(): Promise<void>}> {
  const child = spawn(process.execPath, [BIN], {env: {...process.env, HOST: '127.0.0.1', ...env}, stdio: ['ignore', 'pipe', 'pipe']});
  let output = '';
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start within 60 s:\n${output}`)), 60_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const found = /listening on (http:\/\/\S+)/.exec(output);
      if (found) {
        clearTimeout(timer);
        resolve(found[1]!);
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`server exited (${code}) before listening:\n${output}`));
    });
  });
  return {
    url,
    child,
    output: () => output,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null || child.signalCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}

/** A client of one server as one guest (its own Colloquy-Guest secret). */
export function client(
  base: string,
  guest: string | null = `guest-${Math.random().toString(36).slice(2)}-secret`,
  fetcher: (url: string, init: RequestInit) => Response | Promise<Response> = fetch,
  identity: {name: string; email?: string} = {name: 'Ada', email: 'ada@example.com'},
) {
  const endpoint = base.replace(/\/$/, '');
  const headers = (extra: Record<string, string> = {}) => ({...(guest ? {'Colloquy-Guest': guest} : {}), ...extra});
  const call = async (method: string, path: string, body?: unknown, extra: Record<string, string> = {}) => {
    const response = await fetcher(`${endpoint}/${path}`, {
      method,
      headers: headers(body === undefined ? extra : {'Content-Type': 'application/json', ...extra}),
      ...(body === undefined ? {} : {body: typeof body === 'string' ? body : JSON.stringify(body)}),
      signal: AbortSignal.timeout(20_000),
    });
    const text = await response.text();
    return {status: response.status, headers: response.headers, body: text ? (JSON.parse(text) as any) : null};
  };
  return {
    endpoint,
    guest,
    call,
    page: (thread: string, query = 'sort=oldest&limit=100') => call('GET', `threads/${encodeURIComponent(thread)}/comments?${query}`),
    post: (thread: string, text: string, parentId: string | null = null, extra: Record<string, string> = {}) =>
      call('POST', `threads/${encodeURIComponent(thread)}/comments`, {text, parentId, guest: identity}, {
        'Idempotency-Key': crypto.randomUUID(),
        ...extra,
      }),
    admin: (method: string, path: string, body?: unknown) => call(method, `admin/${path}`, body, {Authorization: `Bearer ${ADMIN_TOKEN}`}),
  };
}

/** Reads SSE events from a stream until `match` or a deadline. */
export async function openEvents(url: string, lastEventId?: string, headers: Record<string, string> = {}) {
  const controller = new AbortController();
  const response = await fetch(url, {
    headers: {Accept: 'text/event-stream', ...(lastEventId ? {'Last-Event-ID': lastEventId} : {}), ...headers},
    signal: controller.signal,
  });
  const reader = response.body!.pipeThrough(new TextDecoderStream()).getReader();
  let buffer = '';
  const events: {id: string; type: string; data: any}[] = [];
  const pump = (async () => {
    try {
      for (;;) {
        const {done, value} = await reader.read();
        if (done) return;
        buffer += value;
        let end: number;
        while ((end = buffer.indexOf('\n\n')) >= 0) {
          const block = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          const field = (name: string) => [...block.matchAll(/^(\w[\w-]*): ?(.*)$/gm)].find((m) => m[1] === name)?.[2];
          const data = field('data');
          if (data !== undefined) events.push({id: field('id') ?? '', type: field('event') ?? 'message', data: JSON.parse(data)});
        }
      }
    } catch {
      // Aborted.
    }
  })();
  return {
    status: response.status,
    headers: response.headers,
    events,
    async waitFor(match: (event: {id: string; type: string; data: any}) => boolean, ms = 10_000) {
      const deadline = Date.now() + ms;
      while (Date.now() < deadline) {
        const found = events.find(match);
        if (found) return found;
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
      throw new Error(`no matching event within ${ms} ms; got ${JSON.stringify(events.map((e) => e.type))}`);
    },
    async close() {
      controller.abort();
      await pump;
    },
  };
}
