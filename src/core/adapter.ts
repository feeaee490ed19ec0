import type {
  Comment,
  CommentPage,
  GuestIdentity,
  MoreReplies,
  NotificationChoices,
  Session,
  SignInProvider,
  SortOrder,
} from './types.js';

/**
 * The contract between Colloquy's elements and a backend. Implement `loadPage` and
 * `postComment`; implement the optional methods your backend supports and say so in
 * `capabilities`. Rules every method follows:
 *
 * - It takes an `AbortSignal` and, once the signal fires, rejects with `signal.reason`
 *   (an `AbortError` `DOMException` unless the caller gave another reason) and stops
 *   whatever it was doing. A signal that has already fired rejects at once.
 * - Every other failure rejects with a `CommentError` whose `code` says what happened
 *   (see `errors.ts`) and whose message can be shown to people as plain text.
 * - Data is returned as the types in `types.ts`. Content a person typed is `text`; HTML
 *   a backend renders is `html` and will be sanitized by the elements, never trusted.
 *
 * `src/core/conformance.ts` checks these promises against a live adapter.
 */
export interface CommentAdapter {
  readonly capabilities: AdapterCapabilities;

  /**
   * The largest `limit` `loadPage` accepts, when the backend has one; the thread asks for
   * no more than this, however large its `page-size`. Left out: no maximum.
   */
  readonly maxPageSize?: number;

  /**
   * Loads one page of a thread: up to `limit` top-level comments with all their replies,
   * parents listed before their children, replies in the order they were written.
   * The sort orders top-level comments only. Pending comments are included only for
   * their author; a deleted comment is included (as `status: 'deleted'`, content empty)
   * only while it still has visible replies. Rejects with `not-found` for an unknown thread.
   */
  loadPage(request: LoadPageRequest, options: CallOptions): Promise<CommentPage>;

  /**
   * Finds which page holds a comment's conversation, so a link to a comment loads one
   * page instead of the whole thread. Resolves `null` when the comment does not exist
   * (or is not visible to the viewer). Optional: without it, a linked comment is looked
   * for by loading pages one after another, up to a limit.
   *
   * For the same `sort` and `limit`, `loadPage({…, cursor})` with the cursor resolved
   * here lists the comment, and its `nextCursor` continues the thread from there.
   */
  locate?(request: LocateRequest, options: CallOptions): Promise<LocatedComment | null>;

  /**
   * Optional: the next replies of a long conversation whose top-level comment came with
   * `moreReplies` (the backend sent its first replies only). Resolves with up to `limit`
   * replies continuing the conversation's reading order after `cursor` (depth first, oldest
   * first, each after its parent), and the conversation's `moreReplies` after them, `null`
   * when none remain. Rejects with `invalid` for a cursor it does not know, `not-found`
   * when the conversation is gone. A backend that never sets `moreReplies` leaves it out.
   */
  loadReplies?(request: LoadRepliesRequest, options: CallOptions): Promise<ReplyBatch>;

  /**
   * Optional: how many comments each thread has (as `ThreadInfo.totalCount` counts them),
   * in one request, for `<comment-count>` on index pages. Threads the backend does not know
   * are left out. Without it, each count costs a `loadPage` with `limit: 1`.
   */
  countComments?(threads: readonly string[], options: CallOptions): Promise<Readonly<Record<string, number>>>;

  /**
   * Stores a new comment and resolves with it as stored (with its real id and status,
   * which is `pending` when it is held for moderation). Posting again with the same
   * `idempotencyKey` must not store a second comment: resolve with the first one, or
   * reject with `duplicate`.
   */
  postComment(input: NewComment, options: CallOptions): Promise<Comment>;

  /** Replaces a comment's text; needs `capabilities.edit`. Resolves with the stored comment. */
  editComment?(request: EditCommentRequest, options: CallOptions): Promise<Comment>;

