import {registerAdapter} from '../core/registry.js';
import {startRestFromConfig} from './rest/start.js';

// Built-in backends, each loaded only when a page names it in an `adapter` attribute.
registerAdapter('memory', (config) =>
  import('./memory/index.js').then((module) => module.createMemoryAdapterFromConfig(config)),
);
registerAdapter('wordpress', (config) => {
  // WordPress sends comments as HTML, which shows only through the sanitizer: fetched
  // beside the adapter (with the entity decoder both import) rather than after the first
  // page arrived. Each still loads once.
  import('../sanitizer/index.js').catch(() => {});
  import('../content/entities.js').catch(() => {});
  return import('./wordpress/index.js').then((module) => module.createWordPressAdapterFromConfig(config));
});
registerAdapter('rest', (config, hints) => {
  // The service document and the first page are asked for now, while the adapter's chunk
  // loads, not once it has: the adapter takes over these requests.
  const start = startRestFromConfig(config, hints);
  return import('./rest/index.js').then((module) => module.createRestAdapterFromConfig(config, hints, start));
});
