import type {Database} from '../db/database.js';
import {LIVE_CHANNEL, readLiveNotification} from '../store/single.js';

export interface LiveEvent {
  id: string;
  type: string;
  data: string;
  /** Held comments coming and going: for moderators' streams only. */
  moderatorsOnly: boolean;
}

type Listener = (event: LiveEvent) => void;

/**
 * This process's side of the live stream: one LISTEN on the database for every process's
 * writes (PostgreSQL NOTIFY, PGlite's too), fanned out to this process's open streams by
 * thread, and one shared keep-alive timer for all of them.
 */
export class LiveHub {
  readonly #db: Database;
  readonly #byThread = new Map<string, Set<Listener>>();
  readonly #keepAlive = new Set<() => void>();
  #timer: NodeJS.Timeout | undefined;
  /** The notification being delivered: the next waits for it (see start). */
  #delivered: Promise<void> = Promise.resolve();

  constructor(db: Database) {
    this.#db = db;
  }

  async start(keepAliveSeconds: number): Promise<void> {
    // One at a time, in the order notified: on a pool of connections, reads started together
    // can answer in any order, and a stream that sent a comment's removal before its arrival
    // would show the comment for good.
    await this.#db.listen(LIVE_CHANNEL, (payload) => {
      this.#delivered = this.#delivered.then(() => this.#deliver(payload));
    });
    this.#timer = setInterval(() => {
      for (const ping of this.#keepAlive) ping();
    }, keepAliveSeconds * 1000);
    this.#timer.unref();
  }

  stop(): void {
    clearInterval(this.#timer);
  }

  get connections(): number {
    return this.#keepAlive.size;
  }

  /** Listens to one thread; returns the function that stops listening. */
  subscribe(thread: string, listener: Listener, ping: () => void): () => void {
    let listeners = this.#byThread.get(thread);
    if (!listeners) this.#byThread.set(thread, (listeners = new Set()));
    listeners.add(listener);
    this.#keepAlive.add(ping);
    return () => {
      listeners.delete(listener);
      if (listeners.size === 0) this.#byThread.delete(thread);
      this.#keepAlive.delete(ping);
    };
  }

  /** The thread's events after `lastId`, oldest first (at most `limit`), for a resumed stream. */
  async since(thread: string, lastId: string, limit = 500): Promise<LiveEvent[]> {
    return this.#db.query<LiveEvent>(
      'SELECT id::text AS id, type, data, moderators_only AS "moderatorsOnly" FROM events WHERE thread_id = $1 AND id > $2 ORDER BY id LIMIT $3',
      [thread, lastId, limit],
    );
  }

  async #deliver(payload: string): Promise<void> {
    const notified = readLiveNotification(payload);
    // Read only for a thread someone here follows; one query however many follow it.
    const listeners = notified && this.#byThread.get(notified.thread);
    if (!notified || !listeners) return;
    try {
      const [event] = await this.#db.query<LiveEvent>(
        'SELECT id::text AS id, type, data, moderators_only AS "moderatorsOnly" FROM events WHERE id = $1 AND thread_id = $2',
        [notified.id, notified.thread],
      );
      if (!event) return;
      // Whoever still listens once the event is read.
      for (const listener of this.#byThread.get(notified.thread) ?? []) listener(event);
    } catch (error) {
      console.error('colloquy-server: could not read a live event:', (error as Error).message);
    }
  }
}
