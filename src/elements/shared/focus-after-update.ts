import type {ReactiveElement} from 'lit';

/** Focuses the first element of `host`'s render root matching one of `selectors`, in order, once `host` has rendered. */
export async function focusAfterUpdate(host: ReactiveElement, ...selectors: string[]): Promise<void> {
  await host.updateComplete;
  for (const selector of selectors) {
    const element = host.renderRoot.querySelector<HTMLElement>(selector);
    if (element) {
      element.focus();
      return;
    }
  }
}
