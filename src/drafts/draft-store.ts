import type {NewComment} from '../core/adapter.js';
import type {GuestIdentity, NotificationChoices} from '../core/types.js';

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

/** Drafts older than this are dropped: nobody comes back to finish them. */
const maxAgeMs = 30 * 24 * 60 * 60 * 1000;

/**
 * Keeps drafts in Web Storage so they survive a reload, a crash or a sign-in round trip,
 * and in memory as well: storage may throw on every call (private browsing, a full quota,
 * blocked cookies), and then drafts still outlive the element within the page.
 * Sign-in flows can save and restore a form's draft through the same store.
 */
export class DraftStore {
  /** Drafts storage refused to take (`null`: refused to delete); they win over what storage holds. */
  readonly #memory = new Map<string, Draft | null>();

  constructor(
    private readonly storage: () => Storage,
    private readonly prefix = 'colloquy-draft:',
  ) {}

  get(slot: DraftSlot): Draft | undefined {
    const key = this.#key(slot);
    if (this.#memory.has(key)) return this.#memory.get(key) ?? undefined;
    const draft = parseDraft(this.#read(key));
    if (draft && Date.now() - draft.savedAt > maxAgeMs) {
      this.delete(slot);
      return undefined;
    }
    return draft;
  }

  /** Saves `draft`; a draft with nothing typed in it is deleted instead. */
  set(slot: DraftSlot, draft: Omit<Draft, 'savedAt'>): void {
    if (isBlank(draft)) {
      this.delete(slot);
      return;
    }
    const key = this.#key(slot);
    const saved: Draft = {...draft, savedAt: Date.now()};
    try {
      this.storage().setItem(key, JSON.stringify(saved));
      this.#memory.delete(key);
    } catch {
      // Kept in memory only: it outlives the element but not the page.
      this.#memory.set(key, saved);
    }
  }

  delete(slot: DraftSlot): void {
    const key = this.#key(slot);
    try {
      this.storage().removeItem(key);
      this.#memory.delete(key);
    } catch {
      // Storage may still hold an older copy: remember that it is gone.
      this.#memory.set(key, null);
    }
  }

  /** The ids of the comments in `thread` with a reply draft, most recently saved first. */
  replyDrafts(thread: string): string[] {
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
    return `${this.prefix}${encodeURIComponent(thread)}:${scope}`;
  }

  #read(key: string): string | null {
    try {
      return this.storage().getItem(key);
    } catch {
      return null;
    }
  }
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
function parseDraft(json: string | null): Draft | undefined {
  if (!json) return undefined;
  try {
    const value = JSON.parse(json) as Partial<Draft>;
    if (typeof value.text !== 'string' || typeof value.savedAt !== 'number') return undefined;
    const guest = value.guest ?? {name: '', email: ''};
    return {
      text: value.text,
      guest: {name: String(guest.name ?? ''), email: String(guest.email ?? ''), website: String(guest.website ?? '')},
      notify: {comments: value.notify?.comments === true, posts: value.notify?.posts === true},
      ...(typeof value.rememberGuest === 'boolean' ? {rememberGuest: value.rememberGuest} : {}),
      ...(parseSent(value.sent) ? {sent: parseSent(value.sent)} : {}),
      savedAt: value.savedAt,
    };
  } catch {
    return undefined;
  }
}

function parseSent(value: unknown): NewComment | undefined {
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
  };
}

/** The page's drafts, shared by every form (and by sign-in flows that must keep them). */
export const drafts = new DraftStore(() => localStorage);
