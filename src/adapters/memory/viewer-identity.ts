import type {Session} from '../../core/types.js';
import {readStorage, removeStorage, writeStorage} from './safe-storage.js';

/**
 * Who the memory adapter's reader is: the signed-in session, kept for the tab
 * (sessionStorage), or else a guest key kept for the browser (localStorage), like a
 * commenter cookie, so guests' own comments are recognised after a reload.
 */
export class ViewerIdentity {
  readonly #sessionName: string;
  readonly #guestName: string;
  readonly #newId: () => string;
  #guestKey: string | undefined;
  /** Read from sessionStorage once, then kept here: it is consulted for every comment. */
  #sessionCache: Session | null | undefined;

  constructor(storageKey: string | undefined, newId: () => string) {
    this.#sessionName = `colloquy-memory-session:${storageKey ?? ''}`;
    this.#guestName = `colloquy-memory-guest:${storageKey ?? ''}`;
    this.#newId = newId;
  }

  get session(): Session | null {
    if (this.#sessionCache === undefined) {
      const saved = readStorage(() => sessionStorage, this.#sessionName);
      try {
        this.#sessionCache = saved ? (JSON.parse(saved) as Session) : null;
      } catch {
        this.#sessionCache = null;
      }
    }
    return this.#sessionCache;
  }

  set session(session: Session | null) {
    this.#sessionCache = session;
    if (session) writeStorage(() => sessionStorage, this.#sessionName, JSON.stringify(session));
    else removeStorage(() => sessionStorage, this.#sessionName);
  }

  get isModerator(): boolean {
    return Boolean(this.session?.viewer.isModerator);
  }

  /** `user:<id>` when signed in, else `guest:<this browser's key>`: whose comments are whose. */
  get key(): string {
    const session = this.session;
    if (session) return `user:${session.viewer.id}`;
    if (!this.#guestKey) {
      this.#guestKey = readStorage(() => localStorage, this.#guestName) ?? this.#newId();
      writeStorage(() => localStorage, this.#guestName, this.#guestKey);
    }
    return `guest:${this.#guestKey}`;
  }
}