  /**
   * Optional: the text to edit for a comment the viewer may edit (`viewerCan.edit`) whose
   * `html` content came without its `source`, for backends that hand a comment's stored form
   * over one comment at a time. The thread asks when Edit is pressed (one request, with the
   * page's load deadline) and opens the editor with the answer; `editComment` then stores
   * the edited text in that same form. Without it, such a comment offers no Edit.
   */
  loadEditableText?(request: CommentRef, options: CallOptions): Promise<string>;

  /**
   * Deletes a comment; needs `capabilities.delete`. Resolves with the comment's placeholder
   * (`status: 'deleted'`) when replies keep it in the thread, or `null` when it is gone.
   */
  deleteComment?(request: CommentRef, options: CallOptions): Promise<Comment | null>;

  /**
   * A moderator's decision on a comment; needs `capabilities.moderate`, and is offered on a
   * comment only when its `viewerCan.moderate` is true. `approve` publishes a held comment
   * (resolves with it, `status: 'approved'`, and tells live subscribers so everyone sees it);
   * `spam` and `delete` take it out of the thread (resolves `null`, or the deleted
   * placeholder when visible replies keep it). A viewer who may not moderate gets `forbidden`.
   * Moderators' pages list every held comment, not only their own.
   */
  moderate?(request: ModerateRequest, options: CallOptions): Promise<Comment | null>;

  /** Adds or removes the viewer's reaction; needs `capabilities.reactions`. */
  react?(request: ReactRequest, options: CallOptions): Promise<Comment>;

  /**
   * A callback page the backend serves itself (docs/sign-in-protocol.md), used when the page
   * names none in `sign-in-callback`: sign-in then runs in a popup with no file on the site.
   */
  readonly signInCallbackUrl?: string;

  /** The ways to sign in that this backend offers; needs `capabilities.signIn`. */
  listProviders?(options: CallOptions): Promise<SignInProvider[]>;

  /**
   * Where the sign-in window (or a full-page redirect) goes for `providerId`. The URL must
   * lead, after the provider's consent screen, to a callback page that reports the result
   * with Colloquy's sign-in protocol and echoes `state`. Needs `capabilities.signIn`.
   */
  signInUrl?(request: SignInUrlRequest, options: CallOptions): Promise<string>;

  /**
   * Emails a one-time sign-in link (the provider whose id is `email`). Resolves once it is
   * sent; the sign-in then finishes in the tab where the link is opened, and this page
   * learns of it from `getSession`. Needs `capabilities.signIn` and `capabilities.session`.
   */
  requestSignInLink?(request: SignInLinkRequest, options: CallOptions): Promise<void>;

  /**
   * Turns what the callback page reported (a code, a token…) into a session, keeping any
   * token in memory or sessionStorage, never in localStorage or a URL. Needs `capabilities.signIn`.
   */
  completeSignIn?(request: CompleteSignInRequest, options: CallOptions): Promise<Session>;

  /**
   * The viewer's current session, or `null` when nobody is signed in. Also used to notice a
   * sign-in finished in a popup that could not report back. Needs `capabilities.session`.
   */
  getSession?(options: CallOptions): Promise<Session | null>;

  /** Ends the session and forgets its tokens. Needs `capabilities.signIn`. */
  signOut?(options: CallOptions): Promise<void>;

  /**
   * Calls `listener` for every change to the thread made elsewhere (another person, another
   * tab) until `options.signal` fires. Needs `capabilities.live`.
   */
  subscribe?(thread: string, listener: (event: ThreadEvent) => void, options: CallOptions): void;
}

