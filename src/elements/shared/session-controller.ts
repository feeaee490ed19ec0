import type {ReactiveController, ReactiveControllerHost} from 'lit';
import type {CommentAdapter} from '../../core/adapter.js';
import type {Session} from '../../core/types.js';
import {sessionStoreFor, type SessionStore} from './session-store.js';

/**
 * Keeps a host's `session` in step with its adapter's shared `SessionStore`: loaded once
 * (restoring a session on reload where the adapter can), then every sign-in and sign-out
 * made by any element using the same adapter. Subscribed only while the host is connected.
 */
export class SessionController implements ReactiveController {
  #adapter: CommentAdapter | undefined;
  #unsubscribe: (() => void) | undefined;
  #connected = false;
  /** False until the store has answered for the current adapter. */
  loaded = false;

  constructor(private readonly host: ReactiveControllerHost) {
    host.addController(this);
  }

  get store(): SessionStore | undefined {
    return this.#adapter ? sessionStoreFor(this.#adapter) : undefined;
  }

  get session(): Session | null {
    return this.store?.session ?? null;
  }

  /** Follows `adapter`'s session from now on; `undefined` means nobody is signed in. */
  setAdapter(adapter: CommentAdapter | undefined): void {
    if (adapter === this.#adapter) return;
    this.#adapter = adapter;
    this.loaded = false;
    if (this.#connected) this.#subscribe();
  }

  hostConnected(): void {
    this.#connected = true;
    this.#subscribe();
  }

  hostDisconnected(): void {
    this.#connected = false;
    this.#unsubscribe?.();
    this.#unsubscribe = undefined;
  }

  #subscribe(): void {
    this.#unsubscribe?.();
    this.#unsubscribe = undefined;
    const store = this.store;
    if (!store) return;
    this.#unsubscribe = store.subscribe(() => this.host.requestUpdate());
    void store.load().then(() => {
      if (store !== this.store) return;
      this.loaded = true;
      this.host.requestUpdate();
    });
  }
}
