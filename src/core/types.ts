/**
 * Colloquy's domain types. Every adapter maps its backend's data to these shapes, and
 * every element renders from them. Plain JSON-serializable data: times are ISO 8601
 * strings, ids are strings (a numeric backend id is stringified), nothing here imports Lit.
 */

/** Who wrote a comment. Everything here comes from the backend and is untrusted. */
export interface CommentAuthor {
  /** The backend's id for the author, when it has one. */
  id?: string;
  /** Display name, shown as text. An empty name is shown as "Anonymous". */
  name: string;
  /** Avatar image URL; only http(s) URLs are ever loaded. */
  avatarUrl?: string;
  /** The author's website or profile; linked only when it is an http(s) URL. */
  profileUrl?: string;
  /** True when the author is the current viewer. */
  isViewer?: boolean;
  /** True when the author moderates this thread (a site admin, a moderator…). */
  isModerator?: boolean;
  /** True when the author wrote what the thread is about (the blog post's author). */
  isThreadAuthor?: boolean;
}

/**
 * A comment's body. `text` is plain text written by a person (line breaks and bare URLs
 * are rendered); `html` is markup produced by the backend (WordPress's `content.rendered`)
 * and always goes through the sanitizer before it reaches the page.
 *
 * `source` is what a viewer allowed to edit an `html` comment edits: the backend's stored
 * form of it (WordPress's `content.raw`), which `editComment` receives back as its `text`.
 * It is never rendered, and left out for everyone else. Without it, an `html` comment
 * cannot be edited (its rendered markup is not what was written).
 */
export type CommentContent = {kind: 'text'; value: string} | {kind: 'html'; value: string; source?: string};

/** The text a comment's editor starts with, or `undefined` when it cannot be edited as text. */
export function editableText(content: CommentContent): string | undefined {
  return content.kind === 'text' ? content.value : content.source;
}

/**
 * `pending` comments are held for moderation: backends return them only to their author
 * and to moderators.
 * `deleted` comments are placeholders kept so their replies still have a parent.
 */
export type CommentStatus = 'approved' | 'pending' | 'deleted';

/** What the current viewer may do with one comment. */
export interface CommentPermissions {
  reply: boolean;
  edit: boolean;
  delete: boolean;
  /** The viewer moderates this thread and may approve, spam or delete this comment (`moderate`). */
  moderate?: boolean;
  /** When editing stops being allowed (an edit window), as an ISO 8601 time. */
  editableUntil?: string;
}

/** One reaction kind on a comment, e.g. `{key: 'like', count: 3, viewerReacted: true}`. */
export interface Reaction {
  key: string;
  count: number;
  viewerReacted: boolean;
}

export interface Comment {
  id: string;
  /** The comment this one answers; `null` for a top-level comment. */
  parentId: string | null;
  author: CommentAuthor;
  /** ISO 8601. */
  createdAt: string;
  /** ISO 8601; set when the comment was edited after posting. */
  editedAt?: string;
  content: CommentContent;
  status: CommentStatus;
  /** The comment's canonical URL, when the backend has one (http(s) only is linked). */
  permalink?: string;
  /** Number of direct replies the backend knows of, including ones not loaded yet. */
  replyCount: number;
  /**
   * On a top-level comment whose conversation came without all of its replies (a backend
   * that sends long conversations in batches): how many replies are still to come and the
   * cursor `CommentAdapter.loadReplies` continues from. Absent when every reply was sent.
   */
  moreReplies?: MoreReplies;
  /** Present only when the backend supports reactions. */
  reactions?: Reaction[];
  viewerCan: CommentPermissions;
}

/** The replies of a conversation that were not sent yet, and where they continue. */
export interface MoreReplies {
  /** Replies the viewer can see that were not sent, deleted placeholders not counted. */
  count: number;
  /** Opaque: pass it to `loadReplies` for the next batch. */
  cursor: string;
}

/** The rules for posting to one thread. */
export interface PostingPolicy {
  /** False when the thread no longer takes comments. */
  open: boolean;
  /** Whether people who are not signed in may comment, and which details they must give. */
  guests: {
    allowed: boolean;
    requireName: boolean;
    requireEmail: boolean;
  };
  /** The longest comment the backend stores, in characters (UTF-16 code units). */
  maxLength?: number;
  /** Which email notifications a commenter can ask for. */
  notifications: {
    /** "Notify me of new comments via email" (follow-up comments on this thread). */
    comments: boolean;
    /** "Notify me of new posts via email" (the site's new posts). */
    posts: boolean;
  };
}

export interface ThreadInfo {
  id: string;
  /** The title of the page or post the comments belong to. */
  title: string;
  url?: string;
  /** Every comment the viewer can see in this thread, replies included. */
  totalCount: number;
  posting: PostingPolicy;
}

export type SortOrder = 'oldest' | 'newest' | 'top';

/**
 * One page of a thread. Pagination counts top-level comments: a page holds up to `limit`
 * of them, each together with all of its replies, listed parents before children.
 */
export interface CommentPage {
  thread: ThreadInfo;
  comments: Comment[];
  /** Opaque; pass it back to load the next page. `null` when there are no more. */
  nextCursor: string | null;
}

/** A person signed in through a provider. */
export interface Viewer {
  id: string;
  name: string;
  avatarUrl?: string;
  profileUrl?: string;
  isModerator?: boolean;
}

export interface Session {
  viewer: Viewer;
  /** The id of the `SignInProvider` used, e.g. `wordpress`. */
  providerId: string;
}

/** One way to sign in, shown as a button in `<login-choice>`. */
export interface SignInProvider {
  /** Stable id, e.g. `wordpress`, `twitter`, `facebook`, `github`, `google`, `email`. */
  id: string;
  /** Human name shown to people, e.g. `WordPress.com`. */
  name: string;
  /**
   * An icon of the provider's own, as an http(s) or `data:image/svg+xml` URL. Without one
   * the library's built-in icon for `id` is used, or the name's first letter.
   */
  iconUrl?: string;
}

/** Details a commenter who is not signed in gives with a comment. */
export interface GuestIdentity {
  name: string;
  email: string;
  website?: string;
}

export interface NotificationChoices {
  /** Email me new comments on this thread. */
  comments?: boolean;
  /** Email me the site's new posts. */
  posts?: boolean;
}
