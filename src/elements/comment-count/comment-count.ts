import {consume} from '@lit/context';
import {localized} from '@lit/localize';
import {css, html, nothing, type PropertyValues, type TemplateResult} from 'lit';
import {property, state} from 'lit/decorators.js';
import type {CommentAdapter} from '../../core/adapter.js';
import {localeOf} from '../../i18n/locale.js';
import {AdapterElement} from '../shared/adapter-element.js';
import {adapterContext} from '../shared/context.js';
import {defineElement} from '../shared/define.js';
import {themeStyles} from '../shared/theme.styles.js';
import {thoughtCount} from '../shared/thought-count.js';
import {countComments} from './count-batcher.js';

/**
 * A thread's comment count for index pages and post lists ("12 thoughts"). Every count on
 * a page is fetched in one request per backend where the adapter can (`countComments`),
 * else one small request per thread.
 *
 * @summary "12 thoughts": a thread's comment count.
 * @tagname comment-count
 *
 * @csspart count - The count (a link when `href` is set).
 */
@localized()
export class CommentCountElement extends AdapterElement {
  protected static override ownAttributes = ['adapter', 'thread', 'href'];
  static override styles = [
    themeStyles,
    css`
      :host {
        display: inline;
      }
      a {
        color: var(--_link);
      }
    `,
  ];

  /** The thread whose comments are counted. Without one, the page's path, as the thread does. */
  @property() thread = '';

  /** Makes the count a link, e.g. to the post's comments (`/post#comments`). */
  @property() href: string | undefined;

  @consume({context: adapterContext, subscribe: true})
  @state()
  private _contextAdapter: CommentAdapter | undefined;

  @state() private _count: number | undefined;
  #request = 0;
  /** What the shown count was asked for. */
  #counted: {adapter: CommentAdapter | undefined; thread: string} | undefined;

  get #adapter(): CommentAdapter | undefined {
    return this.adapterInUse(this._contextAdapter);
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    // A misconfigured name is warned about in the console; the count then stays empty.
    if (this.adapterSettingsChanged(changed)) this.loadAdapter(() => undefined);
    const adapter = this.#adapter;
    const thread = this.thread || location.pathname;
    if (adapter !== this.#counted?.adapter || thread !== this.#counted?.thread) this.#count(adapter, thread);
  }

  #count(adapter: CommentAdapter | undefined, thread: string): void {
    this.#counted = {adapter, thread};
    const request = ++this.#request;
    this._count = undefined;
    if (!adapter) return;
    void countComments(adapter, thread).then((count) => {
      if (request === this.#request) this._count = count;
    });
  }

  protected override render(): TemplateResult | typeof nothing {
    if (this._count === undefined) return nothing;
    const text = thoughtCount(this._count, localeOf(this));
    return this.href ? html`<a part="count" href=${this.href}>${text}</a>` : html`<span part="count">${text}</span>`;
  }
}

defineElement('comment-count', CommentCountElement);

declare global {
  interface HTMLElementTagNameMap {
    'comment-count': CommentCountElement;
  }
}
