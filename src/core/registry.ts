import type {CommentAdapter, LoadPageRequest} from './adapter.js';

/**
 * What a named adapter is built from: the configuring element's attributes (`endpoint`,
 * `post`, `thread`…), so script-tag users configure a backend without writing code.
 */
export type AdapterConfig = Readonly<Record<string, string | undefined>>;

/**
 * What the element will ask for first, so a factory that must talk to its backend before
 * the adapter exists (a service document, say) can start that request at the same time
 * rather than after. Only a hint: the adapter must answer any request, hinted or not.
 */
export interface AdapterHints {
  firstPage?: LoadPageRequest;
}

export type AdapterFactory = (config: AdapterConfig, hints?: AdapterHints) => CommentAdapter | Promise<CommentAdapter>;

const factories = new Map<string, AdapterFactory>();
const instances = new Map<string, Promise<CommentAdapter>>();

/**
 * Makes an adapter available by name to the `adapter` attribute. A factory may import
 * its adapter lazily, so a page pays only for the backend it uses. Registering a name
 * again replaces the factory (for adapters created after that).
 */
export function registerAdapter(name: string, factory: AdapterFactory): void {
  factories.set(name, factory);
  for (const key of instances.keys()) {
    if (key.startsWith(`${name}\u0000`)) instances.delete(key);
  }
}

export function hasAdapter(name: string): boolean {
  return factories.has(name);
}

/**
 * The adapter registered as `name`, built for `config`. Elements configured alike share
 * one instance, so a thread and a form on the same page see the same session and cache.
 */
export function resolveAdapter(name: string, config: AdapterConfig = {}, hints?: AdapterHints): Promise<CommentAdapter> {
  const factory = factories.get(name);
  if (!factory) {
    const known = [...factories.keys()].join(', ') || 'none';
    return Promise.reject(
      new Error(`Colloquy: no adapter is registered as "${name}" (registered: ${known}). Check the adapter attribute, or register it with registerAdapter().`),
    );
  }
  const key = `${name}\u0000${stableKey(config)}`;
  let instance = instances.get(key);
  if (!instance) {
    instance = Promise.resolve().then(() => factory(config, hints));
    // A factory that failed (say, a chunk that did not load) may succeed next time.
    instance.catch(() => instances.delete(key));
    instances.set(key, instance);
  }
  return instance;
}

function stableKey(config: AdapterConfig): string {
  return JSON.stringify(
    Object.keys(config)
      .sort()
      .filter((key) => config[key] !== undefined)
      .map((key) => [key, config[key]]),
  );
}
