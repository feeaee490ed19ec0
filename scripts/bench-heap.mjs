// Where a page's JS heap goes, from a V8 heap snapshot (CDP `HeapProfiler.takeHeapSnapshot`):
// objects grouped as DevTools' "Summary" groups them (by constructor; strings, closures and
// V8's internal arrays by kind), each group's count and shallow size, and what it keeps
// alive alone (its retained size, from the snapshot's dominator tree). Two snapshots, the
// page with and without the comments, give the cost of each comment by difference.

/**
 * A heap snapshot of `page` (after a forced garbage collection), parsed, with the addresses
 * of the page's scripts by id (`scripts`), to find where a constructor was written.
 */
export async function takeHeapSnapshot(page) {
  const session = await page.context().newCDPSession(page);
  const chunks = [];
  const scripts = new Map();
  session.on('HeapProfiler.addHeapSnapshotChunk', ({chunk}) => chunks.push(chunk));
  session.on('Debugger.scriptParsed', ({scriptId, url}) => scripts.set(Number(scriptId), url));
  await session.send('Debugger.enable');
  await session.send('Debugger.disable');
  await session.send('HeapProfiler.enable');
  await session.send('HeapProfiler.collectGarbage');
  await session.send('HeapProfiler.takeHeapSnapshot', {reportProgress: false, captureNumericValue: false});
  await session.detach();
  const text = chunks.join('');
  // BENCH_HEAP_SAVE=dir: the snapshots are kept there, to open in DevTools' Memory panel.
  if (process.env.BENCH_HEAP_SAVE) {
    const {writeFileSync} = await import('node:fs');
    writeFileSync(`${process.env.BENCH_HEAP_SAVE}/${Date.now()}.heapsnapshot`, text);
  }
  return Object.assign(JSON.parse(text), {scripts});
}

/**
 * Groups of a snapshot: Map from group name to {count, self, retained}. Native (Blink) objects
 * are left out: they are not on the JS heap the benchmarks report. A group's retained size
 * counts what its members dominate, each object once even when members nest. `nameOf(url,
 * line, column)`, when given, names a minified constructor after where it was written.
 */
