import {msg, str} from '@lit/localize';
import {html, nothing, render, type ChildPart, type ReactiveElement, type RenderOptions, type RootPart, type TemplateResult} from 'lit';
import {Directive, directive} from 'lit/directive.js';
import type {CommentAdapter} from '../../core/adapter.js';
import type {Comment, CommentAuthor, CommentContent, ThreadInfo} from '../../core/types.js';
import {parseText} from '../../content/text.js';
import {httpUrl, UGC_LINK_REL} from '../../content/urls.js';
import {formatFullDate, formatRelativeTime, relativeTimeChangesAt} from '../../i18n/format.js';
import {plausibleTime} from '../../i18n/plausible.js';
import {isolate} from '../../i18n/isolate.js';
import {avatarElement} from '../shared/avatar.js';
import {LiveLabelGroup, type LiveLabel} from '../shared/live-relative-time.js';
import type {MarkdownController} from '../shared/markdown.js';
import {sanitizedHtml} from '../shared/sanitized-html.js';
import {bodyIdOf, type LongThreadController} from './long-thread.js';
import type {ModerationController} from './moderation.js';
import type {ReplyFetchController} from './more-replies.js';
import type {NewCommentsController} from './new-comments.js';
import type {OwnCommentActions} from './own-comment-actions.js';
import {commentHash} from './permalinks.js';
import type {ProgressiveRender, RenderBudget} from './progressive-render.js';
import type {ReactionController} from './reactions.js';
import {unsentReplies, type ReplyBatches} from './reply-batches.js';
import {fillTextBody} from './text-body.js';
import {subtreeSize, type ThreadNode} from './thread-tree.js';
import {showsRelative, type DateStyle} from './timestamps.js';

/**
 * Levels indented in a narrow thread (a phone); replies deeper than this are shown at that
 * level and say whom they answer. Keep in step with the narrow container query's styles.
 */
const NARROW_INDENT_LEVELS = 3;

/**
 * What rendering a comment reads from its thread: the thread's state and the controllers
 * that add their parts (the viewer's actions, moderation, likes, long threads) to each
 * comment. The thread element implements it; its getters read the current state.
 */
export interface CommentViewContext {
  /**
   * The element whose listeners the controllers' templates bind (Lit's `host` option); its
   * connection starts and stops the comments' relative times. Its clicks on a "Collapse
   * thread" toggle (`data-collapse`) are its own to handle.
   */
  readonly host: ReactiveElement;
  readonly dateStyle: DateStyle;
  /** The comment being answered (the slotted form is shown under it). */
  readonly replyingTo: string | null;
  /** The comment the address links to, highlighted. */
  readonly targeted: string | undefined;
  /** The clock's last tick (which dates are still shown relative). */
  readonly now: number;
  readonly info: ThreadInfo | undefined;
  readonly adapter: CommentAdapter | undefined;
  /** Avatar addresses that failed to load: their initials are shown instead. */
  readonly failedAvatars: ReadonlySet<string>;
  /** Whether `comment` is the viewer's, still being sent. */
  isOutgoing(comment: Comment): boolean;
  readonly progressive: Pick<ProgressiveRender, 'list'>;
  readonly replyBatches: Pick<ReplyBatches, 'hidden' | 'renderButton'>;
  /** Fetches of replies a page did not bring: their state is shown by the button. */
  readonly replyFetches: Pick<ReplyFetchController, 'state'>;
  /** "Show N more replies" was pressed. */
  readonly onMoreReplies: (conversationId: string) => void;
  readonly own: Pick<OwnCommentActions, 'isEditing' | 'renderEditor' | 'renderActions'>;
  readonly moderation: Pick<ModerationController, 'showsPending' | 'renderNote' | 'renderActions'>;
  readonly reactions: Pick<ReactionController, 'renderButtons' | 'renderMessage'>;
  readonly newComments: Pick<NewCommentsController, 'isNew'>;
  readonly longThread: Pick<LongThreadController, 'isCollapsed' | 'isClamped' | 'renderShowMore' | 'collapseLabel'>;
  readonly markdown: Pick<MarkdownController, 'render'>;
}

