import type {Comment} from '../../core/types.js';

export interface ThreadNode {
  readonly comment: Comment;
  /** 1 for a top-level comment; never more than the thread's `max-depth`. */
  readonly depth: number;
  readonly replies: readonly ThreadNode[];
  /**
   * The comment this one answers, set when it is shown beside its parent instead of under
   * it because the thread is already `max-depth` levels deep there.
   */
  readonly inReplyTo?: Comment;
}

export interface ThreadTreeOptions {
  /** Levels of nesting shown; deeper replies are listed at the deepest level. */
  maxDepth: number;
  /** Put top-level comments from `added` first, newest first (the `newest` sort). */
  addedFirst: boolean;
}

/**
 * Arranges a thread's comments for display. `loaded` comes from the backend's pages
 * (parents before children, top-level comments in the chosen sort); `added` holds comments
 * that arrived since (posted here, or live from elsewhere), oldest first.
 *
 * A comment appears once even if listed twice. A reply whose parent is unknown is shown at
 * the top level rather than lost. A deleted comment stays, as a placeholder, only while a
 * visible reply hangs below it.
 */
export function buildThreadTree(
  loaded: readonly Comment[],
  added: readonly Comment[],
  options: ThreadTreeOptions,
  previous?: readonly ThreadNode[],
): ThreadNode[] {
  const extended = previous && extendTree(previous, loaded, added, options);
  return extended ?? buildWhole(loaded, added, options, previous);
}

/** How a tree was built, for extending it with the next page instead of building it again. */
interface TreeInputs {
  readonly loaded: readonly Comment[];
  readonly added: readonly Comment[];
  readonly options: ThreadTreeOptions;
  /** Where the nodes of `loaded` end in the tree: a new page's nodes go there. */
  readonly loadedEnd: number;
  /** Ids of every comment in `loaded` and `added`, shown or not; extended in place with each page. */
  readonly ids: Set<string>;
  /** Parents those comments name but that are not among them; extended in place likewise. */
  readonly missingParents: Set<string>;
}

const treeInputs = new WeakMap<readonly ThreadNode[], TreeInputs>();

/**
 * `previous` with a new page's conversations put in, when that is all that changed: `loaded`
 * is `previous`'s plus comments that neither answer one already known nor are answered by
 * an added one (a conforming backend never splits a conversation across pages). Costs the
 * new page only, however long the thread; undefined when the whole tree must be built.
 */
function extendTree(
  previous: readonly ThreadNode[],
  loaded: readonly Comment[],
  added: readonly Comment[],
  options: ThreadTreeOptions,
): ThreadNode[] | undefined {
  const before = treeInputs.get(previous);
  if (!before || before.options.maxDepth !== options.maxDepth || before.options.addedFirst !== options.addedFirst) return undefined;
  const count = before.loaded.length;
  if (loaded.length <= count || added.length !== before.added.length) return undefined;
  for (let index = 0; index < added.length; index++) if (added[index] !== before.added[index]) return undefined;
  // Identity checks only: cheap next to building thousands of nodes.
  for (let index = 0; index < count; index++) if (loaded[index] !== before.loaded[index]) return undefined;
  const fresh = loaded.slice(count);
  const freshIds = new Set<string>();
  for (const comment of fresh) {
    if (before.ids.has(comment.id)) return undefined;
    freshIds.add(comment.id);
  }
  // A comment already here waits for its parent in this page, or one of this page answers
  // a comment already here: conversations change, build the whole tree.
  for (const id of freshIds) if (before.missingParents.has(id)) return undefined;
  for (const comment of fresh) {
    if (comment.parentId !== null && !freshIds.has(comment.parentId) && before.ids.has(comment.parentId)) return undefined;
  }
  const page = buildWhole(fresh, [], options);
  const tree = [...previous.slice(0, before.loadedEnd), ...page, ...previous.slice(before.loadedEnd)];
  for (const id of freshIds) before.ids.add(id);
  for (const comment of fresh) if (comment.parentId !== null && !freshIds.has(comment.parentId)) before.missingParents.add(comment.parentId);
  treeInputs.set(tree, {...before, loaded, added, loadedEnd: before.loadedEnd + page.length});
  return tree;
}