export function heapGroups(snapshot, nameOf) {
  const {node_fields: nodeFields, edge_fields: edgeFields, node_types: [nodeTypes], edge_types: [edgeTypes]} = snapshot.snapshot.meta;
  const {nodes, edges, strings} = snapshot;
  const width = nodeFields.length;
  const edgeWidth = edgeFields.length;
  const typeAt = nodeFields.indexOf('type');
  const nameAt = nodeFields.indexOf('name');
  const sizeAt = nodeFields.indexOf('self_size');
  const edgeCountAt = nodeFields.indexOf('edge_count');
  const edgeTypeAt = edgeFields.indexOf('type');
  const toAt = edgeFields.indexOf('to_node');
  const count = nodes.length / width;
  const weak = edgeTypes.indexOf('weak');
  const shortcut = edgeTypes.indexOf('shortcut');

  const firstEdge = new Uint32Array(count + 1);
  for (let node = 0, edge = 0; node < count; node++) {
    firstEdge[node] = edge;
    edge += nodes[node * width + edgeCountAt] * edgeWidth;
  }
  firstEdge[count] = edges.length;
  const strong = (edge) => edges[edge + edgeTypeAt] !== weak && edges[edge + edgeTypeAt] !== shortcut;

  // Depth-first postorder from the root (node 0), then Cooper–Harvey–Kennedy dominators.
  const order = new Int32Array(count).fill(-1);
  const postorder = new Uint32Array(count);
  let visited = 0;
  const stack = [0];
  const cursor = new Uint32Array(count);
  const seen = new Uint8Array(count);
  seen[0] = 1;
  for (let node = 0; node < count; node++) cursor[node] = firstEdge[node];
  while (stack.length > 0) {
    const node = stack.at(-1);
    let pushed = false;
    while (cursor[node] < firstEdge[node + 1]) {
      const edge = cursor[node];
      cursor[node] += edgeWidth;
      if (!strong(edge)) continue;
      const to = edges[edge + toAt] / width;
      if (seen[to]) continue;
      seen[to] = 1;
      stack.push(to);
      pushed = true;
      break;
    }
    if (!pushed) {
      stack.pop();
      order[node] = visited;
      postorder[visited++] = node;
    }
  }
  // Predecessors of each reachable node, by strong edges.
  const predecessorCount = new Uint32Array(count + 1);
  for (let node = 0; node < count; node++) {
    if (order[node] < 0) continue;
    for (let edge = firstEdge[node]; edge < firstEdge[node + 1]; edge += edgeWidth) {
      if (strong(edge)) predecessorCount[edges[edge + toAt] / width + 1]++;
    }
  }
  for (let node = 0; node < count; node++) predecessorCount[node + 1] += predecessorCount[node];
  const predecessors = new Uint32Array(predecessorCount[count]);
  const filled = predecessorCount.slice();
  for (let node = 0; node < count; node++) {
    if (order[node] < 0) continue;
    for (let edge = firstEdge[node]; edge < firstEdge[node + 1]; edge += edgeWidth) {
      if (strong(edge)) predecessors[filled[edges[edge + toAt] / width]++] = node;
    }
  }
  const dominator = new Int32Array(count).fill(-1);
  dominator[0] = 0;
  const intersect = (a, b) => {
    while (a !== b) {
      while (order[a] < order[b]) a = dominator[a];
      while (order[b] < order[a]) b = dominator[b];
    }
    return a;
  };
  for (let changed = true; changed; ) {
    changed = false;
    for (let index = visited - 2; index >= 0; index--) {
      const node = postorder[index];
      let idom = -1;
      for (let at = predecessorCount[node]; at < predecessorCount[node + 1]; at++) {
        const from = predecessors[at];
        if (dominator[from] < 0) continue;
        idom = idom < 0 ? from : intersect(from, idom);
      }
      if (idom >= 0 && dominator[node] !== idom) {
        dominator[node] = idom;
        changed = true;
      }
    }
  }
  const retained = new Float64Array(count);
  for (let node = 0; node < count; node++) retained[node] = nodes[node * width + sizeAt];
  for (let index = 0; index < visited - 1; index++) {
    const node = postorder[index];
    if (dominator[node] >= 0 && dominator[node] !== node) retained[dominator[node]] += retained[node];
  }

  const native = nodeTypes.indexOf('native');
  const closure = nodeTypes.indexOf('closure');
  // Constructors by (minified) name: where the first function of that name was written.
  const written = new Map();
  if (nameOf && snapshot.locations) {
    const fields = snapshot.snapshot.meta.location_fields ?? ['object_index', 'script_id', 'line', 'column'];
    const [objectAt, scriptAt, lineAt, columnAt] = ['object_index', 'script_id', 'line', 'column'].map((field) => fields.indexOf(field));
    for (let at = 0; at < snapshot.locations.length; at += fields.length) {
      const node = snapshot.locations[at + objectAt] / width;
      if (nodes[node * width + typeAt] !== closure) continue;
      const name = strings[nodes[node * width + nameAt]];
      const url = snapshot.scripts?.get(snapshot.locations[at + scriptAt]);
      if (name && url && !written.has(name)) written.set(name, {url, line: snapshot.locations[at + lineAt], column: snapshot.locations[at + columnAt]});
    }
  }
  const named = new Map();
  const described = (name) => {
    if (!named.has(name)) {
      const where = written.get(name);
      const original = where && nameOf(where.url, where.line, where.column);
      // Lit's published modules are minified themselves: there the file tells what it is.
      const known = original?.name && original.name !== name && original.name !== 'constructor';
      named.set(name, known ? `${original.name} (${name}, ${original.where})` : original?.where ? `${name} (${original.where})` : name);
    }
    return named.get(name);
  };
  const groupOf = (node) => {
    const type = nodeTypes[nodes[node * width + typeAt]];
    const name = strings[nodes[node * width + nameAt]];
    switch (type) {
      case 'object':
        return described(name.replace(/ \/ .*$/, '').replace(/^(https?:\/\/|<)\S*$/, '(global)'));
      case 'string':
      case 'concatenated string':
      case 'sliced string':
        return '(string)';
      case 'closure':
        return `(closure) ${name || 'anonymous'}`;
      case 'array':
        return `(array) ${name}`;
      case 'hidden':
      case 'object shape':
        return `(system) ${name.replace(/ \/ .*$/, '').replace(/\d+/g, 'N')}`;
      default:
        return `(${type})`;
    }
  };
  const groups = new Map();
  const inGroup = new Map();
  for (let node = 0; node < count; node++) {
    if (order[node] < 0 || nodes[node * width + typeAt] === native) continue;
    const name = groupOf(node);
    const group = groups.get(name) ?? {count: 0, self: 0, retained: 0};
    group.count++;
    group.self += nodes[node * width + sizeAt];
    groups.set(name, group);
    inGroup.set(node, name);
  }
  // Retained: a member's retained size, unless a member of the same group dominates it.
  for (let node = 0; node < count; node++) {
    const name = inGroup.get(node);
    if (name === undefined) continue;
    let above = dominator[node];
    let nested = false;
    while (above > 0 && above !== dominator[above]) {
      if (inGroup.get(above) === name) {
        nested = true;
        break;
      }
      above = dominator[above];
    }
    if (!nested) groups.get(name).retained += retained[node];
  }
  return groups;
}

/** Rows of `after` minus `before`, per `divisor` (comments), largest shallow size first. */
export function heapDifference(before, after, divisor) {
  const rows = [];
  for (const [name, group] of after) {
    const base = before.get(name) ?? {count: 0, self: 0, retained: 0};
    rows.push({
      name,
      count: (group.count - base.count) / divisor,
      self: (group.self - base.self) / divisor,
      retained: (group.retained - base.retained) / divisor,
    });
  }
  return rows.sort((a, b) => b.self - a.self);
}

/**
 * Prints the top `limit` rows and the total shallow size per comment. Compiled code grows
 * with what ran, not with the comments: it is shown apart, out of the total.
 */
export function printHeapDifference(rows, limit = 20) {
  const code = rows.find((row) => row.name === '(code)');
  const perComment = rows.filter((row) => row !== code && Math.abs(row.self) >= 1);
  const total = perComment.reduce((sum, row) => sum + row.self, 0);
  console.log(`  JS heap per comment by constructor (heap snapshots, with and without the thread): ${total.toFixed(0)} bytes` +
    (code ? `, and compiled code worth ${code.self.toFixed(0)} a comment (a fixed amount, not per comment)` : ''));
  console.log(`  ${'objects'.padStart(8)}  ${'shallow B'.padStart(9)}  ${'retained B'.padStart(10)}  constructor`);
  for (const row of perComment.slice(0, limit)) {
    console.log(`  ${row.count.toFixed(2).padStart(8)}  ${row.self.toFixed(0).padStart(9)}  ${row.retained.toFixed(0).padStart(10)}  ${row.name}`);
  }
}
