import type {AdapterConfig} from '../../core/registry.js';

/** HTML's global attributes: never configuration for a backend. */
const GLOBAL_ATTRIBUTES = [
  'id', 'class', 'style', 'slot', 'part', 'exportparts', 'hidden', 'inert', 'dir', 'lang',
  'title', 'tabindex', 'role', 'is', 'nonce', 'autofocus', 'translate',
];

/**
 * The configuration a named adapter (`adapter="memory"`) is built from: every attribute of
 * `element` except its own (`ownAttributes`), global ones, `aria-*` and event handlers.
 * Elements configured alike get the same adapter instance from the registry.
 */
export function adapterConfigOf(element: Element, ownAttributes: readonly string[]): AdapterConfig {
  const excluded = new Set([...ownAttributes, ...GLOBAL_ATTRIBUTES]);
  const config: Record<string, string> = {};
  for (const {name, value} of Array.from(element.attributes)) {
    if (!excluded.has(name) && !name.startsWith('aria-') && !/^on[a-z]+$/.test(name)) config[name] = value;
  }
  return config;
}
