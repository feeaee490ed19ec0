import type {GuestIdentity} from '../core/types.js';

/** A guest who has typed nothing. */
export const noGuest: GuestIdentity = Object.freeze({name: '', email: '', website: ''});

/** Whether two sets of guest details are the same (a missing website is an empty one). */
export function sameGuest(a: GuestIdentity, b: GuestIdentity | undefined): boolean {
  return a.name === b?.name && a.email === b.email && (a.website ?? '') === (b.website ?? '');
}

/**
 * A guest's name, email and website kept in Web Storage under one key, and nothing else.
 * Storage that throws (private browsing, blocked cookies, a full quota) means nothing is
 * remembered, silently.
 */
export class RememberedGuest {
  constructor(
    private readonly storage: () => Storage,
    private readonly key: string,
  ) {}

  /** The details kept, or `undefined` when there are none. */
  recall(): GuestIdentity | undefined {
    try {
      return parseGuest(this.storage().getItem(this.key));
    } catch {
      return undefined;
    }
  }

  remember({name, email, website = ''}: GuestIdentity): void {
    try {
      this.storage().setItem(this.key, JSON.stringify({name, email, website}));
    } catch {
      // Not remembered: the commenter types them again next time.
    }
  }

  forget(): void {
    try {
      this.storage().removeItem(this.key);
    } catch {
      // Storage that cannot be reached holds nothing to forget either.
    }
  }
}

/** Storage is shared with the rest of the page: read only the three strings expected. */
function parseGuest(json: string | null): GuestIdentity | undefined {
  if (!json) return undefined;
  try {
    const value = JSON.parse(json) as Partial<Record<keyof GuestIdentity, unknown>>;
    const text = (field: unknown) => (typeof field === 'string' ? field : '');
    const guest = {name: text(value.name), email: text(value.email), website: text(value.website)};
    return guest.name || guest.email || guest.website ? guest : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The details a guest asked to have saved "in this browser for the next time I comment",
 * for every form on the site: only on that consent, and never the comment itself (drafts keep that).
 */
export const rememberedGuest = new RememberedGuest(() => localStorage, 'colloquy:guest');
