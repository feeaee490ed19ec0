import {msg} from '@lit/localize';
import {editableText, type Comment} from '../../core/types.js';
import {formatMinutes} from '../../i18n/format-waits.js';
import {plural} from '../../i18n/locale.js';

/**
 * Whole minutes left in a comment's edit window at `now`, rounded up, so the label says
 * "1 min left" until the very end; 0 once it has closed; undefined when the backend sets
 * no window (or cannot be read).
 */
export function editMinutesLeft(comment: Comment, now: number): number | undefined {
  const until = comment.viewerCan.editableUntil;
  if (until === undefined) return undefined;
  const end = Date.parse(until);
  if (Number.isNaN(end)) return undefined;
  return Math.max(0, Math.ceil((end - now) / 60_000));
}

/**
 * Whether the viewer may edit `comment` at `now`: allowed, its text to edit at hand (or,
 * with `textOnDemand`, HTML whose stored form the adapter loads when asked), and its
 * window still open.
 */
export function canEditAt(comment: Comment, now: number, textOnDemand = false): boolean {
  const editable = editableText(comment.content) !== undefined || (textOnDemand && comment.content.kind === 'html');
  return comment.viewerCan.edit && editable && editMinutesLeft(comment, now) !== 0;
}

/** "Edit", or "Edit (4 min left)" when the backend has an edit window. */
export function editLabel(comment: Comment, now: number, locale: string): string {
  const minutes = editMinutesLeft(comment, now);
  if (minutes === undefined) return msg('Edit', {id: 'thread.edit'});
  const left = formatMinutes(minutes, locale);
  return plural(minutes, locale, {
    zero: () => msg('Edit (# left)', {id: 'thread.edit.time-left.zero'}),
    one: () => msg('Edit (# left)', {id: 'thread.edit.time-left.one'}),
    two: () => msg('Edit (# left)', {id: 'thread.edit.time-left.two'}),
    few: () => msg('Edit (# left)', {id: 'thread.edit.time-left.few'}),
    many: () => msg('Edit (# left)', {id: 'thread.edit.time-left.many'}),
    other: () => msg('Edit (# left)', {id: 'thread.edit.time-left.other'}),
  }, left);
}
