import {noChange} from 'lit';
import {Directive, directive, PartType, type ElementPart, type PartInfo} from 'lit/directive.js';
import type {TextParagraph} from '../../content/text.js';
import {UGC_LINK_REL} from '../../content/urls.js';

/**
 * Fills its element with a plain-text comment's paragraphs, built as DOM nodes (text as
 * text, never parsed as HTML). A template per paragraph, line and link would add two Lit
 * markers for each: in a thread of thousands of comments most of its nodes were markers.
 * The element must have no other content binding.
 */
class TextBodyDirective extends Directive {
  #shown: readonly TextParagraph[] | undefined;

  constructor(part: PartInfo) {
    super(part);
    if (part.type !== PartType.ELEMENT) throw new Error('textBody() fills an element: `<div ${textBody(…)}>`.');
  }

  render(_paragraphs: readonly TextParagraph[]): unknown {
    return noChange;
  }

  override update(part: ElementPart, [paragraphs]: [readonly TextParagraph[]]): unknown {
    if (paragraphs === this.#shown) return noChange;
    this.#shown = paragraphs;
    const document = part.element.ownerDocument;
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
    part.element.replaceChildren(...nodes);
    return noChange;
  }
}

export const textBody = directive(TextBodyDirective);
