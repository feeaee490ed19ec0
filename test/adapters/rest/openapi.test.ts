import {expect, waitUntil} from '@open-wc/testing';
import {parse} from 'yaml';
import {createRestAdapter} from '../../../src/adapters/rest/index.js';
import {aqimThread, longConversation} from '../../fixtures/rest-threads.js';
import {resetHandlers, useHandlers} from '../../helpers/msw.js';
import {restServer} from '../../mocks/rest-server.js';

// Keeps docs/openapi.yaml, the adapter and the reference server in step: every request
// the adapter makes must be an operation of the document, with declared parameters
// only and every required one present; every operation must be used by the adapter;
// and every JSON answer of the reference server must match the document's schema.

type Schema = Record<string, unknown>;
interface Operation {
  parameters?: Schema[];
  requestBody?: {content: Record<string, unknown>};
  responses: Record<string, {content?: Record<string, {schema?: Schema}>} & Schema>;
  /** `none`: an operation for other clients, which the adapter never calls. */
  'x-colloquy-client'?: string;
}
interface Document {
  paths: Record<string, Record<string, Operation> & {parameters?: Schema[]}>;
  components: Record<string, Record<string, Schema>>;
}

interface Exchange {
  method: string;
  url: URL;
  headers: Headers;
  sent: unknown;
  status: number;
  contentType: string;
  body: unknown;
}

const methods = ['get', 'put', 'post', 'patch', 'delete'];
/** Headers the protocol covers without naming them as parameters. */
const implicitHeaders = new Set(['accept', 'content-type', 'authorization']);