/** Which optional parts of the contract an adapter implements. */
export interface AdapterCapabilities {
  edit: boolean;
  delete: boolean;
  /** The reaction keys the backend offers, e.g. `['like']`; empty when it has none. */
  reactions: readonly string[];
  /** `listProviders`, `signInUrl`, `completeSignIn` and `signOut`. */
  signIn: boolean;
  /** `getSession`: the backend can tell who is signed in (e.g. on reload). */
  session: boolean;
  /** `subscribe`. */
  live: boolean;
  /** `moderate`: moderators can approve, mark as spam and delete from the thread. Default false. */
  moderate?: boolean;
  /**
   * People who are not signed in may react; the backend recognises their browser (a
   * cookie, a stored key) so each browser counts once. Without it, `react` needs a session.
   */
  guestReactions?: boolean;
  /**
   * Comments are written in Markdown: `text` content is rendered as Markdown (paragraphs,
   * emphasis, strong, code, code blocks, quotes, lists, links) and the form offers a
   * preview. Without it, `text` is plain text with linked URLs.
   */
  markdown?: boolean;
  /**
   * False when `totalCount` leaves out the viewer's own held comments (WordPress does), so
   * the thread does not count one it shows after posting either. Default true.
   */
  countsHeldComments?: boolean;
  /**
   * A guest who asks for email notifications gets them only after clicking a link mailed
   * to their address (double opt-in), so the form tells them to look in their inbox.
   * Default false: a backend that mails nothing (the memory one) or needs no confirmation.
   */
  confirmsNotificationEmail?: boolean;
}

export interface CallOptions {
  signal?: AbortSignal;
}

export interface LoadPageRequest {
  thread: string;
  sort: SortOrder;
  /** `nextCursor` from the previous page; omitted for the first page. */
  cursor?: string;
  /** Top-level comments per page. */
  limit: number;
}

export interface LoadRepliesRequest {
  thread: string;
  /** The conversation's top-level comment. */
  commentId: string;
  /** `moreReplies.cursor` of that comment, or of the previous batch. */
  cursor: string;
  /** Replies wanted; a backend may send fewer. */
  limit: number;
}

export interface ReplyBatch {
  comments: Comment[];
  /** What remains after this batch; `null` when it was the last. */
  moreReplies: MoreReplies | null;
}

export interface LocateRequest {
  thread: string;
  commentId: string;
  sort: SortOrder;
  /** Top-level comments per page, as in `LoadPageRequest`. */
  limit: number;
}

/** Where a comment is: the page holding its top-level ancestor. */
export interface LocatedComment {
  /** Cursor of the page holding its top-level ancestor; `null` = the first page. */
  cursor: string | null;
  /** The top-level ancestor's id (the comment's own id when it is top-level). */
  rootId: string;
}

export interface NewComment {
  thread: string;
  /** The comment as typed; plain text, never HTML. */
  text: string;
  /** The comment this one answers; `null` for a top-level comment. */
  parentId: string | null;
  /** Required when nobody is signed in and the thread accepts guests. */
  guest?: GuestIdentity;
  notify?: NotificationChoices;
  /**
   * Created once per comment when it is first submitted and sent again with every retry,
   * so a retried post is stored once.
   */
  idempotencyKey: string;
}

export interface CommentRef {
  thread: string;
  commentId: string;
}

export interface EditCommentRequest extends CommentRef {
  text: string;
}

export type ModerationAction = 'approve' | 'spam' | 'delete';

export interface ModerateRequest extends CommentRef {
  action: ModerationAction;
}

export interface ReactRequest extends CommentRef {
  reaction: string;
  /** True to add the viewer's reaction, false to take it back. */
  active: boolean;
}

export interface SignInUrlRequest {
  providerId: string;
  /** One-time value the callback must echo; the caller checks it. */
  state: string;
  /** The page the provider returns to, which reports the result. */
  callbackUrl: string;
  /** `popup` when the result is posted back to the opener; `redirect` for a full-page round trip. */
  mode: 'popup' | 'redirect';
}

export interface SignInLinkRequest {
  providerId: string;
  email: string;
  /** The name to comment under; the backend picks one when absent. */
  name?: string;
  /** One-time value identifying this attempt, known only to this tab. */
  state: string;
  /** Where the link leads once opened (a callback page). */
  callbackUrl: string;
}

export interface CompleteSignInRequest {
  providerId: string;
  /** What the callback page reported, minus `state` (already checked). */
  result: Record<string, string>;
}

/** A change to a thread made elsewhere, delivered by `subscribe`. */
export type ThreadEvent =
  | {type: 'comment-added'; thread: string; comment: Comment}
  | {type: 'comment-updated'; thread: string; comment: Comment}
  | {type: 'comment-removed'; thread: string; commentId: string};
