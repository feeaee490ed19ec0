/**
 * Defines a custom element unless the tag is taken: the widget may be loaded twice on one
 * page (from npm and from a script tag), and a second `define` would throw.
 */
export function defineElement(tag: string, element: CustomElementConstructor): void {
  if (!customElements.get(tag)) customElements.define(tag, element);
}
