// web-test-runner's own summary is not alone on a line. scripts/test.mjs adds up every
// suite's totals into the one plain "N passed, N failed" line CI reads, so this reporter
// records the browser suite's totals in the file it names (and prints them when run alone).
import {appendFileSync} from 'node:fs';

function countTests(suite, totals) {
  for (const test of suite?.tests ?? []) {
    if (test.skipped) totals.skipped += 1;
    else if (test.passed) totals.passed += 1;
    else totals.failed += 1;
  }
  for (const child of suite?.suites ?? []) countTests(child, totals);
}

export function countingReporter({suite = 'browser'} = {}) {
  return {
    onTestRunFinished({sessions}) {
      const totals = {passed: 0, failed: 0, skipped: 0};
      let brokenFiles = 0;
      for (const session of sessions) {
        countTests(session.testResults, totals);
        if (!session.passed && (session.errors?.length ?? 0) > 0) brokenFiles += 1;
      }
      // A file that fails to load has no test results; count it so it cannot pass silently.
      totals.failed += brokenFiles;
      recordCounts({suite, ...totals});
    },
  };
}

/** Appends one suite's totals for scripts/test.mjs, or prints them when run on its own. */
export function recordCounts(counts) {
  const file = process.env.COLLOQUY_TEST_COUNTS;
  if (file) appendFileSync(file, `${JSON.stringify(counts)}\n`);
  else if (counts.skippedSuite) console.log(`\nSKIPPED SUITE ${counts.suite}: ${counts.skippedSuite}`);
  else console.log(`\n${counts.passed} passed, ${counts.failed} failed, ${counts.skipped} skipped`);
}
