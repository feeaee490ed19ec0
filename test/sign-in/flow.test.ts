import {expect} from '@open-wc/testing';
import {createMemoryAdapter, encodeMemoryGrant, type MemoryAdapter} from '../../src/adapters/memory/index.js';
import type {CompleteSignInRequest} from '../../src/core/adapter.js';
import {CommentError} from '../../src/core/errors.js';
import {startSignIn, type SignInOptions} from '../../src/sign-in/flow.js';
import {SignInProviderError} from '../../src/sign-in/outcome.js';
import {SIGN_IN_CHANNEL, SIGN_IN_MESSAGE_TYPE} from '../../src/sign-in/protocol.js';
import {takeSignInDraft} from '../../src/sign-in/redirect.js';
import {FakeClock, FakeHost, FakePopup, peek, settle} from './fakes.js';

const PAGE = 'https://blog.example/2012/08/aqim-updates/#respond';
const SAME_ORIGIN_CALLBACK = 'https://blog.example/colloquy/callback.html';
const BACKEND_CALLBACK = 'https://auth.backend.example/colloquy/callback';

interface Rig {
  adapter: MemoryAdapter;
  host: FakeHost;
  clock: FakeClock;
  popup: FakePopup;
  completeCalls: CompleteSignInRequest[];
  start(options?: Partial<SignInOptions>): ReturnType<typeof startSignIn>;
}

function rig(): Rig {
  const adapter = createMemoryAdapter({signInPage: 'https://blog.example/consent'});
  const completeCalls: CompleteSignInRequest[] = [];
  const complete = adapter.completeSignIn.bind(adapter);
  adapter.completeSignIn = (request, options) => {
    completeCalls.push(request);
    return complete(request, options);
  };
  const host = new FakeHost(PAGE);
  const clock = new FakeClock();
  const popup = host.popup;
  return {
    adapter,
    host,
    clock,
    popup,
    completeCalls,
    start: (options = {}) =>
      startSignIn({adapter, providerId: 'github', callbackUrl: BACKEND_CALLBACK, host, clock, ...options}),
  };
}

const grant = (name: string) => ({code: encodeMemoryGrant({name})});
const message = (state: string, result: Record<string, string> = grant('Ada Lovelace')) => ({
  type: SIGN_IN_MESSAGE_TYPE,
  state,
  result,
});

