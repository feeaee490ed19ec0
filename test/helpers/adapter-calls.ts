import {expect} from '@open-wc/testing';
import type {CommentAdapter} from '../../src/core/adapter.js';
import {CommentError, type CommentErrorCode} from '../../src/core/errors.js';
import type {CommentPage, SortOrder} from '../../src/core/types.js';

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

/** Every page of a thread, following cursors. */
export async function loadAll(adapter: CommentAdapter, thread: string, limit = 100, sort: SortOrder = 'oldest') {
  const pages: CommentPage[] = [];
  let cursor: string | undefined;
  do {
    const page = await adapter.loadPage({thread, sort, limit, ...(cursor ? {cursor} : {})}, {});
    pages.push(page);
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  return {pages, comments: pages.flatMap((page) => page.comments)};
}
