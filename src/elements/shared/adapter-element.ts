import {LitElement, type PropertyValues} from 'lit';
import {property} from 'lit/decorators.js';
import type {CommentAdapter} from '../../core/adapter.js';

/**
 * What the three elements share: the `adapter` property and the attributes that
 * configure a named adapter, each also a property.
 *
 * React 19, Vue 3.5 and Svelte 5 set a *property* when an element has one with an
 * attribute's name, so `<comment-thread adapter="memory" endpoint="…">` in a framework
 * template arrives as `el.adapter = 'memory'; el.endpoint = '…'`. Both must mean what the
 * attributes mean: `adapter` takes a registered name or an adapter object, and every
 * built-in adapter's attribute is a property of the same (camel-cased) name.
 */
export class AdapterElement extends LitElement {
  /**
   * The backend: an adapter object (`createRestAdapter(…)`), or the name of a registered
   * adapter (`memory`, `rest`, `wordpress`, or one added with `registerAdapter`), which is
   * built from the adapter attributes of the element.
   */
  @property() adapter: CommentAdapter | string | undefined;

  /** `rest`: the protocol's base URL. `wordpress`: the site's address. */
  @property() endpoint: string | undefined;

  /** `wordpress`: the post whose comments are shown (its id). */
  @property() post: string | undefined;

  /** `wordpress`: the REST nonce, when the widget runs on the WordPress site itself. */
  @property({attribute: 'wp-nonce'}) wpNonce: string | undefined;

  /** `memory`: URL of a JSON array of threads to start with. */
  @property() seed: string | undefined;

  /** `memory`: keeps the comments in `localStorage` under this key. */
  @property({attribute: 'storage-key'}) storageKey: string | undefined;

  /** `memory`: simulated latency of each call, in milliseconds. */
  @property() latency: string | number | undefined;

  /** `memory`: which comments wait for approval: `none`, `guests` or `all`. */
  @property() moderation: string | undefined;

  /** `memory`: `off` requires signing in. (`<login-choice>` reads it too.) */
  @property() guests: string | undefined;

  /** `memory`: the longest comment accepted, in characters. */
  @property({attribute: 'max-length'}) maxLength: string | number | undefined;

  /** `memory`: how long a comment stays editable by its author, in seconds. */
  @property({attribute: 'edit-window'}) editWindow: string | number | undefined;

  /** `memory`: the page its simulated sign-in ends on. */
  @property({attribute: 'sign-in-page'}) signInPage: string | undefined;

  /** The adapter object, when `adapter` holds one rather than a name. */
  protected get adapterObject(): CommentAdapter | undefined {
    return typeof this.adapter === 'object' && this.adapter !== null ? this.adapter : undefined;
  }

  /** The registered name in `adapter`, or `''`. */
  protected get adapterName(): string {
    return typeof this.adapter === 'string' ? this.adapter.trim() : '';
  }

  /**
   * Whether the adapter must be looked up again: `adapter` changed, or (for a named one)
   * one of the attributes it is built from.
   */
  protected adapterSettingsChanged(changed: PropertyValues): boolean {
    if (changed.has('adapter')) return true;
    return this.adapterName !== '' && adapterProperties.some(([name]) => changed.has(name));
  }
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
  ['maxLength', 'max-length'],
  ['editWindow', 'edit-window'],
  ['signInPage', 'sign-in-page'],
];
