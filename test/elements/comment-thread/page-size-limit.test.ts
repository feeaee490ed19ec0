// `page-size` above what the backend allows must not break the thread: the element asks
// for no more than the adapter's `maxPageSize` (REST: the service document's
// `limits.pageSize`, else the protocol's 100), against the reference server over msw.
import {expect, fixture, html, waitUntil} from '@open-wc/testing';
import {createRestAdapter} from '../../../src/adapters/rest/index.js';
import '../../../src/elements/comment-thread/comment-thread.js';
import type {CommentThreadElement} from '../../../src/elements/comment-thread/comment-thread.js';
import {longThread} from '../../fixtures/rest-threads.js';
import {resetHandlers, useHandlers} from '../../helpers/msw.js';
import {restServer, type RestServer} from '../../mocks/rest-server.js';
import {commentIds, part, settled} from './thread-fixture.js';

async function threadOn(server: RestServer, pageSize: number): Promise<CommentThreadElement> {
  await useHandlers(...server.handlers);
  const adapter = await createRestAdapter({endpoint: server.endpoint});
  const element = await fixture<CommentThreadElement>(html`
    <comment-thread thread="long-thread" page-size=${pageSize} .adapter=${adapter}></comment-thread>
  `);
  await settled(element);
  return element;
}

function listingLimits(server: RestServer): number[] {
  return server.requests
    .filter((request) => request.method === 'GET' && new URL(request.url).pathname.endsWith('/threads/long-thread/comments'))
    .map((request) => Number(new URL(request.url).searchParams.get('limit')));
}

const topLevel = (element: Element) => commentIds(element).filter((id) => !id.includes('-r'));

describe('<comment-thread> page-size against the backend maximum', () => {
  afterEach(() => resetHandlers());

  it('asks a server that announces no maximum for at most 100 and shows the first page', async () => {
    const server = restServer({threads: [longThread(150)]});
    const element = await threadOn(server, 150);
    // The first page, then the next one prefetched for Load more: both within the maximum.
    await waitUntil(() => listingLimits(server).length === 2, 'the next page was not prefetched');
    expect(listingLimits(server)).to.deep.equal([100, 100]);
    expect(part(element, 'error'), 'no load error').to.equal(null);
    expect(topLevel(element)).to.have.length(100);
  });

  it('uses the larger maximum a service document announces, up to page-size', async () => {
    const server = restServer({threads: [longThread(150)], pageSize: 500});
    const element = await threadOn(server, 150);
    expect(listingLimits(server)).to.deep.equal([150]);
    expect(topLevel(element)).to.have.length(150);
  });

  it('clamps to a maximum below 100 that the server announces', async () => {
    const server = restServer({threads: [longThread(60)], pageSize: 25});
    const element = await threadOn(server, 50);
    await waitUntil(() => listingLimits(server).length === 2, 'the next page was not prefetched');
    expect(listingLimits(server)).to.deep.equal([25, 25]);
    expect(topLevel(element)).to.have.length(25);
  });
});
