import type {ReactiveController, ReactiveControllerHost} from 'lit';
import type {CommentAdapter} from '../../core/adapter.js';
import type {Session} from '../../core/types.js';
import {sessionStoreFor} from './session-store.js';

/**
 * Follows the viewer's session for whichever adapter the host uses now, re-rendering the
 * host when someone signs in or out anywhere on the page.
 */
export class SessionController implements ReactiveController {
  #adapter: CommentAdapter | undefined;
  #unsubscribe: (() => void) | undefined;
  #connected = false;
  /** False until the adapter has said whether somebody is signed in. */
  known = false;

  constructor(private readonly host: ReactiveControllerHost) {
    host.addController(this);
  }

  get session(): Session | null {
    return this.#adapter ? sessionStoreFor(this.#adapter).session : null;
  }

  /** Call whenever the host's adapter may have changed. */
  use(adapter: CommentAdapter | undefined): void {
    if (adapter === this.#adapter) return;
    this.#stop();
    this.#adapter = adapter;
    this.known = false;
    if (this.#connected) this.#start();
  }

  hostConnected(): void {
    this.#connected = true;
    this.#start();
  }

  hostDisconnected(): void {
    this.#connected = false;
    this.#stop();
  }

  #start() {
    const adapter = this.#adapter;
    if (!adapter) return;
    const store = sessionStoreFor(adapter);
    this.#unsubscribe = store.subscribe(() => this.host.requestUpdate());
    void store.load().then(() => {
      if (this.#adapter !== adapter) return;
      this.known = true;
      this.host.requestUpdate();
    });
  }

  #stop() {
    this.#unsubscribe?.();
    this.#unsubscribe = undefined;
  }
}
