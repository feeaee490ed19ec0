import type {AdapterCapabilities} from '../../core/adapter.js';
import type {
  Comment,
  CommentPage,
  CommentStatus,
  MoreReplies,
  PostingPolicy,
  Reaction,
  ThreadInfo,
} from '../../core/types.js';
import {unreadableError} from '../shared/http.js';
import {groupThreads} from '../shared/thread-order.js';
import {PROTOCOL_PAGE_SIZE} from './start.js';
import {asCount, asId, asObject, asString, httpUrl, isObject, isoTime, MAX_NAME, MAX_TEXT} from '../shared/values.js';

// Pure functions from the Colloquy REST protocol's JSON (docs/rest-protocol.md) to the
// core types. The protocol's shapes are the core types' shapes, but what arrives is read
// field by field: a server's bug or a hostile proxy must not reach the page.

export function mapComment(raw: unknown): Comment | null {
  if (!isObject(raw)) return null;
  const id = asId(raw['id']);
  if (id === undefined) return null;
  const parentId = asId(raw['parentId']) ?? null;
  const status: CommentStatus = raw['status'] === 'pending' || raw['status'] === 'deleted' ? raw['status'] : 'approved';
  const author = asObject(raw['author']);
  const authorId = asId(author['id']);
  const avatarUrl = httpUrl(author['avatarUrl']);
  const profileUrl = httpUrl(author['profileUrl']);
  const permalink = httpUrl(raw['permalink']);
  const editedAt = isoTime(raw['editedAt']);
  const content = asObject(raw['content']);
  const can = asObject(raw['viewerCan']);
  const editableUntil = isoTime(can['editableUntil']);
  const reactions = Array.isArray(raw['reactions']) ? raw['reactions'].map(mapReaction).filter((r): r is Reaction => r !== null) : undefined;
  const moreReplies = mapMoreReplies(raw['moreReplies']);
  return {
    id,
    parentId: parentId === id ? null : parentId,
    author: {
      ...(authorId !== undefined ? {id: authorId} : {}),
      name: asString(author['name']).slice(0, MAX_NAME),
      ...(avatarUrl ? {avatarUrl} : {}),
      ...(profileUrl ? {profileUrl} : {}),
      ...(author['isViewer'] === true ? {isViewer: true} : {}),
      ...(author['isModerator'] === true ? {isModerator: true} : {}),
    },
    createdAt: isoTime(raw['createdAt']) ?? new Date(0).toISOString(),
    ...(editedAt ? {editedAt} : {}),
    // A deleted comment keeps no content, whatever the server sent.
    content: {
      kind: content['kind'] === 'html' ? 'html' : 'text',
      value: status === 'deleted' ? '' : asString(content['value']).slice(0, MAX_TEXT),
    },
    status,
    ...(permalink ? {permalink} : {}),
    replyCount: asCount(raw['replyCount']),
    ...(moreReplies && parentId === null ? {moreReplies} : {}),
    ...(reactions ? {reactions} : {}),
    viewerCan: {
      reply: can['reply'] === true,
      edit: can['edit'] === true,
      delete: can['delete'] === true,
      ...(can['moderate'] === true ? {moderate: true} : {}),
      ...(editableUntil ? {editableUntil} : {}),
    },
  };
}

/** Longer cursors are a broken or hostile server's: following them would only fail later. */
const MAX_CURSOR_LENGTH = 8000;

/** A conversation's `moreReplies` (docs/rest-protocol.md, "Long conversations"). */
export function mapMoreReplies(raw: unknown): MoreReplies | undefined {
  if (!isObject(raw)) return undefined;
  const cursor = raw['cursor'];
  if (typeof cursor !== 'string' || cursor === '' || cursor.length > MAX_CURSOR_LENGTH) return undefined;
  return {count: asCount(raw['count']), cursor};
}

