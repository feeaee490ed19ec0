import {registerAdapter} from '../core/registry.js';

// Built-in backends, each loaded only when a page names it in an `adapter` attribute.
registerAdapter('memory', (config) =>
  import('./memory/index.js').then((module) => module.createMemoryAdapterFromConfig(config)),
);
