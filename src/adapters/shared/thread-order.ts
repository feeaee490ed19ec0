import type {Comment} from '../../core/types.js';

/**
 * Groups a flat list of comments into threads as the adapter contract promises them:
 * one group per top-level comment, holding it and then all of its replies depth first,
 * siblings in the order given. The list comes from a backend and may be inconsistent, so:
 *
 * - a comment listed twice is kept once (the first time);
 * - replies whose parent is missing (trashed, held, never existed) are kept under a
 *   `deleted` placeholder with the parent's id, so they stay visible and every reply's
 *   parent exists;
 * - comments caught in a parent cycle (hostile data) become top-level comments.
 *
 * `replyCount` is raised to the number of replies listed when the backend said less.
 */
export function groupThreads(comments: readonly Comment[]): Comment[][] {
  const byId = new Map<string, Comment>();
  for (const comment of comments) {
    if (!byId.has(comment.id)) byId.set(comment.id, comment);
  }

  const ordered: Comment[] = [];
  const placeholders = new Map<string, Comment>();
  for (const comment of byId.values()) {
    const parentId = comment.parentId;
    if (parentId !== null && !byId.has(parentId) && !placeholders.has(parentId)) {
      const placeholder = deletedPlaceholder(parentId, comment.createdAt);
      placeholders.set(parentId, placeholder);
      ordered.push(placeholder);
    }
    ordered.push(comment);
  }

  const children = new Map<string, Comment[]>();
  for (const comment of ordered) {
    if (comment.parentId === null) continue;
    let siblings = children.get(comment.parentId);
    if (!siblings) children.set(comment.parentId, (siblings = []));
    siblings.push(comment);
  }

  const visited = new Set<string>();
  const groups: Comment[][] = [];
  const collect = (root: Comment): Comment[] => {
    const group: Comment[] = [];
    // Iterative, so a hostile thread thousands of levels deep cannot overflow the stack.
    const stack = [root];
    while (stack.length > 0) {
      const comment = stack.pop()!;
      if (visited.has(comment.id)) continue;
      visited.add(comment.id);
      const replies = children.get(comment.id) ?? [];
      group.push(replies.length > comment.replyCount ? {...comment, replyCount: replies.length} : comment);
      for (let index = replies.length - 1; index >= 0; index--) stack.push(replies[index]!);
    }
    return group;
  };

  for (const comment of ordered) {
    if (comment.parentId === null) groups.push(collect(comment));
  }
  for (const comment of ordered) {
    if (!visited.has(comment.id)) groups.push(collect({...comment, parentId: null}));
  }
  return groups;
}

function deletedPlaceholder(id: string, createdAt: string): Comment {
  return {
    id,
    parentId: null,
    author: {name: ''},
    createdAt,
    content: {kind: 'text', value: ''},
    status: 'deleted',
    replyCount: 0,
    viewerCan: {reply: false, edit: false, delete: false},
  };
}
