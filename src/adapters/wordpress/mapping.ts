import type {Comment, PostingPolicy} from '../../core/types.js';
import {asId, asObject, asString, httpUrl, isObject} from '../shared/values.js';
import {decodeEntities, htmlToText} from '../../content/entities.js';

/** What a comment's mapping needs to know besides the comment. */
export interface CommentContext {
  /** The post takes comments (its `comment_status` is `open`). */
  open: boolean;
  /** The post's author, whose comments get the "Author" badge. */
  postAuthorId?: string;
  /** The signed-in viewer's user id. */
  viewerId?: string;
  /** Ids of comments this browser posted as a guest. */
  ownIds?: ReadonlySet<string>;
  /** WordPress lets the viewer edit and delete every comment of this post. */
  viewerModerates?: boolean;
  /** The viewer has `moderate_comments`: approves, spams and trashes held comments. */
  viewerApproves?: boolean;
  /**
   * The comments came as stored (`context=edit`, which WordPress gives moderators only):
   * comments the viewer may edit carry their stored form to edit (see `storedSource`).
   */
  asStored?: boolean;
}

/**
 * A comment from `/wp/v2/comments` (view context) as a core Comment, or `null` when it
 * has no usable id or is not a visible comment (trash, spam). Every field is checked:
 * whatever a site or a proxy sends, the result is safe to render.
 */
export function mapWordPressComment(raw: unknown, context: CommentContext): Comment | null {
  if (!isObject(raw)) return null;
  const id = positiveId(raw['id']);
  if (!id) return null;
  const status = mapStatus(raw['status']);
  if (!status) return null;
  const parent = positiveId(raw['parent']);
  const authorId = positiveId(raw['author']);
  const avatarUrl = largestAvatar(raw['author_avatar_urls']);
  const profileUrl = httpUrl(raw['author_url']);
  const permalink = httpUrl(raw['link']);
  const isViewer =
    (authorId !== undefined && authorId === context.viewerId) || (context.ownIds?.has(id) ?? false);
  const isThreadAuthor = authorId !== undefined && authorId === context.postAuthorId;
  return {
    id,
    parentId: parent ?? null,
    author: {
      ...(authorId ? {id: authorId} : {}),
      // Stored through `_wp_specialchars`, so `Tom & Jerry` arrives as `Tom &amp; Jerry`.
      name: decodeEntities(asString(raw['author_name'])).trim().slice(0, 200),
      ...(avatarUrl ? {avatarUrl} : {}),
      ...(profileUrl ? {profileUrl} : {}),
      ...(isViewer ? {isViewer} : {}),
      ...(isThreadAuthor ? {isThreadAuthor} : {}),
    },
    createdAt: wordPressTime(raw['date_gmt']) ?? wordPressTime(raw['date']) ?? new Date(0).toISOString(),
    content: mapContent(raw, isViewer, context),
    status,
    ...(permalink ? {permalink} : {}),
    replyCount: 0,
    viewerCan: {
      reply: context.open && status === 'approved',
      edit: context.viewerModerates === true,
      delete: context.viewerModerates === true,
      ...(context.viewerApproves ? {moderate: true} : {}),
    },
  };
}

function mapContent(raw: Record<string, unknown>, isViewer: boolean, context: CommentContext): Comment['content'] {
  const rendered = asString(asObject(raw['content'])['rendered']);
  const stored = context.asStored && context.viewerModerates ? storedSource(raw) : undefined;
  if (!stored) return {kind: 'html', value: rendered};
  // The viewer's own plain comment shows as typed; everything else as WordPress renders it
  // (curled quotes, smilies, linked URLs), with its stored form to edit.
  if (isViewer && !stored.markup) return {kind: 'text', value: stored.text};
  return {kind: 'html', value: rendered, source: stored.text};
}

/**
 * A comment's stored form (`content.raw`, edit context), as its editor shows it. Plain
 * text (what Colloquy posts: typed text with `<`, `>` and `&` escaped) is decoded, and is
 * escaped again when saved; stored markup (a comment written in WordPress's own form, or
 * by an editor) is edited as it is, so saving keeps its links and emphasis.
 */
export function storedSource(raw: unknown): {text: string; markup: boolean} | undefined {
  const stored = isObject(raw) ? asObject(raw['content'])['raw'] : undefined;
  if (typeof stored !== 'string') return undefined;
  const markup = /<[a-z!/?]/i.test(stored);
  return {text: markup ? stored : decodeEntities(stored), markup};
}

function mapStatus(value: unknown): Comment['status'] | undefined {
  if (value === 'approved' || value === undefined) return 'approved';
  // What WordPress answers a post held for moderation with. Spam is shown to its author
  // as held too: telling a spammer the verdict would only help them.
  if (value === 'hold' || value === 'unapproved' || value === 'spam') return 'pending';
  return undefined;
}

/** WordPress ids are positive integers; 0 means "none" (no parent, a guest author). */
function positiveId(value: unknown): string | undefined {
  const id = asId(value);
  return id !== undefined && /^[1-9]\d{0,18}$/.test(id) ? id : undefined;
}

/**
 * `date_gmt` is UTC written without a zone (`2024-08-06T10:00:00`); read as local time it
 * would be off by the viewer's offset. `date` is the site's local time, of unknown offset:
 * only a fallback.
 */
function wordPressTime(value: unknown): string | undefined {
  const text = asString(value);
  const zoned = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(?:\.\d+)?$/.test(text) ? `${text}Z` : text;
  if (!/^\d{4}-\d\d-\d\dT/.test(zoned)) return undefined;
  const time = Date.parse(zoned);
  return Number.isNaN(time) ? undefined : new Date(time).toISOString();
}

/** `author_avatar_urls` maps pixel sizes to URLs; the largest looks sharp on dense screens. */
function largestAvatar(value: unknown): string | undefined {
  if (!isObject(value)) return undefined;
  const sizes = Object.keys(value)
    .filter((size) => /^\d+$/.test(size))
    .sort((a, b) => Number(b) - Number(a));
  for (const size of sizes) {
    const url = httpUrl(value[size]);
    if (url) return url;
  }
  return undefined;
}

/** What the thread needs from a post or page (`/wp/v2/posts/<id>`). */
export interface PostSummary {
  title: string;
  url?: string;
  open: boolean;
  authorId?: string;
}

export function mapPost(raw: unknown): PostSummary {
  const post = asObject(raw);
  const url = httpUrl(post['link']);
  const authorId = positiveId(post['author']);
  return {
    // `title.rendered` is texturized HTML ("AQIM Updates, August&nbsp;6"); shown as text.
    title: htmlToText(asString(asObject(post['title'])['rendered'])).slice(0, 500),
    ...(url ? {url} : {}),
    // A post whose comment status is unknown is treated as open: WordPress has the last word.
    open: post['comment_status'] !== 'closed',
    ...(authorId ? {authorId} : {}),
  };
}

/** WordPress's rules for guests, as far as its REST API (or the page) lets a client know them. */
export function postingPolicy(open: boolean, guestsAllowed: boolean, discussion: {requireNameEmail?: boolean} = {}): PostingPolicy {
  // `require_name_email` is on by default and not in the REST API: without the page
  // saying otherwise, name and email are asked for.
  const required = discussion.requireNameEmail ?? true;
  return {
    open,
    guests: {allowed: guestsAllowed, requireName: required, requireEmail: required},
    notifications: {comments: false, posts: false},
  };
}
