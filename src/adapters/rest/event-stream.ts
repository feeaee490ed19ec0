import {createParser, type EventSourceMessage} from 'eventsource-parser';

/** The shortest wait before reconnecting, whatever the server's `retry` says. */
export const MIN_RECONNECT_DELAY_MS = 1000;
/**
 * A stream counts as healthy, and the backoff starts again from its shortest delay, only
 * when it stayed open this long and delivered something: a server or proxy that closes
 * every stream at once (with a 200 and an empty body, say) keeps backing off.
 */
export const HEALTHY_STREAM_MS = 10_000;
/** The most a stream may hold in one unfinished event; past that it is dropped and reopened. */
const MAX_EVENT_SIZE = 1024 * 1024;

/**
 * How long to wait before reconnection number `attempt` (1 for the first after a healthy
 * stream): the server's `retry` (at least one second) doubled per attempt, at most
 * `maxMs`, with "equal jitter" (a random point in the upper half) so that tabs dropped by
 * the same server restart do not all come back at the same instant.
 */
export function reconnectDelay(attempt: number, retryMs: number | undefined, maxMs: number, random = Math.random): number {
  const base = Math.max(MIN_RECONNECT_DELAY_MS, Number.isFinite(retryMs) ? retryMs! : 0);
  const ceiling = Math.max(MIN_RECONNECT_DELAY_MS, Math.min(maxMs, base * 2 ** Math.min(Math.max(attempt - 1, 0), 20)));
  return Math.max(MIN_RECONNECT_DELAY_MS, Math.round(ceiling / 2 + (ceiling / 2) * random()));
}

export interface EventStreamOptions {
  /** Opens the stream; `Last-Event-ID` is set once an event with an id was delivered. */
  open(headers: Record<string, string>, signal: AbortSignal | undefined): Promise<Response>;
  onEvent(event: {type: string; data: string}): void;
  signal?: AbortSignal;
  maxReconnectDelay: number;
  /** For tests: the jitter's randomness. */
  random?: () => number;
}

/**
 * Follows a `text/event-stream` like `EventSource` would, but over `fetch` (so it can send
 * headers), until `signal` fires or the server answers 204, 401, 403 or 404. Parsing is
 * `eventsource-parser`'s; what is ours is the reconnection policy: a fresh parser per
 * connection (an event cut off by a drop is discarded, not glued to the next stream's
 * first one), `Last-Event-ID` taken only from events that were completely received (so
 * the server replays the one cut off), and exponential backoff with jitter.
 */
export async function followEventStream(options: EventStreamOptions): Promise<void> {
  const {signal} = options;
  let lastEventId: string | undefined;
  let retry: number | undefined;
  let attempt = 0;
  while (!signal?.aborted) {
    let healthy = false;
    try {
      const headers: Record<string, string> = {Accept: 'text/event-stream'};
      if (lastEventId) headers['Last-Event-ID'] = lastEventId;
      const response = await options.open(headers, signal);
      if ([204, 401, 403, 404].includes(response.status)) {
        await response.body?.cancel().catch(() => {});
        return;
      }
      if (response.ok && response.body) {
        const opened = Date.now();
        let delivered = false;
        let overflow = false;
        const parser = createParser({
          maxBufferSize: MAX_EVENT_SIZE,
          onId: (id) => (lastEventId = id),
          onRetry: (ms) => (retry = ms),
          onComment: () => (delivered = true),
          onEvent: (event: EventSourceMessage) => {
            delivered = true;
            options.onEvent({type: event.event ?? 'message', data: event.data});
          },
          onError: (error) => {
            if (error.type === 'max-buffer-size-exceeded') overflow = true;
          },
        });
        const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
        try {
          for (let chunk = await reader.read(); !chunk.done && !overflow; chunk = await reader.read()) {
            parser.feed(chunk.value);
          }
        } finally {
          await reader.cancel().catch(() => {});
        }
        healthy = delivered && Date.now() - opened >= HEALTHY_STREAM_MS;
      } else {
        await response.body?.cancel().catch(() => {});
      }
    } catch {
      if (signal?.aborted) return;
    }
    attempt = healthy ? 1 : attempt + 1;
    await sleep(reconnectDelay(attempt, retry, options.maxReconnectDelay, options.random), signal);
  }
}

function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(done, ms);
    signal?.addEventListener('abort', done, {once: true});
    function done() {
      clearTimeout(timer);
      signal?.removeEventListener('abort', done);
      resolve();
    }
  });
}
