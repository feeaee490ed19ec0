import {createRestAdapter} from '../../../src/adapters/rest/index.js';
import {describeAdapterConformance} from '../../../src/core/conformance.js';
import {aqimThread} from '../../fixtures/rest-threads.js';
import {resetHandlers, useHandlers} from '../../helpers/msw.js';
import {restServer} from '../../mocks/rest-server.js';

describeAdapterConformance(
  'REST adapter',
  async () => {
    const server = restServer({threads: [aqimThread()]});
    await useHandlers(...server.handlers);
    return {
      adapter: await createRestAdapter({endpoint: server.endpoint}),
      thread: 'aqim-updates-aug-6',
      missingThread: 'no-such-thread',
      guest: {name: 'Ada', email: 'ada@example.com'},
      dispose: () => resetHandlers(),
    };
  },
  {describe, it},
);

describeAdapterConformance(
  'REST adapter, signed in',
  async () => {
    sessionStorage.clear();
    const server = restServer({threads: [aqimThread()], guests: false});
    await useHandlers(...server.handlers);
    const adapter = await createRestAdapter({endpoint: server.endpoint});
    await adapter.completeSignIn({providerId: 'github', result: {code: server.authorize('github', {id: 'u-ada', name: 'Ada'})}}, {});
    return {
      adapter,
      thread: 'aqim-updates-aug-6',
      missingThread: 'no-such-thread',
      dispose: async () => {
        sessionStorage.clear();
        await resetHandlers();
      },
    };
  },
  {describe, it},
);
