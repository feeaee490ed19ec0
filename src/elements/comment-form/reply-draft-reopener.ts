import type {ReactiveController, ReactiveControllerHost} from 'lit';
import type {DraftStore} from '../../drafts/draft-store.js';
import type {ThreadLink} from '../shared/context.js';

/**
 * After a reload, puts a reply the commenter had begun back under its comment, once the
 * thread has loaded, unless they had also begun a comment at the end of the thread. It
 * looks once per form, after an update.
 */
export class ReplyDraftReopener implements ReactiveController {
  #checked = false;
  /** The comment whose reply draft is being reopened: the form opens it without taking focus. */
  #reopening: string | undefined;

  /**
   * @param thread The enclosing thread, and whether the form is set to a reply or an edit
   *   of its own (it then reopens nothing).
   */
  constructor(
    host: ReactiveControllerHost,
    private readonly store: DraftStore,
    private readonly thread: () => {link: ThreadLink | undefined; busy: boolean},
  ) {
    host.addController(this);
  }

  /** Whether the reply to `parentId` now opening is the one reopened; asked once, as it opens. */
  isReopening(parentId: string | null): boolean {
    const reopening = parentId !== null && parentId === this.#reopening;
    this.#reopening = undefined;
    return reopening;
  }

  hostUpdated(): void {
    const {link, busy} = this.thread();
    if (this.#checked || !link?.info || busy || !this.store.settled) return;
    this.#checked = true;
    if (link.replyingTo || this.store.get({thread: link.threadId, parentId: null})) return;
    const parentId = this.store.replyDrafts(link.threadId)[0];
    if (parentId === undefined) return;
    this.#reopening = parentId;
    link.reply(parentId);
    if (link.replyingTo) return;
    // Not on the loaded pages: the thread looks further, or the page vetoed the reply.
    if (!link.replyWhenFound) {
      this.#reopening = undefined;
      return;
    }
    void link.replyWhenFound(parentId).then((opened) => {
      if (!opened && this.#reopening === parentId) this.#reopening = undefined;
    });
  }
}
