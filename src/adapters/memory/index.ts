import type {AdapterConfig} from '../../core/registry.js';
import {MemoryAdapter} from './memory-adapter.js';
import type {MemoryAdapterOptions} from './options.js';
import type {SeedThread} from './seed.js';

export {MemoryAdapter} from './memory-adapter.js';
export {defaultMemoryProviders} from './options.js';
export {encodeMemoryGrant} from './grant.js';
export type {MemoryAdapterOptions} from './options.js';
export type {SeedThread, SeedComment, SeedAuthor, StoredComment} from './seed.js';
export type {CallKind, SimulatedFailure, LatencyOption} from './simulation.js';

export function createMemoryAdapter(options: MemoryAdapterOptions = {}): MemoryAdapter {
  return new MemoryAdapter(options);
}

/**
 * Builds a memory adapter from an element's attributes, for `adapter="memory"`:
 * `seed` (URL of a JSON array of threads), `storage-key`, `latency` (ms),
 * `moderation` (`none` | `guests` | `all`), `guests` (`off` to require sign-in),
 * `guest-reactions` (`off` to let only signed-in people like), `markdown` (comments
 * are Markdown), `max-length`,
 * `edit-window` (seconds), `sign-in-page`, `moderators` (viewer ids, separated by spaces) and
 * `first-replies` (pages bring each conversation's first N replies, the rest in batches).
 */
export async function createMemoryAdapterFromConfig(config: AdapterConfig): Promise<MemoryAdapter> {
  const threads = config['seed'] ? await loadSeed(config['seed']) : undefined;
  const number = (name: string) => {
    const value = Number(config[name]);
    return config[name] !== undefined && Number.isFinite(value) ? value : undefined;
  };
  const moderation = config['moderation'];
  return new MemoryAdapter({
    ...(threads ? {threads} : {}),
    ...(config['storage-key'] ? {storageKey: config['storage-key']} : {}),
    ...(number('latency') !== undefined ? {latency: number('latency')} : {}),
    ...(moderation === 'guests' || moderation === 'all' || moderation === 'none' ? {moderation} : {}),
    ...(config['guests'] === 'off' ? {guests: false} : {}),
    ...(config['guest-reactions'] === 'off' ? {guestReactions: false} : {}),
    ...(config['markdown'] !== undefined && config['markdown'] !== 'off' ? {markdown: true} : {}),
    ...(number('max-length') !== undefined ? {maxLength: number('max-length')} : {}),
    ...(number('edit-window') !== undefined ? {editWindowSeconds: number('edit-window')} : {}),
    ...(config['sign-in-page'] ? {signInPage: config['sign-in-page']} : {}),
    ...(config['moderators']?.trim() ? {moderators: config['moderators'].trim().split(/\s+/)} : {}),
    ...(number('first-replies') !== undefined ? {firstReplies: number('first-replies')} : {}),
  });
}

async function loadSeed(url: string): Promise<SeedThread[]> {
  const response = await fetch(new URL(url, document.baseURI));
  if (!response.ok) throw new Error(`Colloquy: the memory adapter's seed ${url} answered ${response.status}.`);
  const data = (await response.json()) as SeedThread[] | {threads: SeedThread[]};
  return Array.isArray(data) ? data : data.threads;
}
