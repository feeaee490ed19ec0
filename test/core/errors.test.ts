import {expect} from '@open-wc/testing';
import {CommentError, isAbortError, parseRetryAfter} from '../../src/core/errors.js';

describe('CommentError', () => {
  it('keeps its code, field messages and retry time', () => {
    const before = Date.now();
    const error = new CommentError('rate-limited', 'Slow down.', {retryAfterMs: 30_000});
    expect(error.code).to.equal('rate-limited');
    expect(error.message).to.equal('Slow down.');
    expect(error.retryAt).to.be.at.least(before + 30_000);
    expect(error.transient).to.be.false;
    expect(new CommentError('network', 'Offline').transient).to.be.true;
  });

  it('parses Retry-After as seconds or as an HTTP date', () => {
    const now = Date.parse('2026-11-24T10:00:00Z');
    expect(parseRetryAfter('120', now)).to.equal(120_000);
    expect(parseRetryAfter('Tue, 24 Nov 2026 10:00:30 GMT', now)).to.equal(30_000);
    expect(parseRetryAfter('Tue, 24 Nov 2026 09:00:00 GMT', now)).to.equal(0);
    expect(parseRetryAfter('soon', now)).to.be.undefined;
    expect(parseRetryAfter(null, now)).to.be.undefined;
  });

  it('recognises aborts', () => {
    const controller = new AbortController();
    controller.abort();
    expect(isAbortError(controller.signal.reason)).to.be.true;
    expect(isAbortError(new CommentError('network', 'x'))).to.be.false;
  });
});
