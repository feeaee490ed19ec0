import type {Fetch} from '../shared/http.js';
import type {SafeStorage} from '../shared/storage.js';
import type {LoginProvider} from './login-providers.js';

export interface WordPressAdapterOptions {
  /**
   * The site's address (`https://example.com`, or `https://example.com/blog` for a site in
   * a folder), or its REST API root (`https://example.com/wp-json`, or
   * `https://example.com/?rest_route=` for sites without pretty permalinks).
   */
  endpoint: string;
  /** The post whose comments a thread with no id of its own shows (the `post` attribute). */
  post?: string | number;
  /** Defaults to the global `fetch`. */
  fetch?: Fetch;
  /**
   * The REST nonce (`wp_create_nonce('wp_rest')`, `wpApiSettings.nonce`), printed for a
   * logged-in visitor when the widget runs on the WordPress site itself: requests then
   * carry the visitor's login cookies and this nonce, so they comment under their
   * account. Ignored (never sent) when `endpoint` is on another origin. Without it, a
   * widget on the site's origin asks WordPress for one (see `CookieSession`).
   */
  nonce?: string;
  /** Where guests' own and held comments are remembered; defaults to localStorage. */
  localStorage?: SafeStorage;
  /**
   * The ways to log in to the site, in place of plain wp-login.php (the Colloquy plugin
   * lists them: the site's login page under its real address, social-login plugins'…).
   * An empty list offers no sign-in.
   */
  loginProviders?: LoginProvider[];
  /** The site's discussion settings, when the page knows them (the plugin prints them). */
  discussion?: DiscussionSettings;
}

/** Settings → Discussion, as far as they change what the form asks for. */
export interface DiscussionSettings {
  /** "Comment author must fill out name and email". */
  requireNameEmail?: boolean;
  /** Whether visitors who are not logged in may comment (through the REST API). */
  guestsAllowed?: boolean;
  /** False when the post no longer takes comments (for post types the REST API does not list). */
  open?: boolean;
}
