import {expect, waitUntil} from '@open-wc/testing';
import {expectAccessible} from '../helpers/axe.js';
import type {MountApp} from './app-contract.js';

// Deliberately imports no Colloquy module: the app bundle brings its own copy, as a real
// app does, and the test sees it only through the DOM.

const text = (element: Element | null | undefined) =>
  (element?.shadowRoot?.textContent ?? '').replace(/\s+/g, ' ');

function part<T extends HTMLElement>(host: Element, name: string): T {
  const found = host.shadowRoot?.querySelector<T>(`[part~="${name}"]`);
  if (!found) throw new Error(`no part "${name}" in <${host.localName}>`);
  return found;
}

function type(host: Element, partName: string, value: string): void {
  const field = part<HTMLInputElement>(host, partName);
  field.value = value;
  field.dispatchEvent(new InputEvent('input', {bubbles: true, composed: true}));
}

/**
 * Mounts a framework app bundle (served by scripts/framework-apps-plugin.mjs) and checks
 * what a developer following the README expects: the thread configured by attributes
 * loads, its form posts, the app hears the events, and the adapter object set as a
 * property is used. Uncaught errors (a string used as an adapter object throws one) fail it.
 */
export async function expectFrameworkAppWorks(bundle: string): Promise<void> {
  const errors: unknown[] = [];
  const onError = (event: ErrorEvent) => errors.push(event.error ?? event.message);
  const onRejection = (event: PromiseRejectionEvent) => errors.push(event.reason);
  window.addEventListener('error', onError);
  window.addEventListener('unhandledrejection', onRejection);
  const {mount} = (await import(bundle)) as {mount: MountApp};
  const container = document.createElement('div');
  document.body.append(container);
  const unmount = mount(container, {storageKey: `colloquy-framework-test-${Date.now()}-${Math.random()}`});
  try {
    await waitUntil(() => container.querySelector('#named'), 'the app rendered no thread');
    const named = container.querySelector('#named')!;
    await waitUntil(() => text(named).includes('No comments yet.'), `the thread configured by attributes did not load: "${text(named)}"`);
    expect(customElements.get('comment-thread'), 'the elements are not defined').to.exist;

    const form = named.querySelector('comment-form')!;
    await waitUntil(
      () => form.shadowRoot?.querySelector('[part~="submit-button"]')?.getAttribute('aria-disabled') === 'false',
      `the form inside the thread did not get ready: "${text(form)}"`,
    );
    type(form, 'textarea', 'Hello from a framework.');
    type(form, 'name-input', 'Ada');
    type(form, 'email-input', 'ada@example.com');
    await new Promise((resolve) => setTimeout(resolve));
    part(form, 'submit-button').click();
    await waitUntil(() => container.querySelector('#posted')?.textContent === 'Posted: 1', 'the app did not hear comment-posted');
    await waitUntil(() => text(named).includes('Hello from a framework.'), 'the posted comment is not in the thread');
    expect(container.querySelector('#loads')?.textContent).not.to.equal('Loads: 0');

    const byObject = container.querySelector('#object')!;
    await waitUntil(
      () => text(byObject).includes('Seeded through the adapter property.'),
      `the thread given an adapter object did not use it: "${text(byObject)}"`,
    );
    await expectAccessible(container);
    expect(errors, 'uncaught errors').to.deep.equal([]);
  } finally {
    unmount();
    container.remove();
    window.removeEventListener('error', onError);
    window.removeEventListener('unhandledrejection', onRejection);
  }
}
