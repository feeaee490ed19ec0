import type {SignInProvider} from '../../core/types.js';
import {messages} from './messages.js';
import type {SeedThread} from './seed.js';
import type {LatencyOption} from './simulation.js';

export interface MemoryAdapterOptions {
  /** Threads to start with. Persisted threads win over seeds with the same id. */
  threads?: SeedThread[];
  /**
   * Keeps threads in localStorage under this key, so comments survive a reload and tabs
   * of the same browser see each other's changes live. Without it, everything is in memory.
   */
  storageKey?: string;
  latency?: LatencyOption;
  /** Which new comments are held for moderation; default `none`. */
  moderation?: 'none' | 'guests' | 'all';
  /** Unknown thread ids start as new empty threads (default true); false makes them `not-found`. */
  autoCreateThreads?: boolean;
  /** Title of threads created on demand; default the page's title. */
  defaultTitle?: string;
  /** Whether people who are not signed in may comment; default true. */
  guests?: boolean;
  /** Default 5000 characters. */
  maxLength?: number;
  /** How long authors may edit their comment, in seconds; default 900. 0 turns editing off. */
  editWindowSeconds?: number;
  /** Reaction keys offered; default `['like']`. Empty turns reactions off. */
  reactions?: string[];
  /**
   * Offer live updates without a storage key: only `receive` and `approve` (another reader
   * or a moderator, simulated) reach subscribers then. For demos.
   */
  live?: boolean;
  /** Comments are Markdown (`capabilities.markdown`); default false, plain text. */
  markdown?: boolean;
  /** Whether people who are not signed in may react, once per browser; default true. */
  guestReactions?: boolean;
  /** Sign-in providers; default the simulated WordPress.com, X, Facebook, GitHub, Google and email. */
  providers?: SignInProvider[];
  /**
   * Viewer ids of the people who moderate, as the simulated sign-in makes them:
   * `<provider>:<name in lower case, spaces as dashes>`, e.g. `github:leila-haddad`. They see
   * every held comment and may approve, spam or delete any comment.
   */
  moderators?: readonly string[];
  /** The simulated providers' consent page; sign-in is offered only when it is set. */
  signInPage?: string;
  /** The clock, for tests. */
  now?: () => number;
  /**
   * Pages bring each conversation's first this many replies only, with `moreReplies` on its
   * first comment, and `loadReplies` the rest, as a REST server with `replies` does.
   * Default: every reply in the page.
   */
  firstReplies?: number;
}

/** The simulated providers: the brands keep their names, the email link is translated. */
export function defaultMemoryProviders(): SignInProvider[] {
  return [
    {id: 'wordpress', name: 'WordPress.com'},
    {id: 'twitter', name: 'X (Twitter)'},
    {id: 'facebook', name: 'Facebook'},
    {id: 'github', name: 'GitHub'},
    {id: 'google', name: 'Google'},
    {id: 'email', name: messages.emailProvider()},
  ];
}
