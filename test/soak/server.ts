// A fault-injecting server for the soak test: the reference REST server (test/mocks/
// rest-server.ts, the protocol to the letter) behind a Node HTTP server that, when told,
// resets the connection before or after the request is handled, answers 5xx, 429 or 409
// (still processing), stalls past the client's deadline, or sends a body that is not JSON.
import {createServer, type IncomingMessage, type Server, type ServerResponse} from 'node:http';
import {readFileSync} from 'node:fs';
import {getResponse} from 'msw';
import {restServer} from '../mocks/rest-server.js';

export type Fault =
  | 'none'
  | 'reset-before'
  | 'reset-after'
  | 'status-500'
  | 'status-502'
  | 'status-503'
  | 'status-504'
  | 'rate-limited'
  | 'processing'
  | 'stall-before'
  | 'stall-after'
  | 'bad-json-after';

export interface SoakServer {
  url: string;
  /** Decides the fault for each POST of a comment. */
  faultFor: (key: string) => Fault;
  /** Texts of every stored comment of the soak thread. */
  storedTexts(): Promise<string[]>;
  faults: Record<string, number>;
  /** Every post: its key, text, the fault injected and the status answered (for a failure's report). */
  log: {key: string; text: string; fault: Fault; status?: number}[];
  /** Posts refused with 422 (a key sent again with other content). */
  refusedKeyReuse: number;
  close(): Promise<void>;
}

export async function startSoakServer(pageHtml: string, bundleFile: string): Promise<SoakServer> {
  const rest = restServer({endpoint: 'http://soak.invalid/api', threads: [{id: 'soak', title: 'Soak', comments: []}], capabilities: {live: false, signIn: false, session: false}});
  const faults: Record<string, number> = {};
  const stalled = new Set<ServerResponse>();
  let server: Server;
  const soak: SoakServer = {
    url: '',
    faultFor: () => 'none',
    faults,
    refusedKeyReuse: 0,
    log: [],
    async storedTexts() {
      const texts: string[] = [];
      let cursor: string | null = null;
      do {
        const url = new URL('http://soak.invalid/api/threads/soak/comments');
        url.searchParams.set('sort', 'oldest');
        url.searchParams.set('limit', '100');
        if (cursor) url.searchParams.set('cursor', cursor);
        const response = await getResponse(rest.handlers, new Request(url));
        const page = (await response!.json()) as {comments: {text?: string; content?: {value: string}}[]; nextCursor: string | null};
        for (const comment of page.comments) texts.push(comment.content?.value ?? comment.text ?? '');
        cursor = page.nextCursor;
      } while (cursor);
      return texts;
    },
    close: () =>
      new Promise((resolve) => {
        for (const response of stalled) response.destroy();
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };

  const handle = async (request: IncomingMessage, response: ServerResponse) => {
    const path = new URL(request.url ?? '/', 'http://localhost').pathname;
    if (path === '/' || path === '/index.html') {
      response.writeHead(200, {'Content-Type': 'text/html'}).end(pageHtml);
      return;
    }
    if (path === '/page.js') {
      response.writeHead(200, {'Content-Type': 'text/javascript'}).end(readFileSync(bundleFile));
      return;
    }
    if (!path.startsWith('/api')) {
      response.writeHead(404).end();
      return;
    }
    const chunks: Buffer[] = [];
    for await (const chunk of request) chunks.push(chunk as Buffer);
    const headers = new Headers();
    for (const [name, value] of Object.entries(request.headers)) if (typeof value === 'string') headers.set(name, value);
    const body = chunks.length > 0 ? Buffer.concat(chunks) : undefined;
    const forward = () =>
      getResponse(rest.handlers, new Request(`http://soak.invalid${request.url}`, {method: request.method, headers, ...(body ? {body} : {})}));
    const isPost = request.method === 'POST' && path.endsWith('/comments');
    const fault = isPost ? soak.faultFor(request.headers['idempotency-key'] as string) : 'none';
    const entry = {key: String(request.headers['idempotency-key']), text: body ? String(JSON.parse(body.toString()).text) : '', fault} as SoakServer['log'][number];
    if (isPost) {
      faults[fault] = (faults[fault] ?? 0) + 1;
      soak.log.push(entry);
    }
    const envelope = (status: number, code: string, extra: Record<string, string> = {}) =>
      response.writeHead(status, {'Content-Type': 'application/json', ...extra}).end(JSON.stringify({error: {code, message: `Injected ${code}.`}}));
    switch (fault) {
      case 'reset-before':
        request.socket.destroy();
        return;
      case 'status-500':
      case 'status-502':
      case 'status-504':
        envelope(Number(fault.slice(-3)), 'server');
        return;
      case 'status-503':
        envelope(503, 'server', {'Retry-After': '0'});
        return;
      case 'rate-limited':
        envelope(429, 'rate-limited', {'Retry-After': '0'});
        return;
      case 'processing':
        envelope(409, 'conflict', {'Retry-After': '0'});
        return;
      case 'stall-before':
        stalled.add(response);
        response.on('close', () => stalled.delete(response));
        return;
      default:
        break;
    }
    const answer = await forward();
    if (fault === 'reset-after') {
      request.socket.destroy();
      return;
    }
    if (fault === 'stall-after') {
      stalled.add(response);
      response.on('close', () => stalled.delete(response));
      return;
    }
    if (fault === 'bad-json-after') {
      response.writeHead(201, {'Content-Type': 'application/json'}).end('{"comment": {');
      return;
    }
    if (!answer) {
      response.writeHead(404).end();
      return;
    }
    entry.status = answer.status;
    if (isPost && answer.status === 422) soak.refusedKeyReuse++;
    const out: Record<string, string> = {};
    answer.headers.forEach((value, name) => (out[name] = value));
    response.writeHead(answer.status, out).end(Buffer.from(await answer.arrayBuffer()));
  };

  server = createServer((request, response) => {
    handle(request, response).catch((error: unknown) => {
      console.error(error);
      if (!response.headersSent) response.writeHead(500).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  soak.url = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}/`;
  return soak;
}
