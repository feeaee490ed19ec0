/**
 * Loaded before every test file (see `testRunnerHtml` in web-test-runner.config.mjs).
 * web-test-runner sends each failure's `actual` and `expected` to Node through
 * `structuredClone`, which throws on a DOM node: a failing `expect(element).to.be.null`
 * then never reports, and the run hangs until its time limit. Values that cannot be
 * cloned are replaced by chai's own description of them, so the failure reads as usual.
 */
import {chai} from '@open-wc/testing';

function cloneable(value: unknown): boolean {
  try {
    structuredClone(value);
    return true;
  } catch {
    return false;
  }
}

const {assert} = chai.Assertion.prototype;
chai.Assertion.prototype.assert = function (this: Chai.AssertionStatic, ...args: Parameters<typeof assert>) {
  try {
    assert.apply(this, args);
  } catch (error) {
    if (error instanceof chai.AssertionError) {
      const failure = error as Chai.AssertionError & {actual?: unknown; expected?: unknown};
      for (const key of ['actual', 'expected'] as const) {
        if (key in failure && !cloneable(failure[key])) failure[key] = chai.util.inspect(failure[key]);
      }
    }
    throw error;
  }
};
