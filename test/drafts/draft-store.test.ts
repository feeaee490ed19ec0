import {expect} from '@open-wc/testing';
import {DraftStore, type Draft} from '../../src/drafts/draft-store.js';

const typed = (text: string): Omit<Draft, 'savedAt'> => ({text, guest: {name: 'Ada', email: '', website: ''}, notify: {}});

/** Web Storage that refuses everything, as in some private modes or with a full quota. */
const broken = (): Storage => {
  throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
};

describe('DraftStore', () => {
  let prefix: string;
  beforeEach(() => {
    prefix = `test-draft-${crypto.randomUUID()}:`;
  });
  afterEach(() => localStorage.clear());

  it('keeps one draft per thread and parent, and one per comment being edited', () => {
    const store = new DraftStore(() => localStorage, prefix);
    store.set({thread: 't', parentId: null}, typed('top'));
    store.set({thread: 't', parentId: 'c1'}, typed('reply'));
    store.set({thread: 't', parentId: null, editing: 'c9'}, typed('edit'));
    store.set({thread: 'other', parentId: null}, typed('elsewhere'));
    const again = new DraftStore(() => localStorage, prefix);
    expect(again.get({thread: 't', parentId: null})!.text).to.equal('top');
    expect(again.get({thread: 't', parentId: 'c1'})!.text).to.equal('reply');
    expect(again.get({thread: 't', parentId: null, editing: 'c9'})!.text).to.equal('edit');
    expect(again.get({thread: 'other', parentId: null})!.text).to.equal('elsewhere');
    expect(again.get({thread: 't', parentId: 'c2'})).to.be.undefined;
  });

  it('deletes a draft with nothing typed in it', () => {
    const store = new DraftStore(() => localStorage, prefix);
    store.set({thread: 't', parentId: null}, typed('x'));
    store.set({thread: 't', parentId: null}, {text: ' ', guest: {name: '', email: ''}, notify: {}});
    expect(Object.keys(localStorage).filter((key) => key.startsWith(prefix))).to.have.length(0);
  });

  it('keeps drafts in memory when storage throws', () => {
    const store = new DraftStore(broken, prefix);
    store.set({thread: 't', parentId: 'p'}, typed('still here'));
    expect(store.get({thread: 't', parentId: 'p'})!.text).to.equal('still here');
    expect(store.replyDrafts('t')).to.deep.equal(['p']);
    store.delete({thread: 't', parentId: 'p'});
    expect(store.get({thread: 't', parentId: 'p'})).to.be.undefined;
  });

  it('forgets a deleted draft even when storage refuses to remove it', () => {
    let refuse = false;
    const store = new DraftStore(() => (refuse ? broken() : localStorage), prefix);
    store.set({thread: 't', parentId: null}, typed('old'));
    refuse = true;
    store.delete({thread: 't', parentId: null});
    refuse = false;
    expect(store.get({thread: 't', parentId: null})).to.be.undefined;
  });

  it('lists the comments with a reply draft, latest first', async () => {
    const store = new DraftStore(() => localStorage, prefix);
    store.set({thread: 't', parentId: 'first'}, typed('1'));
    await new Promise((resolve) => setTimeout(resolve, 5));
    store.set({thread: 't', parentId: 'second:with/odd chars'}, typed('2'));
    store.set({thread: 't', parentId: null}, typed('top-level'));
    store.set({thread: 'u', parentId: 'elsewhere'}, typed('3'));
    expect(new DraftStore(() => localStorage, prefix).replyDrafts('t')).to.deep.equal(['second:with/odd chars', 'first']);
  });

  it('ignores what it cannot read, and drafts a month old', () => {
    const store = new DraftStore(() => localStorage, prefix);
    store.set({thread: 't', parentId: null}, typed('x'));
    const key = Object.keys(localStorage).find((name) => name.startsWith(prefix))!;
    localStorage.setItem(key, '{not json');
    expect(store.get({thread: 't', parentId: null})).to.be.undefined;
    localStorage.setItem(key, JSON.stringify({...typed('stale'), savedAt: Date.now() - 31 * 24 * 3600 * 1000}));
    expect(store.get({thread: 't', parentId: null})).to.be.undefined;
    expect(localStorage.getItem(key)).to.be.null;
  });

  it('reports whether storage took the draft', () => {
    expect(new DraftStore(() => localStorage, prefix).set({thread: 't', parentId: null}, typed('kept'))).to.be.true;
    expect(new DraftStore(broken, prefix).set({thread: 't', parentId: null}, typed('in memory only'))).to.be.false;
  });

  describe('per tab', () => {
    const slot = {thread: 't', parentId: null};
    const tabs: DraftStore[] = [];
    /** A tab: its own sessionStorage, the page's localStorage and Web Locks. */
    function tab(session: MemoryStorage = new MemoryStorage()): DraftStore & {session: MemoryStorage} {
      const store = Object.assign(new DraftStore(() => localStorage, prefix, {session: () => session}), {session});
      tabs.push(store);
      return store;
    }
    afterEach(() => tabs.splice(0).forEach((store) => store.close()));

    it('two tabs typing in one thread keep their own text, and a reload finds its own', async () => {
      const a = tab();
      const b = tab();
      await Promise.all([a.ready, b.ready]);
      a.set(slot, typed('from A'));
      b.set(slot, typed('from B'));
      expect(a.get(slot)!.text).to.equal('from A');
      a.close();
      const reloaded = tab(a.session);
      await reloaded.ready;
      expect(reloaded.get(slot)!.text).to.equal('from A');
      expect(b.get(slot)!.text).to.equal('from B');
    });

    it('a new tab does not start with a live tab\'s draft, and a post in one tab leaves the other\'s draft', async () => {
      const a = tab();
      await a.ready;
      a.set(slot, typed('only in A'));
      const b = tab();
      await b.ready;
      expect(b.get(slot)).to.be.undefined;
      b.set(slot, typed('B'));
      b.delete(slot);
      expect(a.get(slot)!.text).to.equal('only in A');
    });

    it('the draft of a closed tab is adopted by one new tab only', async () => {
      const a = tab();
      await a.ready;
      a.set(slot, typed('left behind'));
      a.close();
      const [c, d] = [tab(), tab()];
      await Promise.all([c.ready, d.ready]);
      expect([c.get(slot)?.text, d.get(slot)?.text].filter(Boolean)).to.deep.equal(['left behind']);
    });

    it('a tab that starts while another is being reloaded leaves that tab its draft', async () => {
      const a = tab();
      await a.ready;
      a.set(slot, typed('A, reloading'));
      a.close();
      const other = tab();
      const otherReady = other.ready;
      // A's next page takes its lock back a moment later, as a reload does.
      await new Promise((resolve) => setTimeout(resolve, 300));
      const reloaded = tab(a.session);
      await Promise.all([otherReady, reloaded.ready]);
      expect(other.get(slot)).to.be.undefined;
      expect(reloaded.get(slot)!.text).to.equal('A, reloading');
    });

    it('a duplicated tab (same sessionStorage) takes a new id instead of sharing drafts', async () => {
      const a = tab();
      await a.ready;
      const copy = new MemoryStorage();
      for (const [key, value] of Object.entries(a.session.entries())) copy.setItem(key, value);
      const duplicate = tab(copy);
      await duplicate.ready;
      duplicate.set(slot, typed('in the duplicate'));
      expect(a.get(slot)).to.be.undefined;
    });

    it('keeps a guest\'s details out of localStorage without consent, in the tab only', async () => {
      const a = tab();
      const guest = {name: 'Ada', email: 'ada@example.com', website: 'https://ada.example'};
      const sent = {thread: 't', text: 'hi', parentId: null, guest, idempotencyKey: 'k1'};
      a.set(slot, {text: 'hi', guest, notify: {}, rememberGuest: false, sent});
      const saved = Object.entries(localStorage).filter(([key]) => key.startsWith(prefix)).map(([, value]) => value).join('');
      expect(saved).to.contain('hi');
      expect(saved).not.to.contain('Ada');
      expect(saved).not.to.contain('ada@example.com');
      expect(a.get(slot)).to.deep.include({guest, sent});
      await a.ready;
      a.close();
      // Another tab adopts the text; the send cannot be rebuilt without the details, so it is let go.
      const b = tab();
      await b.ready;
      expect(b.get(slot)!.text).to.equal('hi');
      expect(b.get(slot)!.guest.name).to.equal('');
      expect(b.get(slot)!.sent).to.be.undefined;
    });

    it('keeps them with the draft when the guest consented', () => {
      const a = tab();
      a.set(slot, {text: 'hi', guest: {name: 'Ada', email: 'ada@example.com', website: ''}, notify: {}, rememberGuest: true});
      const saved = Object.entries(localStorage).filter(([key]) => key.startsWith(prefix)).map(([, value]) => value).join('');
      expect(saved).to.contain('ada@example.com');
    });
  });
});

/** A sessionStorage of one simulated tab. */
class MemoryStorage implements Storage {
  readonly #items = new Map<string, string>();
  get length() {
    return this.#items.size;
  }
  clear() {
    this.#items.clear();
  }
  getItem(key: string) {
    return this.#items.get(key) ?? null;
  }
  key(index: number) {
    return [...this.#items.keys()][index] ?? null;
  }
  removeItem(key: string) {
    this.#items.delete(key);
  }
  setItem(key: string, value: string) {
    this.#items.set(key, String(value));
  }
  entries(): Record<string, string> {
    return Object.fromEntries(this.#items);
  }
}
