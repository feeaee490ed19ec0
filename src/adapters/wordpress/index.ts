import type {AdapterConfig} from '../../core/registry.js';
import {parseLoginProviders} from './login-providers.js';
import type {DiscussionSettings, WordPressAdapterOptions} from './options.js';
import {WordPressAdapter} from './wordpress-adapter.js';

export {WordPressAdapter} from './wordpress-adapter.js';
export type {DiscussionSettings, WordPressAdapterOptions} from './options.js';
export type {LoginProvider} from './login-providers.js';
export {decodeEntities, htmlToText} from '../../content/entities.js';

export function createWordPressAdapter(options: WordPressAdapterOptions): WordPressAdapter {
  return new WordPressAdapter(options);
}

/**
 * Builds the adapter from an element's attributes, for `adapter="wordpress"`:
 * `endpoint` (the site), `post` (the post id), and `wp-nonce` (the REST nonce) when the
 * widget runs on the WordPress site itself. (Not `nonce`: browsers hide that attribute's
 * value from scripts, as it is CSP's.) The WordPress plugin adds the site's discussion
 * settings (`wp-require-name-email`, `wp-guests`, `wp-comment-status`) and, for visitors
 * not logged in, the ways to log in (`wp-sign-in`, JSON; see `LoginProvider`; `[]` for none).
 */
export function createWordPressAdapterFromConfig(config: AdapterConfig): WordPressAdapter {
  if (!config['endpoint']) throw new Error('Colloquy: adapter="wordpress" needs an endpoint attribute (the site\'s address).');
  if (!config['post'] && !/^[1-9]\d*$/.test(config['thread'] ?? '')) {
    throw new Error('Colloquy: adapter="wordpress" needs a post attribute (the post\'s id), or the post\'s id as thread.');
  }
  const signIn = config['wp-sign-in'];
  return new WordPressAdapter({
    endpoint: config['endpoint'],
    ...(config['post'] ? {post: config['post']} : {}),
    ...(config['wp-nonce'] ? {nonce: config['wp-nonce']} : {}),
    ...(signIn !== undefined ? {loginProviders: parseLoginProviders(signIn)} : {}),
    discussion: discussionFromConfig(config),
  });
}

function discussionFromConfig(config: AdapterConfig): DiscussionSettings {
  const flag = (name: string, yes: string, no: string) => (config[name] === yes ? true : config[name] === no ? false : undefined);
  const settings: DiscussionSettings = {};
  const requireNameEmail = flag('wp-require-name-email', 'true', 'false');
  const guestsAllowed = flag('wp-guests', 'allowed', 'sign-in-required');
  const open = flag('wp-comment-status', 'open', 'closed');
  if (requireNameEmail !== undefined) settings.requireNameEmail = requireNameEmail;
  if (guestsAllowed !== undefined) settings.guestsAllowed = guestsAllowed;
  if (open !== undefined) settings.open = open;
  return settings;
}
