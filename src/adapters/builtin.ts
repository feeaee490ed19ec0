import {registerAdapter} from '../core/registry.js';

/**
 * Starts fetching what the built-in adapters share (one chunk of the script-tag build)
 * together with the adapter's own chunk, rather than once that chunk arrived and named it.
 */
const fetchShared = () => import('./shared/values.js').catch(() => {});

// Built-in backends, each loaded only when a page names it in an `adapter` attribute.
registerAdapter('memory', (config) => {
  void fetchShared();
  return import('./memory/index.js').then((module) => module.createMemoryAdapterFromConfig(config));
});
registerAdapter('wordpress', (config) => {
  // WordPress sends comments as HTML, which shows only through the sanitizer: fetched
  // beside the adapter (with the entity decoder both use) rather than after the first
  // page arrived. Each module still loads once.
  import('../sanitizer/index.js').catch(() => {});
  import('../content/entities.js').catch(() => {});
  void fetchShared();
  return import('./wordpress/index.js').then((module) => module.createWordPressAdapterFromConfig(config));
});
registerAdapter('rest', (config, hints) => {
  void fetchShared();
  return import('./rest/index.js').then((module) => module.createRestAdapterFromConfig(config, hints));
});
