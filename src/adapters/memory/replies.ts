import type {StoredComment} from './seed.js';

// Long conversations in batches, as a server with the REST protocol's `replies` sends them
// (docs/rest-protocol.md, "Long conversations"), for demos and tests of the thread.

/**
 * Where a conversation's replies continue: the path of the last reply sent, from the
 * conversation's first reply down, each step the `createdAt` and id siblings are sorted by.
 * A keyset rather than a position, so replies posted or deleted meanwhile shift nothing.
 */
interface ReplyCursor {
  root: string;
  after: string[];
}

export function encodeReplyCursor(cursor: ReplyCursor): string {
  return btoa(encodeURIComponent(JSON.stringify({r: cursor.root, p: cursor.after})));
}

/** The cursor, or undefined when it is not one of `root`'s conversation. */
export function decodeReplyCursor(token: string, root: string): ReplyCursor | undefined {
  try {
    const value = JSON.parse(decodeURIComponent(atob(token))) as {r?: unknown; p?: unknown};
    if (value.r !== root || !Array.isArray(value.p) || !value.p.every((step) => typeof step === 'string')) return undefined;
    return {root, after: value.p as string[]};
  } catch {
    return undefined;
  }
}

const step = (comment: StoredComment) => `${comment.createdAt}\u0000${comment.id}`;

/** Reading order compares paths step by step; a parent (a prefix) comes before its replies. */
function comparePaths(a: readonly string[], b: readonly string[]): number {
  for (let index = 0; index < Math.min(a.length, b.length); index++) {
    if (a[index] !== b[index]) return a[index]! < b[index]! ? -1 : 1;
  }
  return a.length - b.length;
}

/**
 * The replies of `root`'s conversation after `after` (from the first when null), at most
 * `limit`, in reading order; `children` lists each comment's visible replies, sorted as
 * siblings are. `remaining` counts the replies after the batch, placeholders not.
 */
export function replyBatch(
  root: StoredComment,
  children: ReadonlyMap<string, StoredComment[]>,
  after: readonly string[] | null,
  limit: number,
): {batch: StoredComment[]; remaining: number; last: string[] | null} {
  const batch: StoredComment[] = [];
  let last: string[] | null = null;
  let remaining = 0;
  // Depth first without recursion: a conversation may be thousands of replies deep.
  const pending: {comment: StoredComment; path: string[]}[] = [];
  const push = (parent: StoredComment, path: string[]) => {
    const replies = children.get(parent.id) ?? [];
    for (let index = replies.length - 1; index >= 0; index--) pending.push({comment: replies[index]!, path: [...path, step(replies[index]!)]});
  };
  push(root, []);
  for (let next = pending.pop(); next; next = pending.pop()) {
    push(next.comment, next.path);
    if (after && comparePaths(next.path, after) <= 0) continue;
    if (batch.length < limit) {
      batch.push(next.comment);
      last = next.path;
    } else if (next.comment.status !== 'deleted') {
      remaining++;
    }
  }
  return {batch, remaining, last};
}
