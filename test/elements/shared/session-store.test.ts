import {expect} from '@open-wc/testing';
import {createMemoryAdapter, encodeMemoryGrant} from '../../../src/adapters/memory/index.js';
import {sessionStoreFor} from '../../../src/elements/shared/session-store.js';

describe('sessionStoreFor', () => {
  afterEach(() => sessionStorage.clear());

  it('does not let a slow first answer undo a sign-in made while it was on its way', async () => {
    const adapter = createMemoryAdapter();
    // The backend answered "nobody" before the sign-in, but the answer arrives after it.
    let answer!: (session: null) => void;
    adapter.getSession = () => new Promise((resolve) => (answer = resolve));
    const store = sessionStoreFor(adapter);
    const loading = store.load();
    const session = await adapter.completeSignIn({providerId: 'github', result: {code: encodeMemoryGrant({name: 'Quick'})}}, {});
    store.set(session);
    answer(null);
    await loading;
    expect(store.session?.viewer.name).to.equal('Quick');
  });

  it('is one store per adapter, telling every subscriber', async () => {
    const adapter = createMemoryAdapter();
    const seen: Array<string | null> = [];
    const unsubscribe = sessionStoreFor(adapter).subscribe((session) => seen.push(session?.viewer.name ?? null));
    sessionStoreFor(adapter).set({providerId: 'x', viewer: {id: '1', name: 'Shared'}});
    sessionStoreFor(adapter).set(null);
    unsubscribe();
    sessionStoreFor(adapter).set({providerId: 'x', viewer: {id: '2', name: 'Unheard'}});
    expect(seen).to.deep.equal(['Shared', null]);
  });
});
