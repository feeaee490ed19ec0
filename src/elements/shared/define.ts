import {warnOnce} from './warn-once.js';

/** Marks Colloquy's element classes, so a second copy of Colloquy recognizes the first's. */
const colloquyElement = Symbol.for('colloquy.element');

/**
 * Defines a custom element unless the tag is taken: the widget may be loaded twice on one
 * page (from npm and from a script tag), and a second `define` would throw. A tag taken by
 * something that is not Colloquy is a conflict the developer must hear about: the page's
 * `<comment-thread>` would be that other element.
 */
export function defineElement(tag: string, element: CustomElementConstructor): void {
  // Outside a browser (server rendering, a Node import) there is nothing to define.
  if (typeof customElements === 'undefined') return;
  (element as unknown as Record<symbol, boolean>)[colloquyElement] = true;
  const existing = customElements.get(tag);
  if (!existing) {
    customElements.define(tag, element);
  } else if (!(existing as unknown as Record<symbol, boolean>)[colloquyElement]) {
    warnOnce(
      `Colloquy: <${tag}> is already defined by another script, so Colloquy's element is not used. ` +
        'Remove the other definition, or load Colloquy before it.',
    );
  }
}
