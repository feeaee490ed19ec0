// Pages cut from a post's comments: WordPress lists them flat, so the adapter loads them
// all at once (a snapshot) and hands out pages of top-level conversations from it.
import type {Comment, SortOrder} from '../../core/types.js';
import type {CommentContext, PostSummary} from './mapping.js';

/** Every comment of one post, fetched at once, from which pages are cut. */
export interface Snapshot {
  generation: number;
  post: PostSummary;
  context: CommentContext;
  groups: Comment[][];
  totalCount: number;
}

/** A page's cursor is `<snapshot generation>:<offset>`; anything else reads as the first page. */
export function parseCursor(cursor: string | undefined): [generation: number, offset: number] {
  const match = /^(\d+):(\d+)$/.exec(cursor ?? '');
  return match ? [Number(match[1]), Number(match[2])] : [0, 0];
}

/** The snapshot's top-level conversations in `sort` order (snapshots hold them oldest first). */
export function inOrder(snapshot: Snapshot, sort: SortOrder): Comment[][] {
  return sort === 'newest' ? [...snapshot.groups].reverse() : snapshot.groups;
}

/** Top-level comments per page: `limit` as a whole number, at least 1. */
export function pageLimit(limit: number): number {
  return Math.max(1, Math.floor(limit) || 1);
}

/**
 * What stays of a comment taken out of the thread: its "deleted" placeholder while replies
 * hang under it (WordPress keeps them), else nothing.
 */
export function placeholderFor(id: string, known: readonly Comment[] | undefined): Comment | null {
  const comment = known?.find((candidate) => candidate.id === id);
  const hasReplies = known?.some((candidate) => candidate.parentId === id) ?? false;
  if (!comment || !hasReplies) return null;
  return {...comment, status: 'deleted', content: {kind: 'text', value: ''}, viewerCan: {reply: false, edit: false, delete: false}};
}
