import type {SafeStorage} from '../shared/storage.js';
import {readStoredJson} from '../shared/storage.js';
import {asObject, isObject, type JsonObject} from '../shared/values.js';

/** A held comment is forgotten after this long even if nobody said what became of it. */
const HELD_FOR_MS = 30 * 24 * 60 * 60 * 1000;
const MAX_HELD = 20;
const MAX_IDS = 500;

/** The fields of a WordPress comment worth keeping (the rest, `_links` above all, is noise). */
const KEPT_FIELDS = ['id', 'post', 'parent', 'author', 'author_name', 'author_url', 'date', 'date_gmt', 'content', 'link', 'status', 'author_avatar_urls'];

interface Record {
  /** Ids of every comment posted from this browser, to mark them as the viewer's. */
  ids: string[];
  /** Comments WordPress held for moderation, as it returned them, with when they were kept. */
  held: {comment: JsonObject; keptAt: number; text?: string}[];
}

/**
 * What one browser posted to one WordPress post, in localStorage. WordPress never lists
 * a held comment back to a guest (listing `status=hold` needs moderator rights), so the
 * held comment is kept here and shown to its author, marked pending, until WordPress
 * lists it (approved) or says it is gone.
 */
export class OwnComments {
  constructor(
    private readonly storage: SafeStorage,
    private readonly key: string,
  ) {}

  read(now = Date.now()): Record {
    const stored = asObject(readStoredJson(this.storage, this.key));
    const ids = Array.isArray(stored['ids']) ? stored['ids'].filter((id): id is string => typeof id === 'string') : [];
    const held = (Array.isArray(stored['held']) ? stored['held'] : [])
      .filter((entry): entry is {comment: JsonObject; keptAt: number; text?: string} =>
        isObject(entry) && isObject(entry['comment']) && typeof entry['keptAt'] === 'number',
      )
      .filter((entry) => now - entry.keptAt < HELD_FOR_MS);
    return {ids, held};
  }

  /** Remembers a comment WordPress just stored (the raw response), held or not. */
  remember(comment: JsonObject, held: boolean, text: string): void {
    const record = this.read();
    const id = String(comment['id']);
    const kept = Object.fromEntries(KEPT_FIELDS.filter((field) => field in comment).map((field) => [field, comment[field]]));
    this.#write({
      ids: [...record.ids.filter((known) => known !== id), id].slice(-MAX_IDS),
      held: held ? [...record.held, {comment: kept, keptAt: Date.now(), text: text.slice(0, 70_000)}].slice(-MAX_HELD) : record.held,
    });
  }

  /**
   * Whether a held comment of this browser says `text`, compared as typed (WordPress's
   * duplicate check compares the stored text, and its rendering adds curly quotes).
   */
  holds(text: string): boolean {
    const typed = text.trim();
    return this.read().held.some((entry) => typeof entry.text === 'string' && entry.text.trim() === typed);
  }

  /** Stops showing held comments that were approved or are gone. */
  release(ids: ReadonlySet<string>): void {
    if (ids.size === 0) return;
    const record = this.read();
    this.#write({...record, held: record.held.filter((entry) => !ids.has(String(entry.comment['id'])))});
  }

  #write(record: Record): void {
    this.storage.set(this.key, JSON.stringify(record));
  }
}