function buildWhole(
  loaded: readonly Comment[],
  added: readonly Comment[],
  options: ThreadTreeOptions,
  previous?: readonly ThreadNode[],
): ThreadNode[] {
  const {maxDepth, addedFirst} = options;
  const reusable = previous ? nodesById(previous) : undefined;
  /**
   * The node from `previous` when nothing in it changed (same comment objects, place and
   * replies), so the thread can skip rendering conversations that a new page left alone.
   */
  function node(comment: Comment, depth: number, replies: ThreadNode[], inReplyTo?: Comment): ThreadNode {
    const old = reusable?.get(comment.id)?.node;
    if (
      old &&
      old.comment === comment &&
      old.depth === depth &&
      old.inReplyTo === inReplyTo &&
      old.replies.length === replies.length &&
      old.replies.every((reply, index) => reply === replies[index])
    ) {
      return old;
    }
    return inReplyTo ? {comment, depth, replies, inReplyTo} : {comment, depth, replies};
  }

  const deepest = Math.max(1, Math.floor(maxDepth) || 1);
  const byId = new Map<string, Comment>();
  const fromPages = new Set<string>();
  for (const comment of loaded) {
    if (byId.has(comment.id)) continue;
    byId.set(comment.id, comment);
    fromPages.add(comment.id);
  }
  for (const comment of added) {
    if (!byId.has(comment.id)) byId.set(comment.id, comment);
  }

  const children = new Map<string, Comment[]>();
  const loadedRoots: Comment[] = [];
  const addedRoots: Comment[] = [];
  for (const comment of byId.values()) {
    const parentId = comment.parentId;
    if (parentId !== null && parentId !== comment.id && byId.has(parentId)) {
      let siblings = children.get(parentId);
      if (!siblings) children.set(parentId, (siblings = []));
      siblings.push(comment);
    } else {
      (fromPages.has(comment.id) ? loadedRoots : addedRoots).push(comment);
    }
  }

  const visible = visibleIds(byId);
  const placed = new Set<string>();

  function list(comments: readonly Comment[], depth: number): ThreadNode[] {
    const nodes: ThreadNode[] = [];
    for (const comment of comments) {
      if (placed.has(comment.id) || !visible.has(comment.id)) continue;
      placed.add(comment.id);
      if (depth < deepest) {
        nodes.push(node(comment, depth, list(children.get(comment.id) ?? [], depth + 1)));
        continue;
      }
      nodes.push(node(comment, depth, []));
      // The deepest level: every later reply follows in conversation order (depth first),
      // each saying whom it answers.
      const pending = [...(children.get(comment.id) ?? [])].reverse();
      for (let reply = pending.pop(); reply; reply = pending.pop()) {
        if (placed.has(reply.id) || !visible.has(reply.id)) continue;
        placed.add(reply.id);
        nodes.push(node(reply, depth, [], byId.get(reply.parentId!)!));
        const answers = children.get(reply.id) ?? [];
        // Pushed last first, without spreading: one reply may have tens of thousands.
        for (let index = answers.length - 1; index >= 0; index--) pending.push(answers[index]!);
      }
    }
    return nodes;
  }

  // Listed in that order, loaded comments first or after the added ones: where the loaded
  // ones end is where the next page goes (see extendTree).
  const before = addedFirst ? list([...addedRoots].reverse(), 1) : [];
  const fromLoaded = list(loadedRoots, 1);
  const after = addedFirst ? [] : list(addedRoots, 1);
  const tree = [...before, ...fromLoaded, ...after];
  // Comments whose parents form a loop (a broken backend) reach no root: show them anyway.
  const stranded = [...byId.values()].filter((comment) => !placed.has(comment.id));
  const whole = stranded.length > 0 ? tree.concat(list(stranded, 1)) : tree;
  const missingParents = new Set<string>();
  for (const comment of byId.values()) if (comment.parentId !== null && !byId.has(comment.parentId)) missingParents.add(comment.parentId);
  treeInputs.set(whole, {loaded, added, options, loadedEnd: before.length + fromLoaded.length, ids: new Set(byId.keys()), missingParents});
  return whole;
}

/** Ids of comments to show: all but deleted ones with no visible reply below them. */
function visibleIds(byId: ReadonlyMap<string, Comment>): Set<string> {
  const visible = new Set<string>();
  for (const comment of byId.values()) {
    if (comment.status === 'deleted') continue;
    // Walk up marking ancestors; stop at one already marked (its ancestors are too), and
    // after as many steps as there are comments, in case parents form a loop.
    let current: Comment | undefined = comment;
    for (let steps = 0; current && !visible.has(current.id) && steps <= byId.size; steps++) {
      visible.add(current.id);
      current = current.parentId === null ? undefined : byId.get(current.parentId);
    }
  }
  return visible;
}

/** Where a comment sits in a tree: its node, and the top-level node of its conversation. */
export interface NodePlace {
  readonly node: ThreadNode;
  readonly conversation: ThreadNode;
}

const indexes = new WeakMap<readonly ThreadNode[], Map<string, NodePlace>>();

/** Every node of `tree` by its comment's id (memoized per tree). */
export function nodesById(tree: readonly ThreadNode[]): ReadonlyMap<string, NodePlace> {
  let index = indexes.get(tree);
  if (!index) {
    index = new Map();
    for (const conversation of tree) {
      const pending = [conversation];
      for (let node = pending.pop(); node; node = pending.pop()) {
        index.set(node.comment.id, {node, conversation});
        for (const reply of node.replies) pending.push(reply);
      }
    }
    indexes.set(tree, index);
  }
  return index;
}

const subtreeSizes = new WeakMap<ThreadNode, number>();

/** How many comments a conversation shows: its first comment and every reply below (memoized per node). */
export function subtreeSize(node: ThreadNode): number {
  let size = subtreeSizes.get(node);
  if (size === undefined) {
    size = 1;
    for (const reply of node.replies) size += subtreeSize(reply);
    subtreeSizes.set(node, size);
  }
  return size;
}