function mapReaction(raw: unknown): Reaction | null {
  if (!isObject(raw) || typeof raw['key'] !== 'string' || raw['key'] === '') return null;
  return {key: raw['key'].slice(0, 50), count: asCount(raw['count']), viewerReacted: raw['viewerReacted'] === true};
}

function mapThread(raw: unknown, requested: string): ThreadInfo {
  const thread = asObject(raw);
  const url = httpUrl(thread['url']);
  const posting = asObject(thread['posting']);
  const guests = asObject(posting['guests']);
  const notifications = asObject(posting['notifications']);
  const maxLength = asCount(posting['maxLength']);
  const policy: PostingPolicy = {
    open: posting['open'] !== false,
    guests: {
      allowed: guests['allowed'] === true,
      requireName: guests['requireName'] !== false,
      requireEmail: guests['requireEmail'] === true,
    },
    ...(maxLength > 0 ? {maxLength} : {}),
    notifications: {comments: notifications['comments'] === true, posts: notifications['posts'] === true},
  };
  return {
    // The id asked for: a server must not move the thread elsewhere.
    id: requested,
    title: asString(thread['title']).slice(0, 500),
    ...(url ? {url} : {}),
    totalCount: asCount(thread['totalCount']),
    posting: policy,
  };
}

/**
 * A page as the contract promises it, whatever order the server listed it in: each
 * top-level comment followed by its replies, every reply's parent present.
 */
export function mapPage(raw: unknown, requested: string): CommentPage {
  if (!isObject(raw) || !Array.isArray(raw['comments'])) throw unreadableError();
  const comments = raw['comments'].map(mapComment).filter((comment): comment is Comment => comment !== null);
  const cursor = raw['nextCursor'];
  return {
    thread: mapThread(raw['thread'], requested),
    comments: groupThreads(comments).flat(),
    nextCursor: typeof cursor === 'string' && cursor !== '' ? cursor : null,
  };
}

const NO_CAPABILITIES: AdapterCapabilities = {edit: false, delete: false, reactions: [], signIn: false, session: false, live: false};

/** The service document's `capabilities`; anything not said `true` is off. */
export function mapCapabilities(raw: unknown): AdapterCapabilities {
  const capabilities = asObject(asObject(raw)['capabilities']);
  const reactions = Array.isArray(capabilities['reactions'])
    ? capabilities['reactions'].filter((key): key is string => typeof key === 'string' && /^[\w-]{1,50}$/.test(key))
    : [];
  const flag = (name: keyof AdapterCapabilities) => capabilities[name] === true;
  return {
    ...NO_CAPABILITIES,
    edit: flag('edit'),
    delete: flag('delete'),
    reactions,
    signIn: flag('signIn'),
    session: flag('session'),
    live: flag('live'),
    moderate: flag('moderate'),
    // The protocol lets no server mail an address before its owner confirmed it.
    confirmsNotificationEmail: true,
  };
}

/** Beyond this a page is one huge answer; an announced maximum is capped here. */
const LARGEST_PAGE_SIZE = 1000;

/**
 * The service document's `limits.pageSize`: the most top-level comments a page may ask
 * for; the protocol's 100 when it is absent or not a whole number of at least 1.
 */
export function mapPageSizeLimit(raw: unknown): number {
  const announced = asObject(asObject(raw)['limits'])['pageSize'];
  if (typeof announced !== 'number' || !Number.isInteger(announced) || announced < 1) return PROTOCOL_PAGE_SIZE;
  return Math.min(announced, LARGEST_PAGE_SIZE);
}

/** Whether the server serves the sign-in callback page at `{endpoint}/auth/callback` (`capabilities.callbackPage`). */
export function mapCallbackPageSupport(raw: unknown): boolean {
  return asObject(asObject(raw)['capabilities'])['callbackPage'] === true;
}

/** Whether the service document lists `locate` (it is not one of the core capabilities). */
export function mapLocateSupport(raw: unknown): boolean {
  return asObject(asObject(raw)['capabilities'])['locate'] === true;
}