describe('docs/openapi.yaml', () => {
  let document: Document;
  before(async () => {
    document = parse(await (await fetch('/docs/openapi.yaml')).text()) as Document;
  });
  afterEach(() => resetHandlers());

  const resolve = (node: Schema): Schema => {
    const ref = node['$ref'];
    if (typeof ref !== 'string') return node;
    const [, , group, name] = ref.split('/') as [string, string, string, string];
    return resolve(document.components[group]![name]!);
  };

  const match = (exchange: Exchange, endpoint: string) => {
    const path = exchange.url.pathname.slice(new URL(endpoint).pathname.length) || '/';
    for (const [template, item] of Object.entries(document.paths)) {
      const pattern = new RegExp(`^${template.replace(/\{[^}]+\}/g, '[^/]+')}$`);
      if (!pattern.test(path)) continue;
      const operation = item[exchange.method.toLowerCase()] as Operation | undefined;
      if (operation) return {template, operation, shared: item.parameters ?? []};
    }
    throw new Error(`${exchange.method} ${path} is not in the OpenAPI document`);
  };

  function validate(value: unknown, node: Schema, where: string): void {
    const schema = resolve(node);
    if (Array.isArray(schema['oneOf'])) {
      const fits = (schema['oneOf'] as Schema[]).filter((option) => {
        try {
          validate(value, option, where);
          return true;
        } catch {
          return false;
        }
      });
      expect(fits.length, `${where} matches ${fits.length} of oneOf`).to.equal(1);
      return;
    }
    const types = schema['type'] === undefined ? [] : ([] as unknown[]).concat(schema['type']);
    const typeOf = value === null ? 'null' : Array.isArray(value) ? 'array' : Number.isInteger(value) ? 'integer' : typeof value;
    if (types.length) expect(types.includes(typeOf) || (typeOf === 'integer' && types.includes('number')), `${where} is ${typeOf}, not ${types}`).to.be.true;
    if (schema['enum']) expect(schema['enum'], where).to.include(value);
    if (schema['const'] !== undefined) expect(value, where).to.equal(schema['const']);
    if (typeof schema['minimum'] === 'number') expect(value as number, where).to.be.at.least(schema['minimum']);
    if (typeOf === 'object') {
      const object = value as Record<string, unknown>;
      for (const name of (schema['required'] as string[] | undefined) ?? []) expect(object, `${where} lacks ${name}`).to.have.property(name);
      const properties = (schema['properties'] as Record<string, Schema> | undefined) ?? {};
      for (const [name, property] of Object.entries(object)) {
        if (properties[name]) validate(property, properties[name], `${where}.${name}`);
        else if (schema['additionalProperties'] && typeof schema['additionalProperties'] === 'object') {
          validate(property, schema['additionalProperties'] as Schema, `${where}.${name}`);
        } else if (schema['properties']) expect.fail(`${where}.${name} is not in the schema`);
      }
    }
    if (typeOf === 'array' && schema['items']) (value as unknown[]).forEach((item, index) => validate(item, schema['items'] as Schema, `${where}[${index}]`));
  }

  it('describes every request the adapter makes and every answer the reference server gives', async () => {
    const server = restServer({threads: [aqimThread(), longConversation()]});
    await useHandlers(...server.handlers);
    const exchanges: Exchange[] = [];
    const recordingFetch: typeof fetch = async (input, init) => {
      const request = new Request(input, init);
      const text = await request.clone().text();
      const response = await fetch(request.clone());
      const contentType = response.headers.get('Content-Type') ?? '';
      exchanges.push({
        method: request.method,
        url: new URL(request.url),
        headers: request.headers,
        sent: text ? JSON.parse(text) : undefined,
        status: response.status,
        contentType,
        body: contentType.includes('json') ? await response.clone().json() : undefined,
      });
      return response;
    };

    // With a language, as the elements give it: Accept-Language goes with every request.
    const adapter = await createRestAdapter({endpoint: server.endpoint, fetch: recordingFetch, locale: () => 'fr'});
    const thread = 'aqim-updates-aug-6';
    const first = await adapter.loadPage({thread, sort: 'newest', limit: 2}, {});
    await adapter.loadPage({thread, sort: 'newest', limit: 2, cursor: first.nextCursor!}, {});
    await adapter.loadPage({thread, sort: 'newest', limit: 2}, {});
    const long = await adapter.loadPage({thread: 'long-conversation', sort: 'oldest', limit: 1}, {});
    const more = long.comments[0]!.moreReplies!;
    await adapter.loadReplies({thread: 'long-conversation', commentId: 'lc', cursor: more.cursor, limit: 10}, {});
    await adapter.loadReplies({thread: 'long-conversation', commentId: 'lc', cursor: 'not-a-cursor', limit: 10}, {}).catch(() => {});
    expect(await adapter.locate!({thread, commentId: 'c-2', sort: 'newest', limit: 2}, {})).to.have.property('rootId');
    expect(await adapter.locate!({thread, commentId: 'no-such-comment', sort: 'oldest', limit: 2}, {})).to.equal(null);
    await adapter.postComment({thread, text: 'Hi', parentId: 'c-1', guest: {name: 'Ada', email: 'ada@example.com', website: 'https://ada.example'}, notify: {comments: true}, idempotencyKey: 'k-1'}, {});
    await adapter.postComment({thread, text: '', parentId: null, guest: {name: 'Ada', email: 'ada@example.com'}, idempotencyKey: 'k-2'}, {}).catch(() => {});
    await adapter.listProviders({});
    const signInUrl = new URL(await adapter.signInUrl({providerId: 'github', state: 's', callbackUrl: 'https://blog.example/cb', mode: 'popup'}, {}));
    await adapter.getSession({});
    await adapter.requestSignInLink({providerId: 'email', email: 'ada@example.com', name: 'Ada', state: 'mailed-state', callbackUrl: 'https://blog.example/cb'}, {});
    await adapter.getSession({});
    await adapter.signOut({});
    await adapter.completeSignIn({providerId: 'github', result: {code: server.authorize('github', {id: 'u-chen', name: 'Chen'})}}, {});
    await adapter.getSession({});
    await adapter.editComment({thread, commentId: 'c-4', text: 'Edited'}, {});
    await adapter.react({thread, commentId: 'c-4', reaction: 'like', active: true}, {});
    await adapter.react({thread, commentId: 'c-4', reaction: 'like', active: false}, {});
    await adapter.deleteComment({thread, commentId: 'c-4'}, {});
    await adapter.completeSignIn({providerId: 'github', result: {code: server.authorize('github', {id: 'u-mod', name: 'Leila', moderator: true})}}, {});
    await adapter.moderate({thread, commentId: 'c-1', action: 'approve'}, {});
    await adapter.moderate({thread, commentId: 'c-2', action: 'spam'}, {});
    const controller = new AbortController();
    adapter.subscribe(thread, () => {}, {signal: controller.signal});
    await waitUntil(() => exchanges.some((e) => e.url.pathname.endsWith('/events')));
    controller.abort();
    await adapter.signOut({});

    // The sign-in URL is opened, not fetched, but is an operation all the same.
    exchanges.push({method: 'GET', url: signInUrl, headers: new Headers(), sent: undefined, status: 302, contentType: '', body: undefined});

    const used = new Set<string>();
    for (const exchange of exchanges) {
      const {template, operation, shared} = match(exchange, server.endpoint);
      const where = `${exchange.method} ${template}`;
      used.add(`${exchange.method.toLowerCase()} ${template}`);
      const parameters = [...shared, ...(operation.parameters ?? [])].map(resolve);
      const declared = (place: string) => parameters.filter((p) => p['in'] === place);
      for (const name of exchange.url.searchParams.keys()) {
        expect(declared('query').map((p) => p['name']), `${where}: query parameter ${name}`).to.include(name);
      }
      for (const parameter of declared('query').filter((p) => p['required'])) {
        expect(exchange.url.searchParams.has(parameter['name'] as string), `${where}: required ${parameter['name']}`).to.be.true;
      }
      // Headers of the security schemes (the bearer token, the guest secret) go on every operation.
      const schemeHeaders = Object.values(document.components['securitySchemes'] ?? {})
        .filter((scheme) => scheme['in'] === 'header')
        .map((scheme) => (scheme['name'] as string).toLowerCase());
      const headerNames = [...declared('header').map((p) => (p['name'] as string).toLowerCase()), ...schemeHeaders];
      for (const [name] of exchange.headers) {
        if (!implicitHeaders.has(name)) expect(headerNames, `${where}: header ${name}`).to.include(name);
      }
      for (const parameter of declared('header').filter((p) => p['required'])) {
        expect(exchange.headers.has(parameter['name'] as string), `${where}: required header ${parameter['name']}`).to.be.true;
      }
      if (exchange.headers.has('Content-Type')) {
        const content = operation.requestBody?.content ?? {};
        expect(Object.keys(content), `${where}: request body`).to.include(exchange.headers.get('Content-Type'));
        const sent = (content['application/json'] as {schema?: Schema} | undefined)?.schema;
        if (sent) validate(exchange.sent, sent, `${where} request`);
      }
      const response = resolve((operation.responses[String(exchange.status)] ?? operation.responses['default']) as Schema);
      expect(response, `${where}: status ${exchange.status}`).to.be.ok;
      const schema = (response['content'] as Record<string, {schema?: Schema}> | undefined)?.['application/json']?.schema;
      if (exchange.body !== undefined && schema) validate(exchange.body, schema, `${where} ${exchange.status}`);
    }

    // Every operation is the adapter's, except those marked as for other clients.
    const documented = Object.entries(document.paths).flatMap(([template, item]) =>
      methods
        .filter((method) => method in item && item[method]!['x-colloquy-client'] !== 'none')
        .map((method) => `${method} ${template}`),
    );
    expect([...used].sort()).to.deep.equal(documented.sort());
    // Both a success and the error envelope were checked against their schemas.
    expect(exchanges.some((e) => e.status === 400 && e.body !== undefined)).to.be.true;
  });
});
