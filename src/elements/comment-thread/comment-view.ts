import {msg, str} from '@lit/localize';
import {nothing, render, type ChildPart, type RootPart} from 'lit';
import {AsyncDirective, directive} from 'lit/async-directive.js';
import type {CommentAdapter} from '../../core/adapter.js';
import type {Comment, CommentAuthor, CommentContent, ThreadInfo} from '../../core/types.js';
import {parseText} from '../../content/text.js';
import {UGC_LINK_REL} from '../../content/urls.js';
import {formatFullDate, formatRelativeTime, relativeTimeChangesAt} from '../../i18n/format.js';
import {plausibleTime} from '../../i18n/plausible.js';
import {isolate} from '../../i18n/isolate.js';
import {authorUrls} from '../shared/author-urls.js';
import {avatarElement, avatarElementUrl} from '../shared/avatar.js';
import {unwatchLabel, watchLabel, type LiveLabel} from '../shared/live-relative-time.js';
import type {MarkdownController} from '../shared/markdown.js';
import {sanitizedHtml} from '../shared/sanitized-html.js';
import {bodyIdOf, type LongThreadController} from './long-thread.js';
import type {ModerationController} from './moderation.js';
import type {ReplyBatches} from './more-replies.js';
import type {NewCommentsController} from './new-comments.js';
import type {OwnCommentActions} from './own-comment-actions.js';
import {commentHash} from './permalinks.js';
import type {ProgressiveRender, RenderBudget} from './progressive-render.js';
import type {ReactionController} from './reactions.js';
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
  /** The element whose listeners the controllers' templates bind (Lit's `host` option). */
  readonly host: object;
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
  /** "Show N more replies" was pressed. */
  readonly onMoreReplies: (event: Event) => void;
  readonly own: Pick<OwnCommentActions, 'isEditing' | 'renderEditor' | 'renderActions'>;
  readonly moderation: Pick<ModerationController, 'showsPending' | 'renderNote' | 'renderActions'>;
  readonly reactions: Pick<ReactionController, 'renderButtons' | 'renderMessage'>;
  readonly newComments: Pick<NewCommentsController, 'isNew'>;
  readonly longThread: Pick<LongThreadController, 'isCollapsed' | 'isClamped' | 'renderShowMore' | 'renderCollapseToggle'>;
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
  constructor(readonly context: CommentViewContext) {}

  /** `version` is that of the conversation `node` belongs to; `parent` the comment it is listed under. */
  renderNode(node: ThreadNode, budget: RenderBudget, locale: string, version: number, parent?: Comment): unknown {
    return commentItem(this, node, budget, locale, version, parent);
  }
}

/** Where each kind of Lit content goes among a comment's hand-built nodes. */
type Region = 'note' | 'editor' | 'rich' | 'showMore' | ActionRegion | 'more';
type ActionRegion = 'reactions' | 'own' | 'moderation' | 'collapse' | 'message';
const ACTION_REGIONS: readonly ActionRegion[] = ['reactions', 'own', 'moderation', 'collapse', 'message'];

const enum TimeShown {
  None,
  Sending,
  Relative,
  Absolute,
}

/**
 * One comment's `<li>`: its `<article>` and the list of its replies. Written for thousands
 * of comments: what every comment shows is cloned from prepared elements and patched where
 * it changed, with no Lit template instance, marker or part object; the little this record
 * keeps is what updates need. What few comments show and other modules render (moderation,
 * the viewer's actions, likes, "Show more", rich content, the editor) is Lit content placed
 * among those nodes the first time it shows something, and kept in place from then on.
 */
