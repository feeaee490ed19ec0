// An app that localizes with its own copy of @lit/localize (served bundled by
// scripts/framework-apps-plugin.mjs, so it is a different module instance from the one
// Colloquy's sources import), as when npm cannot share one version between them.
import {configureLocalization} from '@lit/localize';

const {setLocale} = configureLocalization({
  sourceLocale: 'en',
  targetLocales: ['fr', 'sw'],
  loadLocale: async () => ({templates: {'app.greeting': 'Bonjour'}}),
});

export {setLocale};
