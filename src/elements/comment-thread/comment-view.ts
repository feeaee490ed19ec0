import {msg, str} from '@lit/localize';
import {html, nothing, type TemplateResult} from 'lit';
import type {CommentAdapter} from '../../core/adapter.js';
import type {Comment, CommentAuthor, CommentContent, ThreadInfo} from '../../core/types.js';
import {parseText, type TextParagraph} from '../../content/text.js';
import {UGC_LINK_REL} from '../../content/urls.js';
import {formatFullDate} from '../../i18n/format.js';
import {plausibleTime} from '../../i18n/plausible.js';
import {isolate} from '../../i18n/isolate.js';
import {authorUrls} from '../shared/author-urls.js';
import {checkedAvatar} from '../shared/avatar.js';
import {liveRelativeTime} from '../shared/live-relative-time.js';
import type {MarkdownController} from '../shared/markdown.js';
import {sanitizedHtml} from '../shared/sanitized-html.js';
import {customProperties} from '../shared/custom-properties.js';
import {bodyIdOf, type LongThreadController} from './long-thread.js';
import type {ModerationController} from './moderation.js';
import {unsentReplies, type ReplyBatches, type ReplyFetchController} from './more-replies.js';
import type {NewCommentsController} from './new-comments.js';
import type {OwnCommentActions} from './own-comment-actions.js';
import {commentHash} from './permalinks.js';
import type {ProgressiveRender, RenderBudget} from './progressive-render.js';
import type {ReactionController} from './reactions.js';
import {textBody} from './text-body.js';
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
  readonly onMoreReplies: (event: Event) => void;
  readonly own: Pick<OwnCommentActions, 'isEditing' | 'renderEditor' | 'renderActions'>;
  readonly moderation: Pick<ModerationController, 'showsPending' | 'renderNote' | 'renderActions'>;
  readonly reactions: Pick<ReactionController, 'renderButtons' | 'renderMessage'>;
  readonly newComments: Pick<NewCommentsController, 'isNew'>;
  readonly longThread: Pick<LongThreadController, 'isCollapsed' | 'isClamped' | 'renderShowMore' | 'renderCollapseToggle'>;
  readonly markdown: Pick<MarkdownController, 'render'>;
}

// Every update of the thread may render comments again: what does not change with the
// time is worked out once per comment.
const parsedText = new WeakMap<CommentContent, TextParagraph[]>();
const formattedTimes = new WeakMap<Comment, CommentTimes | null>();

interface CommentTimes {
  locale: string;
  created: number;
  iso: string;
  title: string;
  editedTitle: string | undefined;
}

/** A comment's times, formatted for `locale`; null when its creation time is unreadable. */
function timesOf(comment: Comment, locale: string): CommentTimes | null {
  let times = formattedTimes.get(comment);
  if (times === undefined || (times !== null && times.locale !== locale)) {
    const created = plausibleTime(comment.createdAt);
    const edited = plausibleTime(comment.editedAt);
    times = Number.isNaN(created)
      ? null
      : {
          locale,
          created,
          iso: new Date(created).toISOString(),
          title: formatFullDate(created, locale),
          editedTitle: Number.isNaN(edited) ? undefined : formatFullDate(edited, locale),
        };
    formattedTimes.set(comment, times);
  }
  return times;
}

/** Plain text's paragraphs, parsed once per content. */
function textOf(content: CommentContent): readonly TextParagraph[] {
  let paragraphs = parsedText.get(content);
  if (!paragraphs) {
    paragraphs = parseText(content.value);
    parsedText.set(content, paragraphs);
  }
  return paragraphs;
}

export function repliesId(comment: Comment): string {
  return `replies-${encodeURIComponent(comment.id)}`;
}

export function authorName(author: CommentAuthor): string {
  return author.name.trim() || msg('Anonymous', {id: 'thread.anonymous'});
}

/** Renders one comment of a thread, with its replies, as its thread's state says. */
export class CommentView {
  constructor(private readonly context: CommentViewContext) {}

