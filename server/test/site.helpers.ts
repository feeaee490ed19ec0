import {readFile} from 'node:fs/promises';
import {createServer} from 'node:http';
import {extname, join, normalize} from 'node:path';

const cdn = new URL('../../dist/cdn/', import.meta.url).pathname;

/**
 * A site on another origin than the comment server, as in real use: `/` is the page
 * `html()` gives, everything else the built script-tag bundle (dist/cdn/).
 */
export async function startSite(html: () => string, port = 0): Promise<{url: string; close(): Promise<void>}> {
  const site = createServer(async (request, response) => {
    const path = new URL(request.url ?? '/', 'http://x').pathname;
    if (path === '/') {
      response.writeHead(200, {'Content-Type': 'text/html; charset=utf-8'});
      response.end(html());
      return;
    }
    const file = normalize(join(cdn, path));
    if (!file.startsWith(cdn)) return void response.writeHead(404).end();
    try {
      const body = await readFile(file);
      response.writeHead(200, {'Content-Type': extname(file) === '.js' ? 'text/javascript' : 'application/octet-stream'});
      response.end(body);
    } catch {
      response.writeHead(404).end();
    }
  });
  await new Promise<void>((resolve) => site.listen(port, '127.0.0.1', resolve));
  const address = site.address();
  return {
    url: `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`,
    close: () => new Promise<void>((resolve) => site.close(() => resolve())),
  };
}
