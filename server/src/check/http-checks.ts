import {createParser} from 'eventsource-parser';

export interface Check {
  name: string;
  run(): Promise<void>;
}

const CODES = ['unauthorized', 'forbidden', 'not-found', 'rate-limited', 'duplicate', 'invalid', 'closed', 'conflict', 'server'];
const REQUEST_HEADERS = ['authorization', 'content-type', 'idempotency-key', 'if-none-match', 'last-event-id'];

function fail(message: string): never {
  throw new Error(message);
}

function expect(condition: unknown, message: string): asserts condition {
  if (!condition) fail(message);
}

/**
 * What the adapter suite cannot see from inside the adapter: status codes, headers, CORS,
 * conditional requests, idempotency replay headers, error envelopes and SSE framing.
 */
export function httpChecks(endpoint: string, thread: string): Check[] {
  const url = (path: string) => `${endpoint}/${path}`;
  const threadPath = `threads/${encodeURIComponent(thread)}`;
  const guest = () => `check${Math.random().toString(36).slice(2)}${Date.now().toString(36)}`.padEnd(24, 'x');
  const request = (path: string, init: RequestInit = {}) => fetch(url(path), {...init, signal: AbortSignal.timeout(15_000)});
  const post = (body: unknown, headers: Record<string, string> = {}) =>
    request(`${threadPath}/comments`, {
      method: 'POST',
      headers: {'Content-Type': 'application/json', 'Idempotency-Key': crypto.randomUUID(), ...headers},
      body: typeof body === 'string' ? body : JSON.stringify(body),
    });
  const text = (label: string) => `${label} ${crypto.randomUUID()}`;
  const asGuest = {name: 'Checker', email: 'checker@example.com'};

  async function envelope(response: Response, status: number | number[], code: string) {
    const statuses = Array.isArray(status) ? status : [status];
    const body = (await response.json().catch(() => null)) as {error?: {code?: string; message?: string; fields?: object}} | null;
    expect(statuses.includes(response.status), `expected status ${statuses.join(' or ')}, got ${response.status}`);
    expect(body?.error, `status ${response.status} came without the error envelope {"error": {…}}`);
    expect(CODES.includes(body.error.code ?? ''), `error code "${body.error.code}" is not one of the protocol's`);
    expect(body.error.code === code, `expected error code "${code}", got "${body.error.code}"`);
    expect(typeof body.error.message === 'string' && body.error.message.length > 0, 'the error has no message for people');
    return body.error;
  }

  return [
    {
      name: 'http: GET / is the service document, cacheable',
      async run() {
        const response = await request('', {headers: {Accept: 'application/json'}});
        expect(response.status === 200, `GET / answered ${response.status}`);
        const body = (await response.json()) as {protocol?: string; capabilities?: object};
        expect(body.protocol === 'colloquy-rest/1', `protocol is ${JSON.stringify(body.protocol)}, not "colloquy-rest/1"`);
        expect(typeof body.capabilities === 'object', 'no capabilities object');
        expect(/max-age=\d+/.test(response.headers.get('Cache-Control') ?? ''), 'no Cache-Control max-age on the service document');
      },
    },
    {
      name: 'http: CORS preflight allows the protocol\'s methods and headers; ETag and Retry-After are exposed',
      async run() {
        const origin = 'https://site.example';
        const preflight = await request(`${threadPath}/comments`, {
          method: 'OPTIONS',
          headers: {Origin: origin, 'Access-Control-Request-Method': 'POST', 'Access-Control-Request-Headers': REQUEST_HEADERS.join(',')},
        });
        expect(preflight.status >= 200 && preflight.status < 300, `preflight answered ${preflight.status}`);
        const allowOrigin = preflight.headers.get('Access-Control-Allow-Origin');
        if (!allowOrigin) {
          // A server limited to some origins may refuse ours; that is its right, so say so.
          fail(`the preflight from ${origin} was not allowed (no Access-Control-Allow-Origin); allow it to run this check`);
        }
        const methods = (preflight.headers.get('Access-Control-Allow-Methods') ?? '').toUpperCase();
        for (const method of ['GET', 'POST', 'PATCH', 'PUT', 'DELETE']) expect(methods.includes(method), `Access-Control-Allow-Methods lacks ${method}`);
        const headers = (preflight.headers.get('Access-Control-Allow-Headers') ?? '').toLowerCase();
        for (const header of REQUEST_HEADERS) expect(headers.includes(header) || headers === '*', `Access-Control-Allow-Headers lacks ${header}`);
        const page = await request(`${threadPath}/comments?limit=1`, {headers: {Origin: origin}});
        const exposed = (page.headers.get('Access-Control-Expose-Headers') ?? '').toLowerCase();
        for (const header of ['etag', 'retry-after']) expect(exposed.includes(header), `Access-Control-Expose-Headers lacks ${header}`);
      },
    },
    {
      name: 'http: pages carry a per-viewer ETag, answer If-None-Match with 304, and are private',
      async run() {
        const me = guest();
        const first = await request(`${threadPath}/comments?limit=5`, {headers: {'Colloquy-Guest': me}});
        expect(first.status === 200, `page answered ${first.status}`);
        const etag = first.headers.get('ETag');
        expect(etag, 'no ETag on a page');
        expect(/private/.test(first.headers.get('Cache-Control') ?? ''), 'Cache-Control of a page is not private');
        const again = await request(`${threadPath}/comments?limit=5`, {headers: {'Colloquy-Guest': me, 'If-None-Match': etag}});
        expect(again.status === 304, `If-None-Match with the current ETag answered ${again.status}, not 304`);
        expect((await again.text()) === '', 'a 304 came with a body');
        const posted = await post({text: text('etag'), guest: asGuest}, {'Colloquy-Guest': me});
        expect(posted.status === 201, `posting answered ${posted.status}`);
        const changed = await request(`${threadPath}/comments?limit=100&sort=newest`, {headers: {'Colloquy-Guest': me, 'If-None-Match': etag}});
        expect(changed.status === 200, 'the page was answered 304 after a new comment');
        const mine = changed.headers.get('ETag');
        const theirs = (await request(`${threadPath}/comments?limit=100&sort=newest`, {headers: {'Colloquy-Guest': guest()}})).headers.get('ETag');
        expect(mine !== theirs, 'two viewers (one the author of a comment on the page) got the same ETag');
      },
    },
    {
      name: 'http: bad page requests get the invalid envelope; an unknown route not-found',
      async run() {
        await envelope(await request(`${threadPath}/comments?sort=sideways`), 400, 'invalid');
        await envelope(await request(`${threadPath}/comments?limit=0`), 400, 'invalid');
        await envelope(await request(`${threadPath}/comments?cursor=%7Bnot-a-cursor`), 400, 'invalid');
        await envelope(await request('no/such/route'), 404, 'not-found');
      },
    },
    {
      name: 'http: with `replies` announced, a long conversation comes as its first replies, then batches after its cursor',
      async run() {
        const service = (await (await request('')).json()) as {capabilities?: {replies?: unknown}};
        if (service.capabilities?.replies !== true) return;
        const me = guest();
        const as = {'Colloquy-Guest': me};
        const say = async (label: string, parentId: string | null) => {
          const response = await post({text: text(label), parentId, guest: asGuest}, as);
          expect(response.status === 201, `posting answered ${response.status}`);
          return ((await response.json()) as {comment: {id: string; status: string}}).comment;
        };
        const opening = await say('a long conversation', null);
        // A held comment takes no replies: a server holding guests' posts cannot be checked here.
        if (opening.status === 'pending') return;
        const root = opening.id;
        const first = (await say('its first reply', root)).id;
        await say('an answer to the first reply', first);
        await say('its second reply', root);
        const read = async (path: string) => {
          const response = await request(path, {headers: as});
          expect(response.status === 200, `GET ${path} answered ${response.status}`);
          return (await response.json()) as {comments: {id: string; moreReplies?: {count: number; cursor: string} | null}[]; moreReplies?: {count: number; cursor: string} | null};
        };
        const whole = (await read(`${threadPath}/comments?sort=newest&limit=1`)).comments.map((comment) => comment.id);
        expect(whole[0] === root && whole.length === 4, 'a page without `replies` did not list the new conversation whole');
        const page = await read(`${threadPath}/comments?sort=newest&limit=1&replies=1`);
        expect(page.comments.length === 2, `replies=1 sent ${page.comments.length - 1} replies, not 1`);
        let more = page.comments[0]!.moreReplies;
        expect(more && more.count === 2 && typeof more.cursor === 'string', `the first comment's moreReplies is ${JSON.stringify(more)}, not {count: 2, cursor}`);
        const seen = page.comments.map((comment) => comment.id);
        for (let batches = 0; more && batches < 5; batches++) {
          const batch = await read(`${threadPath}/comments/${encodeURIComponent(root)}/replies?limit=1&cursor=${encodeURIComponent(more.cursor)}`);
          seen.push(...batch.comments.map((comment) => comment.id));
          more = batch.moreReplies;
        }
        expect(JSON.stringify(seen) === JSON.stringify(whole), `the batches listed ${seen.join(', ')}, the page ${whole.join(', ')}`);
        await envelope(await request(`${threadPath}/comments/${encodeURIComponent(root)}/replies?cursor=%7Bnot-a-cursor`), 400, 'invalid');
        await envelope(await request(`${threadPath}/comments?replies=0`), 400, 'invalid');
      },
    },
    {
      name: 'http: bad posts get the invalid envelope with fields',
      async run() {
        await envelope(await post('{"text": "unclosed'), 400, 'invalid');
        await envelope(await post('[1,2]'), 400, 'invalid');
        const wrongType = await envelope(await post({text: 42, guest: asGuest}), 400, 'invalid');
        expect('text' in (wrongType.fields ?? {}), 'a non-string text was not reported in fields.text');
        const noName = await envelope(await post({text: text('no name'), guest: {name: ''}}), 400, 'invalid');
        expect('name' in (noName.fields ?? {}), 'a missing name was not reported in fields.name');
        const orphan = await envelope(await post({text: text('orphan'), parentId: 'no-such-comment', guest: asGuest}), 400, 'invalid');
        expect('parent' in (orphan.fields ?? {}), 'an unknown parent was not reported in fields.parent');
        const invalidUtf8 = await request(`${threadPath}/comments`, {
          method: 'POST',
          headers: {'Content-Type': 'application/json', 'Idempotency-Key': crypto.randomUUID()},
          body: new Uint8Array([0x7b, 0x22, 0x74, 0x65, 0x78, 0x74, 0x22, 0x3a, 0x22, 0xff, 0xfe, 0x22, 0x7d]),
        });
        await envelope(invalidUtf8, 400, 'invalid');
      },
    },
    {
      name: 'http: a body over the limit is refused with 413 and the envelope',
      async run() {
        const big = JSON.stringify({text: 'x'.repeat(8 * 1024 * 1024), guest: asGuest});
        await envelope(await post(big), 413, 'invalid');
      },
    },
    {
      name: 'http: a replayed Idempotency-Key answers the stored comment; another body under it is refused',
      async run() {
        const key = crypto.randomUUID();
        const me = guest();
        const body = {text: text('idempotent'), guest: asGuest};
        const first = await post(body, {'Idempotency-Key': key, 'Colloquy-Guest': me});
        expect(first.status === 201, `first post answered ${first.status}`);
        const second = await post(body, {'Idempotency-Key': key, 'Colloquy-Guest': me});
        expect(second.status === 201, `the replay answered ${second.status}, not 201`);
        expect(second.headers.get('Idempotency-Replayed') === 'true', 'the replay has no Idempotency-Replayed: true');
        const [a, b] = (await Promise.all([first.json(), second.json()])) as {comment: {id: string}}[];
        expect(a!.comment.id === b!.comment.id, 'the replay answered a different comment');
        await envelope(await post({...body, text: text('other')}, {'Idempotency-Key': key, 'Colloquy-Guest': me}), [422, 400], 'invalid');
      },
    },
    {
      name: 'http: the same text again from the same author is a duplicate',
      async run() {
        const me = guest();
        const body = {text: text('twice'), guest: asGuest};
        expect((await post(body, {'Colloquy-Guest': me})).status === 201, 'the first post failed');
        await envelope(await post(body, {'Colloquy-Guest': me}), 409, 'duplicate');
      },
    },
    {
      name: 'http: live events are framed SSE with ids, and resume after Last-Event-ID',
      async run() {
        const stream = await openStream(url(`${threadPath}/events`));
        try {
          expect(/^text\/event-stream/.test(stream.contentType), `events answered Content-Type ${stream.contentType}`);
          const said = text('live');
          const first = await post({text: said, guest: asGuest}, {'Colloquy-Guest': guest()});
          expect(first.status === 201, 'posting failed');
          // A held comment is news to nobody but moderators: a server holding guests' posts
          // cannot show a guest's post live; this check needs one that does not.
          if (((await first.json()) as {comment?: {status?: string}}).comment?.status === 'pending') return;
          const added = await stream.next((event) => event.type === 'comment-added' && event.data.includes(said));
          expect(added.id && /^\S+$/.test(added.id), 'the event has no id');
          expect(stream.retry !== undefined, 'the stream sets no retry delay');
          const second = text('live again');
          expect((await post({text: second, guest: asGuest}, {'Colloquy-Guest': guest()})).status === 201, 'posting failed');
          await stream.next((event) => event.data.includes(second));
          const resumed = await openStream(url(`${threadPath}/events`), added.id);
          try {
            const replayed = await resumed.next((event) => event.data.includes(second));
            expect(!replayed.data.includes(said), 'the resumed stream repeated the event before Last-Event-ID');
          } finally {
            resumed.close();
          }
        } finally {
          stream.close();
        }
      },
    },
  ];
}

