// The up-front script budget: what a script-tag page with <comment-thread adapter="rest">
// downloads before comments show must stay within size-budget.json. Runs after `build`.
import assert from 'node:assert/strict';
import {readFileSync} from 'node:fs';
import {test} from 'node:test';
import {assertBuilt, criticalPath, kib, sum, weigh} from '../../scripts/script-weight.mjs';

const budget = JSON.parse(readFileSync(new URL('../../size-budget.json', import.meta.url), 'utf8'));

test('the rest thread critical path stays within size-budget.json', () => {
  assertBuilt();
  const path = criticalPath('rest').map(weigh);
  const gzip = sum(path, 'gzip');
  const allowed = budget.restThreadGzipKiB * 1024;
  const files = path.map((row) => `${row.file} ${kib(row.gzip)}`).join(', ');
  console.log(`rest thread critical path: ${kib(gzip)} gzip of ${budget.restThreadGzipKiB} KiB allowed (${files})`);
  assert.ok(path.length >= 2, 'the critical path names the entry and the adapter chunk');
  assert.ok(gzip <= allowed, `the up-front script grew to ${kib(gzip)} gzip, past the ${budget.restThreadGzipKiB} KiB budget in size-budget.json (${files})`);
});
