import {Hono} from 'hono';
import type {AppEnv} from '../app.js';
import {ProtocolError} from '../errors.js';
import type {LiveEvent} from '../live/hub.js';
import {checkId, threadToRead} from '../store/threads.js';

const encoder = new TextEncoder();

/** `GET /threads/{thread}/events`: Server-Sent Events, resumed after `Last-Event-ID`. */
export function eventRoutes() {
  const app = new Hono<AppEnv>();
  app.get('/threads/:thread/events', async (c) => {
    const {config, db, live} = c.var.deps;
    // Decided once per stream: a moderator who signs out gets a new stream (a new token).
    const viewer = c.var.viewer;
    const threadId = checkId(c.req.param('thread'));
    await threadToRead(db, threadId, config);
    if (live.connections >= config.maxStreams) {
      throw new ProtocolError(503, 'server', 'error.too-many-streams', {retryAfter: 30});
    }
    const lastEventId = /^\d{1,18}$/.test(c.req.header('Last-Event-ID') ?? '') ? c.req.header('Last-Event-ID')! : null;
    let stop = () => {};
    const body = new ReadableStream<Uint8Array>({
      async start(controller) {
        let lastSent = BigInt(lastEventId ?? 0);
        let closed = false;
        const write = (text: string) => {
          if (closed) return;
          try {
            controller.enqueue(encoder.encode(text));
          } catch {
            closed = true;
            stop();
          }
        };
        const send = (event: LiveEvent) => {
          if (BigInt(event.id) <= lastSent || (event.moderatorsOnly && !viewer.isModerator)) return;
          lastSent = BigInt(event.id);
          write(`id: ${event.id}\nevent: ${event.type}\ndata: ${event.data}\n\n`);
        };
        // Listen first and hold what arrives, so nothing falls between the backlog and the live feed.
        let held: LiveEvent[] | null = lastEventId ? [] : null;
        stop = live.subscribe(threadId, (event) => (held ? held.push(event) : send(event)), () => write(': keep-alive\n\n'));
        c.req.raw.signal.addEventListener('abort', () => {
          closed = true;
          stop();
        });
        write('retry: 3000\n\n');
        if (lastEventId && held) {
          try {
            for (const event of await live.since(threadId, lastEventId)) send(event);
          } finally {
            for (const event of held) send(event);
            held = null;
          }
        }
      },
      cancel() {
        stop();
      },
    });
    return new Response(body, {
      headers: {
        'Content-Type': 'text/event-stream; charset=utf-8',
        'Cache-Control': 'no-store',
        'X-Accel-Buffering': 'no',
      },
    });
  });
  return app;
}
