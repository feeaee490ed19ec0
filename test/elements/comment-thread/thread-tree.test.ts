import {expect} from '@open-wc/testing';
import type {Comment} from '../../../src/core/types.js';
import {buildThreadTree, type ThreadNode} from '../../../src/elements/comment-thread/thread-tree.js';

function comment(id: string, parentId: string | null = null, status: Comment['status'] = 'approved'): Comment {
  return {
    id,
    parentId,
    author: {name: id.toUpperCase()},
    createdAt: '2026-01-01T00:00:00Z',
    content: {kind: 'text', value: id},
    status,
    replyCount: 0,
    viewerCan: {reply: true, edit: false, delete: false},
  };
}

/** The tree as nested arrays of ids, with "<" marking replies shown beside their parent. */
function shape(nodes: readonly ThreadNode[]): unknown[] {
  return nodes.map((node) => {
    const label = node.inReplyTo ? `${node.comment.id}<${node.inReplyTo.id}` : node.comment.id;
    return node.replies.length > 0 ? [label, shape(node.replies)] : label;
  });
}

describe('buildThreadTree', () => {
  const options = {maxDepth: 5, addedFirst: false};

  it('nests replies under their parents in the order given', () => {
    const tree = buildThreadTree([comment('a'), comment('a1', 'a'), comment('b'), comment('a2', 'a')], [], options);
    expect(shape(tree)).to.deep.equal([['a', ['a1', 'a2']], 'b']);
    expect(tree[0]!.replies[0]!.depth).to.equal(2);
  });

  it('lists replies past max-depth at the deepest level in conversation order', () => {
    const loaded = [comment('1'), comment('2', '1'), comment('3', '2'), comment('4', '3'), comment('3b', '2'), comment('4b', '3')];
    expect(shape(buildThreadTree(loaded, [], {...options, maxDepth: 2}))).to.deep.equal([
      ['1', ['2', '3<2', '4<3', '4b<3', '3b<2']],
    ]);
    expect(shape(buildThreadTree(loaded, [], {...options, maxDepth: 1}))).to.deep.equal(['1', '2<1', '3<2', '4<3', '4b<3', '3b<2']);
  });

  it('keeps a deleted comment only while a visible reply hangs below it', () => {
    const tree = buildThreadTree(
      [comment('gone', null, 'deleted'), comment('gone.1', 'gone', 'deleted'), comment('gone.1.1', 'gone.1'), comment('empty', null, 'deleted'), comment('x')],
      [],
      options,
    );
    expect(shape(tree)).to.deep.equal([['gone', [['gone.1', ['gone.1.1']]]], 'x']);
  });

  it('shows each comment once, orphans at the top level, and loops rather than losing them', () => {
    const tree = buildThreadTree(
      [comment('a'), comment('a', null), comment('orphan', 'missing'), comment('self', 'self'), comment('p', 'q'), comment('q', 'p')],
      [comment('a')],
      options,
    );
    expect(shape(tree)).to.deep.equal(['a', 'orphan', 'self', ['p', ['q']]]);
  });

  it('places added comments after the pages, or first (newest first) for the newest sort', () => {
    const loaded = [comment('a'), comment('b')];
    const added = [comment('n1'), comment('r', 'a'), comment('n2')];
    expect(shape(buildThreadTree(loaded, added, options))).to.deep.equal([['a', ['r']], 'b', 'n1', 'n2']);
    expect(shape(buildThreadTree(loaded, added, {...options, addedFirst: true}))).to.deep.equal(['n2', 'n1', ['a', ['r']], 'b']);
  });
});

describe('buildThreadTree with the next page', () => {
  /** The tree of `first`, then of `first` + `next` built from it: as if built in one go. */
  function paged(first: Comment[], next: Comment[], added: Comment[], options: {maxDepth: number; addedFirst: boolean}) {
    const previous = buildThreadTree(first, added, options);
    const extended = buildThreadTree([...first, ...next], added, options, previous);
    expect(shape(extended)).to.deep.equal(shape(buildThreadTree([...first, ...next], added, options)));
    return {previous, extended};
  }

  it('puts the new conversations after the loaded ones and keeps every node already built', () => {
    const first = [comment('a'), comment('a1', 'a'), comment('b')];
    const next = [comment('c'), comment('c1', 'c'), comment('c2', 'c1'), comment('d')];
    const {previous, extended} = paged(first, next, [comment('n1'), comment('n2')], {maxDepth: 5, addedFirst: false});
    expect(shape(extended)).to.deep.equal([['a', ['a1']], 'b', ['c', [['c1', ['c2']]]], 'd', 'n1', 'n2']);
    expect(extended[0]).to.equal(previous[0]);
    expect(extended.at(-1)).to.equal(previous.at(-1));
    paged(first, next, [comment('n1'), comment('n2')], {maxDepth: 5, addedFirst: true});
    paged(first, next, [], {maxDepth: 1, addedFirst: false});
  });

  it('builds what a whole build would when a page changes conversations already shown', () => {
    const options = {maxDepth: 5, addedFirst: false};
    // A reply to a comment of an earlier page (a backend that splits conversations).
    paged([comment('a'), comment('b')], [comment('c'), comment('a1', 'a')], [], options);
    // An earlier reply whose parent comes only now.
    paged([comment('a'), comment('x1', 'x')], [comment('x'), comment('c')], [], options);
    // A deleted comment, hidden until this page brings a reply to it.
    paged([comment('a'), comment('gone', null, 'deleted')], [comment('g1', 'gone'), comment('c')], [], options);
    // A live reply waiting for its parent, which this page brings.
    paged([comment('a')], [comment('p'), comment('c')], [comment('live', 'p')], options);
  });
});
