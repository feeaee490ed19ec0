import {msg} from '@lit/localize';
import {DEFAULT_LOAD_DEADLINE_MS} from '../../adapters/shared/deadline.js';
import {loadOnce} from '../../core/load-once.js';
import {html, nothing, type PropertyValues, type ReactiveController, type ReactiveElement, type TemplateResult} from 'lit';
import type {Comment, Reaction} from '../../core/types.js';
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

// Most readers see comments with none of these controls: moderation (held comments and
// what moderators do with them), Edit and Delete on the viewer's own comments, the notice
// of comments that arrived live, and what "Show N more replies" and a like button's press
// do. Their code is a chunk of its own (controls.ts). Until it is needed, a stand-in
// answers for each controller as it would for a comment that shows none of it; when a
// comment that needs one is about to show, the thread keeps its current DOM until the
// chunk is there (ControlsGate), so nothing shows half-built and then shifts. The like and
// "Show N more replies" buttons need nothing from it to show. Where the viewer is likely to
// use the chunk (the backend lets them edit, delete, moderate or like; a conversation is
// longer than is shown at first), it also loads once the first comments are on screen and
// the page is idle, so it is there before the next press or comment needs it.

type Controls = typeof import('./controls.js');
/** The chunk, once loaded: another thread then needs no waiting. */
let loadedControls: Controls | undefined;

/** The controls' chunk; loads once, and is asked for again after a failed load. */
const loadThreadControls = loadOnce(() => import('./controls.js').then((module) => (loadedControls = module)));

/**
 * How long the chunk is waited for: as long as a page of comments may take (the thread's
 * `load-timeout`), but never for good, even where pages have no deadline: a stalled chunk
 * must not hold the comments or a press back.
 */
function chunkDeadline(pageDeadline: number): number {
  return Number.isFinite(pageDeadline) && pageDeadline > 0 ? pageDeadline : DEFAULT_LOAD_DEADLINE_MS;
}

/** The chunk for a reader's press, which waits for it no longer than for a page of comments. */
function controlsForPress(pageDeadline: number): Promise<Controls> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const late = new Promise<never>((_, reject) => (timer = setTimeout(reject, chunkDeadline(pageDeadline))));
  // A press that got its chunk leaves no 15 s timer behind.
  return Promise.race([loadThreadControls(), late]).finally(() => clearTimeout(timer));
}

/**
 * A stand-in for a controller that loads with the controls' chunk: `real` once loaded,
 * created with the host and options the stand-in was given.
 */
abstract class LazyControl<Real, Options> {
  protected real: Real | undefined;

  constructor(
    protected readonly host: ReactiveElement,
    protected readonly options: Options,
  ) {}

  get loaded(): boolean {
    return this.real !== undefined;
  }

  /** Whether `comment` shows something only the loaded controller renders. */
  needs(_comment: Comment): boolean {
    return false;
  }

  /** Whether the stand-in holds something for the controller (a live arrival). */
  waiting(): boolean {
    return false;
  }

  /** Whether the viewer is likely to use the controller: the backend lets them, the thread shown (`tree`) has what it is for. */
  likely(_tree: readonly ThreadNode[]): boolean {
    return false;
  }

  load(module: Controls): void {
    this.real ??= this.create(module);
  }

  /** The chunk could not be loaded: drop what waits for it, and show what needed it without it. */
  failed(): void {}

  protected abstract create(module: Controls): Real;
}

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

/**
 * Holds the thread's updates while the controls its comments need are loading, from its
 * `shouldUpdate`: the DOM stays as it was (loading, or the comments before), then the
 * update happens, with every property change it held, once they are there. A list of
 * comments is looked through once (lists are replaced, never changed, when comments
 * change), and not at all once the controls are loaded. When the chunk cannot be loaded,
 * the comments show without the controls rather than not at all.
 */
export class ControlsGate implements ReactiveController {
  #loading: Promise<void> | undefined;
  /** The chunk took longer than a page of comments may: the thread goes on without it until it comes. */
  #late = false;
  readonly #checked = new WeakSet<readonly Comment[]>();
  readonly #held = new Map<PropertyKey, unknown>();

  /** `tree`: the thread's conversations as they are about to show; `deadline`: how long a page of them may take (ms). */
  constructor(
    private readonly host: ReactiveElement,
    private readonly controls: ReadonlyArray<LazyControl<unknown, unknown>>,
    private readonly tree: () => readonly ThreadNode[],
    private readonly deadline: () => number,
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    this.host.addEventListener('comment-load', this.#prefetch);
  }

  hostDisconnected(): void {
    this.host.removeEventListener('comment-load', this.#prefetch);
  }

  /** After the first comments (`comment-load`), when idle: the chunk, if the viewer may need it. */
  readonly #prefetch = () => {
    const tree = this.tree();
    if (!this.controls.some((control) => !control.loaded && control.likely(tree))) return;
    const load = () => void loadThreadControls().catch(() => {});
    if (typeof requestIdleCallback === 'function') requestIdleCallback(load, {timeout: 2000});
    else setTimeout(load, 50);
  };

  /** Settles once the controls the thread waits for are loaded (or failed to). */
  get loading(): Promise<void> | undefined {
    return this.#late ? undefined : this.#loading;
  }

  /** Whether the host may update now, with `lists` the comments it is about to show. */
  ready(lists: ReadonlyArray<readonly Comment[]>, changed: PropertyValues): boolean {
    if (!this.#loading && !this.#needed(lists)) return true;
    if (!this.#loading && loadedControls) {
      for (const control of this.controls) control.load(loadedControls);
      return true;
    }
    if (this.#late) return true;
    for (const [key, old] of changed) if (!this.#held.has(key)) this.#held.set(key, old);
    if (this.#loading) return false;
    const loading = (this.#loading = loadThreadControls().then(
      (module) => {
        for (const control of this.controls) control.load(module);
      },
      (error: unknown) => {
        console.error(error);
        for (const list of lists) this.#checked.add(list);
        for (const control of this.controls) control.failed();
      },
    ).finally(() => {
      this.#loading = undefined;
      this.#late = false;
      this.#release();
    }));
    // A request that stalls must not hold the comments back for good.
    setTimeout(() => {
      if (this.#loading !== loading) return;
      this.#late = true;
      this.#release();
    }, chunkDeadline(this.deadline()));
    return false;
  }

  /** Lets the updates held meanwhile happen. */
  #release(): void {
    const held = [...this.#held];
    this.#held.clear();
    this.host.requestUpdate();
    for (const [key, old] of held) this.host.requestUpdate(key, old);
  }

  #needed(lists: ReadonlyArray<readonly Comment[]>): boolean {
    const missing = this.controls.filter((control) => !control.loaded);
    if (missing.length === 0) return false;
    if (missing.some((control) => control.waiting())) return true;
    for (const list of lists) {
      if (this.#checked.has(list)) continue;
      if (list.some((comment) => missing.some((control) => control.needs(comment)))) return true;
      this.#checked.add(list);
    }
    return false;
  }
}
