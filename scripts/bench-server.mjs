// The local server the bench scripts load the production bundle from: files under dist/,
// plus whatever `route` answers first (the bench page, a fake API).
import {createServer} from 'node:http';
import {readFile} from 'node:fs/promises';
import {existsSync} from 'node:fs';
import {extname, join, normalize} from 'node:path';

export const root = new URL('..', import.meta.url).pathname;

/** Ends the process with a hint when the bundle was not built. */
export function exitUnlessBuilt() {
  if (!existsSync(join(root, 'dist/cdn/colloquy.js'))) {
    console.error('dist/cdn/colloquy.js is missing: run `npm run build` first.');
    process.exit(1);
  }
}

const types = {'.js': 'text/javascript', '.map': 'application/json', '.html': 'text/html'};

/**
 * Listens on 127.0.0.1:`port` (0: any free port). `route(url, response)` answers a request
 * and returns true, or returns false to have the file under dist/ served.
 */
export async function serveDist(route, port = 0) {
  const server = createServer(async (request, response) => {
    const url = new URL(request.url, 'http://localhost');
    if (await route(url, response)) return;
    const file = normalize(join(root, url.pathname));
    if (!file.startsWith(join(root, 'dist'))) return void response.writeHead(404).end();
    try {
      const body = await readFile(file);
      response.writeHead(200, {'content-type': types[extname(file)] ?? 'application/octet-stream'}).end(body);
    } catch {
      response.writeHead(404).end();
    }
  });
  await new Promise((resolve) => server.listen(port, '127.0.0.1', resolve));
  return server;
}
