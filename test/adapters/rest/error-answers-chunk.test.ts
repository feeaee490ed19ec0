import {expect} from '@open-wc/testing';
import {http, HttpResponse} from 'msw';
import {createRestAdapter} from '../../../src/adapters/rest/index.js';
import {aqimThread} from '../../fixtures/rest-threads.js';
import {expectCode} from '../../helpers/adapter-calls.js';
import {resetHandlers, useHandlers} from '../../helpers/msw.js';
import {restServer} from '../../mocks/rest-server.js';

// The REST adapter reads a failed answer's error envelope with a chunk of its own
// (error-answers.ts), loaded at the first failure. This file runs in a page of its own, so
// that chunk is not loaded when it starts.

const THREAD = 'aqim-updates-aug-6';

describe('REST adapter, reading an error when its code cannot load', () => {
  afterEach(() => resetHandlers());

  it('fails as the network failed rather than hanging, and reads the server\'s error once the chunk loads', async () => {
    const server = restServer({threads: [aqimThread()]});
    let chunkBlocked = true;
    await useHandlers(
      http.get(/\/adapters\/rest\/error-answers\.(ts|js)/, () => (chunkBlocked ? HttpResponse.error() : undefined)),
      http.get(`${server.endpoint}/threads/*`, () => HttpResponse.json({error: {code: 'server', message: 'Down for maintenance'}}, {status: 503})),
      ...server.handlers,
    );
    const adapter = await createRestAdapter({endpoint: server.endpoint});
    const request = {thread: THREAD, sort: 'oldest', limit: 5} as const;
    await expectCode(adapter.loadPage(request, {}), 'network');
    chunkBlocked = false;
    const error = await expectCode(adapter.loadPage(request, {}), 'server');
    expect(error.message).to.equal('Down for maintenance');
    expect(error.status).to.equal(503);
  });
});
