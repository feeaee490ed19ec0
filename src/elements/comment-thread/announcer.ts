import {msg} from '@lit/localize';
import type {ReactiveElement} from 'lit';
import type {SortOrder} from '../../core/types.js';
import {localeOf, plural} from '../../i18n/locale.js';

// The thread's polite live region (the `announcer` element of its template): says what
// changed where the reader is not looking, such as a page loaded or the new sort shown.

/** Says `text` in `thread`'s live region, even when it repeats the last message. */
export async function announce(thread: ReactiveElement, text: string): Promise<void> {
  // Written into the region directly: two updates of the whole thread (cleared, then
  // the text) for every page loaded would say nothing more.
  const region = () => (thread.renderRoot as ShadowRoot).getElementById('announcer');
  const cleared = region();
  if (cleared) cleared.textContent = '';
  // After what is being rendered (a new page, a new sort) is on screen.
  await thread.updateComplete;
  const shown = region();
  if (shown) shown.textContent = text;
}

/** "12 more comments loaded.": after a page, or a batch of replies, was added. */
export function announceLoaded(thread: ReactiveElement, count: number): void {
  void announce(
    thread,
    plural(count, localeOf(thread), {
      zero: () => msg('# more comments loaded.', {id: 'thread.loaded.zero'}),
      one: () => msg('# more comment loaded.', {id: 'thread.loaded.one'}),
      two: () => msg('# more comments loaded.', {id: 'thread.loaded.two'}),
      few: () => msg('# more comments loaded.', {id: 'thread.loaded.few'}),
      many: () => msg('# more comments loaded.', {id: 'thread.loaded.many'}),
      other: () => msg('# more comments loaded.', {id: 'thread.loaded.other'}),
    }),
  );
}

/** "Comments sorted newest first.": the sort the reader picked is shown. */
export function announceSorted(thread: ReactiveElement, sort: SortOrder): void {
  void announce(
    thread,
    sort === 'newest'
      ? msg('Comments sorted newest first.', {id: 'thread.sorted.newest'})
      : sort === 'top'
        ? msg('Comments sorted by likes.', {id: 'thread.sorted.top'})
        : msg('Comments sorted oldest first.', {id: 'thread.sorted.oldest'}),
  );
}