  /** `version` is that of the conversation `node` belongs to. */
  renderNode(node: ThreadNode, budget: RenderBudget, locale: string, version: number, parent?: Comment): TemplateResult {
    const context = this.context;
    // A conversation not rendered yet holds a place sized by its number of comments, so
    // the scrollbar barely moves as they come into view (see the styles).
    // Written without spaces between tags: each would be a text node per comment.
    const replies =
      node.replies.length > 0
        ? html`<ol part="replies" class="replies" id=${repliesId(node.comment)} ?hidden=${context.longThread.isCollapsed(node.comment.id)}>${context.progressive.list(
            node.replies,
            budget,
            (reply, inner) => this.renderNode(reply, inner, locale, version, node.comment),
            () => version,
          )}</ol>`
        : nothing;
    // Loaded but not shown, and not sent yet (a backend that sends long conversations in batches).
    const hidden =
      parent || context.longThread.isCollapsed(node.comment.id)
        ? 0
        : context.replyBatches.hidden(node) + (unsentReplies(node.comment, context.adapter)?.count ?? 0);
    const more =
      hidden > 0
        ? context.replyBatches.renderButton(hidden, repliesId(node.comment), locale, context.onMoreReplies, context.replyFetches.state(node.comment.id))
        : nothing;
    return html`<li class="item" ${customProperties({'--_comments': parent ? undefined : String(subtreeSize(node))})}>${this.#renderComment(node, locale, parent)}${replies}${more}</li>`;
  }

