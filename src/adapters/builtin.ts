import {registerAdapter} from '../core/registry.js';

// Built-in backends, each loaded only when a page names it in an `adapter` attribute.
registerAdapter('memory', (config) =>
  import('./memory/index.js').then((module) => module.createMemoryAdapterFromConfig(config)),
);
registerAdapter('wordpress', (config) =>
  import('./wordpress/index.js').then((module) => module.createWordPressAdapterFromConfig(config)),
);
registerAdapter('rest', (config, hints) =>
  import('./rest/index.js').then((module) => module.createRestAdapterFromConfig(config, hints)),
);
