// The README's quick start (`storage-key`) in several tabs: every write is a
// read-modify-write of what all tabs stored, under a Web Lock, and a write storage refused
// is never answered as stored. Two adapters with one storage key are two tabs here: they
// share localStorage and Web Locks as tabs of one browser do.
import {expect} from '@open-wc/testing';
import {createMemoryAdapter, type MemoryAdapter} from '../../../src/adapters/memory/index.js';
import type {CommentError} from '../../../src/core/errors.js';
import {conversationSeed} from '../../fixtures/seed-threads.js';
import {rejection} from '../../helpers/adapter-calls.js';

const guest = {name: 'Ada', email: 'ada@example.com'};

function post(adapter: MemoryAdapter, text: string) {
  return adapter.postComment({thread: 'conversation', text, parentId: null, guest, idempotencyKey: crypto.randomUUID()}, {});
}

async function storedTexts(storageKey: string): Promise<string[]> {
  const reloaded = createMemoryAdapter({threads: [conversationSeed()], storageKey});
  const page = await reloaded.loadPage({thread: 'conversation', sort: 'oldest', limit: 1000}, {});
  return page.comments.map((comment) => comment.content.value);
}

describe('memory adapter with storage-key across tabs', () => {
  let storageKey: string;
  beforeEach(() => {
    storageKey = `test-${crypto.randomUUID()}`;
  });
  afterEach(() => {
    localStorage.clear();
    sessionStorage.clear();
  });

  it('keeps every comment of two tabs taking turns', async () => {
    const a = createMemoryAdapter({threads: [conversationSeed()], storageKey});
    const b = createMemoryAdapter({threads: [conversationSeed()], storageKey});
    for (let i = 0; i < 30; i++) {
      await post(a, `from A ${i}`);
      await post(b, `from B ${i}`);
    }
    const texts = await storedTexts(storageKey);
    expect(texts.filter((text) => text.startsWith('from '))).to.have.length(60);
  });

  it('keeps every comment of two tabs posting at the same time', async () => {
    const a = createMemoryAdapter({threads: [conversationSeed()], storageKey});
    const b = createMemoryAdapter({threads: [conversationSeed()], storageKey});
    const posts: Promise<unknown>[] = [];
    for (let i = 0; i < 20; i++) posts.push(post(a, `together A ${i}`), post(b, `together B ${i}`));
    await Promise.all(posts);
    const texts = await storedTexts(storageKey);
    expect(texts.filter((text) => text.startsWith('together '))).to.have.length(40);
  });

  it('reads what the tabs stored once per write, and writes it once', async () => {
    const adapter = createMemoryAdapter({threads: [conversationSeed()], storageKey});
    const {getItem, setItem} = Storage.prototype;
    const calls: string[] = [];
    Storage.prototype.getItem = function (this: Storage, key: string) {
      if (key === storageKey) calls.push('read');
      return getItem.call(this, key);
    };
    Storage.prototype.setItem = function (this: Storage, key: string, value: string) {
      if (key === storageKey) calls.push('write');
      setItem.call(this, key, value);
    };
    try {
      await post(adapter, 'counted');
    } finally {
      Storage.prototype.getItem = getItem;
      Storage.prototype.setItem = setItem;
    }
    expect(calls).to.deep.equal(['read', 'write']);
    expect(await storedTexts(storageKey)).to.include('counted');
  });

  it('never answers "stored" when storage refuses the write, and keeps nothing it could not store', async () => {
    const adapter = createMemoryAdapter({threads: [conversationSeed()], storageKey});
    const {setItem} = Storage.prototype;
    Storage.prototype.setItem = function (this: Storage, key: string, value: string) {
      if (key === storageKey) throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      setItem.call(this, key, value);
    };
    let error: CommentError;
    try {
      error = (await rejection(post(adapter, 'does not fit'))) as CommentError;
    } finally {
      Storage.prototype.setItem = setItem;
    }
    expect(error.code).to.equal('server');
    expect(error.message).to.contain('could not store the comment');
    expect(adapter.storedComments('conversation').map((comment) => comment.text)).not.to.include('does not fit');
    expect(await storedTexts(storageKey)).not.to.include('does not fit');
    // Room again: the same post goes through.
    await post(adapter, 'fits now');
    expect(await storedTexts(storageKey)).to.include('fits now');
  });
});

describe('memory adapter reading its seed and saved data', () => {
  afterEach(() => localStorage.clear());

  const odd = () => ({
    id: 'odd',
    title: 42,
    comments: [
      {id: 'n', author: {name: 7}, createdAt: 'yesterday', text: 5},
      {id: 'x', parentId: 'y', author: {name: 'Xu'}, createdAt: '2026-01-01T00:00:00Z', text: 'in a loop'},
      {id: 'y', parentId: 'x', author: {name: 'Yan'}, createdAt: '2026-01-02T00:00:00Z', text: 'also in it'},
      {id: 'n', author: {name: 'Again'}, createdAt: '2026-01-03T00:00:00Z', text: 'same id twice'},
      {author: {name: 'No id'}, text: 'nowhere to go'},
      'not even an object',
    ],
  });

  it('maps wrong types instead of throwing, and a parent loop instead of hiding it', async () => {
    const adapter = createMemoryAdapter({threads: [odd() as never]});
    const page = await adapter.loadPage({thread: 'odd', sort: 'oldest', limit: 10}, {});
    expect(page.comments.map((comment) => comment.id).sort()).to.deep.equal(['n', 'x', 'y']);
    expect(page.thread.totalCount).to.equal(3);
    const n = page.comments.find((comment) => comment.id === 'n')!;
    expect(n.author.name).to.equal('7');
    expect(n.content.value).to.equal('');
    expect(Number.isNaN(Date.parse(n.createdAt))).to.be.false;
    expect(page.thread.title).to.equal('');
  });

  it('reads what a tab saved just as carefully', async () => {
    const storageKey = `test-${crypto.randomUUID()}`;
    localStorage.setItem(storageKey, JSON.stringify({version: 1, threads: [odd(), null, {comments: 'no id'}]}));
    const adapter = createMemoryAdapter({storageKey});
    const page = await adapter.loadPage({thread: 'odd', sort: 'oldest', limit: 10}, {});
    expect(page.comments).to.have.length(3);
    expect(page.thread.totalCount).to.equal(3);
  });
});
