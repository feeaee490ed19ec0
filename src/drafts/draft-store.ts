import type {NewComment} from '../core/adapter.js';
import type {GuestIdentity, NotificationChoices} from '../core/types.js';
import {noGuest} from './remembered-guest.js';
import {TabOwnership} from './tab-ownership.js';

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

/**
 * Keeps drafts in Web Storage so they survive a reload, a crash or a sign-in round trip,
 * and in memory as well: storage may throw on every call (private browsing, a full quota,
 * blocked cookies), and then drafts still outlive the element within the page.
 * Sign-in flows can save and restore a form's draft through the same store.
 *
 * Drafts belong to a tab, which adopts those of tabs that are gone (`TabOwnership`): two
 * tabs of one thread never write to or post from the same draft.
 *
 * A guest's name, email and website go to localStorage only when they ticked "Save my
 * name, email, and website in this browser"; otherwise they stay in the tab's
 * sessionStorage and only the comment text is kept for longer.
 */
export class DraftStore {
  /** Drafts storage refused to take (`null`: refused to delete); they win over what storage holds. */
  readonly #memory = new Map<string, Draft | null>();
  readonly #session: () => Storage;
  readonly #tab: TabOwnership;
  #ready: Promise<void> | undefined;
  #settled = false;

  constructor(
    private readonly storage: () => Storage,
    prefix = 'colloquy-draft:',
    options: DraftStoreOptions = {},
  ) {
    this.#session = options.session ?? (() => sessionStorage);
    this.#tab = new TabOwnership({
      prefix,
      storage,
      session: this.#session,
      locks: 'locks' in options ? options.locks : globalThis.navigator?.locks,
      keptInMemory: (key) => this.#memory.has(key),
    });
  }

  /**
   * Resolves once this tab holds its id and has adopted the drafts of tabs that are gone;
   * until then only the tab's own drafts are known. Started by the first call.
   */
  get ready(): Promise<void> {
    this.#ready ??= this.#tab.claim().finally(() => {
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
    this.#tab.release();
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
    return `${this.#tab.keyPrefix}${encodeURIComponent(thread)}:${scope}`;
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
