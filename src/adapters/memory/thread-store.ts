import {CommentError} from '../../core/errors.js';
import {messages} from './messages.js';
import {readStorage} from './safe-storage.js';
import {readStoredThread, storedThreadFromSeed, type SeedThread, type StoredThread} from './seed.js';

/** What one tab tells the others (and its own subscribers) about a stored change. */
export interface ChangeMessage {
  origin: string;
  thread: string;
  commentId: string;
  change: 'added' | 'updated' | 'removed';
}

/**
 * Where the memory adapter keeps its threads: in memory, or, with a storage key, in
 * localStorage shared by the browser's tabs, which hear of each other's changes over a
 * BroadcastChannel. Storage is then the truth and memory a copy.
 */
export class ThreadStore {
  readonly threads = new Map<string, StoredThread>();
  readonly #seeds: readonly SeedThread[];
  readonly #key: string | undefined;
  /** Who this store's messages come from: its own are not taken up again. */
  readonly #origin: string;
  /** Changes made by the running `writing`, sent to other tabs once they are stored. */
  #changes: ChangeMessage[] | undefined;

  constructor(seeds: readonly SeedThread[], storageKey: string | undefined, origin: string) {
    this.#seeds = seeds;
    this.#key = storageKey;
    this.#origin = origin;
    this.#seed();
    // What the tabs persisted, each thread validated as a seed is; a corrupt save leaves the seeds.
    if (storageKey) this.#restore(readStorage(() => localStorage, storageKey));
  }

  /** Whether other tabs share these threads live. */
  get shared(): boolean {
    return Boolean(this.#key) && typeof BroadcastChannel === 'function';
  }

  /**
   * Takes up what other tabs stored since. Storage that cannot be read leaves memory as
   * it is.
   */
  refresh() {
    const key = this.#key;
    if (!key) return;
    let saved: string | null;
    try {
      saved = localStorage.getItem(key);
    } catch {
      return;
    }
    this.threads.clear();
    this.#seed();
    this.#restore(saved);
  }

  /**
   * Runs a change as a read-modify-write of what every tab stored, under a Web Lock so
   * that tabs take turns (without Web Locks the window is a single task). The change is
   * written before it is answered: when storage refuses it (full, blocked) it is undone
   * and the call fails, so nothing is reported as stored that a reload would lose.
   */
  async writing<T>(change: () => T): Promise<T> {
    const run = (): T => {
      this.refresh();
      const before = structuredClone([...this.threads]);
      this.#changes = [];
      let outcome: {value: T} | {error: unknown};
      try {
        outcome = {value: change()};
      } catch (error) {
        outcome = {error};
      }
      const changes = this.#changes;
      this.#changes = undefined;
      if (changes.length > 0) {
        if (!this.#persist()) {
          this.threads.clear();
          for (const [id, thread] of before) this.threads.set(id, thread);
          throw new CommentError('server', messages.storageFull());
        }
        for (const message of changes) this.#broadcast(message);
      }
      if ('error' in outcome) throw outcome.error;
      return outcome.value;
    };
    const key = this.#key;
    const locks = key ? globalThis.navigator?.locks : undefined;
    return locks ? locks.request(`colloquy-memory:${key}`, run) : run();
  }

  /** Records a change to a comment: stored and told to the other tabs with the running `writing`, or at once. */
  commit(thread: StoredThread, commentId: string, change: ChangeMessage['change']) {
    const message: ChangeMessage = {origin: this.#origin, thread: thread.id, commentId, change};
    if (this.#changes) {
      this.#changes.push(message);
      return;
    }
    // Outside a call (a moderator's approval in a demo): stored as it is.
    if (this.#persist()) this.#broadcast(message);
  }

  /** Hears the other tabs' changes, once this store has taken them up; close the channel to stop. */
  listen(onChange: (message: ChangeMessage) => void): BroadcastChannel {
    const channel = new BroadcastChannel(channelName(this.#key!));
    channel.onmessage = (event: MessageEvent<ChangeMessage>) => {
      if (event.data.origin === this.#origin) return;
      this.refresh();
      onChange(event.data);
    };
    return channel;
  }

  #seed() {
    for (const seed of this.#seeds) {
      const thread = storedThreadFromSeed(seed);
      if (thread) this.threads.set(thread.id, thread);
    }
  }

  #restore(saved: string | null) {
    if (!saved) return;
    try {
      const data = JSON.parse(saved) as {version?: unknown; threads?: unknown};
      if (data.version !== 1 || !Array.isArray(data.threads)) return;
      for (const raw of data.threads) {
        const thread = readStoredThread(raw);
        if (thread) this.threads.set(thread.id, thread);
      }
    } catch {
      // A corrupt save is ignored; the seeds stand.
    }
  }

  /** Writes every thread; false when storage refused. */
  #persist(): boolean {
    const key = this.#key;
    if (!key) return true;
    try {
      localStorage.setItem(key, JSON.stringify({version: 1, threads: [...this.threads.values()]}));
      return true;
    } catch {
      return false;
    }
  }

  #broadcast(message: ChangeMessage) {
    const key = this.#key;
    if (!key || typeof BroadcastChannel !== 'function') return;
    const channel = new BroadcastChannel(channelName(key));
    channel.postMessage(message);
    channel.close();
  }
}

function channelName(storageKey: string) {
  return `colloquy-memory:${storageKey}`;
}
