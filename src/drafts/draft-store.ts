import type {NewComment} from '../core/adapter.js';
import type {GuestIdentity, NotificationChoices} from '../core/types.js';
import {noGuest} from './remembered-guest.js';

/** What a commenter has typed but not yet had acknowledged by the backend. */
export interface Draft {
  text: string;
  guest: GuestIdentity;
  notify: NotificationChoices;
  /** Whether "Save my name, email, and website in this browser" was ticked. */
  rememberGuest?: boolean;
  /**
   * A send whose outcome is unknown (no answer, a 5xx, the deadline), exactly as sent and
   * with its idempotency key: after a reload it is replayed before anything else is
   * sent, so it is stored once and a changed text never reuses its key.
   */
  sent?: NewComment;
  /** When it was saved, in ms since the epoch. */
  savedAt: number;
}

/**
 * Which draft: one per thread for the comment at its end (`parentId: null`), one per
 * comment replied to, and one per comment being edited.
 */
export interface DraftSlot {
  thread: string;
  parentId: string | null;
  /** The comment being edited, for an edit's draft. */
  editing?: string;
}

/** Whether two slots name the same draft (two absent ones do too). */
export function sameSlot(a: DraftSlot | undefined, b: DraftSlot | undefined): boolean {
  return a?.thread === b?.thread && a?.parentId === b?.parentId && a?.editing === b?.editing;
}

/** Drafts older than this are dropped: nobody comes back to finish them. */
const maxAgeMs = 30 * 24 * 60 * 60 * 1000;

export interface DraftStoreOptions {
  /**
   * Per-tab storage (survives a reload of the tab, not the tab): the tab's id, and a guest's
   * name, email and website when "Save my name…" is unticked. Default `sessionStorage`.
   */
  session?: () => Storage;
  /** The Web Locks API, to tell live tabs from closed ones; default `navigator.locks`. */
  locks?: LockManager | undefined;
}

/** What is kept about a guest in per-tab storage when they did not consent to more. */
interface TabOnlyIdentity {
  guest: GuestIdentity;
  sentGuest?: GuestIdentity;
}

/**
 * A send as localStorage keeps it. Without consent its guest details are not in it but in
 * the tab (`TabOnlyIdentity.sentGuest`), and `guestInTab` says they must be put back
 * before it can be replayed.
 */
interface StoredSend extends NewComment {
  guestInTab?: true;
}

/** A draft as localStorage keeps it (see `StoredSend`). */
interface StoredDraft extends Omit<Draft, 'sent'> {
  sent?: StoredSend;
}

/** Longer than #holdTab's wait, so a reloading tab has its lock back by then. */
const RELOAD_GRACE_MS = 2000;

/**
 * Keeps drafts in Web Storage so they survive a reload, a crash or a sign-in round trip,
 * and in memory as well: storage may throw on every call (private browsing, a full quota,
 * blocked cookies), and then drafts still outlive the element within the page.
 * Sign-in flows can save and restore a form's draft through the same store.
 *
 * Drafts belong to a tab. Each is stored under its tab's id (kept in sessionStorage, so a
 * reload finds them at once), so two tabs of one thread never overwrite each other, a post
 * in one never deletes the other's draft, and a new tab never starts with a live tab's
 * draft (and its idempotency key): posting from both would store two copies. The drafts
 * of a tab that is gone (closed, crashed) are adopted by the next tab that starts, under
 * a Web Lock so that only one tab takes each. Without Web Locks (an insecure page) a
 * starting tab adopts every other tab's drafts, as if they were gone.
 *
 * A guest's name, email and website go to localStorage only when they ticked "Save my
 * name, email, and website in this browser"; otherwise they stay in the tab's
 * sessionStorage and only the comment text is kept for longer.
 */
export class DraftStore {
  /** Drafts storage refused to take (`null`: refused to delete); they win over what storage holds. */
  readonly #memory = new Map<string, Draft | null>();
  readonly #session: () => Storage;
  readonly #locks: LockManager | undefined;
  #tab: string | undefined;
  #ready: Promise<void> | undefined;
  #settled = false;
  #releaseTab: (() => void) | undefined;

