// The deliberately minimal thread of `npm run size:floor`'s layer 5: a Lit element that
// builds the rest adapter from its `endpoint` attribute (sending the service document and
// first page requests at once, as the product does), loads the first page, and shows the
// heading with the count, the comments (each subclass renders them its own way), a
// loading status, an error and an empty live region. No sort, no paging, no live updates,
// no controllers, no form slot. Measured, never run.
import {html, LitElement} from 'lit';
import {localized, msg} from '@lit/localize';
import {createRestAdapterFromConfig} from '../adapters/rest/index.js';
import {startRestFromConfig} from '../adapters/rest/start.js';
import {styles} from '../elements/comment-thread/comment-thread.styles.js';
import {moderationStyles, moreRepliesStyles, newCommentsStyles, ownCommentActionsStyles} from '../elements/comment-thread/controls.styles.js';
import {longThreadStyles} from '../elements/comment-thread/long-thread.js';
import {reactionStyles} from '../elements/comment-thread/reaction-buttons.js';
import {buildThreadTree} from '../elements/comment-thread/thread-tree.js';
import {timestampStyles} from '../elements/comment-thread/timestamps.js';
import {avatarStyles} from '../elements/shared/avatar.js';
import {contentStyles} from '../elements/shared/content.styles.js';
import {themeStyles} from '../elements/shared/theme.styles.js';
import {thoughtCount} from '../elements/shared/thought-count.js';
import {localeOf} from '../i18n/locale.js';
import {countLabel, shownCount} from '../i18n/plausible.js';

const PAGE_SIZE = 50;

/** A Like button as static markup (the product's ReactionController is left out). */
export const likeButton = () =>
  html`<button type="button" part="reaction-button" class="link-button reaction" aria-pressed="false">${msg('Like', {id: 'thread.like'})}</button>`;

export class MinimalThread extends LitElement {
  static properties = {endpoint: {}, thread: {}};
  static styles = [themeStyles, avatarStyles, contentStyles, styles, ownCommentActionsStyles, reactionStyles, newCommentsStyles, longThreadStyles, moreRepliesStyles, timestampStyles, moderationStyles];

  connectedCallback() {
    super.connectedCallback();
    void this.load();
  }

  async load() {
    const firstPage = {thread: this.thread || location.pathname, sort: 'oldest', limit: PAGE_SIZE};
    const config = {endpoint: this.endpoint};
    const hints = {firstPage};
    try {
      this.adapter = await createRestAdapterFromConfig(config, hints, startRestFromConfig(config, hints));
      const page = await this.adapter.loadPage(firstPage);
      this.info = page.thread;
      this.nodes = buildThreadTree(page.comments, [], {maxDepth: 5, addedFirst: false});
    } catch (error) {
      this.failed = true;
      console.error(error);
    }
    this.requestUpdate();
  }

  render() {
    const locale = localeOf(this);
    const count = this.info ? shownCount(this.info.totalCount) : 0;
    return html`
      <section part="base" class="thread" aria-labelledby="heading" aria-busy=${this.nodes || this.failed ? 'false' : 'true'}>
        <header part="header" class="header">
          <h2 id="heading" part="heading" class="heading">
            ${count > 0 ? thoughtCount(count, locale, countLabel(this.info.totalCount, locale)) : msg('Comments', {id: 'thread.heading.loading'})}
          </h2>
        </header>
        ${this.failed
          ? html`<p part="error" class="error" role="alert">${msg('Comments could not be loaded.', {id: 'thread.error'})}</p>`
          : !this.nodes
            ? html`<p part="status" class="status">${msg('Loading comments…', {id: 'thread.loading'})}</p>`
            : this.nodes.length === 0
              ? html`<p part="status" class="status">${msg('No comments yet.', {id: 'thread.empty'})}</p>`
              : html`<ol part="list" class="comments">${this.renderComments(this.nodes, locale)}</ol>`}
        <p role="status" id="announcer" class="visually-hidden"></p>
      </section>
    `;
  }
}
localized()(MinimalThread);
