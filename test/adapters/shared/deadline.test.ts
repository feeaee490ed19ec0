import {expect} from '@open-wc/testing';
import {isDeadlineError, withDeadline} from '../../../src/adapters/shared/deadline.js';
import {isCommentError} from '../../../src/core/errors.js';

const never = () => new Promise<never>(() => {});

describe('withDeadline', () => {
  it('rejects with a retryable network error once the deadline passed, even when the call ignores its signal', async () => {
    const started = performance.now();
    const error = await withDeadline(50, undefined, never).then(
      () => undefined,
      (reason: unknown) => reason,
    );
    expect(isCommentError(error) && error.code).to.equal('network');
    expect(isDeadlineError(error)).to.equal(true);
    expect(performance.now() - started).to.be.within(40, 1000);
  });

  it("aborts the call's signal with the deadline error", async () => {
    let seen: AbortSignal | undefined;
    await withDeadline(20, undefined, (signal) => {
      seen = signal;
      return never();
    }).catch(() => {});
    expect(seen!.aborted).to.equal(true);
    expect(isDeadlineError(seen!.reason)).to.equal(true);
  });

  it("passes on the call's answer and the caller's abort reason", async () => {
    expect(await withDeadline(1000, undefined, async () => 'page')).to.equal('page');
    const controller = new AbortController();
    const pending = withDeadline(1000, controller.signal, never);
    controller.abort(new DOMException('gone', 'AbortError'));
    const error = await pending.catch((reason: unknown) => reason);
    expect((error as DOMException).name).to.equal('AbortError');
  });

  it('means no deadline for 0 or a non-number', async () => {
    const slow = () => new Promise<string>((resolve) => setTimeout(() => resolve('late'), 60));
    expect(await withDeadline(0, undefined, slow)).to.equal('late');
    expect(await withDeadline(Number.NaN, undefined, slow)).to.equal('late');
  });
});
