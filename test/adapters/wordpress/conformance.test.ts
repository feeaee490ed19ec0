import {createWordPressAdapter} from '../../../src/adapters/wordpress/index.js';
import {describeAdapterConformance} from '../../../src/core/conformance.js';
import {resetHandlers, useHandlers} from '../../helpers/msw.js';
import {wordpressSite} from '../../mocks/wordpress-site.js';

// Against the recorded site as it is (flood control on, new authors held): every check
// gets a site of its own, so nothing posted leaks into the next.
describeAdapterConformance(
  'WordPress adapter',
  async () => {
    localStorage.clear();
    const site = wordpressSite();
    await useHandlers(...site.handlers);
    return {
      adapter: createWordPressAdapter({endpoint: site.origin}),
      thread: '14',
      missingThread: '999999',
      guest: {name: 'Jane Reader', email: 'jane@example.com'},
      dispose: () => resetHandlers(),
    };
  },
  {describe, it},
);

describeAdapterConformance(
  'WordPress adapter, posting as a guest whose comments are held',
  async () => {
    localStorage.clear();
    const site = wordpressSite({moderation: 'all'});
    await useHandlers(...site.handlers);
    return {
      adapter: createWordPressAdapter({endpoint: site.origin}),
      thread: '15',
      missingThread: '18000',
      guest: {name: 'New Visitor', email: 'new.visitor@example.com'},
      dispose: () => resetHandlers(),
    };
  },
  {describe, it},
);