export function repliesId(comment: Comment): string {
  return `replies-${encodeURIComponent(comment.id)}`;
}

export function authorName(author: CommentAuthor): string {
  return author.name.trim() || msg('Anonymous', {id: 'thread.anonymous'});
}

/** Renders the comments of a thread, each with its replies, as the thread's state says. */
export class CommentView {
  /** The relative times shown ("3 minutes ago"), kept current while the host is connected. */
  readonly labels: LiveLabelGroup;
  /** Lit's options for what comments render, one object for all of them. */
  readonly renderOptions: RenderOptions;

  constructor(readonly context: CommentViewContext) {
    const {host} = context;
    this.labels = new LiveLabelGroup(host);
    this.renderOptions = {host};
  }

  /** `version` is that of the conversation `node` belongs to; `parent` the comment it is listed under. */
  renderNode(node: ThreadNode, budget: RenderBudget, locale: string, version: number, parent?: Comment): unknown {
    return commentItem(this, node, budget, locale, version, parent);
  }
}

/** Where each kind of Lit content goes among a comment's hand-built nodes. */
type Region = 'labels' | 'sending' | 'edited' | 'note' | 'editor' | 'rich' | 'showMore' | ActionRegion | 'more';
type ActionRegion = 'reactions' | 'own' | 'moderation' | 'message';
const ACTION_REGIONS: readonly ActionRegion[] = ['reactions', 'own', 'moderation', 'message'];

/**
 * One comment's `<li>`: its `<article>` and the list of its replies. Written for thousands
 * of comments: what every comment shows (avatar, author, time, text, Reply) is cloned from
 * prepared elements and patched where it changed, with no Lit template instance, marker or
 * part object; the little this record keeps is what updates need. What few comments show
 * (badges, notes, moderation, the viewer's actions, likes, "Show more", rich content, the
 * editor) is Lit content, placed among those nodes the first time it shows something and
 * kept in place from then on.
 *
 * A plain directive, not an async one: Lit keeps a set of "disconnectable" children in
 * every part and directive above an async directive, three sets (about 250 bytes) per
 * comment, only to tell it when it is taken out. Nothing here needs telling: the relative
 * time is let go by its `LiveLabelGroup` once out of the page, and what regions render
 * keeps no resources (the one async directive they may hold, `sanitizedHtml`, only sets
 * its content when the sanitizer has loaded).
 */
class CommentItemDirective extends Directive implements LiveLabel {
  #view!: CommentView;
  #item: HTMLElement | undefined;
  #article: HTMLElement | undefined;
  /** The article's header; none while the comment is a deleted placeholder. */
  #header: HTMLElement | undefined;
  /** The comment whose data the article shows, and in which locale. */
  #comment: Comment | undefined;
  #locale = '';
  #content: CommentContent | undefined;
  #permalink: HTMLElement | undefined;
  #body: HTMLElement | undefined;
  #actions: HTMLElement | undefined;
  #replyButton: HTMLElement | undefined;
  #replyForm: HTMLElement | undefined;
  #replies: HTMLElement | undefined;
  #regions: Partial<Record<Region, RootPart>> | undefined;
  /** The relative label shown, and when it next reads differently (see `toSeconds`). */
  #time: HTMLElement | undefined;
  #changesAt = 0;

  render(_view: CommentView, _node: ThreadNode, _budget: RenderBudget, _locale: string, _version: number, _parent?: Comment): unknown {
    return nothing;
  }