class CommentItemDirective extends AsyncDirective implements LiveLabel {
  #view!: CommentView;
  #item: HTMLElement | undefined;
  #article: HTMLElement | undefined;
  #deleted = false;
  /** The comment whose data the article shows, and in which locale. */
  #comment: Comment | undefined;
  #locale = '';
  #content: CommentContent | undefined;
  #header: HTMLElement | undefined;
  #body: HTMLElement | undefined;
  #actions: HTMLElement | undefined;
  #replyButton: HTMLElement | undefined;
  #replyForm: HTMLElement | undefined;
  #inReplyTo: HTMLElement | undefined;
  #replies: HTMLElement | undefined;
  #list: RootPart | undefined;
  #regions: Partial<Record<Region, RootPart>> | undefined;
  #timeShown = TimeShown.None;
  /** The relative label shown, its comment's time and when it next reads differently. */
  #time: HTMLElement | undefined;
  #created = NaN;
  #changesAt = 0;

  render(_view: CommentView, _node: ThreadNode, _budget: RenderBudget, _locale: string, _version: number, _parent?: Comment): unknown {
    return nothing;
  }

  override update(
    _part: ChildPart,
    [view, node, budget, locale, version, parent]: [CommentView, ThreadNode, RenderBudget, string, number, Comment?],
  ): unknown {
    this.#view = view;
    const document = globalThis.document;
    const item = (this.#item ??= clone(skeletonsOf(document).item));
    // A conversation not rendered yet holds a place sized by its number of comments, so
    // the scrollbar barely moves as they come into view (see the styles). Set through the
    // CSSOM: a style attribute is blocked by a strict CSP.
    if (!parent) setStyle(item, '--_comments', String(subtreeSize(node)));
    else if (item.style.length > 0) item.style.removeProperty('--_comments');
    // What depends on the comment's data alone is redone only when the comment changed.
    const changed = node.comment !== this.#comment || locale !== this.#locale;
    this.#locale = locale;
    if (node.comment.status === 'deleted') this.#renderDeleted(document, node.comment);
    else this.#renderComment(document, node, locale, parent, changed);
    this.#comment = node.comment;
    this.#renderReplies(document, node, budget, locale, version, parent);
    return item;
  }

  #renderDeleted(document: Document, comment: Comment): void {
    const targeted = comment.id === this.#view.context.targeted;
    if (!this.#deleted || !this.#article) {
      this.#replaceArticle(clone(skeletonsOf(document).deleted));
      this.#deleted = true;
    }
    const article = this.#article!;
    attribute(article, 'part', targeted ? 'comment comment-deleted comment-targeted' : 'comment comment-deleted');
    attribute(article, 'class', targeted ? 'comment deleted targeted' : 'comment deleted');
    attribute(article, 'data-comment-id', comment.id);
    text(article.firstChild!, msg('This comment was deleted.', {id: 'thread.deleted'}));
  }

