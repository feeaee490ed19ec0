import {msg} from '@lit/localize';
import {html, nothing, type TemplateResult} from 'lit';
import type {Comment, Reaction} from '../../core/types.js';
import {controlsForPress, LazyControl, loadThreadControls, type Controls} from './controls-chunk.js';
import type {ModerationController, ModerationOptions} from './moderation.js';
import type {MoreRepliesHost, ReplyFetchController} from './more-replies.js';
import type {NewCommentsController, NewCommentsOptions} from './new-comments.js';
import type {OwnCommentActions, OwnCommentActionsOptions} from './own-comment-actions.js';
import {sessionStoreFor} from '../shared/session-store.js';
import {renderReactionButtons, renderReactionFailure, storedReaction} from './reaction-buttons.js';
import type {ReactionController, ReactionsOptions} from './reactions.js';
import {hasMoreReplies, type FetchState} from './reply-batches.js';
import type {ThreadNode} from './thread-tree.js';

export {moderationStyles, moreRepliesStyles, newCommentsStyles, ownCommentActionsStyles} from './controls.styles.js';

// The stand-ins for the thread's rarer controls, one per controller of the controls' chunk
// (see controls-chunk.ts); the gate that holds the thread's updates for them is ControlsGate.

/** Held comments, and Approve, Spam and Delete for moderators (moderation.ts). */
export class LazyModeration extends LazyControl<ModerationController, ModerationOptions> {
  override needs(comment: Comment): boolean {
    return comment.status === 'pending' || comment.viewerCan.moderate === true;
  }

  override likely(): boolean {
    return this.options.adapter()?.capabilities.moderate === true;
  }

  protected create(module: Controls): ModerationController {
    return new module.ModerationController(this.host, this.options);
  }

  isHeld(comment: Comment): boolean {
    return this.real?.isHeld(comment) ?? false;
  }

  showsPending(comment: Comment): boolean {
    return this.real ? this.real.showsPending(comment) : comment.status === 'pending';
  }

  heldCount(lists: ReadonlyArray<readonly Comment[]>): number {
    return this.real?.heldCount(lists) ?? 0;
  }

  renderFilter(held: number, locale: string): TemplateResult | typeof nothing {
    return this.real?.renderFilter(held, locale) ?? nothing;
  }

  filter(nodes: readonly ThreadNode[], held: number): readonly ThreadNode[] {
    return this.real?.filter(nodes, held) ?? nodes;
  }

  renderNote(comment: Comment): TemplateResult | typeof nothing {
    return this.real?.renderNote(comment) ?? nothing;
  }

  renderActions(comment: Comment): TemplateResult | typeof nothing {
    return this.real?.renderActions(comment) ?? nothing;
  }
}

/** Edit and Delete on the viewer's own comments (own-comment-actions.ts). */
export class LazyOwnCommentActions extends LazyControl<OwnCommentActions, OwnCommentActionsOptions> {
  override needs(comment: Comment): boolean {
    return comment.status !== 'deleted' && (comment.viewerCan.edit || comment.viewerCan.delete);
  }

  override likely(): boolean {
    const capabilities = this.options.adapter()?.capabilities;
    return Boolean(capabilities && (capabilities.edit || capabilities.delete));
  }

  protected create(module: Controls): OwnCommentActions {
    return new module.OwnCommentActions(this.host, this.options);
  }

  isEditing(comment: Comment): boolean {
    return this.real?.isEditing(comment) ?? false;
  }

  /** Only called while `isEditing`, which needs the loaded controller. */
  renderEditor(comment: Comment): TemplateResult {
    return this.real ? this.real.renderEditor(comment) : html``;
  }

  renderActions(comment: Comment, now: number, locale: string): TemplateResult | typeof nothing {
    return this.real?.renderActions(comment, now, locale) ?? nothing;
  }
}

/** The "Show 2 new comments" notice and the "New" marks of live arrivals (new-comments.ts). */
export class LazyNewComments extends LazyControl<NewCommentsController, NewCommentsOptions> {
  /** Arrivals heard before the controller loaded, oldest first. */
  #arrivals: Comment[] = [];

  override waiting(): boolean {
    return this.#arrivals.length > 0;
  }

  protected create(module: Controls): NewCommentsController {
    const real = new module.NewCommentsController(this.host, this.options);
    for (const comment of this.#arrivals.splice(0)) real.arrived(comment);
    return real;
  }

  override failed(): void {
    this.#arrivals = [];
  }

  /** See NewCommentsController.arrived: the thread shows the comment once the controller has heard of it. */
  arrived(comment: Comment): void {
    if (this.real) this.real.arrived(comment);
    // What the controller would ignore (the viewer's own, held ones) needs no waiting.
    else if (!comment.author.isViewer && comment.status === 'approved') this.#arrivals.push(comment);
  }

  shown(added: readonly Comment[]): readonly Comment[] {
    return this.real?.shown(added) ?? added;
  }

  isNew(commentId: string): boolean {
    return this.real?.isNew(commentId) ?? false;
  }

  renderNotice(locale: string): TemplateResult | typeof nothing {
    return this.real?.renderNotice(locale) ?? nothing;
  }
}

/**
 * What a like button's press does (reactions.ts): the buttons show from the start
 * (reaction-buttons.ts); a press made before the controller is loaded shows at once, as
 * it would after, loads the controller and is sent once it is there; when it cannot
 * load, the press is undone and the like's failure shown. Where the backend has
 * reactions, the controller loads when the page is idle after its first comments,
 * before most presses.
 */
export class LazyReactions extends LazyControl<ReactionController, ReactionsOptions & {deadline(): number}> {
  /** Presses made before the controller loaded, oldest first: each the reaction as shown before it. */
  #presses: Array<{comment: Comment; reaction: Reaction}> = [];
  /** Comments whose press was lost with the chunk, and what their message says. */
  readonly #unsaved = new Map<string, string>();

