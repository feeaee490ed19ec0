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
    const key = `${prefix}t:reply:`;
    localStorage.setItem(key, '{not json');
    expect(store.get({thread: 't', parentId: null})).to.be.undefined;
    localStorage.setItem(key, JSON.stringify({...typed('stale'), savedAt: Date.now() - 31 * 24 * 3600 * 1000}));
    expect(store.get({thread: 't', parentId: null})).to.be.undefined;
    expect(localStorage.getItem(key)).to.be.null;
  });
});
