import {expect} from '@open-wc/testing';
import {createMemoryAdapter} from '../../src/adapters/memory/index.js';
import type {SignInLinkRequest} from '../../src/core/adapter.js';
import {CommentError} from '../../src/core/errors.js';
import type {Session} from '../../src/core/types.js';
import {startEmailSignIn} from '../../src/sign-in/email-link.js';
import {FakeClock, peek} from './fakes.js';

/** A memory adapter whose link requests answer as `send` says, and whose session is `session` once set. */
function rig(send: (request: SignInLinkRequest) => Promise<void>) {
  const clock = new FakeClock();
  const links: SignInLinkRequest[] = [];
  let sessionChecks = 0;
  let session: Session | null = null;
  const adapter = Object.assign(createMemoryAdapter(), {
    requestSignInLink: (request: SignInLinkRequest) => {
      links.push(request);
      return send(request);
    },
    getSession: async () => {
      sessionChecks++;
      return session;
    },
  });
  const start = () =>
    startEmailSignIn({adapter, providerId: 'email', email: 'ada@example.com', callbackUrl: 'https://blog.example/post', clock, pollMs: 1000, waitMs: 10_000});
  return {
    clock,
    links,
    start,
    get sessionChecks() {
      return sessionChecks;
    },
    openLink(viewer: Session) {
      session = viewer;
    },
  };
}

const adaSession: Session = {viewer: {id: 'u-ada', name: 'Ada'}, providerId: 'email'};

describe('email link sign-in', () => {
  it('when the link cannot be sent, both `sent` and `outcome` reject with the adapter error, and nothing waits on', async () => {
    const failure = new CommentError('server', 'The mail could not be sent.');
    const state = rig(() => Promise.reject(failure));
    const {clock, start} = state;
    const attempt = start();
    let sendError: unknown;
    await attempt.sent.catch((error: unknown) => (sendError = error));
    expect(sendError).to.equal(failure);
    // Settled once, with the same retryable error the form shows: a caller following the
    // outcome alone (as the panel does after sending) must not wait forever.
    expect(await peek(attempt.outcome)).to.deep.equal({rejected: failure});
    expect(clock.pendingTimers, 'no poll scheduled').to.equal(0);
    await clock.advance(60_000);
    expect(state.sessionChecks, 'nobody asks whether a link that was never sent was opened').to.equal(0);
    // Cancelling after the failure changes nothing.
    attempt.cancel();
    expect(await peek(attempt.outcome)).to.deep.equal({rejected: failure});
  });

  it('a new attempt after a failed send starts afresh, with its own state', async () => {
    let fail = true;
    const {clock, links, start, openLink} = rig(async () => {
      if (fail) throw new CommentError('network', 'Offline.');
    });
    const first = start();
    await first.sent.catch(() => undefined);
    fail = false;
    const second = start();
    await second.sent;
    expect(links).to.have.length(2);
    expect(links[1]!.state).not.to.equal(links[0]!.state);
    openLink(adaSession);
    await clock.advance(1000);
    expect(await peek(second.outcome)).to.deep.equal({status: 'signed-in', session: adaSession});
  });

  it('sent: polls until the link was opened; the outcome settles once', async () => {
    const state = rig(async () => undefined);
    const {clock, start, openLink} = state;
    const attempt = start();
    await attempt.sent;
    await clock.advance(1000);
    expect(state.sessionChecks).to.equal(1);
    expect(await peek(attempt.outcome)).to.equal('pending');
    openLink(adaSession);
    await clock.advance(1000);
    expect(await peek(attempt.outcome)).to.deep.equal({status: 'signed-in', session: adaSession});
    attempt.cancel();
    expect(await peek(attempt.outcome)).to.deep.equal({status: 'signed-in', session: adaSession});
  });

  it('sent: stops with a timeout once the wait is over, and cancel stops at once', async () => {
    const {clock, start} = rig(async () => undefined);
    const waiting = start();
    await waiting.sent;
    await clock.advance(12_000);
    expect(await peek(waiting.outcome)).to.deep.equal({status: 'cancelled', reason: 'timeout'});

    const cancelled = start();
    await cancelled.sent;
    cancelled.cancel();
    expect(await peek(cancelled.outcome)).to.deep.equal({status: 'cancelled', reason: 'cancel'});
    expect(clock.pendingTimers).to.equal(0);
  });
});
