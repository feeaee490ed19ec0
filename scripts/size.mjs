// `npm run size` (after `npm run build`): prints the gzip and brotli sizes of the
// script-tag bundle and of each chunk it loads, which load up front and which only on
// demand, and then what a page really downloads before its comments show for each
// built-in adapter (entry + every chunk on that critical path). Prints figures; the
// budget itself is checked by test/node/size-budget.test.mjs.
import {readdirSync} from 'node:fs';
import {assertBuilt, cdn, criticalPath, graph, kib, sum, weigh} from './script-weight.mjs';

try {
  assertBuilt();
} catch (error) {
  console.error(error.message);
  process.exit(1);
}

const rows = [...graph()].map(([file, load]) => ({...weigh(file), load}));
const unreached = readdirSync(`${cdn}chunks`).filter((name) => name.endsWith('.js') && !rows.some((row) => row.file === `chunks/${name}`));

const width = Math.max(...rows.map((row) => row.file.length), 4);
const line = (row, load) =>
  `${row.file.padEnd(width)}  ${load.padEnd(8)}  ${kib(row.raw).padStart(10)}  ${kib(row.gzip).padStart(10)}  ${kib(row.brotli).padStart(10)}`;
console.log(`${'file'.padEnd(width)}  ${'loaded'.padEnd(8)}  ${'min'.padStart(10)}  ${'gzip -9'.padStart(10)}  ${'brotli'.padStart(10)}`);
for (const row of rows) console.log(line(row, row.load));

console.log('\nBefore the first comments show, a script-tag page in English downloads:');
for (const adapter of ['rest', 'memory', 'wordpress']) {
  const path = criticalPath(adapter).map(weigh);
  console.log(
    `  adapter="${adapter}": ${kib(sum(path, 'gzip'))} gzip, ${kib(sum(path, 'brotli'))} brotli, ${kib(sum(path, 'raw'))} min` +
      ` in ${path.length} files (${path.map((row) => row.chunk).join(' + ')})`,
  );
}
if (unreached.length > 0) console.log(`chunks not reached from the entry: ${unreached.join(', ')}`);
