// A server for the Colloquy REST protocol (docs/rest-protocol.md) in msw handlers: an
// in-memory reference implementation, shared by the tests and demo/rest.html. It keeps
// to the protocol's letter (keyset cursors, ETags, idempotency keys, the error envelope,
// Server-Sent Events with replay), so the adapter is tested against what a careful
// backend would do.
import {http, HttpResponse, type RequestHandler} from 'msw';

export interface RestSeedComment {
  id: string;
  parentId?: string | null;
  author: {name: string; id?: string; avatarUrl?: string; profileUrl?: string; moderator?: boolean};
  createdAt: string;
  text: string;
  status?: 'approved' | 'pending' | 'deleted';
  likes?: number;
}

export interface RestSeedThread {
  id: string;
  title: string;
  url?: string;
  open?: boolean;
  comments: RestSeedComment[];
}

export interface RestServerOptions {
  /** The protocol's base URL; default `https://api.colloquy.example/comments`. */
  endpoint?: string;
  threads: RestSeedThread[];
  /** Whether people who are not signed in may comment; default true. */
  guests?: boolean;
  /** Hold guests' comments for moderation; default false. */
  holdGuests?: boolean;
  maxLength?: number;
  /** Milliseconds every answer waits (the demo shows loading states with it). */
  latency?: number;
  /** Posts one viewer may make per minute before 429; default unlimited. */
  postsPerMinute?: number;
  /** The page maximum the service document announces (`limits.pageSize`); left out, none is announced and the protocol's 100 holds. */
  pageSize?: number;
  /** What the service document claims; default everything. */
  capabilities?: Partial<{edit: boolean; delete: boolean; reactions: string[]; signIn: boolean; session: boolean; live: boolean; locate: boolean; moderate: boolean; replies: boolean}>;
}

interface StoredComment {
  id: string;
  parentId: string | null;
  author: {name: string; id?: string; avatarUrl?: string; profileUrl?: string; moderator?: boolean};
  createdAt: string;
  editedAt?: string;
  text: string;
  /** `spam`: a moderator's verdict, kept but never listed. */
  status: 'approved' | 'pending' | 'deleted' | 'spam';
  likes: Set<string>;
  seededLikes: number;
}

interface StoredThread {
  id: string;
  title: string;
  url?: string;
  open: boolean;
  comments: StoredComment[];
  /** Every change, for `Last-Event-ID` replay. */
  events: {id: number; type: string; data: string}[];
  streams: Set<ReadableStreamDefaultController<Uint8Array>>;
}

interface Viewer {
  id: string;
  name: string;
  moderator: boolean;
  provider: string;
}

export interface RestServer {
  readonly endpoint: string;
  readonly handlers: RequestHandler[];
  /** Every request answered, oldest first (clones, bodies still readable). */
  readonly requests: Request[];
  /** A comment added by someone else (another person, another tab), announced live. */
  addComment(thread: string, comment: Omit<RestSeedComment, 'createdAt'> & {createdAt?: string}): void;
  removeComment(thread: string, id: string): void;
  /** Makes the next request to a path ending in `pathEnd` fail with this envelope. */
  /**
   * Answers the next request whose path ends with `pathEnd` (and whose method is `method`,
   * when given) with this error instead.
   */
  failNext(
    pathEnd: string,
    status: number,
    error: {code: string; message: string; fields?: Record<string, string>; retryAfter?: number},
    headers?: Record<string, string>,
    method?: string,
  ): void;
  /** What the provider's consent screen does: a code the callback page will report. */
  authorize(provider: string, viewer: {id: string; name: string; moderator?: boolean}, state?: string): string;
  /** Closes every open live stream (the server restarting). */
  dropStreams(): void;
}

const encoder = new TextEncoder();