  override update(
    _part: ChildPart,
    [view, node, budget, locale, version, parent]: [CommentView, ThreadNode, RenderBudget, string, number, Comment?],
  ): unknown {
    this.#view = view;
    const {comment} = node;
    prepareSkeletons();
    const item = (this.#item ??= clone(blankItem!));
    // A conversation not rendered yet holds a place sized by its number of comments, so
    // the scrollbar barely moves as they come into view (see the styles). Set through the
    // CSSOM: a style attribute is blocked by a strict CSP.
    // Replies never touch their style: its object would cost memory in each.
    const size = parent ? undefined : String(subtreeSize(node));
    if (size !== undefined && item.style.getPropertyValue('--_comments') !== size) item.style.setProperty('--_comments', size);
    else if (size === undefined && item.hasAttribute('style')) item.style.removeProperty('--_comments');
    // What depends on the comment's data alone is redone only when the comment changed.
    let changed = comment !== this.#comment || locale !== this.#locale;
    this.#comment = comment;
    this.#locale = locale;
    const deleted = comment.status === 'deleted';
    if (!this.#article || deleted === (this.#header !== undefined)) {
      this.#replaceArticle(clone(deleted ? blankDeleted : blankArticle));
      changed = true;
    }
    if (deleted) this.#renderDeleted(comment);
    else this.#renderComment(node, locale, parent, changed);
    this.#renderReplies(node, budget, locale, version, parent);
    return item;
  }

  #renderDeleted(comment: Comment): void {
    const article = this.#article!;
    const targeted = comment.id === this.#view.context.targeted;
    attribute(article, 'part', targeted ? 'comment comment-deleted comment-targeted' : 'comment comment-deleted');
    attribute(article, 'class', targeted ? 'comment deleted targeted' : 'comment deleted');
    attribute(article, 'data-comment-id', comment.id);
    text(article.firstChild!, msg('This comment was deleted.', {id: 'thread.deleted'}));
  }

  #renderComment(node: ThreadNode, locale: string, parent: Comment | undefined, changed: boolean): void {
    const {context} = this.#view;
    const {comment, inReplyTo, depth} = node;
    const article = this.#article!;
    const header = this.#header!;
    const main = header.parentElement!;
    const name = authorName(comment.author);
    const labelId = `author-${encodeURIComponent(comment.id)}`;
    const targeted = comment.id === context.targeted;
    const sending = context.isOutgoing(comment);
    const pending = context.moderation.showsPending(comment);
    const fresh = context.newComments.isNew(comment.id);
    let parts = 'comment';
    let classes = 'comment';
    for (const [shown, state] of [[pending, 'pending'], [sending, 'sending'], [targeted, 'targeted'], [fresh, 'new']] as const) {
      if (!shown) continue;
      parts += ` comment-${state}`;
      classes += ` ${state}`;
    }
    attribute(article, 'part', parts);
    attribute(article, 'class', classes);
    attribute(article, 'aria-busy', sending ? 'true' : null);

    const avatar = article.firstElementChild!;
    if (changed) {
      // Addresses are checked (parsed) only here, once per comment: nothing is kept for them.
      const avatarUrl = httpUrl(comment.author.avatarUrl);
      const built = avatarElement(name, avatarUrl && !context.failedAvatars.has(avatarUrl) ? avatarUrl : undefined, locale);
      if (avatar === main) main.before(built);
      else avatar.replaceWith(built);
      attribute(article, 'data-comment-id', comment.id);
      attribute(article, 'aria-labelledby', labelId);
      const profile = httpUrl(comment.author.profileUrl);
      const author = clone(profile ? blankAuthorLink : blankAuthorName);
      author.id = labelId;
      if (profile) author.setAttribute('href', profile);
      author.textContent = name;
      const shown = header.firstElementChild;
      if (shown) shown.replaceWith(author);
      else header.prepend(author);
    } else {
      // A picture that failed to load gives way to the initials.
      const shown = avatar.querySelector('img')?.getAttribute('src');
      if (shown && context.failedAvatars.has(shown)) avatar.replaceWith(avatarElement(name, undefined, locale));
    }
    this.#region('labels', renderLabels(comment, fresh), header, () => header.firstElementChild!.nextSibling);
    this.#region('sending', sending ? html`<span class="sending-label">${msg('Sending…', {id: 'thread.sending'})}</span>` : nothing, header, () =>
      firstOf(header, this.#permalink, this.#startOf('edited')),
    );
    this.#renderTime(header, comment, locale, sending, changed);

