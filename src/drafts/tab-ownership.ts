/** Longer than #holdTab's wait, so a reloading tab has its lock back by then. */
const RELOAD_GRACE_MS = 2000;

export interface TabOwnershipOptions {
  /** The start of every key: a draft's is `<prefix><tab id>:<thread>:<kind>:<id>`. */
  prefix: string;
  /** Where the drafts are. */
  storage: () => Storage;
  /** Per-tab storage, where the tab's id is kept. */
  session: () => Storage;
  /** The Web Locks API, to tell live tabs from closed ones. */
  locks: LockManager | undefined;
  /** Whether the store holds a draft of its own under `key` (storage refused it): adopting must not overwrite it. */
  keptInMemory: (key: string) => boolean;
}

/**
 * Which drafts are this tab's. Each is stored under its tab's id (kept in sessionStorage, so
 * a reload finds them at once), so two tabs of one thread never overwrite each other, a post
 * in one never deletes the other's draft, and a new tab never starts with a live tab's draft
 * (and its idempotency key): posting from both would store two copies. The drafts of a tab
 * that is gone (closed, crashed) are adopted by the next tab that starts, under a Web Lock
 * so that only one tab takes each. Without Web Locks (an insecure page) a starting tab
 * adopts every other tab's drafts, as if they were gone.
 */
export class TabOwnership {
  readonly #options: TabOwnershipOptions;
  #tab: string | undefined;
  #releaseTab: (() => void) | undefined;

  constructor(options: TabOwnershipOptions) {
    this.#options = options;
  }

  get #prefix(): string {
    return this.#options.prefix;
  }

  /** How every key of this tab's drafts starts. */
  get keyPrefix(): string {
    return `${this.#prefix}${this.#tabId()}:`;
  }

  /** Claims the tab's id, then adopts the drafts of tabs that are gone. */
  async claim(): Promise<void> {
    const locks = this.#options.locks;
    if (!locks) {
      this.#adopt(() => true);
      return;
    }
    try {
      if (!(await this.#holdTab())) {
        // "Duplicate tab" copies sessionStorage: the id is a live tab's. Take a new one.
        this.#newTab();
        await this.#holdTab();
      }
      await locks.request(`${this.#prefix}adopt`, async () => {
        const withoutLock = async () => {
          const {held = []} = await locks.query();
          const live = new Set(held.map((lock) => lock.name));
          return (tab: string) => !live.has(this.#tabLock(tab));
        };
        const first = await withoutLock();
        if (!this.#otherTabs().some(first)) {
          this.#adopt(first);
          return;
        }
        // A tab being reloaded lets go of its lock for a moment, until its next page takes
        // it back (within #holdTab's wait): only a tab still without it a little later is
        // gone. Adopting sooner took a live tab's draft into this one.
        await new Promise((resolve) => setTimeout(resolve, RELOAD_GRACE_MS));
        const second = await withoutLock();
        this.#adopt((tab) => first(tab) && second(tab));
      });
    } catch {
      // Locks refused (a sandboxed frame): the tab keeps to its own drafts.
    }
  }

  /** Lets go of the tab's id, as closing the tab does. */
  release(): void {
    this.#releaseTab?.();
    this.#releaseTab = undefined;
  }

  #tabId(): string {
    if (this.#tab) return this.#tab;
    let saved: string | null = null;
    try {
      saved = this.#options.session().getItem(`${this.#prefix}tab`);
    } catch {
      // No sessionStorage: a new id, for this page only.
    }
    if (saved && /^[\w-]{1,64}$/.test(saved)) this.#tab = saved;
    else this.#newTab();
    return this.#tab!;
  }

  /** Takes a new tab id, kept in sessionStorage when it can be (in memory for this page otherwise). */
  #newTab() {
    this.#tab = randomTabId();
    try {
      this.#options.session().setItem(`${this.#prefix}tab`, this.#tab);
    } catch {
      // The id lives in memory for this page.
    }
  }

  /** The ids of the other tabs that have drafts here. */
  #otherTabs(): string[] {
    return [...new Set(this.#foreignDrafts().flatMap(({tab}) => (tab === undefined ? [] : [tab])))];
  }

  /**
   * The drafts here that are not this tab's: each key, the tab it belongs to (none for a
   * draft saved before drafts had tabs) and the rest of its key (thread:kind:id).
   */
  #foreignDrafts(): ForeignDraft[] {
    const drafts: ForeignDraft[] = [];
    try {
      const storage = this.#options.storage();
      const mine = this.keyPrefix;
      for (let index = 0; index < storage.length; index++) {
        const key = storage.key(index);
        if (!key?.startsWith(this.#prefix) || key.startsWith(mine)) continue;
        // tab:thread:kind:id, or thread:kind:id from before drafts had tabs.
        const parts = key.slice(this.#prefix.length).split(':');
        if (parts.length === 4) drafts.push({key, tab: parts[0], rest: parts.slice(1).join(':')});
        else if (parts.length === 3) drafts.push({key, tab: undefined, rest: parts.join(':')});
      }
    } catch {
      // Storage cannot be reached: no other tab's drafts are known.
    }
    return drafts;
  }

  #tabLock(tab: string): string {
    return `${this.#prefix}tab:${tab}`;
  }

  /**
   * Holds the tab's lock for as long as the page lives; false when a live tab holds it.
   * After a reload the page before may hold it a moment longer while it unloads, so it is
   * waited for briefly; a duplicated tab's original never lets go.
   */
  #holdTab(): Promise<boolean> {
    return new Promise((resolve, reject) => {
      const signal = AbortSignal.timeout(1500);
      this.#options.locks!.request(this.#tabLock(this.#tabId()), {signal}, (lock) => {
        resolve(lock !== null);
        return new Promise<void>((release) => (this.#releaseTab = release));
      }).catch((error: unknown) => (signal.aborted ? resolve(false) : reject(error)));
    });
  }

  /** Moves the drafts of the tabs `gone` says are gone (and drafts saved before drafts had tabs) to this tab. */
  #adopt(gone: (tab: string) => boolean) {
    // Read in full before any is moved: moving changes the storage's key order.
    const adoptable = this.#foreignDrafts().filter(({tab}) => tab === undefined || gone(tab));
    try {
      const storage = this.#options.storage();
      for (const {key, rest} of adoptable) {
        const own = this.keyPrefix + rest;
        const value = storage.getItem(key);
        // Merged without loss: a draft this tab already has for the same comment wins, the
        // other stays where it is for a later tab.
        if (value !== null && storage.getItem(own) === null && !this.#options.keptInMemory(own)) {
          storage.setItem(own, value);
          storage.removeItem(key);
        }
      }
    } catch {
      // Storage cannot be reached: nothing to adopt.
    }
  }
}

interface ForeignDraft {
  key: string;
  tab: string | undefined;
  rest: string;
}

function randomTabId(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(12));
  return Array.from(bytes, (byte) => byte.toString(16).padStart(2, '0')).join('');
}