/** One event as the stream's reader sees it: its type (`message` by default), data and the last id seen. */
interface ServerSentEvent {
  type: string;
  data: string;
}

interface OpenStream {
  contentType: string;
  retry: number | undefined;
  next(match: (event: ServerSentEvent & {id: string}) => boolean, ms?: number): Promise<ServerSentEvent & {id: string}>;
  close(): void;
}

async function openStream(href: string, lastEventId?: string): Promise<OpenStream> {
  const controller = new AbortController();
  const response = await fetch(href, {
    headers: {Accept: 'text/event-stream', ...(lastEventId ? {'Last-Event-ID': lastEventId} : {})},
    signal: controller.signal,
  });
  expect(response.ok && response.body, `events answered ${response.status}`);
  const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
  const queue: (ServerSentEvent & {id: string})[] = [];
  let lastSeenId = '';
  let retry: number | undefined;
  const parser = createParser({
    onEvent(event) {
      if (event.id !== undefined) lastSeenId = event.id;
      queue.push({type: event.event ?? 'message', data: event.data, id: lastSeenId});
    },
    onRetry(interval) {
      retry = interval;
    },
  });
  return {
    contentType: response.headers.get('Content-Type') ?? '',
    get retry() {
      return retry;
    },
    async next(match, ms = 10_000) {
      const deadline = Date.now() + ms;
      for (;;) {
        const index = queue.findIndex(match);
        if (index >= 0) return queue.splice(0, index + 1).at(-1)!;
        queue.length = 0;
        const left = deadline - Date.now();
        if (left <= 0) fail('the expected event did not arrive within 10 s');
        let timer: NodeJS.Timeout | undefined;
        const chunk = await Promise.race([
          reader.read(),
          new Promise<null>((resolve) => (timer = setTimeout(() => resolve(null), left))),
        ]).finally(() => clearTimeout(timer));
        if (chunk === null) continue;
        if (chunk.done) fail('the server closed the event stream');
        parser.feed(chunk.value);
      }
    },
    close: () => controller.abort(),
  };
}
