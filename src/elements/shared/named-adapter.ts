import type {CommentAdapter} from '../../core/adapter.js';
import {resolveAdapter, type AdapterHints} from '../../core/registry.js';
import {adapterConfigOf} from './adapter-config.js';
import {warnOnce} from './warn-once.js';

/**
 * Resolves an element's `adapter` name through the registry. A named adapter may
 * load lazily, and the name may change (or an adapter object may be set) meanwhile, so
 * only the answer to the latest request is delivered. A failure (an unknown name, a
 * missing `endpoint`) is a page's misconfiguration: besides the element's own error
 * state, the console says why, once per message.
 */
export class NamedAdapter {
  #latest = 0;

  constructor(
    private readonly host: Element,
    /** The element's own attributes, which are not configuration for the adapter. */
    private readonly ownAttributes: readonly string[],
  ) {}

  /** Builds the adapter registered as `name` from the host's adapter attributes and properties. */
  resolve(name: string, resolved: (adapter: CommentAdapter) => void, failed: (error: unknown) => void, hints?: AdapterHints): void {
    const request = this.cancel();
    if (!name) return;
    resolveAdapter(name, adapterConfigOf(this.host, this.ownAttributes), hints).then(
      (adapter) => {
        if (request === this.#latest) resolved(adapter);
      },
      (error: unknown) => {
        if (request !== this.#latest) return;
        warnOnce(error instanceof Error ? error.message : String(error), this.host);
        failed(error);
      },
    );
  }

  /** Drops the answer of any request under way; returns the new request number. */
  cancel(): number {
    return ++this.#latest;
  }
}