  override likely(): boolean {
    return this.#keys().length > 0;
  }

  protected create(module: Controls): ReactionController {
    const real = new module.ReactionController(this.host, this.options);
    for (const {comment, reaction} of this.#presses.splice(0)) void real.toggle(comment, reaction);
    this.#unsaved.clear();
    return real;
  }

  override failed(): void {
    for (const {comment, reaction} of this.#presses.splice(0)) {
      this.#unsaved.set(
        comment.id,
        reaction.viewerReacted
          ? msg('Your like could not be taken back.', {id: 'thread.like.undoFailed'})
          : msg('Your like could not be saved.', {id: 'thread.like.failed'}),
      );
    }
  }

  renderButtons(comment: Comment, locale: string): TemplateResult | typeof nothing {
    if (this.real) return this.real.renderButtons(comment, locale);
    return renderReactionButtons(comment, this.#keys(), (key) => this.#shown(comment, key), (reaction) => this.#press(comment, reaction), locale);
  }

  renderMessage(comment: Comment): TemplateResult | typeof nothing {
    if (this.real) return this.real.renderMessage(comment);
    const unsaved = this.#unsaved.get(comment.id);
    return unsaved === undefined ? nothing : renderReactionFailure(unsaved);
  }

  #keys(): readonly string[] {
    return this.options.adapter()?.capabilities.reactions ?? [];
  }

  /** The stored reaction, with a press waiting for the controller applied on top where it can be sent. */
  #shown(comment: Comment, key: string): Reaction {
    const stored = storedReaction(comment, key);
    if (this.#needsSignIn()) return stored;
    if (!this.#presses.some((press) => press.comment.id === comment.id && press.reaction.key === key)) return stored;
    return {key, viewerReacted: !stored.viewerReacted, count: Math.max(0, stored.count + (stored.viewerReacted ? -1 : 1))};
  }

  /**
   * Whether a press would ask the viewer to sign in (a backend without guest reactions, no
   * session known yet): it is not shown as made only to be taken back beside "Sign in to
   * like comments" once the controller is there.
   */
  #needsSignIn(): boolean {
    const adapter = this.options.adapter();
    return adapter !== undefined && !adapter.capabilities.guestReactions && !sessionStoreFor(adapter).session;
  }

  #press(comment: Comment, shown: Reaction): void {
    this.#unsaved.delete(comment.id);
    // Pressed again before anything was sent: back where it was.
    const again = this.#presses.findIndex((press) => press.comment.id === comment.id && press.reaction.key === shown.key);
    if (again === -1) this.#presses.push({comment, reaction: storedReaction(comment, shown.key)});
    else this.#presses.splice(again, 1);
    this.host.requestUpdate();
    // No retry of its own: a failed load undoes the press, and the next press asks again.
    void controlsForPress(this.options.deadline()).then(
      (module) => this.load(module),
      () => this.failed(),
    ).finally(() => this.host.requestUpdate());
  }
}

/**
 * What "Show N more replies" does and the fetches of replies a page did not bring
 * (more-replies.ts); which replies are shown, and the button, are the thread's own
 * `ReplyBatches`, so a long conversation shows at once, without waiting for this. It loads
 * when the page is idle after comments with such a conversation, or at the first press,
 * which shows "Loading…" meanwhile, then the failure and the button again if it fails.
 */
export class LazyMoreReplies extends LazyControl<ReplyFetchController, MoreRepliesHost> {
  /** Conversations whose press waits for the chunk, or found it could not load. */
  readonly #loads = new Map<string, FetchState>();

  override likely(tree: readonly ThreadNode[]): boolean {
    const adapter = this.options.adapter();
    return tree.some((conversation) => hasMoreReplies(conversation, adapter));
  }

  protected create(module: Controls): ReplyFetchController {
    return new module.ReplyFetchController(this.host, this.options);
  }

  readonly press = async (conversationId: string): Promise<void> => {
    if (!this.real) {
      // No retry of its own: a chunk that keeps failing costs one request per press.
      this.#loads.set(conversationId, {status: 'pending'});
      this.options.changed(conversationId);
      try {
        this.load(await controlsForPress(this.options.deadline()));
        this.#loads.delete(conversationId);
      } catch (error) {
        this.#loads.set(conversationId, {status: 'error', error});
        return;
      } finally {
        this.options.changed(conversationId);
      }
    }
    await this.real!.show(conversationId);
  };

  state(conversationId: string): FetchState | undefined {
    // A failed load that another one has since made good is not shown.
    return this.real ? this.real.state(conversationId) : this.#loads.get(conversationId);
  }

  /**
   * Replies not sent yet searched for a linked comment. The controller is loaded first when
   * a conversation has some: a page opened at the link asks before the thread has it.
   */
  async search(...args: Parameters<ReplyFetchController['search']>): Promise<void> {
    if (!this.real && args[1]().length) await loadThreadControls().then((module) => this.load(module), () => {});
    await this.real?.search(...args);
  }

  reset(): void {
    this.#loads.clear();
    this.real?.reset();
  }
}
