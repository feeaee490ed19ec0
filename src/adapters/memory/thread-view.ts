// How a memory thread reads: what a viewer may see, replies under their parents, the
// order of top-level comments and the page cursors that continue it. Pure functions of the
// stored thread.
import type {SortOrder} from '../../core/types.js';
import type {StoredComment, StoredThread} from './seed.js';

interface Cursor {
  sort: SortOrder;
  after: string;
}

/**
 * What `viewer` may see: approved comments, their own held ones (a moderator: everyone's),
 * and deleted comments that still have visible replies. A comment hidden from the viewer
 * (held, spam) hides its replies.
 */
export function visibleComments(thread: StoredThread, viewer: string, moderator = false): StoredComment[] {
  const children = childrenOf(thread.comments);
  const visible = new Set<StoredComment>();
  const visit = (comment: StoredComment): boolean => {
    const shown =
      comment.status === 'approved' || (comment.status === 'pending' && (moderator || comment.authorKey === viewer));
    if ((comment.status === 'pending' && !shown) || comment.status === 'spam') return false;
    let anyChildShown = false;
    for (const child of children.get(comment.id) ?? []) anyChildShown = visit(child) || anyChildShown;
    if (shown || (comment.status === 'deleted' && anyChildShown)) {
      visible.add(comment);
      return true;
    }
    return false;
  };
  const ids = new Set(thread.comments.map((comment) => comment.id));
  // Comments whose parent is missing from the store are treated as top-level.
  for (const comment of thread.comments) if (comment.parentId === null || !ids.has(comment.parentId)) visit(comment);
  return thread.comments
    .filter((comment) => visible.has(comment))
    .map((comment) => (comment.parentId !== null && !ids.has(comment.parentId) ? {...comment, parentId: null} : comment));
}

/** Replies by parent id, oldest first. */
export function childrenOf(comments: StoredComment[]): Map<string, StoredComment[]> {
  const children = new Map<string, StoredComment[]>();
  for (const comment of comments) {
    if (comment.parentId === null) continue;
    const siblings = children.get(comment.parentId) ?? [];
    siblings.push(comment);
    children.set(comment.parentId, siblings);
  }
  for (const siblings of children.values()) siblings.sort(byDate);
  return children;
}

function byDate(a: StoredComment, b: StoredComment): number {
  return a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id);
}

export function rootOrder(sort: SortOrder, visible: StoredComment[]): (a: StoredComment, b: StoredComment) => number {
  if (sort === 'newest') return (a, b) => byDate(b, a);
  if (sort === 'oldest') return byDate;
  const score = new Map(
    visible.map((comment) => [
      comment.id,
      Object.values(comment.reactions ?? {}).reduce((sum, count) => sum + count, 0) +
        Object.values(comment.reactedBy ?? {}).reduce((sum, people) => sum + people.length, 0),
    ]),
  );
  return (a, b) => (score.get(b.id) ?? 0) - (score.get(a.id) ?? 0) || byDate(a, b);
}

export function encodeCursor(cursor: Cursor): string {
  return btoa(JSON.stringify(cursor));
}

export function decodeCursor(token: string): Cursor | undefined {
  try {
    const cursor = JSON.parse(atob(token)) as Cursor;
    return typeof cursor.after === 'string' && typeof cursor.sort === 'string' ? cursor : undefined;
  } catch {
    return undefined;
  }
}