  /**
   * `parent` is the comment `node` is listed under, when it is a reply.
   *
   * Written for thousands of comments: one template holds what every comment shows, with
   * text set as a property where Lit would add a marker per binding, and what few comments
   * show (badges, notes, the viewer's and a moderator's controls, the form) each behind a
   * single binding. Markup without spaces between tags where the layout (flex, grid,
   * blocks) shows none.
   */
  #renderComment(node: ThreadNode, locale: string, parent?: Comment): TemplateResult {
    const context = this.context;
    const {comment, inReplyTo, depth} = node;
    const targeted = comment.id === context.targeted;
    if (comment.status === 'deleted') {
      return html`<article part=${targeted ? 'comment comment-deleted comment-targeted' : 'comment comment-deleted'} class=${targeted ? 'comment deleted targeted' : 'comment deleted'} data-comment-id=${comment.id} tabindex="-1"><p class="placeholder">${msg('This comment was deleted.', {id: 'thread.deleted'})}</p></article>`;
    }
    const sending = context.isOutgoing(comment);
    const pending = context.moderation.showsPending(comment);
    const fresh = context.newComments.isNew(comment.id);
    const name = authorName(comment.author);
    const labelId = `author-${encodeURIComponent(comment.id)}`;
    const states = [pending && 'pending', sending && 'sending', targeted && 'targeted', fresh && 'new'].filter(Boolean);
    const parts = states.length === 0 ? 'comment' : `comment ${states.map((state) => `comment-${state}`).join(' ')}`;
    const classes = states.length === 0 ? 'comment' : `comment ${states.join(' ')}`;
    const profile = authorUrls(comment.author).profile;
    const author = profile
      ? html`<a id=${labelId} part="author" class="author" href=${profile} rel=${UGC_LINK_REL} dir="auto" .textContent=${name}></a>`
      : html`<span id=${labelId} part="author" class="author" dir="auto" .textContent=${name}></span>`;
    const note =
      inReplyTo || (parent && depth > NARROW_INDENT_LEVELS) || pending
        ? html`${inReplyTo
            ? this.#renderInReplyTo(inReplyTo)
            : parent && depth > NARROW_INDENT_LEVELS
              ? this.#renderInReplyTo(parent, 'narrow-only')
              : nothing}${context.moderation.renderNote(comment)}`
        : nothing;
    return html`<article part=${parts} class=${classes} data-comment-id=${comment.id} tabindex="-1" aria-labelledby=${labelId} aria-busy=${sending ? 'true' : nothing}>${checkedAvatar(name, authorUrls(comment.author).avatar, locale, context.failedAvatars)}<div class="main"><header part="comment-header" class="meta">${author}${this.#renderLabels(comment, fresh)}${sending
      ? html`<span class="sending-label">${msg('Sending…', {id: 'thread.sending'})}</span>`
      : this.#renderTime(comment, locale)}</header>${note}${context.own.isEditing(comment) ? context.own.renderEditor(comment) : this.#renderBody(comment)}${context.own.isEditing(comment) ? nothing : context.longThread.renderShowMore(comment, bodyIdOf(comment.id))}${this.#renderActions(node, name, sending, pending, locale)}${comment.id === context.replyingTo ? html`<div class="reply-form"><slot></slot></div>` : nothing}</div></article>`;
  }

  /** "Moderator" or "Author", and "New": on few comments. */
  #renderLabels(comment: Comment, fresh: boolean): TemplateResult | typeof nothing {
    const {isModerator, isThreadAuthor} = comment.author;
    if (!isModerator && !isThreadAuthor && !fresh) return nothing;
    return html`${isModerator
      ? html`<span part="badge" class="badge">${msg('Moderator', {id: 'thread.badge.moderator'})}</span>`
      : isThreadAuthor
        ? html`<span part="badge" class="badge">${msg('Author', {id: 'thread.badge.author'})}</span>`
        : nothing}${fresh ? html`<span part="new-label" class="new-label">${msg('New', {id: 'thread.new.label'})}</span>` : nothing}`;
  }

  #renderBody(comment: Comment): TemplateResult {
    const bodyId = bodyIdOf(comment.id);
    const className = this.context.longThread.isClamped(comment) ? 'body clamped' : 'body';
    const rich = this.#renderRichContent(comment);
    return rich
      ? html`<div part="body" class=${className} id=${bodyId} data-body-of=${comment.id} dir="auto">${rich}</div>`
      : html`<div part="body" class=${className} id=${bodyId} data-body-of=${comment.id} dir="auto" ${textBody(textOf(comment.content))}></div>`;
  }

  /**
   * Reply and, on some comments, likes, Edit and Delete, moderation and "Collapse thread".
   * Spaces between the buttons come with the rarer ones: a comment with Reply alone has none.
   */
  #renderActions(node: ThreadNode, name: string, sending: boolean, pending: boolean, locale: string): TemplateResult | typeof nothing {
    const context = this.context;
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
    const after =
      ownActions === nothing && moderation === nothing && collapse === nothing && message === nothing
        ? nothing
        : html` ${ownActions} ${moderation} ${collapse} ${message}`;
    const before = reactions === nothing ? nothing : html`${reactions} `;
    if (!canReply) return before === nothing && after === nothing ? nothing : html`<div class="actions">${before}${after}</div>`;
    return html`<div class="actions">${before}<button
      type="button"
      part="reply-button"
      class="link-button reply"
      data-reply=${comment.id}
      aria-label=${msg(str`Reply to ${isolate(name)}`, {id: 'thread.reply.label'})}
      aria-expanded=${comment.id === context.replyingTo ? 'true' : 'false'}
      .textContent=${msg('Reply', {id: 'thread.reply'})}
    ></button>${after}</div>`;
  }

  #renderTime(comment: Comment, locale: string): TemplateResult | typeof nothing {
    const times = timesOf(comment, locale);
    if (!times) return nothing;
    // The label keeps itself current (see liveRelativeTime), as a property: no marker.
    const permalink = showsRelative(this.context.dateStyle, times.created, this.context.now)
      ? html`<a part="permalink" class="permalink" href=${commentHash(comment.id)}><time part="timestamp" datetime=${times.iso} title=${times.title} .textContent=${liveRelativeTime(times.created, locale)}></time> <span part="full-date" class="full-date visually-hidden" .textContent=${times.title}></span></a>`
      : html`<a part="permalink" class="permalink" href=${commentHash(comment.id)}><time part="timestamp" datetime=${times.iso} .textContent=${times.title}></time></a>`;
    if (times.editedTitle === undefined) return permalink;
    return html`${permalink}<span class="edited" title=${times.editedTitle}>${msg('(edited)', {id: 'thread.edited'})}</span>`;
  }

  #renderInReplyTo(parent: Comment, className = ''): TemplateResult {
    const label =
      parent.status === 'deleted'
        ? msg('In reply to a deleted comment', {id: 'thread.inReplyTo.deleted'})
        : msg(str`In reply to ${isolate(authorName(parent.author))}`, {id: 'thread.inReplyTo'});
    return html`<p part="in-reply-to" class="in-reply-to ${className}"><a href=${commentHash(parent.id)}>${label}</a></p>`;
  }

  /** HTML through the sanitizer, or Markdown once its parser is here; undefined for plain text. */
  #renderRichContent(comment: Comment): unknown {
    const {content, permalink} = comment;
    if (content.kind === 'html') return sanitizedHtml(content.value, nothing, permalink ?? this.context.info?.url);
    return this.context.adapter?.capabilities.markdown ? this.context.markdown.render(content.value) : undefined;
  }
}
