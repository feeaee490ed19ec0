import {expect} from '@open-wc/testing';
import {CommentError, type CommentErrorCode} from '../../src/core/errors.js';

/** What `call` rejected with; fails the test when it resolved. */
export async function rejection(call: Promise<unknown>): Promise<unknown> {
  try {
    await call;
  } catch (error) {
    return error;
  }
  throw new Error('expected the call to fail');
}

/** Expects `call` to reject with a CommentError of `code`, and returns it. */
export async function expectCode(call: Promise<unknown>, code: CommentErrorCode): Promise<CommentError> {
  const error = await rejection(call);
  expect(error).to.be.instanceOf(CommentError);
  expect((error as CommentError).code).to.equal(code);
  return error as CommentError;
}