describe('sign-in flow', () => {
  afterEach(() => sessionStorage.clear());

  describe('popup', () => {
    it('opens a blank named popup before returning, then sends it to the adapter URL with the state', async () => {
      const {host, popup, start} = rig();
      const attempt = start();
      // Synchronously, inside what would be the click handler.
      expect(host.opened).to.have.length(1);
      expect(host.opened[0]!.url).to.equal('about:blank');
      expect(host.opened[0]!.target).to.equal('colloquy-sign-in');
      expect(host.opened[0]!.features).to.match(/^popup,width=\d+,height=\d+/);
      expect(popup.url).to.be.undefined;
      await settle();
      const url = new URL(popup.url!);
      expect(url.origin + url.pathname).to.equal('https://blog.example/consent');
      expect(url.searchParams.get('state')).to.equal(attempt.state);
      expect(url.searchParams.get('callback')).to.equal(BACKEND_CALLBACK);
      expect(url.searchParams.get('mode')).to.equal('popup');
      expect(attempt.mode).to.equal('popup');
    });

    it('creates a fresh state of at least 128 random bits for every attempt', () => {
      const {start} = rig();
      const states = new Set(Array.from({length: 20}, () => start().state));
      expect(states.size).to.equal(20);
      for (const state of states) expect(state).to.match(/^[A-Za-z0-9_-]{22,}$/);
    });

    it('completes the sign-in from the popup message of the callback origin carrying its state', async () => {
      const {host, popup, start, completeCalls} = rig();
      const attempt = start();
      await settle();
      host.post(message(attempt.state), {origin: 'https://auth.backend.example', source: popup});
      const outcome = await attempt.outcome;
      expect(outcome).to.deep.include({status: 'signed-in'});
      expect(outcome.status === 'signed-in' && outcome.session.viewer.name).to.equal('Ada Lovelace');
      expect(completeCalls).to.deep.equal([{providerId: 'github', result: grant('Ada Lovelace')}]);
      expect(popup.closeCalls).to.be.greaterThan(0);
    });

    it('ignores messages from another origin, another window, without or with another state, or malformed', async () => {
      const {host, popup, start, completeCalls} = rig();
      const attempt = start();
      await settle();
      const origin = 'https://auth.backend.example';
      const otherWindow = new FakePopup();
      host.post(message(attempt.state), {origin: 'https://evil.example', source: popup});
      host.post(message(attempt.state), {origin: 'https://blog.example', source: popup});
      host.post(message(attempt.state), {origin, source: otherWindow});
      host.post(message(attempt.state), {origin, source: null});
      host.post({type: SIGN_IN_MESSAGE_TYPE, result: grant('No State')}, {origin, source: popup});
      host.post(message(''), {origin, source: popup});
      host.post(message('a-state-of-another-attempt'), {origin, source: popup});
      host.post({...message(attempt.state), type: 'something-else'}, {origin, source: popup});
      host.post({type: SIGN_IN_MESSAGE_TYPE, state: attempt.state, result: {code: 42}}, {origin, source: popup});
      host.post('colloquy:sign-in', {origin, source: popup});
      expect(await peek(attempt.outcome)).to.equal('pending');
      expect(completeCalls).to.be.empty;
      // …and the attempt still takes the genuine message.
      host.post(message(attempt.state, grant('Genuine')), {origin, source: popup});
      const outcome = await attempt.outcome;
      expect(outcome.status === 'signed-in' && outcome.session.viewer.name).to.equal('Genuine');
    });

    it('accepts a state once: a replayed message is ignored', async () => {
      const {host, popup, start, completeCalls} = rig();
      const attempt = start();
      await settle();
      const origin = 'https://auth.backend.example';
      host.post(message(attempt.state, grant('First')), {origin, source: popup});
      host.post(message(attempt.state, grant('Replayed')), {origin, source: popup});
      await attempt.outcome;
      host.post(message(attempt.state, grant('Later')), {origin, source: popup});
      await settle();
      expect(completeCalls.map((call) => call.result)).to.deep.equal([grant('First')]);
      // A new attempt does not take the old state either.
      const next = start();
      await settle();
      host.post(message(attempt.state, grant('Old state')), {origin, source: host.popup});
      expect(await peek(next.outcome)).to.equal('pending');
      expect(completeCalls).to.have.length(1);
      next.cancel();
    });

    it('listens on the BroadcastChannel when the callback page shares the origin', async () => {
      const {host, start} = rig();
      const attempt = start({callbackUrl: SAME_ORIGIN_CALLBACK});
      expect(host.channels.map((channel) => channel.name)).to.deep.equal([SIGN_IN_CHANNEL]);
      await settle();
      host.channels[0]!.post(message('not-this-attempt'));
      expect(await peek(attempt.outcome)).to.equal('pending');
      host.channels[0]!.post(message(attempt.state));
      expect(await attempt.outcome).to.deep.include({status: 'signed-in'});
      expect(host.channels[0]!.closed).to.be.true;
    });

    it('opens no channel for a callback page on another origin', () => {
      const {host, start} = rig();
      start({callbackUrl: BACKEND_CALLBACK}).cancel();
      expect(host.channels).to.be.empty;
    });

    it('settles a refusal at the provider as cancelled and another error as SignInProviderError', async () => {
      const {host, popup, start, completeCalls} = rig();
      const origin = 'https://auth.backend.example';
      const denied = start();
      await settle();
      host.post({type: SIGN_IN_MESSAGE_TYPE, state: denied.state, error: 'access_denied'}, {origin, source: popup});
      expect(await denied.outcome).to.deep.equal({status: 'cancelled', reason: 'denied'});
      const failed = start();
      await settle();
      host.post(
        {type: SIGN_IN_MESSAGE_TYPE, state: failed.state, error: 'server_error', errorDescription: 'Call 555-SCAM'},
        {origin, source: host.popup},
      );
      const error = await failed.outcome.then(() => undefined, (reason: unknown) => reason);
      expect(error).to.be.instanceOf(SignInProviderError);
      expect((error as SignInProviderError).code).to.equal('server_error');
      expect((error as Error).message).not.to.contain('555');
      expect(completeCalls).to.be.empty;
    });

    it('rejects with the adapter error when the result cannot be completed', async () => {
      const {host, popup, start} = rig();
      const attempt = start();
      await settle();
      host.post(message(attempt.state, {code: 'forged'}), {origin: 'https://auth.backend.example', source: popup});
      const error = await attempt.outcome.then(() => undefined, (reason: unknown) => reason);
      expect(error).to.be.instanceOf(CommentError);
      expect((error as CommentError).code).to.equal('unauthorized');
    });

    it('refuses a sign-in URL that is not http(s)', async () => {
      const {adapter, popup, start} = rig();
      adapter.signInUrl = async () => 'javascript:alert(document.domain)';
      const attempt = start();
      const error = await attempt.outcome.then(() => undefined, (reason: unknown) => reason);
      expect(String(error)).to.contain('javascript:');
      expect(popup.url).to.be.undefined;
      expect(popup.closed).to.be.true;
    });
  });

  describe('cancel and close', () => {
    it('cancel closes the popup, settles as cancelled and ignores a late message', async () => {
      const {host, popup, start, completeCalls} = rig();
      const attempt = start();
      await settle();
      attempt.cancel();
      expect(popup.closed).to.be.true;
      expect(await attempt.outcome).to.deep.equal({status: 'cancelled', reason: 'cancel'});
      host.post(message(attempt.state), {origin: 'https://auth.backend.example', source: popup});
      await settle();
      expect(completeCalls).to.be.empty;
    });

    it('a popup closed by the person is a cancel once the short grace period finds no session', async () => {
      const {popup, start, clock} = rig();
      const attempt = start({timing: {closedCheckMs: 500, severedWithinMs: 5000, closedGraceMs: 4000}});
      await settle();
      await clock.advance(20_000);
      popup.closed = true;
      await clock.advance(500);
      expect(await peek(attempt.outcome)).to.equal('pending');
      await clock.advance(3000);
      expect(await peek(attempt.outcome)).to.equal('pending');
      await clock.advance(1500);
      expect(await peek(attempt.outcome)).to.deep.equal({status: 'cancelled', reason: 'closed'});
      expect(clock.pendingTimers).to.equal(0);
    });

    it('still takes the message of a popup that closed itself right after posting it', async () => {
      const {host, popup, start, clock} = rig();
      const attempt = start();
      await settle();
      await clock.advance(20_000);
      popup.closed = true;
      await clock.advance(500);
      host.post(message(attempt.state), {origin: 'https://auth.backend.example', source: popup});
      expect(await attempt.outcome).to.deep.include({status: 'signed-in'});
    });

    it('gives up an attempt nobody finishes', async () => {
      const {popup, start, clock} = rig();
      const attempt = start({timing: {timeoutMs: 60_000}});
      await clock.advance(60_000);
      expect(await attempt.outcome).to.deep.equal({status: 'cancelled', reason: 'timeout'});
      expect(popup.closed).to.be.true;
    });
  });

  describe('severed opener (COOP)', () => {
    const timing = {closedCheckMs: 500, severedWithinMs: 5000, severedGraceMs: 120_000, closedGraceMs: 4000, sessionPollMs: 2000};

    it('polls the session instead of cancelling when the popup reads as closed right after leaving', async () => {
      const {adapter, popup, start, clock} = rig();
      let polls = 0;
      const getSession = adapter.getSession.bind(adapter);
      adapter.getSession = (options) => {
        polls++;
        return getSession(options);
      };
      const attempt = start({timing});
      await settle();
      popup.closed = true; // COOP: the opener sees the popup as closed at once.
      await clock.advance(30_000);
      expect(await peek(attempt.outcome)).to.equal('pending');
      expect(polls).to.be.within(14, 17);
      // Meanwhile the person finished at the provider, and the backend knows them.
      await adapter.completeSignIn({providerId: 'github', result: grant('Severed Sam')}, {});
      await clock.advance(2000);
      const outcome = await peek(attempt.outcome);
      expect(outcome).to.have.property('status', 'signed-in');
      expect((outcome as {session: {viewer: {name: string}}}).session.viewer.name).to.equal('Severed Sam');
    });

    it('keeps listening on the BroadcastChannel while it polls', async () => {
      const {host, popup, start, clock} = rig();
      const attempt = start({timing, callbackUrl: SAME_ORIGIN_CALLBACK});
      await settle();
      popup.closed = true;
      await clock.advance(10_000);
      host.channels[0]!.post(message(attempt.state, grant('Via Channel')));
      const outcome = await attempt.outcome;
      expect(outcome.status === 'signed-in' && outcome.session.viewer.name).to.equal('Via Channel');
    });

    it('gives up after the grace period when no session turns up', async () => {
      const {popup, start, clock} = rig();
      const attempt = start({timing});
      await settle();
      popup.closed = true;
      await clock.advance(119_000);
      expect(await peek(attempt.outcome)).to.equal('pending');
      await clock.advance(2_000);
      expect(await peek(attempt.outcome)).to.deep.equal({status: 'cancelled', reason: 'closed'});
    });

    it('keeps polling through failed session calls', async () => {
      const {adapter, popup, start, clock} = rig();
      adapter.simulate.fail('session', {code: 'network', times: 3});
      const attempt = start({timing});
      await settle();
      popup.closed = true;
      await clock.advance(7_000);
      await adapter.completeSignIn({providerId: 'github', result: grant('Patient Pat')}, {});
      await clock.advance(2_000);
      expect(await peek(attempt.outcome)).to.have.property('status', 'signed-in');
    });
  });

  describe('blocked popup', () => {
    it('falls back to a full-page redirect, saving the drafts and the state first', async () => {
      const {host, start} = rig();
      host.blockPopups = true;
      const attempt = start({beforeRedirect: () => ({'form:aqim': 'My half-written comment'})});
      expect(attempt.mode).to.equal('redirect');
      expect(await attempt.outcome).to.deep.equal({status: 'redirecting'});
      expect(host.assigned).to.have.length(1);
      const url = new URL(host.assigned[0]!);
      expect(url.searchParams.get('mode')).to.equal('redirect');
      expect(url.searchParams.get('state')).to.equal(attempt.state);
      // The provider comes back to this very page (without its fragment).
      expect(url.searchParams.get('callback')).to.equal('https://blog.example/2012/08/aqim-updates/');
      expect(sessionStorage.getItem('colloquy:sign-in:pending')).to.contain(attempt.state);
      expect(takeSignInDraft('form:aqim')).to.equal('My half-written comment');
    });

    it('treats a popup that is closed as soon as it opens as blocked', async () => {
      const {host, start} = rig();
      host.popupsCloseAtOnce = true;
      const attempt = start();
      expect(attempt.mode).to.equal('redirect');
      await attempt.outcome;
      expect(host.assigned).to.have.length(1);
    });

    it('redirects straight away when no callback page is configured', async () => {
      const {host, start} = rig();
      const attempt = start({callbackUrl: undefined});
      expect(host.opened).to.be.empty;
      expect(await attempt.outcome).to.deep.equal({status: 'redirecting'});
    });

    it('does not leave the page when the state cannot be stored', async () => {
      const {host, start} = rig();
      host.blockPopups = true;
      const setItem = Storage.prototype.setItem;
      Storage.prototype.setItem = () => {
        throw new DOMException('Quota exceeded', 'QuotaExceededError');
      };
      try {
        const attempt = start();
        const error = await attempt.outcome.then(() => undefined, (reason: unknown) => reason);
        expect((error as DOMException).name).to.equal('QuotaExceededError');
      } finally {
        Storage.prototype.setItem = setItem;
      }
      expect(host.assigned).to.be.empty;
    });
  });

  it('keeps tokens out of localStorage and the URL', async () => {
    const {host, popup, start} = rig();
    const before = {...localStorage};
    const attempt = start();
    await settle();
    host.post(message(attempt.state), {origin: 'https://auth.backend.example', source: popup});
    await attempt.outcome;
    expect({...localStorage}).to.deep.equal(before);
    expect(host.location.href).to.equal(PAGE);
  });
});
