import type {CommentAdapter} from '../../core/adapter.js';
import type {Session} from '../../core/types.js';
import {withLoadDeadline} from '../../adapters/shared/deadline.js';

type Listener = (session: Session | null) => void;

/**
 * The viewer's session for one adapter, shared by every element using that adapter, so
 * signing in through `<login-choice>` updates the form and the thread at once.
 */
export class SessionStore {
  #session: Session | null = null;
  #loaded: Promise<Session | null> | undefined;
  /** Counts `set` calls, so a slow first answer cannot undo a sign-in made meanwhile. */
  #changes = 0;
  readonly #listeners = new Set<Listener>();

  constructor(readonly adapter: CommentAdapter) {}

  get session(): Session | null {
    return this.#session;
  }

  /** Asks the adapter once (when it can tell) and remembers the answer. */
  load(): Promise<Session | null> {
    if (!this.#loaded) {
      const adapter = this.adapter;
      const changesBefore = this.#changes;
      this.#loaded = adapter.capabilities.session && adapter.getSession
        ? withLoadDeadline(undefined, (signal) => adapter.getSession!({signal})).then(
            (session) => {
              if (this.#changes === changesBefore) this.set(session);
              return this.#session;
            },
            () => this.#session,
          )
        : Promise.resolve(this.#session);
    }
    return this.#loaded;
  }

  set(session: Session | null): void {
    this.#changes++;
    this.#session = session;
    this.#loaded ??= Promise.resolve(session);
    for (const listener of this.#listeners) listener(session);
  }

  /** Calls `listener` on every change until the returned function is called. */
  subscribe(listener: Listener): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }
}

const stores = new WeakMap<CommentAdapter, SessionStore>();

export function sessionStoreFor(adapter: CommentAdapter): SessionStore {
  let store = stores.get(adapter);
  if (!store) {
    store = new SessionStore(adapter);
    stores.set(adapter, store);
  }
  return store;
}