  constructor(
    private readonly storage: () => Storage,
    private readonly prefix = 'colloquy-draft:',
    options: DraftStoreOptions = {},
  ) {
    this.#session = options.session ?? (() => sessionStorage);
    this.#locks = 'locks' in options ? options.locks : globalThis.navigator?.locks;
  }

  /**
   * Resolves once this tab holds its id and has adopted the drafts of tabs that are gone;
   * until then only the tab's own drafts are known. Started by the first call.
   */
  get ready(): Promise<void> {
    this.#ready ??= this.#start().finally(() => {
      this.#settled = true;
    });
    return this.#ready;
  }

  /** Whether `ready` has resolved. */
  get settled(): boolean {
    void this.ready;
    return this.#settled;
  }

  /** Lets go of the tab's id (what closing the tab does); for tests of several tabs in one page. */
  close(): void {
    this.#releaseTab?.();
    this.#releaseTab = undefined;
  }

  get(slot: DraftSlot): Draft | undefined {
    void this.ready;
    const key = this.#key(slot);
    if (this.#memory.has(key)) return this.#memory.get(key) ?? undefined;
    const draft = parseDraft(this.#read(key));
    if (draft && Date.now() - draft.savedAt > maxAgeMs) {
      this.delete(slot);
      return undefined;
    }
    return draft && this.#withTabIdentity(key, draft);
  }

  /**
   * Saves `draft`; a draft with nothing typed in it is deleted instead. Returns false when
   * storage refused it: it is then kept in memory only and is lost with the page.
   */
  set(slot: DraftSlot, draft: Omit<Draft, 'savedAt'>): boolean {
    void this.ready;
    if (isBlank(draft)) return this.delete(slot);
    const key = this.#key(slot);
    const saved: Draft = {...draft, savedAt: Date.now()};
    try {
      this.storage().setItem(key, JSON.stringify(this.#withoutTabIdentity(key, saved)));
      this.#memory.delete(key);
      return true;
    } catch {
      // Kept in memory only: it outlives the element but not the page.
      this.#memory.set(key, saved);
      return false;
    }
  }

  delete(slot: DraftSlot): boolean {
    const key = this.#key(slot);
    try {
      this.storage().removeItem(key);
      this.#session().removeItem(key);
      this.#memory.delete(key);
      return true;
    } catch {
      // Storage may still hold an older copy: remember that it is gone.
      this.#memory.set(key, null);
      return false;
    }
  }

  /** The ids of the comments in `thread` with a reply draft in this tab, most recently saved first. */
  replyDrafts(thread: string): string[] {
    void this.ready;
    const prefix = this.#key({thread, parentId: ''});
    const found = new Map<string, number>();
    try {
      const storage = this.storage();
      for (let index = 0; index < storage.length; index++) {
        const key = storage.key(index);
        if (key?.startsWith(prefix) && !this.#memory.has(key)) {
          const draft = parseDraft(storage.getItem(key));
          if (draft) found.set(key, draft.savedAt);
        }
      }
    } catch {
      // Only the drafts in memory are known.
    }
    for (const [key, draft] of this.#memory) {
      if (key.startsWith(prefix) && draft) found.set(key, draft.savedAt);
    }
    return [...found]
      .sort(([, a], [, b]) => b - a)
      .map(([key]) => decodeURIComponent(key.slice(prefix.length)))
      .filter((parentId) => parentId !== '');
  }

  #key({thread, parentId, editing}: DraftSlot): string {
    const scope = editing === undefined ? `reply:${encodeURIComponent(parentId ?? '')}` : `edit:${encodeURIComponent(editing)}`;
    return `${this.prefix}${this.#tabId()}:${encodeURIComponent(thread)}:${scope}`;
  }

  #tabId(): string {
    if (this.#tab) return this.#tab;
    let saved: string | null = null;
    try {
      saved = this.#session().getItem(`${this.prefix}tab`);
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
      this.#session().setItem(`${this.prefix}tab`, this.#tab);
    } catch {
      // The id lives in memory for this page.
    }
  }

  /** Claims the tab's id, then adopts the drafts of tabs that are gone. */
  async #start(): Promise<void> {
    const locks = this.#locks;
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
      await locks.request(`${this.prefix}adopt`, async () => {
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

  /** The ids of the other tabs that have drafts here. */
  #otherTabs(): string[] {
    const tabs = new Set<string>();
    try {
      const storage = this.storage();
      const mine = `${this.prefix}${this.#tabId()}:`;
      for (let index = 0; index < storage.length; index++) {
        const key = storage.key(index);
        if (!key?.startsWith(this.prefix) || key.startsWith(mine)) continue;
        const parts = key.slice(this.prefix.length).split(':');
        if (parts.length === 4) tabs.add(parts[0]!);
      }
    } catch {
      // Storage cannot be reached: no other tab's drafts are known.
    }
    return [...tabs];
  }

  #tabLock(tab: string): string {
    return `${this.prefix}tab:${tab}`;
  }

  /**
   * Holds the tab's lock for as long as the page lives; false when a live tab holds it.
   * After a reload the page before may hold it a moment longer while it unloads, so it is
   * waited for briefly; a duplicated tab's original never lets go.
   */
  #holdTab(): Promise<boolean> {
    return new Promise((resolve, reject) => {
      const signal = AbortSignal.timeout(1500);
      this.#locks!.request(this.#tabLock(this.#tabId()), {signal}, (lock) => {
        resolve(lock !== null);
        return new Promise<void>((release) => (this.#releaseTab = release));
      }).catch((error: unknown) => (signal.aborted ? resolve(false) : reject(error)));
    });
  }

  /** Moves the drafts of the tabs `gone` says are gone (and drafts saved before drafts had tabs) to this tab. */
  #adopt(gone: (tab: string) => boolean) {
    try {
      const storage = this.storage();
      const mine = `${this.prefix}${this.#tabId()}:`;
      const keys: string[] = [];
      for (let index = 0; index < storage.length; index++) {
        const key = storage.key(index);
        if (key?.startsWith(this.prefix) && !key.startsWith(mine)) keys.push(key);
      }
      for (const key of keys) {
        const parts = key.slice(this.prefix.length).split(':');
        // tab:thread:kind:id, or thread:kind:id from before drafts had tabs.
        if (parts.length !== 4 && parts.length !== 3) continue;
        if (parts.length === 4 && !gone(parts[0]!)) continue;
        const own = mine + parts.slice(parts.length - 3).join(':');
        const value = storage.getItem(key);
        // Merged without loss: a draft this tab already has for the same comment wins, the
        // other stays where it is for a later tab.
        if (value !== null && storage.getItem(own) === null && !this.#memory.has(own)) {
          storage.setItem(own, value);
          storage.removeItem(key);
        }
      }
    } catch {
      // Storage cannot be reached: nothing to adopt.
    }
  }

  /** Without consent, the identity goes to the tab's sessionStorage and the draft keeps only what was typed. */
  #withoutTabIdentity(key: string, draft: Draft): StoredDraft {
    if (draft.rememberGuest === true) {
      this.#writeSession(key, undefined);
      return draft;
    }
    const identity: TabOnlyIdentity = {guest: draft.guest, ...(draft.sent?.guest ? {sentGuest: draft.sent.guest} : {})};
    const hasIdentity = [draft.guest.name, draft.guest.email, draft.guest.website ?? ''].some((value) => value.trim());
    this.#writeSession(key, hasIdentity || identity.sentGuest ? identity : undefined);
    if (!draft.sent) return {...draft, guest: noGuest};
    const {guest: sentGuest, ...sent} = draft.sent;
    return {...draft, guest: noGuest, sent: sentGuest ? {...sent, guestInTab: true} : sent};
  }

  /** Puts back what `#withoutTabIdentity` kept in the tab. */
  #withTabIdentity(key: string, stored: StoredDraft): Draft {
    let identity: TabOnlyIdentity | undefined;
    try {
      identity = parseTabIdentity(this.#session().getItem(key));
    } catch {
      identity = undefined;
    }
    const {sent: storedSent, ...draft} = stored;
    const guest = identity?.guest ?? draft.guest;
    if (!storedSent) return {...draft, guest};
    const {guestInTab, ...sent} = storedSent;
    if (!guestInTab) return {...draft, guest, sent};
    // The body sent cannot be rebuilt without the guest's details (another tab had them):
    // it is let go rather than replayed with other content under its key.
    if (!identity?.sentGuest) return {...draft, guest};
    return {...draft, guest, sent: {...sent, guest: identity.sentGuest}};
  }

  #writeSession(key: string, identity: TabOnlyIdentity | undefined) {
    try {
      if (identity) this.#session().setItem(key, JSON.stringify(identity));
      else this.#session().removeItem(key);
    } catch {
      // Without sessionStorage the identity lives in the element for this page only.
    }
  }

  #read(key: string): string | null {
    try {
      return this.storage().getItem(key);
    } catch {
      return null;
    }
  }
}