    const deep = parent !== undefined && depth > NARROW_INDENT_LEVELS;
    const inReplyToNote = renderInReplyTo(header, inReplyTo ?? (deep ? parent : undefined), !inReplyTo);
    this.#region('note', pending ? context.moderation.renderNote(comment) : nothing, main, () => (inReplyToNote ?? header).nextSibling);
    const editing = context.own.isEditing(comment);
    if (editing && this.#body) this.#dropBody();
    this.#region('editor', editing ? context.own.renderEditor(comment) : nothing, main, () =>
      firstOf(main, this.#startOf('showMore'), this.#actions, this.#replyForm),
    );
    if (!editing) this.#renderBody(main, comment);
    this.#region('showMore', editing ? nothing : context.longThread.renderShowMore(comment, bodyIdOf(comment.id)), main, () =>
      firstOf(main, this.#actions, this.#replyForm),
    );
    this.#renderActions(main, node, name, sending, pending, locale);

    if (comment.id === context.replyingTo) {
      this.#replyForm ??= main.appendChild(clone(blankReplyForm));
    } else if (this.#replyForm) {
      this.#replyForm.remove();
      this.#replyForm = undefined;
    }
  }

  /**
   * The permalink with the comment's time, unless it is being sent: relative ("3 minutes
   * ago", kept current by the page's clock, with the full date for screen readers and
   * keyboard users) or the full date; then "(edited)".
   */
  #renderTime(header: HTMLElement, comment: Comment, locale: string, sending: boolean, changed: boolean): void {
    const {context} = this.#view;
    const created = plausibleTime(comment.createdAt);
    const shown = !sending && !Number.isNaN(created);
    const relative = showsRelative(context.dateStyle, created, context.now);
    if (changed || !shown || this.#permalink === undefined || relative !== (this.#time !== undefined)) {
      this.#permalink?.remove();
      this.#permalink = undefined;
      this.#stopLabel();
      if (shown) {
        const title = formatFullDate(created, locale);
        const permalink = (this.#permalink = clone(blankPermalink));
        permalink.setAttribute('href', commentHash(comment.id));
        const time = permalink.firstElementChild as HTMLElement;
        time.setAttribute('datetime', new Date(created).toISOString());
        if (relative) {
          time.setAttribute('title', title);
          permalink.lastElementChild!.textContent = title;
          this.#time = time;
          this.#view.labels.add(this, this.refresh(Date.now()));
        } else {
          time.textContent = title;
          permalink.replaceChildren(time);
        }
        header.insertBefore(permalink, this.#startOf('edited') ?? null);
      }
    }
    const edited = shown ? plausibleTime(comment.editedAt) : NaN;
    this.#region(
      'edited',
      Number.isNaN(edited) ? nothing : html`<span class="edited" title=${formatFullDate(edited, locale)}>${msg('(edited)', {id: 'thread.edited'})}</span>`,
      header,
      () => null,
    );
  }

