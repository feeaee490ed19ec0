import type {AdapterConfig} from '../../core/registry.js';
import type {AdapterElement} from './adapter-element.js';

/** HTML's global attributes: never configuration for a backend. */
const GLOBAL_ATTRIBUTES = [
  'id', 'class', 'style', 'slot', 'part', 'exportparts', 'hidden', 'inert', 'dir', 'lang',
  'title', 'tabindex', 'role', 'is', 'nonce', 'autofocus', 'translate',
];

/**
 * The configuration a named adapter (`adapter="memory"`) is built from: every attribute of
 * `element` except its own (`ownAttributes`), global ones, `aria-*` and event handlers.
 * The adapter properties (`endpoint`, `wpNonce`…) win over their attributes, since a
 * framework may set either. Elements configured alike get the same adapter instance.
 */
export function adapterConfigOf(element: Element, ownAttributes: readonly string[]): AdapterConfig {
  const excluded = new Set([...ownAttributes, ...GLOBAL_ATTRIBUTES]);
  const config: Record<string, string> = {};
  for (const {name, value} of Array.from(element.attributes)) {
    if (!excluded.has(name) && !name.startsWith('aria-') && !/^on[a-z]+$/.test(name)) config[name] = value;
  }
  const properties = element as unknown as Record<string, unknown>;
  // A framework sets `thread` as a property, and the WordPress adapter reads a numeric one as the post.
  if (!excluded.has('thread') && typeof properties['thread'] === 'string' && properties['thread']) {
    config['thread'] = properties['thread'];
  }
  for (const [property, attribute] of adapterProperties) {
    if (excluded.has(attribute) || !(property in element)) continue;
    const value = properties[property];
    if (typeof value === 'string' || typeof value === 'number') config[attribute] = String(value);
    else if (value === null || value === undefined) delete config[attribute];
  }
  return config;
}

/** The properties that configure a named adapter, with their attribute names. */
export const adapterProperties: readonly (readonly [keyof AdapterElement & string, string])[] = [
  ['endpoint', 'endpoint'],
  ['post', 'post'],
  ['wpNonce', 'wp-nonce'],
  ['seed', 'seed'],
  ['storageKey', 'storage-key'],
  ['latency', 'latency'],
  ['moderation', 'moderation'],
  ['guests', 'guests'],
  ['guestReactions', 'guest-reactions'],
  ['maxLength', 'max-length'],
  ['editWindow', 'edit-window'],
  ['signInPage', 'sign-in-page'],
  ['moderators', 'moderators'],
  ['firstReplies', 'first-replies'],
];