function randomTabId(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(12));
  return Array.from(bytes, (byte) => byte.toString(16).padStart(2, '0')).join('');
}

function parseTabIdentity(json: string | null): TabOnlyIdentity | undefined {
  if (!json) return undefined;
  try {
    const value = JSON.parse(json) as {guest?: unknown; sentGuest?: unknown};
    const guest = parseGuest(value.guest);
    if (!guest) return undefined;
    const sentGuest = value.sentGuest === undefined ? undefined : parseGuest(value.sentGuest);
    return {guest, ...(sentGuest ? {sentGuest} : {})};
  } catch {
    return undefined;
  }
}

function parseGuest(value: unknown): GuestIdentity | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const guest = value as Record<string, unknown>;
  const text = (field: unknown) => (typeof field === 'string' ? field : '');
  return {name: text(guest['name']), email: text(guest['email']), website: text(guest['website'])};
}

function isBlank(draft: Omit<Draft, 'savedAt'>): boolean {
  return (
    !draft.text.trim() &&
    !draft.guest.name.trim() &&
    !draft.guest.email.trim() &&
    !draft.guest.website?.trim() &&
    draft.sent === undefined
  );
}

/** Reads a saved draft defensively: storage is shared with the rest of the page. */
function parseDraft(json: string | null): StoredDraft | undefined {
  if (!json) return undefined;
  try {
    const value = JSON.parse(json) as Partial<StoredDraft>;
    if (typeof value.text !== 'string' || typeof value.savedAt !== 'number') return undefined;
    const guest = value.guest ?? {name: '', email: ''};
    const sent = parseSent(value.sent);
    return {
      text: value.text,
      guest: {name: String(guest.name ?? ''), email: String(guest.email ?? ''), website: String(guest.website ?? '')},
      notify: {comments: value.notify?.comments === true, posts: value.notify?.posts === true},
      ...(typeof value.rememberGuest === 'boolean' ? {rememberGuest: value.rememberGuest} : {}),
      ...(sent ? {sent} : {}),
      savedAt: value.savedAt,
    };
  } catch {
    return undefined;
  }
}

