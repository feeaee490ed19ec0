import {LitElement, type PropertyValues} from 'lit';
import {property, state} from 'lit/decorators.js';
import type {CommentAdapter} from '../../core/adapter.js';
import type {AdapterHints} from '../../core/registry.js';
import {adapterProperties} from './adapter-config.js';
import {NamedAdapter} from './named-adapter.js';

/**
 * What the three elements share: the `adapter` property and the attributes that
 * configure a named adapter, each also a property.
 *
 * React 19, Vue 3.5 and Svelte 5 set a *property* when an element has one with an
 * attribute's name, so `<comment-thread adapter="memory" endpoint="…">` in a framework
 * template arrives as `el.adapter = 'memory'; el.endpoint = '…'`. Both must mean what the
 * attributes mean: `adapter` takes a registered name or an adapter object, and every
 * built-in adapter's attribute is a property of the same (camel-cased) name.
 *
 * The theme (theme.styles.ts) is shared too; its custom properties, read from any ancestor:
 *
 * @cssprop --colloquy-font-family - Font of all text (default: the page's).
 * @cssprop --colloquy-font-size - Base font size (default 1rem).
 * @cssprop --colloquy-line-height - Line height of text (default 1.6).
 * @cssprop --colloquy-color-text - Text colour (default: the page's text colour).
 * @cssprop --colloquy-color-muted - Secondary text: dates, hints, counts (default: the text colour at 76%).
 * @cssprop --colloquy-color-background - Background of fields and buttons (default: transparent, the page's).
 * @cssprop --colloquy-color-surface - Background of boxes: the sign-in panel, error notes, code (default: the text colour at 7%).
 * @cssprop --colloquy-color-border - Borders of fields, buttons and boxes (default: the text colour at 45%).
 * @cssprop --colloquy-color-accent - Fill of the primary button, focus rings, checkboxes (default #2271b1).
 * @cssprop --colloquy-color-on-accent - Text on the accent colour (default #ffffff).
 * @cssprop --colloquy-color-link - Links and link-like buttons (default: the accent mixed with the text colour).
 * @cssprop --colloquy-color-danger - Errors and required marks (default: a red mixed with the text colour).
 * @cssprop --colloquy-color-highlight - Background of the comment a link points to (default: a translucent yellow).
 * @cssprop --colloquy-radius - Corner radius of fields, buttons and boxes (default 6px).
 * @cssprop --colloquy-space - Base spacing unit (default 1rem).
 * @cssprop --colloquy-avatar-size - Size of avatars (default 2.75rem).
 * @cssprop --colloquy-focus-ring - Outline of the focused control (default: 2px solid accent).
 */
export class AdapterElement extends LitElement {
  /**
   * The element's own attributes, which are not configuration for a named adapter: elements
   * configured alike then share one adapter instance (see adapterConfigOf).
   */
  protected static ownAttributes: readonly string[] = ['adapter'];
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

  /** `memory`: `off` lets only signed-in people like comments. */
  @property({attribute: 'guest-reactions'}) guestReactions: string | undefined;

  /** `memory`: the longest comment accepted, in characters. */
  @property({attribute: 'max-length'}) maxLength: string | number | undefined;

  /** `memory`: how long a comment stays editable by its author, in seconds. */
  @property({attribute: 'edit-window'}) editWindow: string | number | undefined;

  /**
   * `memory`: who moderates, as the viewer ids its simulated sign-in gives, separated by
   * spaces: `<provider>:<name in lower case, spaces as dashes>`, e.g. `wordpress:leila-haddad`.
   */
  @property() moderators: string | undefined;

  /** `memory`: the page its simulated sign-in ends on. */
  @property({attribute: 'sign-in-page'}) signInPage: string | undefined;

  /**
   * `memory`: pages bring each conversation's first this many replies, and "Show N more
   * replies" loads the rest, as a REST server with the reply cursor does. Default: all.
   */
  @property({attribute: 'first-replies'}) firstReplies: string | number | undefined;

  /** The adapter registered under `adapter`'s name, once built from the element's attributes. */
  @state() private _namedAdapter: CommentAdapter | undefined;

  readonly #namedAdapter = new NamedAdapter(this, (this.constructor as typeof AdapterElement).ownAttributes);

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

  /**
   * The adapter in use: the `adapter` object, else the one registered under its name
   * (undefined while it loads), else `inherited`, an enclosing thread's for elements that
   * take it.
   */
  protected adapterInUse(inherited?: CommentAdapter): CommentAdapter | undefined {
    return this.adapterObject ?? (this.adapterName ? this._namedAdapter : inherited);
  }

  /**
   * Looks up the adapter `adapter` names, dropping the answer of any earlier look-up; call
   * it when `adapterSettingsChanged`. `loaded` hears the adapter in use (the object, the
   * named one once built, or none); `failed` why a name could not be built (an unknown
   * name, a missing `endpoint`), which the console says too. `hints` let a named adapter
   * start work it will be asked for (the first page) while it sets itself up.
   */
  protected loadAdapter(
    failed: (error: unknown) => void,
    loaded?: (adapter: CommentAdapter | undefined) => void,
    hints?: AdapterHints,
  ): void {
    this._namedAdapter = undefined;
    if (this.adapterObject || !this.adapterName) {
      this.#namedAdapter.cancel();
      loaded?.(this.adapterObject);
      return;
    }
    this.#namedAdapter.resolve(
      this.adapterName,
      (adapter) => {
        this._namedAdapter = adapter;
        loaded?.(adapter);
      },
      failed,
      hints,
    );
  }
}
