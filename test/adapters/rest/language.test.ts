import {expect} from '@open-wc/testing';
import {createRestAdapter} from '../../../src/adapters/rest/index.js';
import {resolveAdapter} from '../../../src/core/registry.js';
import '../../../src/adapters/builtin.js';
import {aqimThread} from '../../fixtures/rest-threads.js';
import {resetHandlers, useHandlers} from '../../helpers/msw.js';
import {restServer, type RestServer} from '../../mocks/rest-server.js';

// The rest adapter tells the server the reader's language (Accept-Language), so the
// server's messages (errors, the emails it will send) are in the language the widget shows.

const THREAD = 'aqim-updates-aug-6';
let server: RestServer;

async function serve(endpoint?: string) {
  server = restServer({threads: [aqimThread()], ...(endpoint ? {endpoint} : {})});
  await useHandlers(...server.handlers);
}

const lastLanguage = () => server.requests.at(-1)!.headers.get('Accept-Language');

describe('REST adapter: the reader\u2019s language', () => {
  let pageLang: string;
  beforeEach(() => {
    pageLang = document.documentElement.lang;
  });
  afterEach(async () => {
    document.documentElement.lang = pageLang;
    await resetHandlers();
    sessionStorage.clear();
  });

  it('sends the language it is given, asked for again on every request', async () => {
    await serve();
    let language = 'fr';
    const adapter = await createRestAdapter({endpoint: server.endpoint, locale: () => language});
    await adapter.loadPage({thread: THREAD, sort: 'oldest', limit: 10}, {});
    expect(lastLanguage()).to.equal('fr');
    language = 'zh-Hant';
    await adapter.postComment(
      {thread: THREAD, text: 'Bonjour', parentId: null, guest: {name: 'Ada', email: 'ada@example.com'}, idempotencyKey: crypto.randomUUID()},
      {},
    );
    expect(server.requests.at(-1)!.method).to.equal('POST');
    expect(lastLanguage(), 'the widget switched language').to.equal('zh-Hant');
  });

  it('follows the page\u2019s lang by default, as the elements do', async () => {
    await serve();
    document.documentElement.lang = 'pt-BR';
    const adapter = await createRestAdapter({endpoint: server.endpoint});
    await adapter.loadPage({thread: THREAD, sort: 'oldest', limit: 10}, {});
    expect(lastLanguage()).to.equal('pt-BR');
  });

  it('follows the page\u2019s lang as adapter="rest", which a script-tag page names', async () => {
    await serve('https://named-adapter.example/comments');
    document.documentElement.lang = 'ar';
    const adapter = await resolveAdapter('rest', {endpoint: server.endpoint, thread: THREAD}, {firstPage: {thread: THREAD, sort: 'oldest', limit: 10}});
    await adapter.loadPage({thread: THREAD, sort: 'oldest', limit: 10}, {});
    expect(lastLanguage()).to.equal('ar');
    // The start-up's first page too; the service document, the same for every reader, goes without.
    const languages = server.requests.map((request) => [new URL(request.url).pathname, request.headers.get('Accept-Language')]);
    expect(languages).to.deep.equal([
      ['/comments', null],
      [`/comments/threads/${THREAD}/comments`, 'ar'],
    ]);
  });

  it('sends a plain tag only (anything else would not stay CORS-safelisted)', async () => {
    await serve();
    let language = '';
    const adapter = await createRestAdapter({endpoint: server.endpoint, locale: () => language});
    const sent = async (value: string) => {
      language = value;
      await adapter.loadPage({thread: THREAD, sort: 'oldest', limit: 10}, {});
      return lastLanguage();
    };
    for (const tag of ['fr', 'de-CH', 'zh-Hant-TW', 'es-419']) expect(await sent(tag)).to.equal(tag);
    for (const hostile of ['fr\r\nX-Evil: 1', 'fr;q=1, de', 'f\u00e9', 'en_US', 'x'.repeat(200), 'en"<script>']) {
      expect(await sent(hostile), JSON.stringify(hostile)).to.not.equal(hostile);
    }
  });
});
