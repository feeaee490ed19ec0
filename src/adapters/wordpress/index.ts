import type {AdapterConfig} from '../../core/registry.js';
import {WordPressAdapter, type WordPressAdapterOptions} from './wordpress-adapter.js';

export {WordPressAdapter} from './wordpress-adapter.js';
export type {WordPressAdapterOptions} from './wordpress-adapter.js';
export {decodeEntities, htmlToText} from './entities.js';

export function createWordPressAdapter(options: WordPressAdapterOptions): WordPressAdapter {
  return new WordPressAdapter(options);
}

/**
 * Builds the adapter from an element's attributes, for `adapter="wordpress"`:
 * `endpoint` (the site), `post` (the post id), and `wp-nonce` (the REST nonce) when the
 * widget runs on the WordPress site itself. (Not `nonce`: browsers hide that attribute's
 * value from scripts, as it is CSP's.)
 */
export function createWordPressAdapterFromConfig(config: AdapterConfig): WordPressAdapter {
  if (!config['endpoint']) throw new Error('Colloquy: adapter="wordpress" needs an endpoint attribute (the site\'s address).');
  if (!config['post'] && !/^[1-9]\d*$/.test(config['thread'] ?? '')) {
    throw new Error('Colloquy: adapter="wordpress" needs a post attribute (the post\'s id), or the post\'s id as thread.');
  }
  return new WordPressAdapter({
    endpoint: config['endpoint'],
    ...(config['post'] ? {post: config['post']} : {}),
    ...(config['wp-nonce'] ? {nonce: config['wp-nonce']} : {}),
  });
}
