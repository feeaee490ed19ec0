import {AsyncDirective, directive} from 'lit/async-directive.js';
import {formatRelativeTime, relativeTimeChangesAt} from '../../i18n/format.js';
import {onClockTick} from './clock.js';

interface Due {
  readonly at: number;
  readonly label: LiveRelativeTime;
}

/**
 * Labels by the time their text changes, soonest first (a binary heap): a tick visits the
 * labels that change, not every label on the page (thousands in a long thread). An entry
 * whose label was rescheduled or disconnected since is skipped when it comes up.
 */
const queue: Due[] = [];
let current = new WeakMap<LiveRelativeTime, Due>();
let connected = 0;
let stopClock: (() => void) | undefined;

function push(entry: Due): void {
  let index = queue.push(entry) - 1;
  while (index > 0) {
    const parent = (index - 1) >> 1;
    if (queue[parent]!.at <= entry.at) break;
    queue[index] = queue[parent]!;
    index = parent;
  }
  queue[index] = entry;
}

function pop(): Due | undefined {
  const top = queue[0];
  const last = queue.pop();
  if (queue.length === 0 || !last) return top;
  let index = 0;
  for (;;) {
    const left = 2 * index + 1;
    if (left >= queue.length) break;
    const right = left + 1;
    const child = right < queue.length && queue[right]!.at < queue[left]!.at ? right : left;
    if (queue[child]!.at >= last.at) break;
    queue[index] = queue[child]!;
    index = child;
  }
  queue[index] = last;
  return top;
}

function schedule(label: LiveRelativeTime, at: number): void {
  const entry = {at, label};
  current.set(label, entry);
  push(entry);
  // Entries left behind by labels rendered again pile up: drop them now and then.
  if (queue.length > 2 * connected + 64) compact();
}

function cancel(label: LiveRelativeTime): void {
  current.delete(label);
}

function compact(): void {
  const live = queue.filter((entry) => current.get(entry.label) === entry);
  queue.length = 0;
  for (const entry of live) push(entry);
}

function tick(now: number): void {
  while (queue.length > 0 && queue[0]!.at <= now) {
    const entry = pop()!;
    if (current.get(entry.label) !== entry) continue;
    current.delete(entry.label);
    entry.label.refresh(now);
  }
}

function listening(change: 1 | -1): void {
  connected += change;
  if (connected > 0) stopClock ??= onClockTick(tick);
  else {
    stopClock?.();
    stopClock = undefined;
    queue.length = 0;
    current = new WeakMap();
  }
}

/**
 * "3 minutes ago" that keeps itself current on the page's shared clock, writing its own
 * text when, and only when, it reads differently: a tick costs nothing for the labels that
 * read the same, and re-renders nothing around the ones that change.
 */
class LiveRelativeTime extends AsyncDirective {
  #created = 0;
  #locale = '';
  #listening = false;

  render(created: number, locale: string): string {
    this.#created = created;
    this.#locale = locale;
    const now = Date.now();
    if (this.isConnected) this.#listen();
    const label = formatRelativeTime(created, now, locale);
    if (this.#listening) schedule(this, relativeTimeChangesAt(created, now));
    return label;
  }

  /** Called by the clock when the text is due to change. */
  refresh(now: number): void {
    this.setValue(formatRelativeTime(this.#created, now, this.#locale));
    schedule(this, relativeTimeChangesAt(this.#created, now));
  }

  #listen(): void {
    if (this.#listening) return;
    this.#listening = true;
    listening(1);
  }

  protected override disconnected(): void {
    if (!this.#listening) return;
    this.#listening = false;
    cancel(this);
    listening(-1);
  }

  protected override reconnected(): void {
    this.#listen();
    this.refresh(Date.now());
  }
}

export const liveRelativeTime = directive(LiveRelativeTime);
