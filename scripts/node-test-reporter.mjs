// A node:test reporter that only counts, for suites run with `node --test`: pair it with
// `--test-reporter=spec --test-reporter-destination=stdout` so people still read the spec
// output, and scripts/test.mjs gets the totals. Usage:
//   node --test --test-reporter=spec --test-reporter-destination=stdout \
//     --test-reporter=./scripts/node-test-reporter.mjs --test-reporter-destination=/dev/null …
// with COLLOQUY_SUITE naming the suite.
import {recordCounts} from './counting-reporter.mjs';

export default async function* countingNodeReporter(source) {
  const totals = {passed: 0, failed: 0, skipped: 0};
  for await (const event of source) {
    // Only leaf tests count; a describe() reports as a test with children.
    if (event.type !== 'test:pass' && event.type !== 'test:fail') continue;
    if (event.data.details?.type === 'suite') {
      // A suite that failed outside its tests (a hook, a load error) must still count.
      if (event.type === 'test:fail' && event.data.details?.error?.failureType !== 'subtestsFailed') {
        totals.failed += 1;
      }
      continue;
    }
    if (event.data.skip || event.data.todo) totals.skipped += 1;
    else if (event.type === 'test:pass') totals.passed += 1;
    else totals.failed += 1;
  }
  recordCounts({suite: process.env.COLLOQUY_SUITE ?? 'node', ...totals});
  yield '';
}
