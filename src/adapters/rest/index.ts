import type {AdapterConfig, AdapterHints} from '../../core/registry.js';
import {createRestAdapter, type RestAdapter} from './rest-adapter.js';

export {RestAdapter, createRestAdapter} from './rest-adapter.js';
export type {RestAdapterOptions} from './rest-adapter.js';

/**
 * Builds the adapter from an element's attributes, for `adapter="rest"`: `endpoint`. The
 * thread's first page, when hinted, is asked for together with the service document.
 */
export function createRestAdapterFromConfig(config: AdapterConfig, hints: AdapterHints = {}): Promise<RestAdapter> {
  if (!config['endpoint']) {
    return Promise.reject(new Error('Colloquy: adapter="rest" needs an endpoint attribute (the protocol\'s base URL).'));
  }
  return createRestAdapter({endpoint: config['endpoint'], ...(hints.firstPage ? {firstPage: hints.firstPage} : {})});
}
