import {withLoadDeadline} from '../../adapters/shared/deadline.js';
import type {CommentAdapter} from '../../core/adapter.js';

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
  const threads = [...pending.threads];
  let counts: Readonly<Record<string, number>> = {};
  try {
    // The page's `load` deadline, as for any read: past it the batch shows nothing, even
    // when the adapter ignores its signal.
    counts = await withLoadDeadline(undefined, async (signal) => {
      if (adapter.countComments) return adapter.countComments(threads, {signal});
      const found = await Promise.all(
        threads.map((thread) =>
          adapter.loadPage({thread, sort: 'oldest', limit: 1}, {signal}).then(
            (page) => [thread, page.thread.totalCount] as const,
            () => [thread, undefined] as const,
          ),
        ),
      );
      return Object.fromEntries(found.filter((entry): entry is readonly [string, number] => entry[1] !== undefined));
    });
  } catch {
    // Every element of the batch shows nothing; the page stays usable.
  }
  for (const {thread, resolve} of pending.waiting) {
    const count = counts[thread];
    resolve(typeof count === 'number' && Number.isFinite(count) && count >= 0 ? count : undefined);
  }
}
