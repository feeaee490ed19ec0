import type {ServerConfig} from '../config.js';
import {notFound} from '../errors.js';
import type {Queryable} from '../db/database.js';
import type {ThreadRow} from '../render.js';

/** Creates the thread, or sets its title, address and whether it is closed (the admin API). */
export async function saveThread(db: Queryable, thread: {id: string; title: string; url: string | null; closed: boolean}) {
  await db.query(
    `INSERT INTO threads (id, title, url, closed) VALUES ($1, $2, $3, $4)
     ON CONFLICT (id) DO UPDATE SET title = EXCLUDED.title, url = EXCLUDED.url, closed = EXCLUDED.closed`,
    [thread.id, thread.title, thread.url, thread.closed],
  );
}

export async function findThread(db: Queryable, id: string): Promise<ThreadRow | undefined> {
  const [row] = await db.query<ThreadRow>('SELECT id, title, url, closed, approved_count FROM threads WHERE id = $1', [id]);
  return row;
}

/**
 * The thread to read: the stored one, or (when threads are created by their first post)
 * an empty stand-in that is not stored, so a page can show its form before anyone posted.
 */
export async function threadToRead(db: Queryable, id: string, config: ServerConfig): Promise<ThreadRow> {
  const thread = await findThread(db, id);
  if (thread) return thread;
  if (config.threadCreation === 'auto') return {id, title: '', url: null, closed: false};
  throw notFound('error.no-such-thread');
}

/** Ids are opaque to clients but bounded here: printable, no `.`/`..`, at most 200 characters. */
export function isThreadId(id: string): boolean {
  return id.length > 0 && id.length <= 200 && id !== '.' && id !== '..' && !/[\u0000-\u001f\u007f]/.test(id);
}

/** `id` if it is one (`isThreadId`), else the protocol's not-found. */
export function checkId(id: string): string {
  if (!isThreadId(id)) throw notFound();
  return id;
}
