import type {ThreadEvent} from '../../core/adapter.js';
import type {ChangeMessage, ThreadStore} from './thread-store.js';

export type ThreadListener = (event: ThreadEvent) => void;

/**
 * Who hears of changes, per thread: this page's subscribers, and, with a store shared by
 * the browser's tabs, the channel the other tabs' changes come in on, open only while
 * somebody listens.
 */
export class LiveListeners {
  readonly #byThread = new Map<string, Set<ThreadListener>>();
  #channel: BroadcastChannel | undefined;

  /** `eventFor` tells what a change looks like to this page's reader; undefined when the thread is unknown. */
  constructor(
    private readonly store: ThreadStore,
    private readonly eventFor: (message: ChangeMessage) => ThreadEvent | undefined,
  ) {}

  /** `listener` hears of `thread`'s changes until `signal` aborts. */
  add(thread: string, listener: ThreadListener, signal: AbortSignal | undefined): void {
    let listeners = this.#byThread.get(thread);
    if (!listeners) {
      listeners = new Set();
      this.#byThread.set(thread, listeners);
    }
    listeners.add(listener);
    if (this.store.shared) this.#channel ??= this.store.listen((message) => this.deliver(message));
    signal?.addEventListener(
      'abort',
      () => {
        listeners.delete(listener);
        if (listeners.size === 0) this.#byThread.delete(thread);
        if (this.#byThread.size === 0) {
          this.#channel?.close();
          this.#channel = undefined;
        }
      },
      {once: true},
    );
  }

  /** Tells the changed thread's listeners. */
  deliver(message: ChangeMessage): void {
    const listeners = this.#byThread.get(message.thread);
    if (!listeners) return;
    const event = this.eventFor(message);
    if (event) for (const listener of listeners) listener(event);
  }
}