function parseSent(value: unknown): StoredSend | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const sent = value as Record<string, unknown>;
  const text = (key: string, from: Record<string, unknown> = sent) => (typeof from[key] === 'string' ? (from[key] as string) : undefined);
  const thread = text('thread');
  const body = text('text');
  const key = text('idempotencyKey');
  const parentId = sent['parentId'] === null ? null : text('parentId');
  if (thread === undefined || body === undefined || !key || parentId === undefined) return undefined;
  const guest = typeof sent['guest'] === 'object' && sent['guest'] !== null ? (sent['guest'] as Record<string, unknown>) : undefined;
  const notify = typeof sent['notify'] === 'object' && sent['notify'] !== null ? (sent['notify'] as Record<string, unknown>) : undefined;
  return {
    thread,
    text: body,
    parentId,
    idempotencyKey: key,
    ...(guest
      ? {guest: {name: text('name', guest) ?? '', email: text('email', guest) ?? '', ...(text('website', guest) !== undefined ? {website: text('website', guest)!} : {})}}
      : {}),
    ...(notify ? {notify: {comments: notify['comments'] === true, posts: notify['posts'] === true}} : {}),
    ...(sent['guestInTab'] === true ? {guestInTab: true} : {}),
  };
}

/** The page's drafts, shared by every form (and by sign-in flows that must keep them). */
export const drafts = new DraftStore(() => localStorage);
