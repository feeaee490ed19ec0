// `node scripts/module-weight.mjs [adapter]` (after `npm run build`): which source modules
// the bytes on a script-tag page's critical path (scripts/script-weight.mjs) come from,
// read from the bundles' source maps. For each module: its minified bytes, and what gzip
// would save if those bytes were gone (the file gzipped without them), which is what
// moving the module out of the critical path is worth.
import {assertBuilt, criticalPathSources, kib} from './script-weight.mjs';
import {moduleWeights} from './source-weight.mjs';

assertBuilt();
const adapter = process.argv[2] ?? 'rest';

const sorted = moduleWeights(criticalPathSources(adapter));
const total = sorted.reduce((sum, row) => sum + row.gzip, 0);
console.log(`${'module'.padEnd(60)} ${'min'.padStart(10)} ${'gzip saved'.padStart(10)}`);
for (const row of sorted) console.log(`${row.name.padEnd(60)} ${kib(row.raw).padStart(10)} ${kib(row.gzip).padStart(10)}`);
console.log(`(sum of the modules' marginal gzip: ${kib(total)}; less than the files' gzip because shared context compresses)`);
