import {expect, waitUntil} from '@open-wc/testing';
import {delay, http, HttpResponse} from 'msw';
import {createRestAdapter} from '../../../src/adapters/rest/index.js';
import {MIN_RECONNECT_DELAY_MS, reconnectDelay} from '../../../src/adapters/rest/event-stream.js';
import type {ThreadEvent} from '../../../src/core/adapter.js';
import {aqimThread} from '../../fixtures/rest-threads.js';
import {resetHandlers, useHandlers} from '../../helpers/msw.js';
import {restServer} from '../../mocks/rest-server.js';

const THREAD = 'aqim-updates-aug-6';
const removed = (id: number, commentId: string) => `id: ${id}\nevent: comment-removed\ndata: {"commentId":"${commentId}"}\n\n`;

/** A stream that sends `text` and then ends, as a server or proxy closing it would. */
function closingStream(text: string): HttpResponse<ReadableStream> {
  return new HttpResponse(
    new ReadableStream({
      start(controller) {
        if (text) controller.enqueue(new TextEncoder().encode(text));
        controller.close();
      },
    }),
    {headers: {'Content-Type': 'text/event-stream'}},
  );
}

/** Subscribes a REST adapter whose event stream is answered by `answer`; records every request. */
async function follow(answer: (request: Request, index: number) => HttpResponse<ReadableStream> | Promise<HttpResponse<ReadableStream>>) {
  const server = restServer({threads: [aqimThread()]});
  const requests: Request[] = [];
  await useHandlers(
    http.get(`${server.endpoint}/threads/:thread/events`, ({request}) => {
      requests.push(request);
      return answer(request, requests.length - 1);
    }),
    ...server.handlers,
  );
  const adapter = await createRestAdapter({endpoint: server.endpoint});
  const events: ThreadEvent[] = [];
  const controller = new AbortController();
  adapter.subscribe(THREAD, (event) => events.push(event), {signal: controller.signal});
  return {requests, events, stop: () => controller.abort()};
}

describe('live updates: reconnection', () => {
  let stop: (() => void) | undefined;
  afterEach(async () => {
    stop?.();
    await resetHandlers();
  });

  it('after a drop in the middle of an event, asks from the last complete one and loses nothing', async () => {
    const all = [removed(1, 'a'), removed(2, 'b'), removed(3, 'c')];
    const live = await follow((request, index) => {
      if (index === 0) return closingStream(all[0]! + all[1]!.slice(0, 40));
      const last = Number(request.headers.get('Last-Event-ID') ?? 0);
      return closingStream(`retry: 60000\n${all.slice(last).join('')}`);
    });
    stop = live.stop;
    await waitUntil(() => live.requests.length === 2, 'did not reconnect', {timeout: 4000});
    expect(live.requests[1]!.headers.get('Last-Event-ID')).to.equal('1');
    await waitUntil(() => live.events.length === 3, 'events were lost', {timeout: 2000});
    expect(live.events.map((event) => (event as {commentId: string}).commentId)).to.deep.equal(['a', 'b', 'c']);
  });

  it('backs off when the server closes every stream at once, even with retry: 0', async () => {
    const live = await follow(() => closingStream('retry: 0\n: hello\n\n'));
    stop = live.stop;
    await delay(3500);
    // Delays of 1 s, then 1–2 s, then 2–4 s: three requests at most in 3.5 s.
    expect(live.requests.length).to.be.within(2, 3);
  });

  it('backs off when a proxy answers 200 with an empty body', async () => {
    const live = await follow(() => closingStream(''));
    stop = live.stop;
    await delay(3500);
    expect(live.requests.length).to.be.within(2, 3);
  });
});

describe('reconnectDelay', () => {
  const middle = () => 0.5;
  it('never goes below one second, whatever retry says', () => {
    expect(reconnectDelay(1, 0, 30_000, () => 0)).to.equal(MIN_RECONNECT_DELAY_MS);
    expect(reconnectDelay(1, -5, 30_000, () => 0)).to.equal(MIN_RECONNECT_DELAY_MS);
    expect(reconnectDelay(1, Number.NaN, 30_000, () => 1)).to.equal(MIN_RECONNECT_DELAY_MS);
    expect(reconnectDelay(5, 0, 0, () => 1)).to.equal(MIN_RECONNECT_DELAY_MS);
  });

  it('doubles with every failed attempt up to the maximum, from the server\'s retry', () => {
    expect([1, 2, 3, 4, 5, 6, 7].map((attempt) => reconnectDelay(attempt, 1000, 30_000, () => 1))).to.deep.equal([
      1000, 2000, 4000, 8000, 16000, 30000, 30000,
    ]);
    expect(reconnectDelay(2, 5000, 30_000, () => 1)).to.equal(10_000);
    expect(reconnectDelay(1000, 1000, 30_000, () => 1)).to.equal(30_000);
  });

  it('spreads reconnections over the upper half of the delay', () => {
    expect(reconnectDelay(4, 1000, 30_000, () => 0)).to.equal(4000);
    expect(reconnectDelay(4, 1000, 30_000, middle)).to.equal(6000);
    expect(reconnectDelay(4, 1000, 30_000, () => 1)).to.equal(8000);
  });
});
