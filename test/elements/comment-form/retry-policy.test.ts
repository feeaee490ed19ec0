import {expect} from '@open-wc/testing';
import {CommentError, type CommentErrorCode} from '../../../src/core/errors.js';
import {backoffDelay, decideRetry, defaultRetryOptions} from '../../../src/elements/comment-form/retry-policy.js';

const options = {maxAttempts: 3, baseDelayMs: 1000, maxDelayMs: 5000};
const error = (code: CommentErrorCode, extra = {}) => new CommentError(code, code, extra);

describe('retry policy', () => {
  it('retries server errors by itself, at most three tries in all', () => {
    expect(decideRetry(error('server'), 1, options, () => 0)).to.deep.equal({action: 'retry', delayMs: 500});
    expect(decideRetry(error('server'), 2, options, () => 0)).to.deep.equal({action: 'retry', delayMs: 1000});
    expect(decideRetry(error('server'), 3, options, () => 0)).to.deep.equal({action: 'stop'});
    expect(defaultRetryOptions.maxAttempts).to.equal(3);
  });

  it('waits exponentially longer, capped, with jitter in the upper half', () => {
    expect([1, 2, 3, 4, 5].map((attempt) => backoffDelay(attempt, options, () => 0))).to.deep.equal([500, 1000, 2000, 2500, 2500]);
    expect([1, 2, 3, 4, 5].map((attempt) => backoffDelay(attempt, options, () => 0.999999))).to.deep.equal([1000, 2000, 4000, 5000, 5000]);
    expect(backoffDelay(2, options, () => 0.5)).to.equal(1500);
  });

  it('waits for the network to come back after a connection failure', () => {
    expect(decideRetry(error('network'), 1, options)).to.deep.equal({action: 'retry-when-online'});
    expect(decideRetry(error('network'), 7, options)).to.deep.equal({action: 'retry-when-online'});
  });

  it('honours a rate limit\'s retry time', () => {
    const limited = error('rate-limited', {retryAfterMs: 30_000});
    expect(decideRetry(limited, 1, options)).to.deep.equal({action: 'wait', at: limited.retryAt});
    const unknown = error('rate-limited');
    expect(decideRetry(unknown, 1, options, Math.random, () => 0)).to.deep.equal({action: 'wait', at: undefined});
  });

  it('leaves a duplicate to the commenter: it is not counted as posted', () => {
    expect(decideRetry(error('duplicate'), 1, options)).to.deep.equal({action: 'stop'});
  });

  it('waits as long as a 502/503 Retry-After says, and leaves a longer wait to the commenter', () => {
    const soon = decideRetry(error('server', {retryAfterMs: 500}), 1, {maxAttempts: 3, baseDelayMs: 1, maxDelayMs: 1000}, () => 0);
    expect(soon).to.deep.equal({action: 'retry', delayMs: 500});
    expect(decideRetry(error('server', {retryAfterMs: 30_000}), 1, options)).to.deep.equal({action: 'stop'});
  });

  it('never retries what the backend refused, nor anything that is not a CommentError', () => {
    for (const code of ['invalid', 'unauthorized', 'forbidden', 'not-found', 'closed', 'conflict'] as const) {
      expect(decideRetry(error(code), 1, options), code).to.deep.equal({action: 'stop'});
    }
    expect(decideRetry(new TypeError('bug'), 1, options)).to.deep.equal({action: 'stop'});
  });

  it('retries a post the backend is still processing (409) like a server error, when told it is transient', () => {
    const transient = {conflictIsTransient: true};
    expect(decideRetry(error('conflict'), 1, options, () => 0, Date.now, transient)).to.deep.equal(decideRetry(error('server'), 1, options, () => 0));
    expect(decideRetry(error('conflict', {retryAfterMs: 30_000}), 1, options, () => 0, Date.now, transient)).to.deep.equal({action: 'stop'});
    expect(decideRetry(error('conflict'), options.maxAttempts, options, () => 0, Date.now, transient)).to.deep.equal({action: 'stop'});
  });
});
