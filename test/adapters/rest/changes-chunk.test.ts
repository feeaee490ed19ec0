import {expect, waitUntil} from '@open-wc/testing';
import {http, HttpResponse} from 'msw';
import {createRestAdapter} from '../../../src/adapters/rest/index.js';
import {aqimThread} from '../../fixtures/rest-threads.js';
import {expectCode} from '../../helpers/adapter-calls.js';
import {resetHandlers, useHandlers} from '../../helpers/msw.js';
import {restServer} from '../../mocks/rest-server.js';

// What the REST adapter needs to post, edit or sign in is a chunk of its own (changes.ts),
// fetched when the page is idle after its first page of comments, so that it is there
// before the reader posts. This file runs in a page of its own: the chunk is not loaded
// when it starts.

const THREAD = 'aqim-updates-aug-6';
const CHUNK = /\/adapters\/rest\/changes\.(ts|js)/;
const guest = {name: 'Ada', email: 'ada@example.com'};

describe('REST adapter, its chunk for changes', () => {
  afterEach(() => resetHandlers());

  it('is fetched once when idle after pages of comments; a failed fetch is a network failure, and the next post fetches it again', async () => {
    const server = restServer({threads: [aqimThread()]});
    let fetches = 0;
    let blocked = true;
    await useHandlers(
      http.get(CHUNK, () => {
        fetches++;
        return blocked ? HttpResponse.error() : undefined;
      }),
      ...server.handlers,
    );
    const adapter = await createRestAdapter({endpoint: server.endpoint});
    const request = {thread: THREAD, sort: 'oldest', limit: 5} as const;
    await adapter.loadPage(request, {});
    await adapter.loadPage(request, {});
    await waitUntil(() => fetches > 0, 'the chunk was not fetched after the first page', {timeout: 5000});
    // Another page (not the same one again, which is answered from the cache), and time for
    // another idle prefetch, which must not come.
    await adapter.loadPage({...request, sort: 'newest'}, {});
    await new Promise((resolve) => setTimeout(resolve, 2500));
    expect(fetches, 'the chunk was prefetched more than once').to.equal(1);

    const post = {thread: THREAD, text: 'Posted after a failed chunk.', parentId: null, guest, idempotencyKey: crypto.randomUUID()};
    await expectCode(adapter.postComment(post, {}), 'network');
    expect(fetches, 'the post did not ask for the chunk again').to.equal(2);
    blocked = false;
    const posted = await adapter.postComment(post, {});
    expect(posted.content).to.deep.equal({kind: 'text', value: 'Posted after a failed chunk.'});
    expect(fetches).to.equal(3);
  });
});