  #renderComment(document: Document, node: ThreadNode, locale: string, parent: Comment | undefined, changed: boolean): void {
    const {context} = this.#view;
    const {comment} = node;
    const skeletons = skeletonsOf(document);
    if (this.#deleted || !this.#article) {
      this.#replaceArticle(clone(skeletons.article));
      this.#deleted = false;
      changed = true;
    }
    const article = this.#article!;
    const header = (this.#header ??= article.querySelector('header')!);
    const main = header.parentElement!;
    const name = authorName(comment.author);
    const labelId = `author-${encodeURIComponent(comment.id)}`;

    const targeted = comment.id === context.targeted;
    const sending = context.isOutgoing(comment);
    const pending = context.moderation.showsPending(comment);
    const fresh = context.newComments.isNew(comment.id);
    let parts = 'comment';
    let classes = 'comment';
    if (pending) (parts += ' comment-pending'), (classes += ' pending');
    if (sending) (parts += ' comment-sending'), (classes += ' sending');
    if (targeted) (parts += ' comment-targeted'), (classes += ' targeted');
    if (fresh) (parts += ' comment-new'), (classes += ' new');
    attribute(article, 'part', parts);
    attribute(article, 'class', classes);
    attribute(article, 'aria-busy', sending ? 'true' : null);

    const urls = authorUrls(comment.author);
    const avatar = article.firstElementChild!;
    const avatarUrl = urls.avatar && !context.failedAvatars.has(urls.avatar) ? urls.avatar : undefined;
    if (changed || avatar === main || avatarElementUrl(avatar) !== avatarUrl) {
      const built = avatarElement(document, name, urls.avatar, locale, context.failedAvatars);
      if (avatar === main) article.insertBefore(built, main);
      else avatar.replaceWith(built);
    }

    if (changed) {
      attribute(article, 'data-comment-id', comment.id);
      attribute(article, 'aria-labelledby', labelId);
      const author = clone(urls.profile ? skeletons.authorLink : skeletons.authorName);
      author.id = labelId;
      if (urls.profile) author.setAttribute('href', urls.profile);
      author.textContent = name;
      const shown = header.firstElementChild;
      if (shown) shown.replaceWith(author);
      else header.append(author);
    }
    this.#renderLabels(document, header, comment, fresh);
    this.#renderTime(document, header, comment, locale, sending, changed);

    this.#renderNote(document, main, header, node, parent);
    const editing = context.own.isEditing(comment);
    this.#region('note', context.moderation.renderNote(comment), main, () =>
      this.#firstOf(main, this.#startOf('editor'), this.#body, this.#startOf('showMore'), this.#actions, this.#replyForm),
    );
    if (editing) {
      if (this.#body) this.#dropBody();
      this.#region('editor', context.own.renderEditor(comment), main, () =>
        this.#firstOf(main, this.#startOf('showMore'), this.#actions, this.#replyForm),
      );
    } else {
      this.#region('editor', nothing, main, () => null);
      this.#renderBody(document, main, comment);
    }
    this.#region('showMore', editing ? nothing : context.longThread.renderShowMore(comment, bodyIdOf(comment.id)), main, () =>
      this.#firstOf(main, this.#actions, this.#replyForm),
    );
    this.#renderActions(document, main, node, name, sending, pending, locale);

    if (comment.id === context.replyingTo) {
      if (!this.#replyForm) main.append((this.#replyForm = clone(skeletons.replyForm)));
    } else if (this.#replyForm) {
      this.#replyForm.remove();
      this.#replyForm = undefined;
    }
  }

  /** "Moderator" or "Author", and "New": on few comments, right after the author. */
  #renderLabels(document: Document, header: HTMLElement, comment: Comment, fresh: boolean): void {
    const {isModerator, isThreadAuthor} = comment.author;
    const badge = isModerator
      ? msg('Moderator', {id: 'thread.badge.moderator'})
      : isThreadAuthor
        ? msg('Author', {id: 'thread.badge.author'})
        : undefined;
    const wanted: Array<readonly [string, string]> = [];
    if (badge !== undefined) wanted.push(['badge', badge]);
    if (fresh) wanted.push(['new-label', msg('New', {id: 'thread.new.label'})]);
    const author = header.firstElementChild!;
    const shown: Element[] = [];
    for (let label = author.nextElementSibling; label?.matches('.badge, .new-label'); label = label.nextElementSibling) shown.push(label);
    if (shown.length === wanted.length && shown.every((label, index) => label.className === wanted[index]![0] && label.textContent === wanted[index]![1])) {
      return;
    }
    for (const label of shown) label.remove();
    author.after(
      ...wanted.map(([name, label]) => {
        const span = document.createElement('span');
        span.setAttribute('part', name);
        span.className = name;
        span.textContent = label;
        return span;
      }),
    );
  }

  /**
   * "Sending…", or the permalink with the comment's time: relative ("3 minutes ago", kept
   * current by the page's clock, with the full date for screen readers and keyboard users)
   * or the full date, and "(edited)".
   */
  #renderTime(document: Document, header: HTMLElement, comment: Comment, locale: string, sending: boolean, changed: boolean): void {
    const {context} = this.#view;
    if (changed) this.#created = plausibleTime(comment.createdAt);
    const created = this.#created;
    const wanted = sending
      ? TimeShown.Sending
      : Number.isNaN(created)
        ? TimeShown.None
        : showsRelative(context.dateStyle, created, context.now)
          ? TimeShown.Relative
          : TimeShown.Absolute;
    if (wanted === this.#timeShown && !changed) {
      if (wanted === TimeShown.Sending) text(header.lastChild!, msg('Sending…', {id: 'thread.sending'}));
      return;
    }
    // Everything after the author and labels is the time's.
    const author = header.firstElementChild!;
    let last = author;
    while (last.nextElementSibling?.matches('.badge, .new-label')) last = last.nextElementSibling;
    while (last.nextSibling) last.nextSibling.remove();
    this.#timeShown = wanted;
    this.#stopLabel();
    if (wanted === TimeShown.None) return;
    const skeletons = skeletonsOf(document);
    if (wanted === TimeShown.Sending) {
      const label = clone(skeletons.sending);
      label.textContent = msg('Sending…', {id: 'thread.sending'});
      header.append(label);
      return;
    }
    const title = formatFullDate(created, locale);
    const permalink = clone(wanted === TimeShown.Relative ? skeletons.relative : skeletons.absolute);
    permalink.setAttribute('href', commentHash(comment.id));
    const time = permalink.firstElementChild as HTMLElement;
    time.setAttribute('datetime', new Date(created).toISOString());
    if (wanted === TimeShown.Relative) {
      time.setAttribute('title', title);
      permalink.lastElementChild!.textContent = title;
      this.#time = time;
      this.refresh(Date.now());
      if (this.isConnected) watchLabel(this);
    } else {
      time.textContent = title;
    }
    header.append(permalink);
    const edited = plausibleTime(comment.editedAt);
    if (!Number.isNaN(edited)) {
      const label = clone(skeletons.edited);
      label.setAttribute('title', formatFullDate(edited, locale));
      label.textContent = msg('(edited)', {id: 'thread.edited'});
      header.append(label);
    }
  }

  /** Writes the relative label again when, and only when, it reads differently. */
  refresh(now: number): void {
    if (!this.#time || now < this.#changesAt) return;
    this.#changesAt = relativeTimeChangesAt(this.#created, now);
    text(this.#time, formatRelativeTime(this.#created, now, this.#locale));
  }

  #stopLabel(): void {
    if (!this.#time) return;
    this.#time = undefined;
    this.#changesAt = 0;
    unwatchLabel(this);
  }

  /** "In reply to …" on a reply shown beside its parent, or below the narrow layout's deepest level. */
  #renderNote(document: Document, main: HTMLElement, header: HTMLElement, node: ThreadNode, parent: Comment | undefined): void {
    const {inReplyTo, depth} = node;
    const deep = parent !== undefined && depth > NARROW_INDENT_LEVELS;
    const answered = inReplyTo ?? (deep ? parent : undefined);
    if (!answered) {
      this.#inReplyTo?.remove();
      this.#inReplyTo = undefined;
      return;
    }
    const className = inReplyTo ? 'in-reply-to' : 'in-reply-to narrow-only';
    const label =
      answered.status === 'deleted'
        ? msg('In reply to a deleted comment', {id: 'thread.inReplyTo.deleted'})
        : msg(str`In reply to ${isolate(authorName(answered.author))}`, {id: 'thread.inReplyTo'});
    if (!this.#inReplyTo) {
      this.#inReplyTo = clone(skeletonsOf(document).inReplyTo);
      main.insertBefore(this.#inReplyTo, header.nextSibling);
    }
    const link = this.#inReplyTo.firstElementChild!;
    attribute(this.#inReplyTo, 'class', className);
    attribute(link, 'href', commentHash(answered.id));
    text(link, label);
  }

  /** The comment's content: plain text built as nodes, or HTML and Markdown through Lit. */
  #renderBody(document: Document, main: HTMLElement, comment: Comment): void {
    const {context} = this.#view;
    const {content, permalink} = comment;
    const rich =
      content.kind === 'html'
        ? sanitizedHtml(content.value, nothing, permalink ?? context.info?.url)
        : context.adapter?.capabilities.markdown
          ? context.markdown.render(content.value)
          : undefined;
    const richShown = this.#regions?.rich !== undefined;
    if (this.#body && (rich ? !richShown : richShown)) this.#dropBody();
    let body = this.#body;
    if (!body) {
      body = this.#body = clone(skeletonsOf(document).body);
      body.id = bodyIdOf(comment.id);
      body.setAttribute('data-body-of', comment.id);
      main.insertBefore(body, this.#firstOf(main, this.#startOf('showMore'), this.#actions, this.#replyForm));
      this.#content = undefined;
    }
    attribute(body, 'class', context.longThread.isClamped(comment) ? 'body clamped' : 'body');
    if (rich) {
      (this.#regions ??= {}).rich = render(rich, body, this.#options());
    } else if (content !== this.#content) {
      fillTextBody(body, parseText(content.value));
    }
    this.#content = content;
  }

  #dropBody(): void {
    this.#disconnect('rich');
    this.#body!.remove();
    this.#body = undefined;
    this.#content = undefined;
  }

  /**
   * Reply and, on some comments, likes, Edit and Delete, moderation and "Collapse thread",
   * each of the rarer ones placed only where shown. No spaces between them: the actions
   * are laid out as flex items, apart by their gap.
   */
  #renderActions(document: Document, main: HTMLElement, node: ThreadNode, name: string, sending: boolean, pending: boolean, locale: string): void {
    const {context} = this.#view;
    const {comment, depth} = node;
    const canReply = !sending && !pending && comment.viewerCan.reply && context.info?.posting.open !== false;
    const moderation = sending ? nothing : context.moderation.renderActions(comment);
    // A held comment's moderator decides with Approve/Spam/Delete; Edit and Delete come after.
    // The clock's last tick may be up to half a minute old: the time left is counted from now.
    const ownActions = sending || moderation !== nothing ? nothing : context.own.renderActions(comment, Date.now(), locale);
    const reactions = sending ? nothing : context.reactions.renderButtons(comment, locale);
    const collapse =
      depth === 1 && node.replies.length > 0
        ? context.longThread.renderCollapseToggle(comment, subtreeSize(node) - 1, repliesId(comment), locale)
        : nothing;
    const message = context.reactions.renderMessage(comment);
    if (!canReply && [reactions, ownActions, moderation, collapse, message].every((value) => value === nothing)) {
      for (const region of ACTION_REGIONS) this.#disconnect(region);
      this.#actions?.remove();
      this.#actions = this.#replyButton = undefined;
      return;
    }
    const skeletons = skeletonsOf(document);
    const actions = (this.#actions ??= main.insertBefore(clone(skeletons.actions), this.#replyForm ?? null));
    const after = (...regions: ActionRegion[]) => () => this.#firstOf(actions, ...regions.map((region) => this.#startOf(region)));
    this.#region('reactions', reactions, actions, () => actions.firstChild);
    if (canReply) {
      const button = (this.#replyButton ??= actions.insertBefore(clone(skeletons.reply), after('own', 'moderation', 'collapse', 'message')()));
      attribute(button, 'data-reply', comment.id);
      attribute(button, 'aria-label', msg(str`Reply to ${isolate(name)}`, {id: 'thread.reply.label'}));
      attribute(button, 'aria-expanded', comment.id === context.replyingTo ? 'true' : 'false');
      text(button, msg('Reply', {id: 'thread.reply'}));
    } else if (this.#replyButton) {
      this.#replyButton.remove();
      this.#replyButton = undefined;
    }
    this.#region('own', ownActions, actions, after('moderation', 'collapse', 'message'));
    this.#region('moderation', moderation, actions, after('collapse', 'message'));
    this.#region('collapse', collapse, actions, after('message'));
    this.#region('message', message, actions, () => null);
  }

  /** The list of replies, and "Show N more replies" under a conversation shown in part. */
  #renderReplies(document: Document, node: ThreadNode, budget: RenderBudget, locale: string, version: number, parent: Comment | undefined): void {
    const {context} = this.#view;
    const item = this.#item!;
    const collapsed = context.longThread.isCollapsed(node.comment.id);
    if (node.replies.length > 0) {
      if (!this.#replies) {
        this.#replies = clone(skeletonsOf(document).replies);
        this.#replies.id = repliesId(node.comment);
        item.insertBefore(this.#replies, this.#article!.nextSibling);
      }
      if (this.#replies.hidden !== collapsed) this.#replies.hidden = collapsed;
      this.#list = render(
        context.progressive.list(
          node.replies,
          budget,
          (reply, inner) => this.#view.renderNode(reply, inner, locale, version, node.comment),
          () => version,
        ),
        this.#replies,
        this.#options(),
      );
    } else if (this.#replies) {
      this.#list?.setConnected(false);
      this.#list = undefined;
      this.#replies.remove();
      this.#replies = undefined;
    }
    const hidden = parent || collapsed ? 0 : context.replyBatches.hidden(node);
    this.#region(
      'more',
      hidden > 0 ? context.replyBatches.renderButton(hidden, repliesId(node.comment), locale, context.onMoreReplies) : nothing,
      item,
      () => null,
    );
  }

  #replaceArticle(article: HTMLElement): void {
    for (const region of ['note', 'editor', 'rich', 'showMore', ...ACTION_REGIONS] as const) this.#disconnect(region);
    this.#stopLabel();
    if (this.#article) this.#article.replaceWith(article);
    else this.#item!.prepend(article);
    this.#article = article;
    this.#header = this.#body = this.#actions = this.#replyButton = this.#replyForm = this.#inReplyTo = undefined;
    this.#timeShown = TimeShown.None;
    this.#content = undefined;
  }

  /**
   * Renders `value` with Lit at a place among hand-built nodes: before the node `before()`
   * returns when it first shows something (markers are added only then), where it stays.
   */
  #region(name: Region, value: unknown, parent: Node, before: () => Node | null): void {
    const part = this.#regions?.[name];
    if (part) {
      render(value, parent as HTMLElement, {...this.#options(), renderBefore: part.endNode as ChildNode | null});
      return;
    }
    if (value === nothing) return;
    const anchor = parent.insertBefore(globalThis.document.createComment(''), before());
    (this.#regions ??= {})[name] = render(value, parent as HTMLElement, {...this.#options(), renderBefore: anchor});
  }

  /** The first node of a region, when it is there. */
  #startOf(name: Region): Node | undefined {
    return this.#regions?.[name]?.startNode ?? undefined;
  }

  /** The first of `nodes` that is a child of `parent`, or null (the end). */
  #firstOf(parent: Node, ...nodes: Array<Node | undefined>): Node | null {
    return nodes.find((node) => node?.parentNode === parent) ?? null;
  }

  /** Takes a region out with its content (its element is being replaced), stopping what runs in it. */
  #disconnect(name: Region): void {
    const part = this.#regions?.[name];
    if (!part) return;
    part.setConnected(false);
    delete this.#regions![name];
    if (name === 'rich') return;
    // A region's nodes run from Lit's start marker to the anchor it was rendered before.
    const end = part.endNode;
    for (let node = part.startNode; node && node !== end; ) {
      const next: ChildNode | null = node.nextSibling;
      (node as ChildNode).remove();
      node = next;
    }
    (end as ChildNode | null)?.remove();
  }

  #options() {
    return {host: this.#view.context.host, isConnected: this.isConnected};
  }

  protected override disconnected(): void {
    if (this.#time) unwatchLabel(this);
    this.#list?.setConnected(false);
    for (const part of Object.values(this.#regions ?? {})) part.setConnected(false);
  }

  protected override reconnected(): void {
    this.#list?.setConnected(true);
    for (const part of Object.values(this.#regions ?? {})) part.setConnected(true);
    if (!this.#time) return;
    this.#changesAt = 0;
    this.refresh(Date.now());
    watchLabel(this);
  }
}

const commentItem = directive(CommentItemDirective);

/** Sets `name` to `value` (removes it for null) unless it already is. */
function attribute(element: Element, name: string, value: string | null): void {
  if (element.getAttribute(name) === value) return;
  if (value === null) element.removeAttribute(name);
  else element.setAttribute(name, value);
}

function text(node: Node, value: string): void {
  if (node.textContent !== value) node.textContent = value;
}

function setStyle(element: HTMLElement, property: string, value: string): void {
  if (element.style.getPropertyValue(property) !== value) element.style.setProperty(property, value);
}

function clone<T extends Node>(node: T): T {
  return node.cloneNode(true) as T;
}

interface Skeletons {
  readonly document: Document;
  readonly item: HTMLElement;
  readonly article: HTMLElement;
  readonly deleted: HTMLElement;
  readonly authorLink: HTMLElement;
  readonly authorName: HTMLElement;
  readonly sending: HTMLElement;
  readonly relative: HTMLElement;
  readonly absolute: HTMLElement;
  readonly edited: HTMLElement;
  readonly inReplyTo: HTMLElement;
  readonly body: HTMLElement;
  readonly actions: HTMLElement;
  readonly reply: HTMLElement;
  readonly replyForm: HTMLElement;
  readonly replies: HTMLElement;
}

let skeletons: Skeletons | undefined;

/**
 * The static part of each piece of a comment, built once and cloned (as Lit clones its
 * templates): the avatar comes first in the article, the author first in the header.
 * Markup has no spaces between tags where the layout (flex, grid, blocks) shows none.
 */
function skeletonsOf(document: Document): Skeletons {
  if (skeletons?.document === document) return skeletons;
  const element = (tag: string, attributes: Readonly<Record<string, string>>, ...children: Array<Node | string>): HTMLElement => {
    const created = document.createElement(tag);
    for (const [name, value] of Object.entries(attributes)) created.setAttribute(name, value);
    created.append(...children);
    return created;
  };
  skeletons = {
    document,
    item: element('li', {class: 'item'}),
    article: element(
      'article',
      {part: 'comment', class: 'comment', tabindex: '-1'},
      element('div', {class: 'main'}, element('header', {part: 'comment-header', class: 'meta'})),
    ),
    deleted: element('article', {tabindex: '-1'}, element('p', {class: 'placeholder'})),
    authorLink: element('a', {part: 'author', class: 'author', rel: UGC_LINK_REL, dir: 'auto'}),
    authorName: element('span', {part: 'author', class: 'author', dir: 'auto'}),
    sending: element('span', {class: 'sending-label'}),
    relative: element(
      'a',
      {part: 'permalink', class: 'permalink'},
      element('time', {part: 'timestamp'}),
      ' ',
      element('span', {part: 'full-date', class: 'full-date visually-hidden'}),
    ),
    absolute: element('a', {part: 'permalink', class: 'permalink'}, element('time', {part: 'timestamp'})),
    edited: element('span', {class: 'edited'}),
    inReplyTo: element('p', {part: 'in-reply-to', class: 'in-reply-to'}, element('a', {})),
    body: element('div', {part: 'body', class: 'body', dir: 'auto'}),
    actions: element('div', {class: 'actions'}),
    reply: element('button', {type: 'button', part: 'reply-button', class: 'link-button reply'}),
    replyForm: element('div', {class: 'reply-form'}, element('slot', {})),
    replies: element('ol', {part: 'replies', class: 'replies'}),
  };
  return skeletons;
}
