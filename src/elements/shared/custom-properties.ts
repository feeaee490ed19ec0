import {nothing} from 'lit';
import {Directive, directive, PartType, type ElementPart, type PartInfo} from 'lit/directive.js';

type Properties = Readonly<Record<`--${string}`, string | undefined>>;

/**
 * Sets CSS custom properties on an element through the CSSOM. A `style` attribute (a
 * `style=${…}` binding, or `styleMap` on its first render) is blocked on pages whose CSP has
 * no `'unsafe-inline'` for styles; `style.setProperty` is not.
 */
class CustomPropertiesDirective extends Directive {
  #set = new Set<string>();

  constructor(info: PartInfo) {
    super(info);
    if (info.type !== PartType.ELEMENT) throw new Error('customProperties() goes in an element’s tag: <li ${customProperties({…})}>');
  }

  render(_properties: Properties): typeof nothing {
    return nothing;
  }

  override update(part: ElementPart, [properties]: [Properties]): typeof nothing {
    const style = (part.element as HTMLElement).style;
    for (const name of this.#set) {
      if (properties[name as `--${string}`] === undefined) style.removeProperty(name);
    }
    this.#set.clear();
    for (const [name, value] of Object.entries(properties)) {
      if (value === undefined) continue;
      style.setProperty(name, value);
      this.#set.add(name);
    }
    return nothing;
  }
}

export const customProperties = directive(CustomPropertiesDirective);
