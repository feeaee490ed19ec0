import {msg, str} from '@lit/localize';
import {html, nothing, type TemplateResult} from 'lit';
import {isCommentError} from '../../core/errors.js';
import type {SortOrder, ThreadInfo} from '../../core/types.js';
import {isolate} from '../../i18n/isolate.js';
import {plural} from '../../i18n/locale.js';
import {countLabel, shownCount} from '../../i18n/plausible.js';
import {thoughtCount} from '../shared/thought-count.js';

// What the thread shows above its comments: the heading with their count, the sort menu, and
// why they could not be loaded.

/**
 * "3 thoughts on “Title”", or "Comments" while loading and when none are counted.
 * `heldForViewer`: how many of the comments shown are the viewer's own, held for moderation.
 */
export function threadHeading(info: ThreadInfo | undefined, locale: string, heldForViewer: () => number): string {
  if (!info) return msg('Comments', {id: 'thread.heading.loading'});
  // The viewer's own comments held for moderation are theirs to see, not yet the thread's.
  const count = Math.max(0, shownCount(info.totalCount) - heldForViewer());
  // "0 thoughts on …" above "No comments yet." says nothing twice: no count then.
  if (count === 0) return msg('Comments', {id: 'thread.heading.loading'});
  const shown = countLabel(info.totalCount, locale);
  const title = isolate(info.title.trim());
  if (!info.title.trim()) {
    return thoughtCount(count, locale, shown);
  }
  return plural(count, locale, {
    one: () => msg(str`# thought on “${title}”`, {id: 'thread.heading.one'}),
    two: () => msg(str`# thoughts on “${title}”`, {id: 'thread.heading.two'}),
    few: () => msg(str`# thoughts on “${title}”`, {id: 'thread.heading.few'}),
    many: () => msg(str`# thoughts on “${title}”`, {id: 'thread.heading.many'}),
    other: () => msg(str`# thoughts on “${title}”`, {id: 'thread.heading.other'}),
  }, shown);
}

/** The sort menu: oldest or newest first, and "Top" where the backend has reactions to rank by. */
export function renderSortControl(sort: SortOrder, canSortByTop: boolean, onChange: (event: Event) => void): TemplateResult {
  return html`
    <label class="sort">
      <span>${msg('Sort by', {id: 'thread.sort.label'})}</span>
      <select part="sort" @change=${onChange}>
        <option value="oldest" ?selected=${sort === 'oldest'}>${msg('Oldest first', {id: 'thread.sort.oldest'})}</option>
        <option value="newest" ?selected=${sort === 'newest'}>${msg('Newest first', {id: 'thread.sort.newest'})}</option>
        ${canSortByTop ? html`<option value="top" ?selected=${sort === 'top'}>${msg('Top', {id: 'thread.sort.top'})}</option>` : nothing}
      </select>
    </label>
  `;
}

/** "Comments could not be loaded.", the backend's reason, and "Try again" (`retry`). */
export function renderLoadError(error: unknown, retry: () => void): TemplateResult {
  return html`
    <div part="error" class="error" role="alert">
      <p>${msg('Comments could not be loaded.', {id: 'thread.error'})}</p>
      ${isCommentError(error) && error.message ? html`<p class="detail">${error.message}</p>` : nothing}
      <button type="button" part="retry-button" class="button" @click=${retry}>
        ${msg('Try again', {id: 'thread.retry'})}
      </button>
    </div>
  `;
}
