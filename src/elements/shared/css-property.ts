import {noChange} from 'lit';
import {Directive, directive, PartType, type ElementPart, type PartInfo} from 'lit/directive.js';

/**
 * Sets one custom property on an element through the CSSOM. A strict Content Security
 * Policy (`style-src` without 'unsafe-inline', docs/csp.md) blocks `style` attributes,
 * and `styleMap` writes one on the first render; the CSSOM is always allowed.
 */
class CssPropertyDirective extends Directive {
  constructor(info: PartInfo) {
    super(info);
    if (info.type !== PartType.ELEMENT) throw new Error('cssProperty() belongs on an element');
  }

  render(_name: string, _value: string | undefined): typeof noChange {
    return noChange;
  }

  override update(part: ElementPart, [name, value]: [string, string | undefined]): typeof noChange {
    const {style} = part.element as HTMLElement;
    if (value === undefined) style.removeProperty(name);
    else style.setProperty(name, value);
    return noChange;
  }
}

export const cssProperty = directive(CssPropertyDirective);
