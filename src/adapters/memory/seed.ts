import {asCount, asId, asObject, asString, httpUrl, isObject, isoTime, MAX_NAME, MAX_TEXT, type JsonObject} from '../shared/values.js';

/**
 * The shapes a memory backend is seeded with and persists. Seed files are plain JSON, so
 * a demo or a test can describe a thread without code.
 */
export interface SeedAuthor {
  id?: string;
  name: string;
  email?: string;
  avatarUrl?: string;
  profileUrl?: string;
  isModerator?: boolean;
}

export interface SeedComment {
  id: string;
  parentId?: string | null;
  author: SeedAuthor;
  /** ISO 8601. */
  createdAt: string;
  /** Plain text as typed. */
  text?: string;
  /** Backend-rendered HTML (sanitized when shown), instead of `text`. */
  html?: string;
  /** `spam`: a moderator marked it; kept, never shown. */
  status?: 'approved' | 'pending' | 'deleted' | 'spam';
  /** Reaction key → how many people reacted (anonymous, for seeding). */
  reactions?: Record<string, number>;
}

export interface SeedThread {
  id: string;
  title: string;
  url?: string;
  /** False when the thread no longer takes comments; default true. */
  open?: boolean;
  comments: SeedComment[];
}

/** A comment as the memory backend keeps it: the seed shape plus what posting adds. */
export interface StoredComment extends SeedComment {
  parentId: string | null;
  status: 'approved' | 'pending' | 'deleted' | 'spam';
  /** Who wrote it in this browser: `guest:<key>` or `user:<id>`; seeded comments have none. */
  authorKey?: string;
  editedAt?: string;
  idempotencyKey?: string;
  /** Reaction key → the author keys of people who reacted, after the seeded counts. */
  reactedBy?: Record<string, string[]>;
  notify?: {comments?: boolean; posts?: boolean};
}

export interface StoredThread {
  id: string;
  title: string;
  url?: string;
  open: boolean;
  comments: StoredComment[];
}

/** A seed as the backend keeps it; undefined when it is no thread at all (no id). */
export function storedThreadFromSeed(seed: SeedThread): StoredThread | undefined {
  return readStoredThread(seed);
}

/**
 * A thread from a seed file or from what a tab persisted, read the way the REST mapper
 * reads a server: every field may be of any type. Wrong types fall back to defaults,
 * comments without an id (or with one seen before) are left out, and a parent chain that
 * loops is cut so that its comments show at the top level instead of vanishing.
 * Undefined when there is no thread id.
 */
export function readStoredThread(raw: unknown): StoredThread | undefined {
  if (!isObject(raw)) return undefined;
  const id = asId(raw['id']);
  if (id === undefined) return undefined;
  const url = httpUrl(raw['url']);
  const seen = new Set<string>();
  const comments: StoredComment[] = [];
  for (const item of Array.isArray(raw['comments']) ? raw['comments'] : []) {
    const comment = readStoredComment(item);
    if (!comment || seen.has(comment.id)) continue;
    seen.add(comment.id);
    comments.push(comment);
  }
  return {
    id,
    title: asString(raw['title']).slice(0, 500),
    ...(url ? {url} : {}),
    open: raw['open'] !== false,
    comments: withoutParentLoops(comments),
  };
}

function readStoredComment(raw: unknown): StoredComment | undefined {
  if (!isObject(raw)) return undefined;
  const id = asId(raw['id']);
  if (id === undefined) return undefined;
  const author = asObject(raw['author']);
  const status =
    raw['status'] === 'pending' || raw['status'] === 'deleted' || raw['status'] === 'spam' ? raw['status'] : 'approved';
  const text = typeof raw['text'] === 'string' ? raw['text'].slice(0, MAX_TEXT) : undefined;
  const html = typeof raw['html'] === 'string' ? raw['html'].slice(0, MAX_TEXT) : undefined;
  const avatarUrl = httpUrl(author['avatarUrl']);
  const profileUrl = httpUrl(author['profileUrl']);
  const authorId = asId(author['id']);
  const editedAt = isoTime(raw['editedAt']);
  const notify = isObject(raw['notify']) ? raw['notify'] : undefined;
  return {
    id,
    parentId: asId(raw['parentId']) ?? null,
    author: {
      ...(authorId !== undefined ? {id: authorId} : {}),
      name: (typeof author['name'] === 'number' ? String(author['name']) : asString(author['name'])).slice(0, MAX_NAME),
      ...(typeof author['email'] === 'string' ? {email: author['email'].slice(0, 320)} : {}),
      ...(avatarUrl ? {avatarUrl} : {}),
      ...(profileUrl ? {profileUrl} : {}),
      ...(author['isModerator'] === true ? {isModerator: true} : {}),
    },
    createdAt: isoTime(raw['createdAt']) ?? new Date(0).toISOString(),
    ...(html !== undefined && text === undefined ? {html} : {text: text ?? ''}),
    status,
    ...(isObject(raw['reactions']) ? {reactions: countsOf(raw['reactions'])} : {}),
    ...(typeof raw['authorKey'] === 'string' ? {authorKey: raw['authorKey']} : {}),
    ...(editedAt ? {editedAt} : {}),
    ...(typeof raw['idempotencyKey'] === 'string' ? {idempotencyKey: raw['idempotencyKey']} : {}),
    ...(isObject(raw['reactedBy']) ? {reactedBy: peopleOf(raw['reactedBy'])} : {}),
    ...(notify ? {notify: {comments: notify['comments'] === true, posts: notify['posts'] === true}} : {}),
  };
}

function countsOf(raw: JsonObject): Record<string, number> {
  return Object.fromEntries(Object.entries(raw).map(([key, count]) => [key, asCount(count)]));
}

function peopleOf(raw: JsonObject): Record<string, string[]> {
  return Object.fromEntries(
    Object.entries(raw).map(([key, people]) => [key, Array.isArray(people) ? people.filter((person): person is string => typeof person === 'string') : []]),
  );
}

/** Cuts every parent chain that comes back to where it started: the comment closing the loop goes to the top level. */
function withoutParentLoops(comments: StoredComment[]): StoredComment[] {
  const byId = new Map(comments.map((comment) => [comment.id, comment]));
  const settled = new Set<string>();
  for (const start of comments) {
    const path = new Set<string>();
    let current: StoredComment | undefined = start;
    while (current && !settled.has(current.id)) {
      if (path.has(current.id)) {
        current.parentId = null;
        break;
      }
      path.add(current.id);
      current = current.parentId === null ? undefined : byId.get(current.parentId);
    }
    for (const id of path) settled.add(id);
  }
  return comments;
}
