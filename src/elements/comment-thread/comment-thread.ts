import {ContextProvider} from '@lit/context';
import {localized, msg} from '@lit/localize';
import {html, nothing, type PropertyValues, type TemplateResult} from 'lit';
import {property} from 'lit/decorators.js';
import {DEFAULT_LOAD_DEADLINE_MS} from '../../adapters/shared/deadline.js';
import type {CommentAdapter} from '../../core/adapter.js';
import {isCommentError} from '../../core/errors.js';
import {loadOnce} from '../../core/load-once.js';
import type {Comment, SortOrder, ThreadInfo} from '../../core/types.js';
import {CommentErrorEvent} from '../../events/comment-error.js';
import {CommentReplyEvent} from '../../events/comment-reply.js';
import {localeOf} from '../../i18n/locale.js';
import {ClockController} from '../shared/clock.js';
import {adapterContext, threadContext, type ThreadLink} from '../shared/context.js';
import {defineElement} from '../shared/define.js';
import {AdapterElement} from '../shared/adapter-element.js';
import {LazyStart} from './lazy-start.js';
import {avatarStyles} from '../shared/avatar.js';
import {MarkdownController} from '../shared/markdown.js';
import {contentStyles} from '../shared/content.styles.js';
import {themeStyles} from '../shared/theme.styles.js';
import {announce, announceLoaded, announceSorted} from './announcer.js';
import {FailedAvatars} from './failed-avatars.js';
import {OutgoingComments} from './outgoing-comments.js';
import {styles} from './comment-thread.styles.js';
import type {LinkedCommentHost} from './linked-comment.js';
import {PermalinkController} from './permalinks.js';
import {LongThreadController, longThreadStyles} from './long-thread.js';
import {ReplyBatches} from './reply-batches.js';
import {timestampStyles, type DateStyle} from './timestamps.js';
import {reactionStyles} from './reaction-buttons.js';
import {ControlsGate} from './controls-gate.js';
import {
  LazyModeration,
  LazyMoreReplies,
  LazyNewComments,
  LazyOwnCommentActions,
  LazyReactions,
  moderationStyles,
  moreRepliesStyles,
  newCommentsStyles,
  ownCommentActionsStyles,
} from './lazy-controls.js';
import {ThreadController} from './thread-controller.js';
import {CommentView, type CommentViewContext} from './comment-view.js';
import {invalidateProgressiveRender, ProgressiveRender} from './progressive-render.js';
import {renderLoadError, renderSortControl, threadHeading} from './thread-header.js';
import {buildThreadTree, nodesById, type ThreadNode} from './thread-tree.js';

/** linked-comment.ts, loaded once; asked for again after a failed load. */
const loadLinkedCommentModule = loadOnce(() => import('./linked-comment.js'));

/** Attributes that configure the element itself, so they are not passed to a named adapter. */
const OWN_ATTRIBUTES = ['adapter', 'max-depth', 'sort', 'page-size', 'load-timeout', 'date-style', 'loading'];

