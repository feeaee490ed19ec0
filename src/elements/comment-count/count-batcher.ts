import type {CommentAdapter} from '../../core/adapter.js';

/** How long a count may take before the element gives up (and shows nothing). */
const COUNT_DEADLINE_MS = 15_000;

interface Pending {
  threads: Set<string>;
  waiting: {thread: string; resolve: (count: number | undefined) => void}[];
}

const pendingByAdapter = new Map<CommentAdapter, Pending>();

/**
 * Counts a thread's comments. Every count an index page asks for in the same task is
 * gathered per adapter into one `countComments` request where the adapter has it, else
 * one `loadPage` with `limit: 1` per thread. Resolves `undefined` when the count cannot
 * be had (an unknown thread, a failure, the deadline).
 */
export function countComments(adapter: CommentAdapter, thread: string): Promise<number | undefined> {
  return new Promise((resolve) => {
    let pending = pendingByAdapter.get(adapter);
    if (!pending) {
      pending = {threads: new Set(), waiting: []};
      pendingByAdapter.set(adapter, pending);
      setTimeout(() => void flush(adapter));
    }
    pending.threads.add(thread);
    pending.waiting.push({thread, resolve});
  });
}

async function flush(adapter: CommentAdapter): Promise<void> {
  const pending = pendingByAdapter.get(adapter);
  pendingByAdapter.delete(adapter);
  if (!pending) return;
  const signal = AbortSignal.timeout(COUNT_DEADLINE_MS);
  const threads = [...pending.threads];
  let counts: Readonly<Record<string, number>> = {};
  try {
    if (adapter.countComments) {
      counts = await adapter.countComments(threads, {signal});
    } else {
      const found = await Promise.all(
        threads.map((thread) =>
          adapter.loadPage({thread, sort: 'oldest', limit: 1}, {signal}).then(
            (page) => [thread, page.thread.totalCount] as const,
            () => [thread, undefined] as const,
          ),
        ),
      );
      counts = Object.fromEntries(found.filter((entry): entry is readonly [string, number] => entry[1] !== undefined));
    }
  } catch {
    // Every element of the batch shows nothing; the page stays usable.
  }
  for (const {thread, resolve} of pending.waiting) {
    const count = counts[thread];
    resolve(typeof count === 'number' && Number.isFinite(count) && count >= 0 ? count : undefined);
  }
}
