import type {ReactiveController, ReactiveControllerHost} from 'lit';
import type {NewComment} from '../../core/adapter.js';
import type {GuestIdentity, NotificationChoices} from '../../core/types.js';
import {sameSlot, type Draft, type DraftSlot, type DraftStore} from '../../drafts/draft-store.js';
import {noGuest, rememberedGuest, sameGuest} from '../../drafts/remembered-guest.js';

/** What the form holds of the draft on screen: what was typed and chosen. */
export interface DraftContent {
  text: string;
  guest: GuestIdentity;
  notify: NotificationChoices;
  /** "Save my name, email, and website in this browser": acted on when a guest's post is stored. */
  rememberGuest: boolean;
}

/**
 * The draft on screen: which comment it is for (its slot), what is in it, and its copy in
 * storage. A change is saved a moment after typing stops, at least every `maxWaitMs` while
 * typing goes on (a tab killed mid-sentence keeps all but the last second), and at once
 * when the page is being hidden or unloaded (`pagehide`; `visibilitychange` for mobile
 * browsers that kill hidden tabs without one), the host leaves the DOM or another draft
 * is opened.
 */
export class DraftController implements ReactiveController {
  #slot: DraftSlot | undefined;
  #content: DraftContent = {text: '', guest: noGuest, notify: {comments: false, posts: false}, rememberGuest: false};
  #timer: ReturnType<typeof setTimeout> | undefined;
  #pendingSlot: DraftSlot | undefined;
  /** When the oldest unsaved change was made. */
  #pendingSince = 0;

  /**
   * @param unconfirmedSend The send of a draft whose outcome is unknown, saved with it.
   * @param refused Called when storage refused a draft (full, blocked): it then lives only
   *   as long as the page.
   */
  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly store: DraftStore,
    private readonly unconfirmedSend: (slot: DraftSlot) => NewComment | undefined,
    private readonly refused: () => void = () => {},
    private readonly delayMs = 400,
    private readonly maxWaitMs = 1000,
  ) {
    host.addController(this);
  }

  /** The draft on screen, once one was opened. */
  get slot(): DraftSlot | undefined {
    return this.#slot;
  }

  get content(): Readonly<DraftContent> {
    return this.#content;
  }

  /**
   * Opens the draft saved for `slot`, else one holding `text` (an edited comment's). Guest
   * details carry over from the draft before; the first draft starts from the remembered ones.
   */
  open(slot: DraftSlot, text = ''): void {
    this.flush();
    const first = this.#slot === undefined;
    this.#slot = slot;
    const saved = this.store.get(slot);
    const remembered = rememberedGuest.recall();
    const carried = first ? {guest: remembered ?? noGuest, rememberGuest: remembered !== undefined} : {};
    this.#content = saved
      ? {
          text: saved.text,
          // A draft leaves out the remembered details (see #snapshot).
          guest: sameGuest(saved.guest, noGuest) ? (remembered ?? noGuest) : saved.guest,
          notify: saved.notify,
          rememberGuest: saved.rememberGuest ?? carried.rememberGuest ?? this.#content.rememberGuest,
        }
      : {...this.#content, ...carried, text};
    this.host.requestUpdate();
  }

  /** Changes what the draft holds and saves it soon; `save: false` for a draft already let go. */
  update(changes: Partial<DraftContent>, {save = true} = {}): void {
    this.#content = {...this.#content, ...changes};
    this.host.requestUpdate();
    if (save && this.#slot) this.#changed(this.#slot);
  }

  /** Saves a pending change now. */
  readonly flush = (): void => {
    clearTimeout(this.#timer);
    const slot = this.#pendingSlot;
    this.#pendingSlot = undefined;
    if (slot) this.#store(slot);
  };

  /** Saves `slot` now, pending change or not. */
  save(slot: DraftSlot): void {
    this.#cancel();
    this.#store(slot);
  }

  /** Drops the draft in `slot`, and any save still waiting for it. */
  discard(slot: DraftSlot): void {
    this.#cancel();
    this.store.delete(slot);
  }

  hostConnected(): void {
    window.addEventListener('pagehide', this.flush);
    document.addEventListener('visibilitychange', this.#onVisibilityChange);
  }

  hostDisconnected(): void {
    this.flush();
    window.removeEventListener('pagehide', this.flush);
    document.removeEventListener('visibilitychange', this.#onVisibilityChange);
  }

  #changed(slot: DraftSlot): void {
    if (this.#pendingSlot && !sameSlot(this.#pendingSlot, slot)) this.flush();
    if (!this.#pendingSlot) this.#pendingSince = Date.now();
    this.#pendingSlot = slot;
    clearTimeout(this.#timer);
    const overdue = this.#pendingSince + this.maxWaitMs - Date.now();
    this.#timer = setTimeout(this.flush, Math.max(0, Math.min(this.delayMs, overdue)));
  }

  #store(slot: DraftSlot) {
    if (!this.store.set(slot, this.#snapshot(slot))) this.refused();
  }

  #snapshot(slot: DraftSlot): Omit<Draft, 'savedAt'> {
    const {text, guest, notify, rememberGuest} = this.#content;
    const sent = this.unconfirmedSend(slot);
    return {
      text,
      // Details the browser remembers anyway are left out, so a draft holding nothing else
      // counts as empty (and no reply is reopened after a reload for it).
      guest: sameGuest(guest, rememberedGuest.recall()) ? noGuest : guest,
      notify,
      rememberGuest,
      ...(sent ? {sent} : {}),
    };
  }

  readonly #onVisibilityChange = () => {
    if (document.visibilityState === 'hidden') this.flush();
  };

  #cancel() {
    clearTimeout(this.#timer);
    this.#pendingSlot = undefined;
  }
}