/**
 * The comments of one page or post: a heading with their count, threaded replies, and
 * "Load more" for long threads. Data comes from an adapter (see `CommentAdapter`).
 *
 * Put a `<comment-form>` inside it: the form then shares the thread's adapter, its new
 * comments appear in the thread at once, and Reply moves it under the comment answered.
 *
 * @summary Threaded comments from any backend.
 * @tagname comment-thread
 *
 * @slot - The reply form, shown after the comments, or under the comment being answered.
 * @slot fallback - The page's own rendering of the comments (a server-rendered list and
 *   form, for crawlers and visitors without JavaScript): shown until the first page of
 *   comments replaces it, or with the error when they cannot be loaded. The reply form
 *   stays hidden meanwhile.
 *
 * @csspart base - The region holding everything but the form.
 * @csspart header - The heading and the sort control.
 * @csspart heading - "1 thought on “…”".
 * @csspart sort - The sort `<select>`.
 * @csspart list - The list of top-level comments.
 * @csspart replies - A nested list of replies.
 * @csspart comment - Each comment's `<article>`; states add the parts below.
 * @csspart comment-pending - A comment awaiting moderation (with `comment`).
 * @csspart comment-deleted - The placeholder of a deleted comment that has replies (with `comment`).
 * @csspart comment-sending - The viewer's comment while it is being sent (with `comment`).
 * @csspart comment-targeted - The comment the address links to (with `comment`).
 * @csspart comment-new - A comment that arrived while the reader was here, until seen (with `comment`).
 * @csspart comment-header - The line with the author, badge and time of each comment.
 * @csspart avatar - The author's picture, or their initials.
 * @csspart avatar-initials - The initials shown under a picture until it has loaded.
 * @csspart author - The author's name (a link when they gave a website).
 * @csspart badge - "Moderator" next to a moderator's name, "Author" next to the post author's.
 * @csspart permalink - The link to a comment, around its timestamp.
 * @csspart timestamp - The `<time>` of a comment.
 * @csspart full-date - The full date of a relative time, shown on keyboard focus.
 * @csspart in-reply-to - "In reply to …" on replies shown below the deepest level.
 * @csspart moderation-note - "Your comment is awaiting moderation." (to a moderator: "Held for moderation", with `held-label`).
 * @csspart held-label - "Held for moderation" on someone else's held comment, shown to moderators.
 * @csspart held-filter - "Held (2)" for moderators: shows only the conversations holding held comments (`aria-pressed`).
 * @csspart approve-button - "Approve" on a held comment, for moderators.
 * @csspart spam-button - "Spam" on a held comment, for moderators.
 * @csspart moderate-delete-button - "Delete" on a held comment, for moderators.
 * @csspart moderation-error - "The comment could not be approved." and the like, under a comment.
 * @csspart body - A comment's content.
 * @csspart reply-button - Each comment's Reply button.
 * @csspart edit-button - "Edit" on the viewer's comments ("Edit (4 min left)" in an edit window).
 * @csspart delete-button - "Delete" on the viewer's comments.
 * @csspart confirm-delete-button - "Delete" again, in "Delete this comment?".
 * @csspart reaction-button - A like button (`aria-pressed`); also `reaction-button-pressed`.
 * @csspart reaction-error - "Your like could not be saved." under a comment.
 * @csspart reaction-sign-in - "Sign in to like comments." with its button.
 * @csspart new-comments-button - "Show 2 new comments", for comments that arrived above the reader.
 * @csspart new-label - "New" on comments that arrived while reading (their article has `comment-new`).
 * @csspart skip-link - "Skip to the comment form" and "Skip past comments", shown on focus.
 * @csspart collapse-button - "Collapse thread (3 replies)" / "Show 3 replies" on a conversation.
 * @csspart show-more-button - "Show more" / "Show less" under a long comment.
 * @csspart more-replies-button - "Show 2,400 more replies" under a conversation of more than
 *   50 replies, which shows its first 50 (in reading order, nested) and 100 more per press.
 * @csspart load-more-button - The "Load more comments" button.
 * @csspart status - "Loading comments…" and "No comments yet."
 * @csspart error - The message shown when comments could not be loaded.
 * @csspart retry-button - Its "Try again" button.
 *
 * @cssprop --colloquy-indent - How far each level of replies is indented (default: a
 *   share of the thread's width, at most 3rem).
 * @cssprop --colloquy-scroll-margin - Space kept above a comment scrolled into view, e.g.
 *   the height of a sticky page header.
 *
 * @fires {CommentLoadEvent} comment-load - A page of comments was loaded and is shown (`CommentLoadEvent`).
 * @fires {CommentErrorEvent} comment-error - Comments could not be loaded, one could not be deleted, or a comment's text to edit could not be loaded (`CommentErrorEvent`).
 * @fires {CommentReplyEvent} comment-reply - Reply was pressed; cancelable (`CommentReplyEvent`).
 */
@localized()
export class CommentThreadElement extends AdapterElement {
  protected static override ownAttributes = OWN_ATTRIBUTES;
  static override styles = [themeStyles, avatarStyles, contentStyles, styles, ownCommentActionsStyles, reactionStyles, newCommentsStyles, longThreadStyles, moreRepliesStyles, timestampStyles, moderationStyles];

  /** The thread's id in the backend. Without one, the page's path is used. */
  @property() thread = '';

  /** Levels of nesting; replies deeper than this are listed at the deepest level. */
  @property({attribute: 'max-depth', type: Number}) maxDepth = 5;

  /** `oldest` or `newest` first; `top` when the backend has reactions. */
  @property() sort: SortOrder = 'oldest';

