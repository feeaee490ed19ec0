// The local server the bench scripts load the production bundle from: files under dist/,
// plus whatever `route` answers first (the bench page, a fake API).
import {createServer} from 'node:http';
import {readFile} from 'node:fs/promises';
import {existsSync} from 'node:fs';
import {extname, join, normalize} from 'node:path';
import {gzipSync} from 'node:zlib';

export const root = new URL('..', import.meta.url).pathname;

/** Ends the process with a hint when the bundle was not built. */
export function exitUnlessBuilt() {
  if (!existsSync(join(root, 'dist/cdn/colloquy.js'))) {
    console.error('dist/cdn/colloquy.js is missing: run `npm run build` first.');
    process.exit(1);
  }
}

const types = {'.js': 'text/javascript', '.map': 'application/json', '.html': 'text/html'};

const compressed = new Map();

/**
 * Answers with `body`, gzipped (as a production server would) when the client accepts it,
 * so the transfer sizes a page sees are those of a real deployment. `cacheKey` keeps the
 * compressed bytes of a body served again (files, generated threads).
 */
export function sendBody(request, response, type, body, cacheKey) {
  if (!/\bgzip\b/.test(request.headers['accept-encoding'] ?? '')) return void response.writeHead(200, {'content-type': type}).end(body);
  let bytes = cacheKey === undefined ? undefined : compressed.get(cacheKey);
  if (!bytes) {
    bytes = gzipSync(body);
    if (cacheKey !== undefined) compressed.set(cacheKey, bytes);
  }
  response.writeHead(200, {'content-type': type, 'content-encoding': 'gzip', vary: 'accept-encoding'}).end(bytes);
}

/**
 * Listens on 127.0.0.1:`port` (0: any free port). `route(url, response, request)` answers
 * a request and returns true, or returns false to have the file under dist/ served.
 */
export async function serveDist(route, port = 0) {
  const server = createServer(async (request, response) => {
    const url = new URL(request.url, 'http://localhost');
    if (await route(url, response, request)) return;
    const file = normalize(join(root, url.pathname));
    if (!file.startsWith(join(root, 'dist'))) return void response.writeHead(404).end();
    try {
      const body = await readFile(file);
      sendBody(request, response, types[extname(file)] ?? 'application/octet-stream', body, file);
    } catch {
      response.writeHead(404).end();
    }
  });
  await new Promise((resolve) => server.listen(port, '127.0.0.1', resolve));
  return server;
}

/** The page's JS heap in bytes after a forced garbage collection. */
export async function heapAfterGc(page) {
  const session = await page.context().newCDPSession(page);
  await session.send('HeapProfiler.collectGarbage');
  const {usedSize} = await session.send('Runtime.getHeapUsage');
  await session.detach();
  return usedSize;
}