  /** Writes the relative label again when, and only when, it reads differently. */
  refresh(now: number): number {
    if (!this.#time) return Number.NaN;
    const changesAt = fromSeconds(this.#changesAt);
    if (this.#changesAt !== 0) {
      if (now < changesAt) return changesAt;
      // Out of the page when due: its comment was removed.
      if (!this.#time.isConnected) return Number.NaN;
    }
    // Read again when due rather than kept: it was plausible when the label was made.
    const created = Date.parse(this.#comment!.createdAt);
    this.#changesAt = toSeconds(relativeTimeChangesAt(created, now));
    text(this.#time, formatRelativeTime(created, now, this.#locale));
    return fromSeconds(this.#changesAt);
  }

  isShown(): boolean {
    return this.#time?.isConnected === true;
  }

  #stopLabel(): void {
    if (!this.#time) return;
    this.#time = undefined;
    this.#changesAt = 0;
    this.#view.labels.delete(this);
  }

  /** The comment's content: plain text built as nodes, or HTML and Markdown through Lit. */
  #renderBody(main: HTMLElement, comment: Comment): void {
    const {context} = this.#view;
    const {content, permalink} = comment;
    const rich =
      content.kind === 'html'
        ? sanitizedHtml(content.value, nothing, permalink ?? context.info?.url)
        : context.adapter?.capabilities.markdown
          ? context.markdown.render(content.value)
          : undefined;
    if (this.#body && !rich !== !this.#regions?.rich) this.#dropBody();
    let body = this.#body;
    if (!body) {
      body = this.#body = clone(blankBody);
      body.id = bodyIdOf(comment.id);
      body.setAttribute('data-body-of', comment.id);
      main.insertBefore(body, firstOf(main, this.#startOf('showMore'), this.#actions, this.#replyForm));
    }
    attribute(body, 'class', context.longThread.isClamped(comment) ? 'body clamped' : 'body');
    if (rich) (this.#regions ??= {}).rich = render(rich, body, this.#view.renderOptions);
    else if (content !== this.#content) fillTextBody(body, parseText(content.value));
    this.#content = content;
  }

  #dropBody(): void {
    this.#disconnect(['rich']);
    this.#body!.remove();
    this.#body = this.#content = undefined;
  }

  /**
   * Reply and, on some comments, likes, Edit and Delete, moderation, "Collapse thread" (on
   * a conversation's first comment, built as nodes: it is on a third of the comments) and
   * a message, each of the rarer ones placed only where shown. No spaces between them: the
   * actions are laid out as flex items, apart by their gap.
   */
  #renderActions(main: HTMLElement, node: ThreadNode, name: string, sending: boolean, pending: boolean, locale: string): void {
    const {context} = this.#view;
    const {comment, depth} = node;
    const canReply = !sending && !pending && comment.viewerCan.reply && context.info?.posting.open !== false;
    const moderation = sending ? nothing : context.moderation.renderActions(comment);
    // A held comment's moderator decides with Approve/Spam/Delete; Edit and Delete come after.
    // The clock's last tick may be up to half a minute old: the time left is counted from now.
    const values: Record<ActionRegion, unknown> = {
      reactions: sending ? nothing : context.reactions.renderButtons(comment, locale),
      own: sending || moderation !== nothing ? nothing : context.own.renderActions(comment, Date.now(), locale),
      moderation,
      message: context.reactions.renderMessage(comment),
    };
    const replies = depth === 1 && node.replies.length > 0 ? subtreeSize(node) - 1 + (unsentReplies(comment, context.adapter)?.count ?? 0) : 0;
    if (!canReply && replies === 0 && ACTION_REGIONS.every((region) => values[region] === nothing)) {
      this.#disconnect(ACTION_REGIONS);
      this.#actions?.remove();
      this.#actions = this.#replyButton = undefined;
      return;
    }
    const actions = (this.#actions ??= main.insertBefore(clone(blankActions), this.#replyForm ?? null));
    // Only a top-level comment has the toggle: looked up there, not kept for every comment.
    let toggle = depth === 1 ? (actions.querySelector<HTMLElement>(':scope > [data-collapse]') ?? undefined) : undefined;
    // Each in its place: before the first of those after it that is there.
    const places = () => [this.#startOf('reactions'), this.#replyButton, this.#startOf('own'), this.#startOf('moderation'), toggle, this.#startOf('message')];
    const before = (index: number) => () => firstOf(actions, ...places().slice(index));
    this.#region('reactions', values.reactions, actions, () => actions.firstChild);
    if (canReply) {
      const button = (this.#replyButton ??= actions.insertBefore(clone(blankReply), before(2)()));
      attribute(button, 'data-reply', comment.id);
      attribute(button, 'aria-label', msg(str`Reply to ${isolate(name)}`, {id: 'thread.reply.label'}));
      attribute(button, 'aria-expanded', comment.id === context.replyingTo ? 'true' : 'false');
      text(button, msg('Reply', {id: 'thread.reply'}));
    } else if (this.#replyButton) {
      this.#replyButton.remove();
      this.#replyButton = undefined;
    }
    this.#region('own', values.own, actions, before(3));
    this.#region('moderation', values.moderation, actions, before(4));
    if (replies > 0) {
      toggle ??= actions.insertBefore(clone(blankCollapse), before(5)());
      const collapsed = context.longThread.isCollapsed(comment.id);
      attribute(toggle, 'data-collapse', comment.id);
      attribute(toggle, 'aria-expanded', collapsed ? 'false' : 'true');
      attribute(toggle, 'aria-controls', repliesId(comment));
      text(toggle, context.longThread.collapseLabel(comment.id, replies, locale));
    } else {
      toggle?.remove();
    }
    this.#region('message', values.message, actions, before(6));
  }

  /** The list of replies, and "Show N more replies" under a conversation shown in part. */
  #renderReplies(node: ThreadNode, budget: RenderBudget, locale: string, version: number, parent: Comment | undefined): void {
    const {context} = this.#view;
    const collapsed = context.longThread.isCollapsed(node.comment.id);
    if (node.replies.length > 0) {
      if (!this.#replies) {
        this.#replies = clone(blankReplies);
        this.#replies.id = repliesId(node.comment);
        this.#article!.after(this.#replies);
      }
      if (this.#replies.hidden !== collapsed) this.#replies.hidden = collapsed;
      render(
        context.progressive.list(
          node.replies,
          budget,
          (reply, inner) => this.#view.renderNode(reply, inner, locale, version, node.comment),
          () => version,
        ),
        this.#replies,
        this.#view.renderOptions,
      );
    } else if (this.#replies) {
      this.#replies.remove();
      this.#replies = undefined;
    }
    // Loaded but not shown, and not sent yet (a backend that sends long conversations in batches).
    const hidden = parent || collapsed ? 0 : context.replyBatches.hidden(node) + (unsentReplies(node.comment, context.adapter)?.count ?? 0);
    this.#region(
      'more',
      hidden > 0
        ? context.replyBatches.renderButton(hidden, repliesId(node.comment), locale, () => context.onMoreReplies(node.comment.id), context.replyFetches.state(node.comment.id))
        : nothing,
      this.#item!,
      () => null,
    );
  }

  #replaceArticle(article: HTMLElement): void {
    this.#disconnect((Object.keys(this.#regions ?? {}) as Region[]).filter((name) => name !== 'more'));
    this.#stopLabel();
    if (this.#article) this.#article.replaceWith(article);
    else this.#item!.prepend(article);
    this.#article = article;
    this.#header = article.querySelector('header') ?? undefined;
    this.#permalink = this.#body = this.#content = this.#actions = this.#replyButton = this.#replyForm = undefined;
  }

  /**
   * Renders `value` with Lit at a place among hand-built nodes: before the node `before()`
   * returns when it first shows something (its markers are added only then), where it
   * stays for as long as its parent.
   */
  #region(name: Region, value: unknown, parent: Node, before: () => Node | null): void {
    const part = this.#regions?.[name];
    if (part) {
      render(value, parent as HTMLElement, {...this.#view.renderOptions, renderBefore: part.endNode as ChildNode | null});
    } else if (value !== nothing) {
      const anchor = parent.insertBefore(document.createComment(''), before());
      (this.#regions ??= {})[name] = render(value, parent as HTMLElement, {...this.#view.renderOptions, renderBefore: anchor});
    }
  }

  /** The first node of a region, when it is there. */
  #startOf(name: Region): Node | undefined {
    return this.#regions?.[name]?.startNode ?? undefined;
  }

  /** Forgets regions whose parent is being removed, stopping what runs in them. */
  #disconnect(names: readonly Region[]): void {
    for (const name of names) {
      this.#regions?.[name]?.setConnected(false);
      delete this.#regions?.[name];
    }
  }

}

const commentItem = directive(CommentItemDirective);

/**
 * When labels next change, kept as whole seconds (rounded up) from the page's start: small
 * integers, which V8 stores in the object itself, where a time in milliseconds would be a
 * 12-byte number box for every comment.
 */
const START = Date.now();
function toSeconds(time: number): number {
  // `| 0` turns -0, which is no small integer, into 0.
  return Math.ceil((time - START) / 1000) | 0;
}

function fromSeconds(seconds: number): number {
  return START + seconds * 1000;
}

/** "Moderator" or "Author", and "New": on few comments. */
function renderLabels(comment: Comment, fresh: boolean): TemplateResult | typeof nothing {
  const {isModerator, isThreadAuthor} = comment.author;
  if (!isModerator && !isThreadAuthor && !fresh) return nothing;
  return html`${isModerator
    ? html`<span part="badge" class="badge">${msg('Moderator', {id: 'thread.badge.moderator'})}</span>`
    : isThreadAuthor
      ? html`<span part="badge" class="badge">${msg('Author', {id: 'thread.badge.author'})}</span>`
      : nothing}${fresh ? html`<span part="new-label" class="new-label">${msg('New', {id: 'thread.new.label'})}</span>` : nothing}`;
}

/**
 * "In reply to Ada" right under the header of a reply listed away from `parent` (with
 * `narrowOnly`, shown only where a narrow screen indents fewer levels), or none without a
 * parent; the note shown. Built as nodes: a template instance on every reply past the third
 * level cost more memory than the rest of the reply's Lit bookkeeping.
 */
function renderInReplyTo(header: HTMLElement, parent: Comment | undefined, narrowOnly: boolean): HTMLElement | undefined {
  const next = header.nextElementSibling;
  let note = next?.getAttribute('part') === 'in-reply-to' ? (next as HTMLElement) : undefined;
  if (!parent) {
    note?.remove();
    return undefined;
  }
  if (!note) header.after((note = clone(blankInReplyTo)));
  attribute(note, 'class', narrowOnly ? 'in-reply-to narrow-only' : 'in-reply-to');
  const link = note.firstElementChild!;
  attribute(link, 'href', commentHash(parent.id));
  text(
    link,
    parent.status === 'deleted'
      ? msg('In reply to a deleted comment', {id: 'thread.inReplyTo.deleted'})
      : msg(str`In reply to ${isolate(authorName(parent.author))}`, {id: 'thread.inReplyTo'}),
  );
  return note;
}

/** Sets `name` to `value` (removes it for null) unless it already is. */
function attribute(element: Element, name: string, value: string | null): void {
  if (element.getAttribute(name) === value) return;
  if (value === null) element.removeAttribute(name);
  else element.setAttribute(name, value);
}

function text(node: Node, value: string): void {
  if (node.textContent !== value) node.textContent = value;
}

/** The first of `nodes` that is a child of `parent`, or null (the end). */
function firstOf(parent: Node, ...nodes: Array<Node | undefined>): Node | null {
  return nodes.find((node) => node?.parentNode === parent) ?? null;
}

function clone(node: HTMLElement): HTMLElement {
  return node.cloneNode(true) as HTMLElement;
}

// The static part of each piece of a comment, parsed once (by Lit, which the page's Trusted
// Types policy allows) and cloned for every comment. The avatar goes first in the article,
// the author first in the header; `permalink` holds a relative time and its full date.
let blankItem: HTMLElement | undefined;
let blankArticle: HTMLElement;
let blankDeleted: HTMLElement;
let blankAuthorLink: HTMLElement;
let blankAuthorName: HTMLElement;
let blankPermalink: HTMLElement;
let blankBody: HTMLElement;
let blankActions: HTMLElement;
let blankReply: HTMLElement;
let blankReplyForm: HTMLElement;
let blankReplies: HTMLElement;
let blankInReplyTo: HTMLElement;
let blankCollapse: HTMLElement;

function prepareSkeletons(): void {
  if (blankItem) return;
  const fragment = document.createDocumentFragment();
  render(
    html`<li class="item"></li><article part="comment" class="comment" tabindex="-1"><div class="main"><header part="comment-header" class="meta"></header></div></article><article tabindex="-1"><p class="placeholder"></p></article><a part="author" class="author" rel=${UGC_LINK_REL} dir="auto"></a><span part="author" class="author" dir="auto"></span><a part="permalink" class="permalink"><time part="timestamp"></time> <span part="full-date" class="full-date visually-hidden"></span></a><div part="body" class="body" dir="auto"></div><div class="actions"></div><button type="button" part="reply-button" class="link-button reply"></button><div class="reply-form"><slot></slot></div><ol part="replies" class="replies"></ol><p part="in-reply-to" class="in-reply-to"><a></a></p><button type="button" part="collapse-button" class="link-button collapse"></button>`,
    fragment,
  );
  [blankItem, blankArticle, blankDeleted, blankAuthorLink, blankAuthorName, blankPermalink, blankBody, blankActions, blankReply, blankReplyForm, blankReplies, blankInReplyTo, blankCollapse] = fragment.children as unknown as HTMLElement[];
}
