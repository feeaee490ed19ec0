import type {AdapterConfig, AdapterHints} from '../../core/registry.js';
import {createRestAdapter, createStartedRestAdapter, type RestAdapter, type RestAdapterOptions} from './rest-adapter.js';
import type {RestStart} from './start.js';

export {RestAdapter, createRestAdapter} from './rest-adapter.js';
export type {RestAdapterOptions} from './rest-adapter.js';

/**
 * Builds the adapter from an element's attributes, for `adapter="rest"`: `endpoint`. The
 * thread's first page, when hinted, is asked for together with the service document;
 * `start` (startRestFromConfig with the same attributes) has sent both already.
 */
export function createRestAdapterFromConfig(config: AdapterConfig, hints: AdapterHints = {}, start?: RestStart): Promise<RestAdapter> {
  if (!config['endpoint']) {
    return Promise.reject(new Error('Colloquy: adapter="rest" needs an endpoint attribute (the protocol\'s base URL).'));
  }
  const options: RestAdapterOptions = {endpoint: config['endpoint'], firstPage: hints.firstPage};
  return start ? createStartedRestAdapter(options, start) : createRestAdapter(options);
}
