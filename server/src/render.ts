import {createHash} from 'node:crypto';
import type {ServerConfig} from './config.js';
import type {Viewer} from './viewer.js';

/** A comments row as the queries select it (see COMMENT_COLUMNS). */
export interface CommentRow {
  id: string;
  seq: string;
  thread_id: string;
  parent_id: string | null;
  root_id: string;
  depth: number;
  author_key: string;
  author_name: string;
  author_website: string | null;
  author_avatar: string | null;
  author_moderator: boolean;
  text: string;
  /** `spam`: kept out of every list and every answer (migrations/005). */
  status: 'approved' | 'pending' | 'deleted' | 'spam';
  like_count: number;
  created_at: Date | string;
  edited_at: Date | string | null;
}

export const COMMENT_COLUMNS = `c.id, c.seq::text AS seq, c.thread_id, c.parent_id, c.root_id, c.depth, c.author_key,
  c.author_name, c.author_website, c.author_avatar, c.author_moderator, c.text, c.status, c.like_count, c.created_at, c.edited_at`;

export interface ThreadRow {
  id: string;
  title: string;
  url: string | null;
  closed: boolean;
  /** Approved comments, kept by a trigger (migrations/002). */
  approved_count?: number;
}

export const REACTIONS = ['like'] as const;

/** Everything that is not about this one comment but shapes how it is shown. */
export interface RenderContext {
  viewer: Viewer;
  config: ServerConfig;
  thread: ThreadRow;
  now: number;
  /** Visible direct replies per comment id. */
  replyCounts: Map<string, number>;
  /** Comment ids the viewer has liked. */
  liked: Set<string>;
}

/** When the author's time to edit or delete `row` ends, in ms since the epoch. */
export function editableUntil(row: CommentRow, config: ServerConfig): number {
  return new Date(row.created_at).getTime() + config.editWindowSeconds * 1000;
}

/** The protocol's Comment, as `context.viewer` may see it. */
export function renderComment(row: CommentRow, context: RenderContext) {
  const {viewer, config, thread} = context;
  const deleted = row.status === 'deleted';
  const isAuthor = viewer.key !== null && viewer.key === row.author_key;
  const createdAt = iso(row.created_at);
  const editableUntilMs = editableUntil(row, config);
  const withinWindow = context.now < editableUntilMs;
  const url = thread.url ? safeUrl(thread.url) : undefined;
  return {
    id: row.id,
    parentId: row.parent_id,
    author: {
      ...(deleted ? {} : {id: publicAuthorId(row.author_key)}),
      name: deleted ? '' : row.author_name,
      ...(row.author_avatar && !deleted ? {avatarUrl: row.author_avatar} : {}),
      ...(row.author_website && !deleted ? {profileUrl: row.author_website} : {}),
      isViewer: isAuthor,
      isModerator: row.author_key === 'moderator' || row.author_moderator,
    },
    createdAt,
    ...(row.edited_at ? {editedAt: iso(row.edited_at)} : {}),
    content: {kind: 'text', value: deleted ? '' : row.text},
    status: row.status,
    ...(url ? {permalink: `${url.split('#')[0]}#comment-${encodeURIComponent(row.id)}`} : {}),
    replyCount: context.replyCounts.get(row.id) ?? 0,
    reactions: REACTIONS.map((key) => ({key, count: row.like_count, viewerReacted: context.liked.has(row.id)})),
    viewerCan: {
      reply: !thread.closed && row.status === 'approved' && row.depth < config.maxDepth,
      edit: !deleted && isAuthor && withinWindow,
      delete: !deleted && (viewer.isModerator || (isAuthor && withinWindow)),
      ...(viewer.isModerator && !deleted ? {moderate: true} : {}),
      ...(isAuthor && !deleted ? {editableUntil: new Date(editableUntilMs).toISOString()} : {}),
    },
  };
}

export type RenderedComment = ReturnType<typeof renderComment>;

export function renderThread(thread: ThreadRow, totalCount: number, config: ServerConfig, viewer: Viewer = ANONYMOUS) {
  const url = thread.url ? safeUrl(thread.url) : undefined;
  return {
    id: thread.id,
    title: thread.title,
    ...(url ? {url} : {}),
    totalCount,
    posting: {
      open: !thread.closed,
      guests: {allowed: true, requireName: true, requireEmail: false},
      maxLength: config.maxTextLength,
      notifications: notificationsOffered(config, viewer),
    },
  };
}

/**
 * Notification boxes are offered only when this server can send email (COLLOQUY_SMTP_URL),
 * and not to a signed-in person whose sign-in shared no verified address to write to.
 */
export function notificationsOffered(config: ServerConfig, viewer: Viewer = ANONYMOUS): {comments: boolean; posts: boolean} {
  const on = Boolean(config.smtpUrl) && (!viewer.user || viewer.user.verifiedEmail !== undefined);
  return {comments: on, posts: on};
}

export const ANONYMOUS: Viewer = {key: null, isModerator: false};

/** Stable per author, but says nothing about the secret behind it. */
export function publicAuthorId(authorKey: string): string {
  if (authorKey === 'moderator') return 'moderator';
  return `a-${createHash('sha256').update(`author:${authorKey}`).digest('base64url').slice(0, 12)}`;
}

export function iso(value: Date | string): string {
  return (value instanceof Date ? value : new Date(value)).toISOString();
}

export function safeUrl(value: string): string | undefined {
  try {
    const url = new URL(value);
    return url.protocol === 'https:' || url.protocol === 'http:' ? url.href : undefined;
  } catch {
    return undefined;
  }
}
