/**
 * Loaded into every test page right after mocha (see `testRunnerHtml` in
 * web-test-runner.config.mjs), before the test file is imported. web-test-runner sends a
 * failure's `actual` and `expected` to Node through `structuredClone`, which throws on a
 * DOM node: a failing `expect(element).to.be.null` then never reports, and the run hangs
 * until its time limit. Such values are replaced by a description, so the failure
 * reports as usual (chai's message already names them).
 */

function cloneable(value: unknown): boolean {
  try {
    structuredClone(value);
    return true;
  } catch {
    return false;
  }
}

function describeNode(node: Node): string {
  const text = node instanceof Element ? node.outerHTML : `${node.nodeName} ${node.textContent ?? ''}`;
  return text.length > 300 ? `${text.slice(0, 300)}…` : text;
}

/** `value` itself when it can be cloned, else the same shape with what cannot be described. */
function reportable(value: unknown): unknown {
  if (cloneable(value)) return value;
  if (value instanceof Node) return describeNode(value);
  if (Array.isArray(value)) return value.map(reportable);
  if (value && typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype) {
    return Object.fromEntries(Object.entries(value).map(([key, entry]) => [key, reportable(entry)]));
  }
  return String(value);
}

// A root hook runs after every test, once the reporter has set `err` on a failed one.
mocha.suite.afterEach(function () {
  const error = this.currentTest?.err as (Error & {actual?: unknown; expected?: unknown}) | undefined;
  if (!error) return;
  if ('actual' in error) error.actual = reportable(error.actual);
  if ('expected' in error) error.expected = reportable(error.expected);
});
