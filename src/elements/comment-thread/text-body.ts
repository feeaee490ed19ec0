import type {TextParagraph} from '../../content/text.js';
import {UGC_LINK_REL} from '../../content/urls.js';

/**
 * Fills `element` with a plain-text comment's paragraphs, built as DOM nodes (text as text,
 * never parsed as HTML), replacing what it held. Lit templates per paragraph, line and link
 * would add two markers for each: in a thread of thousands of comments most of its nodes
 * were markers.
 */
export function fillTextBody(element: Element, paragraphs: readonly TextParagraph[]): void {
  const document = element.ownerDocument;
  const nodes = paragraphs.map((lines) => {
    const paragraph = document.createElement('p');
    lines.forEach((runs, index) => {
      if (index > 0) paragraph.append(document.createElement('br'));
      for (const run of runs) {
        if (run.kind === 'text') {
          paragraph.append(run.text);
          continue;
        }
        const link = document.createElement('a');
        link.setAttribute('href', run.href);
        link.setAttribute('rel', UGC_LINK_REL);
        link.textContent = run.text;
        paragraph.append(link);
      }
    });
    return paragraph;
  });
  element.replaceChildren(...nodes);
}
