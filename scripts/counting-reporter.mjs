// web-test-runner's own summary is not alone on a line; CI reads a plain
// "N passed, N failed" line, so print one after every run.
function countTests(suite, totals) {
  for (const test of suite?.tests ?? []) {
    if (test.skipped) totals.skipped += 1;
    else if (test.passed) totals.passed += 1;
    else totals.failed += 1;
  }
  for (const child of suite?.suites ?? []) countTests(child, totals);
}

export function countingReporter() {
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
      console.log(`\n${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped`);
    },
  };
}
