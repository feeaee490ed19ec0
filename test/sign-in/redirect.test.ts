import {expect} from '@open-wc/testing';
import {createMemoryAdapter, encodeMemoryGrant} from '../../src/adapters/memory/index.js';
import {startSignIn} from '../../src/sign-in/flow.js';
import {resumeSignIn, takeSignInDraft} from '../../src/sign-in/redirect.js';
import {FakeClock, FakeHost} from './fakes.js';

const PAGE = 'https://blog.example/2012/08/aqim-updates/?preview=1#respond';

/** Leaves PAGE for a redirect sign-in and returns the state it saved. */
async function leaveForSignIn(drafts: Record<string, unknown> = {}) {
  const adapter = createMemoryAdapter({signInPage: 'https://blog.example/consent'});
  const host = new FakeHost(PAGE);
  host.blockPopups = true;
  const clock = new FakeClock();
  const attempt = startSignIn({
    adapter,
    providerId: 'wordpress',
    callbackUrl: '/colloquy/callback.html',
    beforeRedirect: () => drafts,
    host,
    clock,
  });
  await attempt.outcome;
  return {state: attempt.state, clock, callback: new URL(host.assigned[0]!).searchParams.get('callback')!};
}

/** The page as the provider sends the browser back to it. */
function returnTo(callback: string, params: Record<string, string>): FakeHost {
  const url = new URL(callback);
  for (const [key, value] of Object.entries(params)) url.searchParams.set(key, value);
  return new FakeHost(url.href);
}

describe('redirect sign-in return', () => {
  afterEach(() => sessionStorage.clear());

  it('completes with the state saved before leaving and takes the code out of the address bar', async () => {
    const {state, clock, callback} = await leaveForSignIn();
    expect(callback).to.equal('https://blog.example/2012/08/aqim-updates/?preview=1');
    const host = returnTo(callback, {code: encodeMemoryGrant({name: 'Rosalind'}), state});
    const adapter = createMemoryAdapter({signInPage: 'https://blog.example/consent'});
    const resumed = resumeSignIn(adapter, {host, now: clock.now()});
    expect(resumed?.providerId).to.equal('wordpress');
    expect(host.replaced).to.deep.equal([PAGE]);
    const outcome = await resumed!.outcome;
    expect(outcome.status === 'signed-in' && outcome.session.viewer.name).to.equal('Rosalind');
    // Single use: the same address again (a reload, a bookmark) completes nothing.
    expect(resumeSignIn(adapter, {host: returnTo(callback, {code: 'x', state}), now: clock.now()})?.providerId).to.be.undefined;
  });

  it('ignores a return carrying another state, leaving its parameters alone', async () => {
    const {clock, callback} = await leaveForSignIn();
    const host = returnTo(callback, {code: encodeMemoryGrant({name: 'Mallory'}), state: 'forged-state'});
    const adapter = createMemoryAdapter();
    const resumed = resumeSignIn(adapter, {host, now: clock.now()});
    expect(await resumed!.outcome).to.deep.equal({status: 'cancelled', reason: 'closed'});
    expect(host.replaced).to.be.empty;
    expect(await adapter.getSession({})).to.be.null;
  });

  it('counts coming back without an answer (the Back button) as a cancel', async () => {
    const {clock} = await leaveForSignIn();
    const resumed = resumeSignIn(createMemoryAdapter(), {host: new FakeHost(PAGE), now: clock.now()});
    expect(await resumed!.outcome).to.deep.equal({status: 'cancelled', reason: 'closed'});
  });

  it('reports a refusal at the provider as denied', async () => {
    const {state, clock, callback} = await leaveForSignIn();
    const resumed = resumeSignIn(createMemoryAdapter(), {host: returnTo(callback, {error: 'access_denied', state}), now: clock.now()});
    expect(await resumed!.outcome).to.deep.equal({status: 'cancelled', reason: 'denied'});
  });

  it('does nothing on a page load with no redirect sign-in waiting', () => {
    const host = returnTo('https://blog.example/2012/08/aqim-updates/', {code: 'c', state: 's'});
    expect(resumeSignIn(createMemoryAdapter(), {host})?.providerId).to.be.undefined;
    expect(host.replaced).to.be.empty;
  });

  it('leaves an attempt to the page it belongs to', async () => {
    const {state, clock, callback} = await leaveForSignIn();
    const elsewhere = new FakeHost('https://blog.example/another-post/');
    expect(resumeSignIn(createMemoryAdapter(), {host: elsewhere, now: clock.now()})?.providerId).to.be.undefined;
    const back = resumeSignIn(createMemoryAdapter(), {host: returnTo(callback, {code: 'c', state}), now: clock.now()});
    expect(back?.providerId).to.equal('wordpress');
    await back!.outcome.catch(() => undefined);
  });

  it('drops an attempt that took too long to come back', async () => {
    const {state, clock, callback} = await leaveForSignIn();
    const late = resumeSignIn(createMemoryAdapter(), {host: returnTo(callback, {code: 'c', state}), now: clock.now() + 2 * 3600_000});
    expect(late?.providerId).to.be.undefined;
  });

  it('hands each kept draft back once', async () => {
    await leaveForSignIn({'form:aqim': 'Half a thought', other: {parent: '7'}});
    expect(takeSignInDraft('form:aqim')).to.equal('Half a thought');
    expect(takeSignInDraft('form:aqim')).to.be.undefined;
    expect(takeSignInDraft('other')).to.deep.equal({parent: '7'});
    expect(sessionStorage.getItem('colloquy:sign-in:drafts')).to.be.null;
  });
});
