/** What `action` passed to console.warn, kept out of the test output. */
export function warningsDuring(action: () => void): unknown[][] {
  const warnings: unknown[][] = [];
  const warn = console.warn;
  console.warn = (...args: unknown[]) => warnings.push(args);
  try {
    action();
  } finally {
    console.warn = warn;
  }
  return warnings;
}
