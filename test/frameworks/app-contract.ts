import {createMemoryAdapter} from '../../src/adapters/memory/index.js';
import type {CommentAdapter} from '../../src/core/adapter.js';

/**
 * What each framework app does, the way the README tells developers to: a
 * `<comment-thread>` with a `<comment-form>` inside, configured by attributes only
 * (`adapter="memory"`, `thread`, `storage-key`, `max-length`); a second thread whose adapter
 * object is set as a property; and listeners for `comment-posted` and `comment-load` whose
 * counts the framework renders.
 */
export interface AppOptions {
  /** The memory adapter's storage key, fresh for each run. */
  storageKey: string;
}

/** Mounts the app into `container`; returns how to unmount it. */
export type MountApp = (container: HTMLElement, options: AppOptions) => () => void;

export const NAMED_THREAD = 'framework-app';
export const OBJECT_THREAD = 'by-object';

/** The adapter object the second thread gets as a property. */
export function objectAdapter(): CommentAdapter {
  return createMemoryAdapter({
    threads: [
      {
        id: OBJECT_THREAD,
        title: 'Set by property',
        comments: [{id: 'seeded', author: {name: 'Grace'}, createdAt: new Date().toISOString(), text: 'Seeded through the adapter property.'}],
      },
    ],
    reactions: [],
  });
}