export function restServer(options: RestServerOptions): RestServer {
  const endpoint = (options.endpoint ?? 'https://api.colloquy.example/comments').replace(/\/$/, '');
  const requests: Request[] = [];
  const threads = new Map<string, StoredThread>();
  for (const seed of options.threads) {
    threads.set(seed.id, {
      id: seed.id,
      title: seed.title,
      ...(seed.url ? {url: seed.url} : {}),
      open: seed.open ?? true,
      comments: seed.comments.map((comment) => ({
        id: comment.id,
        parentId: comment.parentId ?? null,
        author: comment.author,
        createdAt: comment.createdAt,
        text: comment.text,
        status: comment.status ?? 'approved',
        likes: new Set(),
        seededLikes: comment.likes ?? 0,
      })),
      events: [],
      streams: new Set(),
    });
  }
  const tokens = new Map<string, Viewer>();
  const codes = new Map<string, Viewer>();
  const claimable = new Map<string, Viewer>();
  const idempotent = new Map<string, {fingerprint: string; commentId: string; thread: string}>();
  const posts = new Map<string, number[]>();
  const failures: {pathEnd: string; method?: string; status: number; body: unknown; headers: Record<string, string>}[] = [];
  let nextId = 1;
  let nextEvent = 1;
  const maxPageSize = options.pageSize ?? 100;
  const capabilities = {edit: true, delete: true, reactions: ['like'], signIn: true, session: true, live: true, locate: true, moderate: true, replies: true, ...options.capabilities};

  const corsHeaders = {'Access-Control-Allow-Origin': '*', 'Access-Control-Expose-Headers': 'ETag, Retry-After, Idempotency-Replayed'};
  const json = (body: unknown, status = 200, headers: Record<string, string> = {}) =>
    HttpResponse.json(body as object, {status, headers: {...corsHeaders, ...headers}});
  const fail = (status: number, code: string, message: string, extra: Record<string, unknown> = {}, headers: Record<string, string> = {}) =>
    json({error: {code, message, ...extra}}, status, headers);

  const viewerOf = (request: Request): Viewer | undefined | 'invalid' => {
    const header = request.headers.get('Authorization');
    if (!header) return undefined;
    return tokens.get(header.replace(/^Bearer /, '')) ?? 'invalid';
  };

  const visibleTo = (thread: StoredThread, viewer: Viewer | undefined) => {
    const own = (comment: StoredComment) => viewer !== undefined && comment.author.id === viewer.id;
    const live = thread.comments.filter((c) => c.status === 'approved' || (c.status === 'pending' && (own(c) || viewer?.moderator)));
    const liveIds = new Set(live.map((c) => c.id));
    // A deleted comment stays while a visible reply hangs under it, however deep.
    const keep = new Set(liveIds);
    for (const comment of live) {
      let parent = thread.comments.find((c) => c.id === comment.parentId);
      while (parent) {
        keep.add(parent.id);
        const grandparent = parent.parentId;
        parent = thread.comments.find((c) => c.id === grandparent);
      }
    }
    return thread.comments.filter((c) => keep.has(c.id) && c.status !== 'spam');
  };

  const wire = (thread: StoredThread, comment: StoredComment, viewer: Viewer | undefined, visible: StoredComment[]) => {
    const mine = viewer !== undefined && comment.author.id === viewer.id;
    const deleted = comment.status === 'deleted';
    return {
      id: comment.id,
      parentId: comment.parentId,
      author: deleted
        ? {name: ''}
        : {
            ...(comment.author.id ? {id: comment.author.id} : {}),
            name: comment.author.name,
            ...(comment.author.avatarUrl ? {avatarUrl: comment.author.avatarUrl} : {}),
            ...(comment.author.profileUrl ? {profileUrl: comment.author.profileUrl} : {}),
            isViewer: mine,
            isModerator: comment.author.moderator === true,
          },
      createdAt: comment.createdAt,
      ...(comment.editedAt ? {editedAt: comment.editedAt} : {}),
      content: {kind: 'text', value: deleted ? '' : comment.text},
      status: comment.status,
      ...(thread.url ? {permalink: `${thread.url}#comment-${comment.id}`} : {}),
      replyCount: visible.filter((c) => c.parentId === comment.id).length,
      reactions: capabilities.reactions.length
        ? [{key: 'like', count: comment.seededLikes + comment.likes.size, viewerReacted: viewer ? comment.likes.has(viewer.id) : false}]
        : undefined,
      viewerCan: {
        reply: thread.open && !deleted,
        edit: mine && !deleted,
        delete: !deleted && (mine || viewer?.moderator === true),
        ...(capabilities.moderate && viewer?.moderator && !deleted ? {moderate: true} : {}),
      },
    };
  };

  /** A comment as returned to the person who just posted it, guest or not. */
  const ownComment = (thread: StoredThread, comment: StoredComment, viewer: Viewer | undefined) => {
    const stored = wire(thread, comment, viewer, visibleTo(thread, viewer));
    return {...stored, author: {...stored.author, isViewer: true}};
  };

  const threadInfo = (thread: StoredThread, visible: StoredComment[]) => ({
    id: thread.id,
    title: thread.title,
    ...(thread.url ? {url: thread.url} : {}),
    totalCount: visible.filter((c) => c.status !== 'deleted').length,
    posting: {
      open: thread.open,
      guests: {allowed: options.guests !== false, requireName: true, requireEmail: true},
      ...(options.maxLength ? {maxLength: options.maxLength} : {}),
      notifications: {comments: true, posts: false},
    },
  });

  const announce = (thread: StoredThread, type: string, data: unknown) => {
    const event = {id: nextEvent++, type, data: JSON.stringify(data)};
    thread.events.push(event);
    const frame = encoder.encode(`id: ${event.id}\nevent: ${type}\ndata: ${event.data}\n\n`);
    for (const stream of thread.streams) {
      try {
        stream.enqueue(frame);
      } catch {
        thread.streams.delete(stream);
      }
    }
  };
  // Live events go to everyone, so they carry what anybody may see: no viewer.
  const announceComment = (thread: StoredThread, type: 'comment-added' | 'comment-updated', comment: StoredComment) => {
    if (comment.status === 'pending') return;
    announce(thread, type, {comment: wire(thread, comment, undefined, visibleTo(thread, undefined))});
  };

  const etagOf = async (text: string) => {
    const digest = await crypto.subtle.digest('SHA-256', encoder.encode(text));
    return `"${Array.from(new Uint8Array(digest).slice(0, 12), (byte) => byte.toString(16).padStart(2, '0')).join('')}"`;
  };

  /** `sort` and `limit` of a listing or location request, or the error answer. */
  const pagingOf = (params: URLSearchParams): {sort: string; limit: number} | Response => {
    const sort = params.get('sort') ?? 'oldest';
    const limit = Number(params.get('limit') ?? 20);
    if (!['oldest', 'newest', 'top'].includes(sort) || !Number.isInteger(limit) || limit < 1 || limit > maxPageSize) {
      return fail(400, 'invalid', `sort must be oldest, newest or top; limit 1 to ${maxPageSize}.`);
    }
    return {sort, limit};
  };

  const sortedRoots = (visible: StoredComment[], sort: string) => {
    const likes = (c: StoredComment) => c.seededLikes + c.likes.size;
    return visible
      .filter((c) => c.parentId === null)
      .sort((a, b) => {
        if (sort === 'top') return likes(b) - likes(a) || a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id);
        const order = a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id);
        return sort === 'newest' ? -order : order;
      });
  };
  /** The cursor of the page starting at `roots[start]`. */
  const cursorAfter = (sort: string, roots: StoredComment[], start: number) => {
    const last = roots[start - 1]!;
    return btoa(JSON.stringify(sort === 'top' ? {offset: start} : {after: [last.createdAt, last.id]})).replace(/\+/g, '-').replace(/\//g, '_');
  };

  const locate = (request: Request, thread: StoredThread, viewer: Viewer | undefined, commentId: string) => {
    const params = new URL(request.url).searchParams;
    const paging = pagingOf(params);
    if (paging instanceof Response) return paging;
    const {sort, limit} = paging;
    const visible = visibleTo(thread, viewer);
    let root = visible.find((c) => c.id === commentId && c.status !== 'deleted');
    for (let depth = 0; root && root.parentId !== null && depth < visible.length; depth++) {
      const parentId = root.parentId;
      root = visible.find((c) => c.id === parentId);
    }
    if (!root || root.parentId !== null) return fail(404, 'not-found', 'This comment does not exist.');
    const roots = sortedRoots(visible, sort);
    const start = Math.floor(roots.indexOf(root) / limit) * limit;
    return json({cursor: start === 0 ? null : cursorAfter(sort, roots, start), rootId: root.id});
  };

  const listPage = async (request: Request, thread: StoredThread, viewer: Viewer | undefined) => {
    const params = new URL(request.url).searchParams;
    const paging = pagingOf(params);
    if (paging instanceof Response) return paging;
    const {sort, limit} = paging;
    const visible = visibleTo(thread, viewer);
    const roots = sortedRoots(visible, sort);
    // Keyset cursors for time order: comments added meanwhile cannot shift a page.
    let start = 0;
    const cursor = params.get('cursor');
    if (cursor) {
      let position: {offset?: number; after?: [string, string]};
      try {
        position = JSON.parse(atob(cursor.replace(/-/g, '+').replace(/_/g, '/'))) as typeof position;
      } catch {
        return fail(400, 'invalid', 'The cursor is not one this server gave.');
      }
      if (position.after) {
        const [time, id] = position.after;
        const index = roots.findIndex((c) => {
          const order = c.createdAt.localeCompare(time) || c.id.localeCompare(id);
          return sort === 'newest' ? order < 0 : order > 0;
        });
        start = index === -1 ? roots.length : index;
      } else {
        start = position.offset ?? 0;
      }
    }
    const pageRoots = roots.slice(start, start + limit);
    const replies = capabilities.replies ? replyLimitOf(params.get('replies')) : undefined;
    if (replies instanceof Response) return replies;
    const more = new Map<string, {count: number; cursor: string}>();
    const comments = pageRoots.flatMap((root) => {
      const all = readingOrder(visible, root.id);
      if (replies === undefined || all.length <= replies) return [root, ...all];
      more.set(root.id, moreAfter(root.id, all, replies));
      return [root, ...all.slice(0, replies)];
    });
    const last = pageRoots.at(-1);
    const next = start + limit < roots.length && last !== undefined ? cursorAfter(sort, roots, start + limit) : null;
    const body = JSON.stringify({
      thread: threadInfo(thread, visible),
      comments: comments.map((c) => ({...wire(thread, c, viewer, visible), ...(more.has(c.id) ? {moreReplies: more.get(c.id)} : {})})),
      nextCursor: next,
    });
    const etag = await etagOf(`${viewer?.id ?? ''}\n${body}`);
    if (request.headers.get('If-None-Match') === etag) {
      return new HttpResponse(null, {status: 304, headers: {...corsHeaders, ETag: etag}});
    }
    return new HttpResponse(body, {headers: {...corsHeaders, 'Content-Type': 'application/json', ETag: etag, 'Cache-Control': 'private, no-cache'}});
  };

  /** A conversation's visible replies in reading order: depth first, oldest first. */
  const readingOrder = (visible: StoredComment[], id: string): StoredComment[] =>
    visible
      .filter((c) => c.parentId === id)
      .sort((a, b) => a.createdAt.localeCompare(b.createdAt))
      .flatMap((c) => [c, ...readingOrder(visible, c.id)]);
  /** `replies=` or `limit=` of the replies listing: 1 to 500, else the error answer. */
  const replyLimitOf = (raw: string | null, fallback?: number): number | undefined | Response => {
    if (raw === null) return fallback;
    const value = Number(raw);
    return /^\d+$/.test(raw) && value >= 1 && value <= 500 ? value : fail(400, 'invalid', 'replies and limit are 1 to 500.');
  };
  // A position rather than a keyset: enough for a mock whose tests post nothing mid-conversation.
  const moreAfter = (root: string, all: StoredComment[], sent: number) => ({
    count: all.slice(sent).filter((c) => c.status !== 'deleted').length,
    cursor: btoa(JSON.stringify({root, sent})),
  });
  const listReplies = (request: Request, thread: StoredThread, viewer: Viewer | undefined, rootId: string) => {
    const params = new URL(request.url).searchParams;
    const limit = replyLimitOf(params.get('limit'), 100);
    if (limit instanceof Response) return limit;
    const visible = visibleTo(thread, viewer);
    if (!visible.some((c) => c.id === rootId && c.parentId === null)) return fail(404, 'not-found', 'This conversation does not exist.');
    let from = 0;
    try {
      const cursor = JSON.parse(atob(params.get('cursor') ?? btoa(JSON.stringify({root: rootId, sent: 0})))) as {root?: unknown; sent?: unknown};
      if (cursor.root !== rootId || typeof cursor.sent !== 'number') throw new Error('foreign');
      from = cursor.sent;
    } catch {
      return fail(400, 'invalid', 'The cursor is not one this server gave.');
    }
    const all = readingOrder(visible, rootId);
    const batch = all.slice(from, from + limit!);
    const left = from + limit! < all.length;
    return json({
      comments: batch.map((c) => wire(thread, c, viewer, visible)),
      moreReplies: left ? moreAfter(rootId, all, from + limit!) : null,
    });
  };

  const create = async (request: Request, thread: StoredThread, viewer: Viewer | undefined) => {
    const key = request.headers.get('Idempotency-Key');
    if (!key) return fail(400, 'invalid', 'The Idempotency-Key header is required.');
    const text = await request.text();
    const remembered = idempotent.get(key);
    if (remembered) {
      if (remembered.fingerprint !== text || remembered.thread !== thread.id) {
        return fail(422, 'invalid', 'This Idempotency-Key was used for another comment.');
      }
      const comment = thread.comments.find((c) => c.id === remembered.commentId)!;
      return json({comment: ownComment(thread, comment, viewer)}, 201, {'Idempotency-Replayed': 'true'});
    }
    let input: {text?: unknown; parentId?: unknown; guest?: {name?: unknown; email?: unknown; website?: unknown}};
    try {
      input = JSON.parse(text) as typeof input;
    } catch {
      return fail(400, 'invalid', 'The body is not JSON.');
    }
    if (!thread.open) return fail(403, 'closed', 'Comments are closed.');
    if (!viewer && options.guests === false) return fail(401, 'unauthorized', 'Please sign in to comment.');
    const body = typeof input.text === 'string' ? input.text.trim() : '';
    if (body === '') return fail(400, 'invalid', 'Please write a comment.', {fields: {text: 'Please write a comment.'}});
    if (options.maxLength && body.length > options.maxLength) {
      return fail(400, 'invalid', 'The comment is too long.', {fields: {text: `At most ${options.maxLength} characters.`}});
    }
    const guest = input.guest ?? {};
    if (!viewer) {
      const fields: Record<string, string> = {};
      if (typeof guest.name !== 'string' || guest.name.trim() === '') fields['name'] = 'Please give your name.';
      if (typeof guest.email !== 'string' || !/^[^@\s]+@[^@\s]+$/.test(guest.email)) fields['email'] = 'Please give a valid email address.';
      if (Object.keys(fields).length) return fail(400, 'invalid', 'Some details are missing.', {fields});
    }
    const parentId = typeof input.parentId === 'string' ? input.parentId : null;
    const parent = parentId === null ? undefined : thread.comments.find((c) => c.id === parentId);
    if (parentId !== null && (!parent || parent.status === 'deleted')) {
      return fail(400, 'invalid', 'The comment you reply to is gone.', {fields: {parent: 'The comment you reply to is gone.'}});
    }
    const who = viewer?.id ?? 'guest';
    const recent = (posts.get(who) ?? []).filter((time) => Date.now() - time < 60_000);
    if (options.postsPerMinute !== undefined && recent.length >= options.postsPerMinute) {
      const wait = Math.ceil((60_000 - (Date.now() - recent[0]!)) / 1000);
      return fail(429, 'rate-limited', 'You are commenting too quickly.', {retryAfter: wait}, {'Retry-After': String(wait)});
    }
    posts.set(who, [...recent, Date.now()]);
    const website = typeof guest.website === 'string' && /^https?:\/\//.test(guest.website) ? guest.website : undefined;
    const comment: StoredComment = {
      id: `c${nextId++}`,
      parentId,
      author: viewer
        ? {id: viewer.id, name: viewer.name, moderator: viewer.moderator}
        : {name: String(guest.name).trim(), ...(website ? {profileUrl: website} : {})},
      createdAt: new Date().toISOString(),
      text: body,
      status: !viewer && options.holdGuests ? 'pending' : 'approved',
      likes: new Set(),
      seededLikes: 0,
    };
    thread.comments.push(comment);
    idempotent.set(key, {fingerprint: text, commentId: comment.id, thread: thread.id});
    announceComment(thread, 'comment-added', comment);
    return json({comment: ownComment(thread, comment, viewer)}, 201, {
      Location: `${endpoint}/threads/${encodeURIComponent(thread.id)}/comments/${comment.id}`,
    });
  };

  const events = (request: Request, thread: StoredThread) => {
    const last = Number(request.headers.get('Last-Event-ID') ?? 0);
    let controller!: ReadableStreamDefaultController<Uint8Array>;
    const stream = new ReadableStream<Uint8Array>({
      start(c) {
        controller = c;
        controller.enqueue(encoder.encode(`retry: 1000\n: connected\n\n`));
        for (const event of thread.events.filter((e) => e.id > last)) {
          controller.enqueue(encoder.encode(`id: ${event.id}\nevent: ${event.type}\ndata: ${event.data}\n\n`));
        }
        thread.streams.add(controller);
      },
      cancel() {
        thread.streams.delete(controller);
      },
    });
    return new HttpResponse(stream, {headers: {...corsHeaders, 'Content-Type': 'text/event-stream', 'Cache-Control': 'no-store'}});
  };

  const session = (viewer: Viewer) => ({viewer: {id: viewer.id, name: viewer.name, isModerator: viewer.moderator}, providerId: viewer.provider});
  const issue = (viewer: Viewer) => {
    const token = crypto.randomUUID();
    tokens.set(token, viewer);
    return json({token, expiresAt: new Date(Date.now() + 3600_000).toISOString(), session: session(viewer)}, 201);
  };

  async function route(request: Request, path: string): Promise<Response> {
    const failure = failures.findIndex((f) => path.endsWith(f.pathEnd) && (!f.method || f.method === request.method));
    if (failure !== -1) {
      const [{status, body, headers}] = failures.splice(failure, 1) as [(typeof failures)[number]];
      return json(body, status, headers);
    }
    const viewer = viewerOf(request);
    if (viewer === 'invalid') return fail(401, 'unauthorized', 'Your session has ended. Please sign in again.');
    const method = request.method;

    if (path === '' && method === 'GET') return json({protocol: 'colloquy-rest/1', capabilities, ...(options.pageSize ? {limits: {pageSize: options.pageSize}} : {})});
    if (path === '/auth/providers' && method === 'GET') {
      return json({providers: [{id: 'github', name: 'GitHub'}, {id: 'email', name: 'Email'}]});
    }
    const authorize = /^\/auth\/providers\/([^/]+)\/authorize$/.exec(path);
    if (authorize && method === 'GET') {
      const params = new URL(request.url).searchParams;
      const back = new URL(params.get('redirect_uri') ?? '');
      back.searchParams.set('code', server.authorize(decodeURIComponent(authorize[1]!), {id: 'u-demo', name: 'Demo Reader'}, params.get('state') ?? undefined));
      back.searchParams.set('state', params.get('state') ?? '');
      return new HttpResponse(null, {status: 302, headers: {Location: back.href}});
    }
    const link = /^\/auth\/providers\/([^/]+)\/link$/.exec(path);
    if (link && method === 'POST') {
      const input = (await request.json().catch(() => ({}))) as {email?: string; name?: string; state?: string};
      if (!input.email?.includes('@')) return fail(400, 'invalid', 'Please give a valid email address.');
      // As if the link were opened at once: the sign-in is then claimable by its state.
      server.authorize(decodeURIComponent(link[1]!), {id: 'u-mailed', name: input.name ?? input.email.split('@')[0]!}, input.state);
      return new HttpResponse(null, {status: 202, headers: corsHeaders});
    }
    if (path === '/auth/session') {
      if (method === 'GET') return viewer ? json({session: session(viewer)}) : fail(401, 'unauthorized', 'Nobody is signed in.');
      if (method === 'DELETE') {
        tokens.delete((request.headers.get('Authorization') ?? '').replace(/^Bearer /, ''));
        return new HttpResponse(null, {status: 204, headers: corsHeaders});
      }
      if (method === 'POST') {
        const input = (await request.json().catch(() => ({}))) as {provider?: string; result?: {code?: string}; state?: string};
        if (input.state !== undefined) {
          const claimed = claimable.get(input.state);
          claimable.delete(input.state);
          return claimed ? issue(claimed) : fail(404, 'not-found', 'No sign-in finished with this state.');
        }
        const signedIn = codes.get(input.result?.code ?? '');
        codes.delete(input.result?.code ?? '');
        return signedIn ? issue(signedIn) : fail(401, 'unauthorized', 'The sign-in could not be completed.');
      }
    }

    const match = /^\/threads\/([^/]+)\/(comments|events)(?:\/([^/]+))?(?:\/reactions\/([^/]+)|\/(location)|\/(moderation)|\/(replies))?$/.exec(path);
    if (!match) return fail(404, 'not-found', 'No such route.');
    const thread = threads.get(decodeURIComponent(match[1]!));
    if (!thread) return fail(404, 'not-found', 'This thread does not exist.');
    if (match[2] === 'events' && method === 'GET') return events(request, thread);
    const commentId = match[3] === undefined ? undefined : decodeURIComponent(match[3]);
    if (commentId === undefined) {
      if (method === 'GET') return listPage(request, thread, viewer);
      if (method === 'POST') return create(request, thread, viewer);
      return fail(405, 'invalid', 'Method not allowed.');
    }
    if (match[7] !== undefined) {
      if (!capabilities.replies) return fail(404, 'not-found', 'No such route.');
      return method === 'GET' ? listReplies(request, thread, viewer, commentId) : fail(405, 'invalid', 'Method not allowed.');
    }
    if (match[5] !== undefined) {
      if (!capabilities.locate) return fail(404, 'not-found', 'No such route.');
      return method === 'GET' ? locate(request, thread, viewer, commentId) : fail(405, 'invalid', 'Method not allowed.');
    }
    const comment = thread.comments.find((c) => c.id === commentId && c.status !== 'deleted' && c.status !== 'spam');
    if (!comment) return fail(404, 'not-found', 'This comment does not exist.');
    if (match[4] !== undefined) {
      if (!viewer) return fail(401, 'unauthorized', 'Please sign in to react.');
      if (decodeURIComponent(match[4]) !== 'like') return fail(404, 'not-found', 'No such reaction.');
      if (method === 'PUT') comment.likes.add(viewer.id);
      else comment.likes.delete(viewer.id);
      announceComment(thread, 'comment-updated', comment);
      return json({comment: wire(thread, comment, viewer, visibleTo(thread, viewer))});
    }
    if (match[6] !== undefined) {
      if (!capabilities.moderate) return fail(404, 'not-found', 'No such route.');
      if (method !== 'POST') return fail(405, 'invalid', 'Method not allowed.');
      if (!viewer) return fail(401, 'unauthorized', 'Please sign in to moderate.');
      if (!viewer.moderator) return fail(403, 'forbidden', 'Only moderators can do this.');
      const {action} = (await request.json().catch(() => ({}))) as {action?: unknown};
      if (action === 'approve') {
        const wasPublic = comment.status === 'approved';
        comment.status = 'approved';
        if (!wasPublic) announceComment(thread, 'comment-added', comment);
        return json({comment: wire(thread, comment, viewer, visibleTo(thread, viewer))});
      }
      if (action === 'spam') {
        const wasPublic = comment.status === 'approved';
        comment.status = 'spam';
        if (wasPublic) announce(thread, 'comment-removed', {commentId: comment.id});
        return json({comment: null});
      }
      if (action !== 'delete') return fail(400, 'invalid', 'action must be approve, spam or delete.');
    }
    const mine = viewer !== undefined && comment.author.id === viewer.id;
    if (method === 'PATCH') {
      if (!viewer) return fail(401, 'unauthorized', 'Please sign in to edit.');
      if (!mine) return fail(403, 'forbidden', 'You can only edit your own comments.');
      const input = (await request.json().catch(() => ({}))) as {text?: unknown};
      const text = typeof input.text === 'string' ? input.text.trim() : '';
      if (!text) return fail(400, 'invalid', 'Please write a comment.', {fields: {text: 'Please write a comment.'}});
      comment.text = text;
      comment.editedAt = new Date().toISOString();
      announceComment(thread, 'comment-updated', comment);
      return json({comment: wire(thread, comment, viewer, visibleTo(thread, viewer))});
    }
    if (method === 'DELETE' || match[6] !== undefined) {
      if (!viewer) return fail(401, 'unauthorized', 'Please sign in to delete.');
      if (!mine && !viewer.moderator) return fail(403, 'forbidden', 'You can only delete your own comments.');
      const hasReplies = thread.comments.some((c) => c.parentId === comment.id && c.status !== 'deleted');
      if (hasReplies) {
        comment.status = 'deleted';
        announceComment(thread, 'comment-updated', comment);
        return json({comment: wire(thread, comment, viewer, visibleTo(thread, viewer))});
      }
      thread.comments.splice(thread.comments.indexOf(comment), 1);
      announce(thread, 'comment-removed', {commentId: comment.id});
      return json({comment: null});
    }
    return fail(405, 'invalid', 'Method not allowed.');
  }

  const answer = async (request: Request) => {
    requests.push(request.clone());
    if (options.latency) await new Promise((resolve) => setTimeout(resolve, options.latency));
    const path = new URL(request.url).pathname.slice(new URL(endpoint).pathname.length).replace(/\/$/, '');
    return route(request, path);
  };

  const server: RestServer = {
    endpoint,
    handlers: [http.all(endpoint, ({request}) => answer(request)), http.all(`${endpoint}/*`, ({request}) => answer(request))],
    requests,
    addComment(threadId, seed) {
      const thread = threads.get(threadId)!;
      const comment: StoredComment = {
        id: seed.id,
        parentId: seed.parentId ?? null,
        author: seed.author,
        createdAt: seed.createdAt ?? new Date().toISOString(),
        text: seed.text,
        status: seed.status ?? 'approved',
        likes: new Set(),
        seededLikes: seed.likes ?? 0,
      };
      thread.comments.push(comment);
      announceComment(thread, 'comment-added', comment);
    },
    removeComment(threadId, id) {
      const thread = threads.get(threadId)!;
      thread.comments = thread.comments.filter((c) => c.id !== id);
      announce(thread, 'comment-removed', {commentId: id});
    },
    failNext(pathEnd, status, error, headers = {}, method) {
      failures.push({pathEnd, status, body: {error}, headers, ...(method ? {method} : {})});
    },
    authorize(provider, viewer, state) {
      const signedIn = {id: viewer.id, name: viewer.name, moderator: viewer.moderator === true, provider};
      const code = `${provider}-${crypto.randomUUID()}`;
      codes.set(code, signedIn);
      if (state) claimable.set(state, signedIn);
      return code;
    },
    dropStreams() {
      for (const thread of threads.values()) {
        for (const stream of thread.streams) {
          try {
            stream.close();
          } catch {
            // Already closed by the client.
          }
        }
        thread.streams.clear();
      }
    },
  };
  return server;
}
