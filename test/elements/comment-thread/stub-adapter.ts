import type {CommentAdapter, LoadPageRequest, ThreadEvent} from '../../../src/core/adapter.js';
import type {Comment, CommentPage} from '../../../src/core/types.js';
import {THREAD} from './thread-fixture.js';

/** A top-level comment as a backend would send it. */
export function stubComment(id: string, extra: Partial<Comment> = {}): Comment {
  return {
    id,
    parentId: null,
    author: {name: `Author of ${id}`},
    createdAt: new Date(Date.now() - 3600_000).toISOString(),
    content: {kind: 'text', value: `Text of ${id}`},
    status: 'approved',
    replyCount: 0,
    viewerCan: {reply: true, edit: false, delete: false},
    ...extra,
  };
}

export function stubPage(comments: Comment[], nextCursor: string | null, totalCount = 1000): CommentPage {
  const posting = {open: true, guests: {allowed: true, requireName: true, requireEmail: true}, notifications: {comments: false, posts: false}};
  return {thread: {id: THREAD, title: 'Stub', totalCount, posting}, comments, nextCursor};
}

/**
 * A hand-driven backend for behaviours no well-behaved adapter shows: pages come from
 * `pages(request)`, every request is recorded, live events are pushed with `emit`.
 */
export function stubAdapter(pages: (request: LoadPageRequest) => Promise<CommentPage>, extra: Partial<CommentAdapter> = {}) {
  const requests: LoadPageRequest[] = [];
  let listener: ((event: ThreadEvent) => void) | undefined;
  const adapter: CommentAdapter = {
    capabilities: {edit: false, delete: false, reactions: [], signIn: false, session: false, live: true},
    loadPage: (request) => {
      requests.push(request);
      return pages(request);
    },
    postComment: () => Promise.reject(new Error('not used')),
    subscribe: (_thread, onEvent) => {
      listener = onEvent;
    },
    ...extra,
  };
  return {adapter, requests, emit: (event: ThreadEvent) => listener?.(event)};
}