  /**
   * `relative` ("3 minutes ago"), `absolute` ("August 6, 2012 at 3:14 PM") or `auto`
   * (relative for a week, then the date). A relative time tells its full date on hover and
   * keyboard focus.
   */
  @property({attribute: 'date-style'}) dateStyle: DateStyle = 'relative';

  /** Top-level comments per page (each with all its replies). */
  @property({attribute: 'page-size', type: Number}) pageSize = 50;

  /**
   * How long a page of comments may take, in milliseconds, before loading fails with
   * "Try again" (default 15 s; 0 waits forever).
   */
  @property({attribute: 'load-timeout', type: Number}) loadTimeout = DEFAULT_LOAD_DEADLINE_MS;

  /**
   * `lazy`: build the adapter and load comments only when the thread comes near the
   * viewport (unless the address links to a comment). `eager` (default): at once.
   */
  @property() loading: 'eager' | 'lazy' = 'eager';

  /** The comment being answered: the slotted form is shown under it. Null for a new comment. */
  @property({attribute: false}) replyingTo: string | null = null;

  readonly #progressive = new ProgressiveRender(this);
  readonly #failedAvatars = new FailedAvatars(
    () => [...this.#data.comments, ...this.#data.added, ...this.#outgoing.list],
    (commentIds) => this.#changedComments(commentIds),
  );
  // A new page, a live comment or an edit changes the thread's tree, whose unchanged nodes
  // are kept: conversations already shown are not rendered again.
  readonly #data = new ThreadController(this, {
    arrived: (comment) => this.#newComments.arrived(comment),
    changed: () => this.#progressive.keeping(() => this.requestUpdate()),
    // A batch asked for before would land in the new view, as the viewer it was asked as.
    loading: () => this.#moreReplies.reset(),
  });
  // Relative labels update themselves; a tick re-renders the thread only while it shows an
  // edit window counting down.
  readonly #clock = new ClockController(this, () => this.#hasEditWindow());
  readonly #own = new LazyOwnCommentActions(this, {
    adapter: () => this.#adapter,
    threadId: () => this.#threadId,
    deleted: (comment, placeholder) => (placeholder ? this.#data.add(placeholder) : this.#data.remove(comment.id)),
    announce: (text) => void announce(this, text),
  });
  readonly #moderation = new LazyModeration(this, {
    adapter: () => this.#adapter,
    threadId: () => this.#threadId,
    stored: (comment, result) => (result ? this.#data.add(result) : this.#data.remove(comment.id)),
    announce: (text) => void announce(this, text),
  });
  readonly #reactions = new LazyReactions(this, {
    adapter: () => this.#adapter,
    threadId: () => this.#threadId,
    stored: (comment) => this.#data.add(comment),
    deadline: () => this.#pageDeadline(),
  });
  readonly #newComments = new LazyNewComments(this, {
    locale: () => localeOf(this),
    newestFirst: () => this.#sort === 'newest',
    announce: (text) => void announce(this, text),
    reveal: (commentId) => void this.#reveal(commentId, false),
  });
  readonly #replyBatches = new ReplyBatches();
  readonly #moreReplies = new LazyMoreReplies(this, {
    adapter: () => this.#adapter,
    thread: () => this.#data.query?.thread,
    deadline: () => this.#pageDeadline(),
    store: (conversationId, cursor, batch) => this.#data.addReplies(conversationId, cursor, batch),
    changed: (conversationId) => this.#changedComments([conversationId]),
    conversation: (commentId) => nodesById(this.#nodes()).get(commentId)?.conversation,
    batches: this.#replyBatches,
    revealed: (first, count) => void this.#showRevealedReplies(first, count),
  });
  readonly #controls = new ControlsGate(this, [this.#own, this.#moderation, this.#newComments, this.#moreReplies, this.#reactions], () => this.#nodes(), () => this.#pageDeadline());
  readonly #longThread = new LongThreadController(this, (commentIds) => this.#changedComments(commentIds));
  readonly #markdown = new MarkdownController(this);
  readonly #permalinks = new PermalinkController(this, (commentId) => void this.#reveal(commentId, true));
  readonly #link: ThreadLink = this.#createLink();
  readonly #view = new CommentView(this.#createViewContext());
  readonly #adapterProvider = new ContextProvider(this, {context: adapterContext});
  readonly #threadProvider = new ContextProvider(this, {context: threadContext, initialValue: this.#link});

  /** The adapter in use once resolved (the property, or the named one). */
  #adapter: CommentAdapter | undefined;
  #adapterError: unknown;
  readonly #lazyStart = new LazyStart(this, () => this.#resolveAdapter());
  readonly #outgoing = new OutgoingComments();
  #targeted: string | undefined;
  #revealRequest = 0;
  /** Whether the address's `#comment-…` was followed after the first page (reloads must not jump again). */
  #followedAddress = false;
  /** The reader picked another sort: say so once its first page is shown. */
  #sortChosen = false;
  #tree: {inputs: readonly unknown[]; nodes: ThreadNode[]} | undefined;
  /**
   * Conversation (its first comment's id) → a number bumped when something only the
   * thread knows about one of its comments changed (highlighted, answered, measured): it
   * is rendered again, and the others are not.
   */
  readonly #versions = new Map<string, number>();
  /** What every comment's rendering depends on, as of the last render. */
  #shared: readonly unknown[] = [];
  /** The thread info last announced to the link's subscribers. */
  #linkedInfo: ThreadInfo | undefined;

  /** The thread shown: the `thread` attribute, or the page's path. */
  get #threadId(): string {
    return this.thread || location.pathname;
  }

  /** The sort sent to the backend: `top` only when it has reactions to rank by. */
  get #sort(): SortOrder {
    if (this.sort === 'newest') return 'newest';
    if (this.sort === 'top' && this.#canSortByTop) return 'top';
    return 'oldest';
  }

  get #canSortByTop(): boolean {
    return (this.#adapter?.capabilities.reactions.length ?? 0) > 0;
  }

  /**
   * Starts answering `commentId` (fires a cancelable `comment-reply`, then shows the form
   * under that comment), or goes back to a new top-level comment with `null`.
   */
  reply(commentId: string | null): void {
    if (commentId === null) {
      this.replyingTo = null;
      return;
    }
    const comment = this.#find(commentId);
    if (!comment) return;
    // Named before dispatching: the manifest analyzer reads `dispatchEvent(new X(arg))` as an
    // event called `arg`.
    const event = new CommentReplyEvent(comment);
    if (!this.dispatchEvent(event)) return;
    this.replyingTo = commentId;
  }

  /** Loads the first page again (after a failure, or to catch up). */
  refresh(): Promise<void> {
    if (this.#adapterError !== undefined || !this.#adapter) {
      this.#resolveAdapter();
      return Promise.resolve();
    }
    return this.#data.reload();
  }

  override requestUpdate(...args: Parameters<AdapterElement['requestUpdate']>): void {
    // Moving the form changes two conversations only: willUpdate bumps them.
    if (args[0] !== 'replyingTo') invalidateProgressiveRender(this);
    super.requestUpdate(...args);
  }

  protected override createRenderRoot(): HTMLElement | DocumentFragment {
    const root = super.createRenderRoot();
    // `error` does not bubble; one capturing listener serves every avatar in the thread.
    root.addEventListener('error', this.#failedAvatars.onError, true);
    // The slotted form's events pass through here on their way to the host.
    root.addEventListener('comment-cancel', this.#onReplyDone);
    root.addEventListener('comment-posted', this.#onReplyDone);
    return root;
  }

  // Comments that need controls not loaded yet show once they are (lazy-controls.ts).
  protected override shouldUpdate(changed: PropertyValues<this>): boolean {
    return this.#controls.ready([this.#data.comments, this.#data.added], changed) && super.shouldUpdate(changed);
  }

  protected override async getUpdateComplete(): Promise<boolean> {
    let complete = await super.getUpdateComplete();
    for (let loading = this.#controls.loading; loading; loading = this.#controls.loading) {
      await loading;
      complete = await super.getUpdateComplete();
    }
    return complete;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (this.adapterSettingsChanged(changed) || changed.has('loading')) {
      this.#resolveAdapter();
    } else if (this.#adapter && (changed.has('thread') || changed.has('sort') || changed.has('pageSize'))) {
      this.#loadFirstPage();
    }
    if (changed.has('replyingTo')) this.#bump([changed.get('replyingTo'), this.replyingTo]);
    // The link object stays the same; tell subscribed forms when what it reports changed.
    if (changed.has('replyingTo') || this.#data.info !== this.#linkedInfo) {
      this.#linkedInfo = this.#data.info;
      this.#threadProvider.setValue(this.#link, true);
    }
  }

  protected override updated(changed: PropertyValues<this>): void {
    if (changed.has('replyingTo') && this.replyingTo !== null && !this.#find(this.replyingTo)) {
      this.replyingTo = null;
    }
  }

  #resolveAdapter(): void {
    if (this.loading === 'lazy' && !this.#lazyStart.near && this.#permalinks.target === undefined) {
      this.#lazyStart.waitUntilNear();
      return;
    }
    this.#adapterError = undefined;
    // Following the address's link comes right after the first page: its code loads meanwhile.
    if (this.#permalinks.target !== undefined) void loadLinkedCommentModule().catch(() => {});
    this.loadAdapter(
      (error) => {
        this.#adapterError = error;
        this.requestUpdate();
        const event = new CommentErrorEvent(error, 'load'); // named: see reply()
        this.dispatchEvent(event);
      },
      (adapter) => this.#useAdapter(adapter),
      // Lets a backend that reads a service document first ask for the comments meanwhile.
      {firstPage: {thread: this.#threadId, sort: this.#sort, limit: this.#askedPageSize()}},
    );
  }

  #useAdapter(adapter: CommentAdapter | undefined): void {
    this.#adapter = adapter;
    this.#adapterProvider.setValue(adapter);
    // The parser comes while the first page does, not after it.
    if (adapter?.capabilities.markdown) this.#markdown.prefetch();
    if (adapter) this.#loadFirstPage();
    this.requestUpdate();
  }

  #loadFirstPage(): void {
    const adapter = this.#adapter;
    if (!adapter) return;
    const asked = this.#askedPageSize();
    // Asking a backend for more than it allows would fail the whole thread.
    const limit = Math.min(asked, adapter.maxPageSize ?? asked);
    const deadline = this.loadTimeout;
    void this.#data.load({adapter, thread: this.#threadId, sort: this.#sort, limit, deadline}).then(() => {
      if (this.#sortChosen && this.#data.status === 'complete') {
        this.#sortChosen = false;
        announceSorted(this, this.#sort);
      }
      const target = this.#permalinks.target;
      if (target === undefined || this.#followedAddress || this.#data.status !== 'complete') return;
      this.#followedAddress = true;
      void this.#reveal(target, true);
    });
  }

  #askedPageSize(): number {
    return Number.isFinite(this.pageSize) && this.pageSize >= 1 ? Math.floor(this.pageSize) : 50;
  }

  #createLink(): ThreadLink {
    // Getters read the element's current state: the link object itself never changes.
    const element = this;
    return {
      get threadId() {
        return element.#threadId;
      },
      get info() {
        return element.#data.info;
      },
      get shown() {
        return [...element.#data.comments, ...element.#data.added];
      },
      get replyingTo() {
        return element.replyingTo === null ? null : (element.#find(element.replyingTo) ?? null);
      },
      reply: (commentId) => element.reply(commentId),
      replyWhenFound: async (commentId) => {
        // Bounded: a draft must not make a visitor download a whole long thread.
        for (let pages = 0; pages < 10 && !element.#find(commentId); pages++) {
          if (element.#data.nextCursor === null || element.#data.status !== 'complete') break;
          if ((await element.#data.loadMore()) === undefined) break;
        }
        element.reply(commentId);
        return element.replyingTo === commentId;
      },
      addOutgoing: (key, comment) => {
        element.#outgoing.add(key, comment);
        element.requestUpdate();
      },
      resolveOutgoing: (key, stored) => {
        if (!element.#outgoing.resolve(key)) return;
        if (stored) element.#data.add(stored);
        element.requestUpdate();
      },
      focusComment: (commentId) => void element.#reveal(commentId, false),
      apply: (event) => element.#data.apply(event),
      reload: async () => {
        await element.#data.reload();
        return [...element.#data.comments, ...element.#data.added];
      },
    };
  }

  #createViewContext(): CommentViewContext {
    // Getters read the element's current state, as for the link.
    const element = this;
    return {
      host: this,
      get dateStyle() {
        return element.dateStyle;
      },
      get replyingTo() {
        return element.replyingTo;
      },
      get targeted() {
        return element.#targeted;
      },
      get now() {
        return element.#clock.now;
      },
      get info() {
        return element.#data.info;
      },
      get adapter() {
        return element.#adapter;
      },
      // Fields declared below this one are not set yet: read when rendering.
      get failedAvatars() {
        return element.#failedAvatars.addresses;
      },
      onMoreReplies: this.#moreReplies.press,
      replyFetches: this.#moreReplies,
      isOutgoing: (comment) => element.#outgoing.includes(comment),
      progressive: this.#progressive,
      replyBatches: this.#replyBatches,
      own: this.#own,
      moderation: this.#moderation,
      reactions: this.#reactions,
      newComments: this.#newComments,
      longThread: this.#longThread,
      markdown: this.#markdown,
    };
  }

  #find(commentId: string): Comment | undefined {
    return (
      this.#data.comments.find((comment) => comment.id === commentId) ??
      this.#data.added.find((comment) => comment.id === commentId) ??
      this.#outgoing.list.find((comment) => comment.id === commentId)
    );
  }

  /**
   * Whether some comment has an edit window ("Edit (4 min left)"), whose label each clock
   * tick must re-render. Read from the data, not flagged while rendering: a progressive
   * step renders only its new comments, and would forget those rendered before it.
   */
  #hasEditWindow(): boolean {
    const has = (comments: readonly Comment[]) => comments.some((comment) => comment.viewerCan.editableUntil !== undefined);
    return has(this.#data.comments) || has(this.#data.added) || has(this.#outgoing.list);
  }

  /** How long a page of comments may take (ms; 0 for no deadline): the running query's, or `load-timeout`. */
  #pageDeadline(): number {
    return this.#data.query?.deadline ?? this.loadTimeout;
  }

  /** The thread's tree, rebuilt only when the comments or the depth change. */
  #nodes(): ThreadNode[] {
    const added = this.#newComments.shown(this.#data.added);
    const inputs = [this.#data.comments, added, this.#outgoing.list, this.maxDepth, this.#sort] as const;
    if (!this.#tree || inputs.some((input, index) => input !== this.#tree!.inputs[index])) {
      const nodes = buildThreadTree(
        this.#data.comments,
        [...added, ...this.#outgoing.notArrived([this.#data.comments, this.#data.added])],
        {maxDepth: this.maxDepth, addedFirst: this.#sort === 'newest'},
        this.#tree?.nodes,
      );
      this.#tree = {inputs, nodes};
    }
    return this.#tree.nodes;
  }

  /**
   * Scrolls to a comment, highlights it and focuses it, loading its page first (see
   * linked-comment.ts). A newer call (another link followed) stops an older one.
   */
  async #reveal(commentId: string, fromAddress: boolean): Promise<void> {
    const request = ++this.#revealRequest;
    let linked: typeof import('./linked-comment.js');
    try {
      linked = await loadLinkedCommentModule();
    } catch (error) {
      // The comments stay as they are, where the reader is; a later link tries again.
      console.error(error);
      return;
    }
    await linked.revealComment(this.#linkedCommentHost, commentId, fromAddress, () => request === this.#revealRequest);
  }

  readonly #linkedCommentHost: LinkedCommentHost = {
    data: this.#data,
    find: (commentId) => this.#find(commentId),
    conversations: () => this.#nodes().map((node) => node.comment),
    adapter: () => this.#adapter,
    replyFetches: this.#moreReplies,
    announce: (text) => void announce(this, text),
    target: (commentId, conversationId) => {
      this.#bump([this.#targeted, commentId]);
      this.#targeted = commentId;
      this.#longThread.expand(conversationId);
      const place = nodesById(this.#nodes()).get(commentId);
      if (place) this.#replyBatches.revealUpTo(place.conversation, commentId);
      this.#progressive.keeping(() => this.requestUpdate());
    },
    rendered: (commentId) => this.#rendered(commentId),
  };

  /** The article of `commentId` once rendered (a long thread renders in steps), or null. */
  async #rendered(commentId: string): Promise<HTMLElement | null> {
    await this.updateComplete;
    await this.#progressive.whenRendered(() => this.#articleOf(commentId) !== null);
    return this.#articleOf(commentId);
  }

  /** `button` is the Load more button pressed (not searched for: it follows every comment). */
  async #loadMore(button: EventTarget | null): Promise<void> {
    const hadFocus = button !== null && this.shadowRoot?.activeElement === button;
    const fresh = await this.#data.loadMore();
    if (!fresh) return;
    const count = fresh.length;
    announceLoaded(this, count);
    // The button moves below the new comments or goes away: take focus to the first new
    // comment instead, where reading continues.
    if (hadFocus && count > 0) (await this.#rendered(fresh[0]!.id))?.focus();
  }

  /**
   * After "Show N more replies": the next batch of that conversation is rendered (the rest
   * of the thread is not) and announced, and focus moves to its first reply, where reading
   * goes on, as after "Load more comments"; the button, now below the batch, is reached
   * again by reading on.
   */
  async #showRevealedReplies(first: string, count: number): Promise<void> {
    this.#progressive.allow(count);
    this.#progressive.keeping(() => this.requestUpdate());
    announceLoaded(this, count);
    (await this.#rendered(first))?.focus();
  }

  #articleOf(commentId: string): HTMLElement | null {
    return this.renderRoot.querySelector<HTMLElement>(`[data-comment-id="${CSS.escape(commentId)}"]`);
  }

  /** Renders again the conversations holding `commentIds` (and no others). */
  #changedComments(commentIds: readonly string[]): void {
    this.#bump(commentIds);
    this.#progressive.keeping(() => this.requestUpdate());
  }

  /** Bumps the version of the conversations holding `commentIds`. */
  #bump(commentIds: ReadonlyArray<string | null | undefined>): void {
    const places = this.#tree ? nodesById(this.#tree.nodes) : undefined;
    for (const id of commentIds) {
      if (id === null || id === undefined) continue;
      const conversation = places?.get(id)?.conversation.comment.id ?? id;
      this.#versions.set(conversation, (this.#versions.get(conversation) ?? 0) + 1);
    }
  }

  // One listener for every Reply button and "Collapse thread" toggle, rather than one per comment.
  readonly #onClick = (event: Event): void => {
    const button = (event.target as Element).closest<HTMLElement>('[data-reply], [data-collapse]');
    // Clicks inside the slotted form bubble through here too; only our own buttons count.
    if (!button || button.getRootNode() !== this.renderRoot) return;
    const {reply, collapse} = button.dataset;
    if (reply !== undefined) this.reply(reply);
    else this.#longThread.toggleCollapsed(collapse!);
  };

  /**
   * The reply form was cancelled (focus goes back to the Reply button that opened it) or
   * its reply was posted (focus goes to the new comment): either way it returns to the end.
   */
  readonly #onReplyDone = async (event: Event): Promise<void> => {
    const answered = this.replyingTo;
    if (answered === null || (event.target as Element).closest?.('comment-form[data-editing]')) return;
    this.replyingTo = null;
    if (event.type !== 'comment-cancel') return;
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>(`[data-reply="${CSS.escape(answered)}"]`)?.focus();
  };

  readonly #onSortChange = (event: Event): void => {
    this.sort = (event.target as HTMLSelectElement).value as SortOrder;
    this.#sortChosen = true;
  };

  protected override render(): TemplateResult {
    const data = this.#data;
    const locale = localeOf(this);
    const failed = this.#adapterError !== undefined || data.status === 'error';
    const loaded = data.status === 'complete' || data.comments.length > 0 || data.added.length > 0;
    // The page's own rendering of the comments (a CMS's server-side list and form) stays
    // in view until the first page replaces it, so the upgrade shows one list, never two;
    // if loading fails it stays, still readable and with its own form.
    const fallback = !loaded && this.#hasFallback();
    if (fallback && !failed) {
      return html`
        <section part="base" class="thread" aria-busy="true">
          <slot name="fallback"></slot>
          <p role="status" id="announcer" class="visually-hidden"></p>
        </section>
      `;
    }
    // What every comment shows depends on: when it changes, all are rendered again.
    const shared = [locale, this.dateStyle, data.info?.posting.open, data.info?.url, this.#adapter];
    if (shared.some((value, index) => value !== this.#shared[index])) {
      this.#shared = shared;
      this.#progressive.invalidate();
    }
    // Rendered first: whether some comments still wait for their step counts as busy.
    const held = loaded ? this.#moderation.heldCount([data.comments, data.added]) : 0;
    const comments = loaded ? this.#renderComments(locale, held) : undefined;
    const busy =
      (!failed && !loaded) || data.status === 'pending' || data.moreStatus === 'pending' || this.#progressive.pending;
    return html`
      <section part="base" class="thread" aria-labelledby="heading" aria-busy=${busy ? 'true' : 'false'}>
        ${loaded && this.#nodes().length > 0 ? this.#longThread.renderSkipLinks(data.nextCursor !== null) : nothing}
        <header part="header" class="header">
          <h2 id="heading" part="heading" class="heading">${threadHeading(data.info, locale, () => this.#heldForViewer())}</h2>
          ${loaded && (this.#nodes().length > 1 || data.nextCursor !== null) ? renderSortControl(this.#sort, this.#canSortByTop, this.#onSortChange) : nothing}
          ${this.#moderation.renderFilter(held, locale)}
        </header>
        ${failed ? renderLoadError(this.#adapterError ?? data.error, () => void this.refresh()) : nothing}
        ${loaded ? comments : failed ? (fallback ? html`<slot name="fallback"></slot>` : nothing) : html`
          <p part="status" class="status">${msg('Loading comments…', {id: 'thread.loading'})}</p>`}
        <p role="status" id="announcer" class="visually-hidden"></p>
      </section>
      ${fallback || (this.replyingTo !== null && this.#find(this.replyingTo)) ? nothing : html`<slot></slot>`}
    `;
  }

  #hasFallback(): boolean {
    return Array.from(this.children).some((child) => child.slot === 'fallback');
  }

  /** How many of the comments shown are held for moderation (only their author sees them). */
  #heldForViewer(): number {
    // A backend that leaves them out of `totalCount` already did this.
    if (this.#adapter?.capabilities.countsHeldComments === false) return 0;
    // Counted again only when the lists change, not on every render (each step of a long thread).
    const {comments, added} = this.#data;
    const counted = this.#heldCounted;
    if (counted?.comments === comments && counted.added === added) return counted.held;
    let held = 0;
    for (const list of [comments, added]) for (const comment of list) if (comment.status === 'pending') held++;
    this.#heldCounted = {comments, added, held};
    return held;
  }

  #heldCounted: {comments: readonly Comment[]; added: readonly Comment[]; held: number} | undefined;

  /** `held`: how many comments wait for the viewer's decision (the "Held (N)" filter). */
  #renderComments(locale: string, held: number): TemplateResult {
    const nodes = this.#moderation.filter(this.#nodes(), held);
    const data = this.#data;
    const moreFailed = data.moreStatus === 'error';
    const loadingMore = data.moreStatus === 'pending';
    return html`
      ${this.#newComments.renderNotice(locale)}
      ${nodes.length === 0
        ? html`<p part="status" class="status">${msg('No comments yet.', {id: 'thread.empty'})}</p>`
        : html`<ol part="list" class="comments" @click=${this.#onClick}>${this.#progressive.list(
              nodes,
              this.#progressive.begin(),
              (node, budget) => this.#view.renderNode(node, budget, locale, this.#versionOf(node)),
              (node) => this.#versionOf(node),
              (node) => 1 + this.#replyBatches.shown(node),
            )}</ol>`}
      ${moreFailed
        ? html`<p part="error" class="error" role="alert">
            ${msg('More comments could not be loaded.', {id: 'thread.more.error'})}
            ${isCommentError(data.moreError) && data.moreError.message ? data.moreError.message : nothing}
          </p>`
        : nothing}
      ${data.nextCursor !== null
        ? html`<div class="more">
            <button
              type="button"
              part="load-more-button"
              class="button load-more"
              aria-disabled=${loadingMore ? 'true' : 'false'}
              @click=${(event: Event) => loadingMore || void this.#loadMore(event.currentTarget)}
            >
              ${loadingMore
                ? msg('Loading…', {id: 'thread.more.loading'})
                : moreFailed
                  ? msg('Try again', {id: 'thread.retry'})
                  : msg('Load more comments', {id: 'thread.more'})}
            </button>
          </div>`
        : nothing}
    `;
  }

  #versionOf(conversation: ThreadNode): number {
    return this.#versions.get(conversation.comment.id) ?? 0;
  }
}

defineElement('comment-thread', CommentThreadElement);

declare global {
  interface HTMLElementTagNameMap {
    'comment-thread': CommentThreadElement;
  }
}
