import {ContextRoot, createContext} from '@lit/context';
import type {CommentAdapter, ThreadEvent} from '../../core/adapter.js';
import type {Comment, ThreadInfo} from '../../core/types.js';

/**
 * The adapter a `<comment-thread>` uses, for the `<comment-form>` and `<login-choice>`
 * inside it. Elements used on their own take an `adapter` property or attribute instead.
 */
export const adapterContext = createContext<CommentAdapter | undefined>(Symbol.for('colloquy.adapter'));

/** What a `<comment-thread>` offers the forms inside it. */
export interface ThreadLink {
  readonly threadId: string;
  /** Known once the first page has loaded. */
  readonly info: ThreadInfo | undefined;
  /**
   * Shows a comment the viewer is sending, at once, marked as sending. `key` is the
   * comment's idempotency key; `comment.id` is a local placeholder until it is stored.
   */
  addOutgoing(key: string, comment: Comment): void;
  /** Replaces the outgoing comment with the stored one, or takes it away (`null`). */
  resolveOutgoing(key: string, stored: Comment | null): void;
  /** Scrolls to a comment and moves focus to it. */
  focusComment(commentId: string): void;
  /**
   * The comment the viewer pressed Reply on, or `null` for a new top-level comment. The
   * thread renders its slotted form under that comment meanwhile. Consumers that
   * subscribe are told when it changes.
   */
  readonly replyingTo: Comment | null;
  /** Starts answering a comment (as its Reply button does), or stops with `null`. */
  reply(commentId: string | null): void;
  /**
   * Applies a change the viewer made (an edit, a deletion) the way the thread applies
   * live updates from elsewhere.
   */
  apply(event: ThreadEvent): void;
  /**
   * Loads the thread again from its first page and resolves with the comments then shown,
   * e.g. to find a comment the backend reports it already has.
   */
  reload(): Promise<readonly Comment[]>;
  /**
   * Starts answering a comment that may be on a page not loaded yet (a reply draft reopened
   * after a reload): loads a bounded number of further pages until it turns up. Resolves
   * whether the reply opened.
   */
  replyWhenFound?(commentId: string): Promise<boolean>;
  /** The comments the thread has loaded and shows (without reloading anything). */
  readonly shown?: readonly Comment[];
}

export const threadContext = createContext<ThreadLink | undefined>(Symbol.for('colloquy.thread'));

// Elements upgrade in the order their modules load: a <comment-form> inside a
// <comment-thread> may ask for the thread's context before the thread is defined, and
// such a request would go unanswered. One ContextRoot per page (however many copies of
// Colloquy are loaded) keeps those requests and replays them when a provider appears.
const contextRootKey = Symbol.for('colloquy.contextRoot');
const page = globalThis as typeof globalThis & {[contextRootKey]?: ContextRoot};
// Outside a browser (a Node import for server rendering) there is no page to attach to.
if (typeof document !== 'undefined' && !page[contextRootKey]) {
  page[contextRootKey] = new ContextRoot();
  page[contextRootKey].attach(document.documentElement);
}
