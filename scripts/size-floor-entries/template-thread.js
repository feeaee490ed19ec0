// The minimal thread (minimal-thread.js) with a hand-written Lit template per comment:
// avatar, author (linked to their profile), permalink with the relative time and full
// date, the text as one text binding (no paragraphs or links, no clock to update the
// time), and static Like and Reply buttons.
import {html, nothing} from 'lit';
import {repeat} from 'lit/directives/repeat.js';
import {msg, str} from '@lit/localize';
import {httpUrl, UGC_LINK_REL} from '../content/urls.js';
import {commentHash} from '../elements/comment-thread/permalinks.js';
import {avatarElement} from '../elements/shared/avatar.js';
import {formatFullDate, formatRelativeTime} from '../i18n/format.js';
import {isolate} from '../i18n/isolate.js';
import {plausibleTime} from '../i18n/plausible.js';
import {likeButton, MinimalThread} from './minimal-thread.js';

export class TemplateThread extends MinimalThread {
  renderComments(nodes, locale) {
    return this.#list(nodes, locale, Date.now());
  }

  #list(nodes, locale, now) {
    return repeat(nodes, (node) => node.comment.id, (node) => this.#comment(node, locale, now));
  }

  #comment({comment, replies}, locale, now) {
    const name = comment.author.name.trim() || msg('Anonymous', {id: 'thread.anonymous'});
    const profile = httpUrl(comment.author.profileUrl);
    const created = plausibleTime(comment.createdAt);
    const article =
      comment.status === 'deleted'
        ? html`<article tabindex="-1"><p class="placeholder">${msg('This comment was deleted.', {id: 'thread.deleted'})}</p></article>`
        : html`
            <article part="comment" class="comment" tabindex="-1" data-comment-id=${comment.id}>
              ${avatarElement(name, httpUrl(comment.author.avatarUrl), locale)}
              <div class="main">
                <header part="comment-header" class="meta">
                  ${profile
                    ? html`<a part="author" class="author" rel=${UGC_LINK_REL} dir="auto" href=${profile}>${name}</a>`
                    : html`<span part="author" class="author" dir="auto">${name}</span>`}
                  ${Number.isNaN(created)
                    ? nothing
                    : html`<a part="permalink" class="permalink" href=${commentHash(comment.id)}
                        ><time part="timestamp" datetime=${new Date(created).toISOString()} title=${formatFullDate(created, locale)}
                          >${formatRelativeTime(created, now, locale)}</time
                        ></a
                      >`}
                </header>
                <div part="body" class="body" dir="auto">${comment.content.value}</div>
                <div class="actions">
                  ${likeButton()}<button
                    type="button"
                    part="reply-button"
                    class="link-button reply"
                    aria-label=${msg(str`Reply to ${isolate(name)}`, {id: 'thread.reply.label'})}
                  >${msg('Reply', {id: 'thread.reply'})}</button>
                </div>
              </div>
            </article>
          `;
    return html`
      <li class="item">
        ${article}
        ${replies.length > 0 ? html`<ol part="replies" class="replies">${this.#list(replies, locale, now)}</ol>` : nothing}
      </li>
    `;
  }
}
customElements.define('size-floor-template-thread', TemplateThread);
