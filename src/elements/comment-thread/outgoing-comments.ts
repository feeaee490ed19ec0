import type {Comment} from '../../core/types.js';

/**
 * The viewer's comments on their way to the backend (a slotted form's posts), shown as
 * "Sending…" until the backend's copy takes their place.
 */
export class OutgoingComments {
  readonly #byKey = new Map<string, Comment>();
  /** In the order sent; a new array whenever it changes (the thread's tree is rebuilt then). */
  list: readonly Comment[] = [];

  add(key: string, comment: Comment): void {
    this.#byKey.set(key, comment);
    this.list = [...this.#byKey.values()];
  }

  /** The backend answered the comment sent as `key`; false when it was not one of these. */
  resolve(key: string): boolean {
    if (!this.#byKey.delete(key)) return false;
    this.list = [...this.#byKey.values()];
    return true;
  }

  includes(comment: Comment): boolean {
    return this.list.includes(comment);
  }

  /**
   * Those that live updates have not brought yet among the comments shown (`lists`): with a
   * slow answer the stored comment can arrive first, and the viewer's comment must not show twice.
   */
  notArrived(lists: ReadonlyArray<readonly Comment[]>): readonly Comment[] {
    if (this.list.length === 0) return this.list;
    const arrived = lists.flatMap((list) => list.filter((comment) => comment.author.isViewer));
    return this.list.filter(
      (outgoing) =>
        !arrived.some(
          (comment) =>
            comment.parentId === outgoing.parentId &&
            comment.content.kind === 'text' &&
            comment.content.value.trim() === outgoing.content.value.trim(),
        ),
    );
  }
}
