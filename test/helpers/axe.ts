import 'axe-core/axe.min.js';
import type {AxeResults, RunOptions} from 'axe-core';

declare global {
  interface Window {
    axe: {run(context: Element | Document, options?: RunOptions): Promise<AxeResults>};
  }
}

/**
 * Fails with a readable list unless axe-core finds no violation in `element` (open shadow
 * roots included). `target-size`, off in axe's defaults, is switched on: comment widgets
 * are full of small buttons.
 */
export async function expectAccessible(element: Element): Promise<void> {
  const results = await window.axe.run(element, {
    rules: {'target-size': {enabled: true}},
    resultTypes: ['violations'],
  });
  if (results.violations.length > 0) {
    const report = results.violations
      .map((violation) => {
        const nodes = violation.nodes.map((node) => `    ${node.target.join(' ')}: ${node.failureSummary ?? ''}`);
        return `- ${violation.id} (${violation.impact}): ${violation.help}\n${nodes.join('\n')}`;
      })
      .join('\n');
    throw new Error(`axe-core found ${results.violations.length} violation(s):\n${report}`);
  }
}
