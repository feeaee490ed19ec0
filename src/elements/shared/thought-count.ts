import {msg} from '@lit/localize';
import {plural} from '../../i18n/locale.js';

/** "12 thoughts": a thread's comment count, as its heading and `<comment-count>` say it. */
export function thoughtCount(count: number, locale: string, shown?: string): string {
  return plural(count, locale, {
    zero: () => msg('# thoughts', {id: 'thread.count.zero'}),
    one: () => msg('# thought', {id: 'thread.count.one'}),
    two: () => msg('# thoughts', {id: 'thread.count.two'}),
    few: () => msg('# thoughts', {id: 'thread.count.few'}),
    many: () => msg('# thoughts', {id: 'thread.count.many'}),
    other: () => msg('# thoughts', {id: 'thread.count.other'}),
  }, shown);
}
