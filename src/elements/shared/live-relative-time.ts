import {onClockTick} from './clock.js';

/** A "3 minutes ago" label that rewrites itself when the page's clock says it reads differently. */
export interface LiveLabel {
  /** Called on each tick of the shared clock; cheap when the label still reads the same. */
  refresh(now: number): void;
}

const labels = new Set<LiveLabel>();
let stopClock: (() => void) | undefined;

function refreshAll(now: number): void {
  for (const label of labels) label.refresh(now);
}

/**
 * Keeps `label` current on the page's shared clock until `unwatchLabel`: one clock listener
 * for every label shown, and a tick costs one comparison per label (see
 * `relativeTimeChangesAt`) instead of a re-render of everything around it.
 */
export function watchLabel(label: LiveLabel): void {
  labels.add(label);
  stopClock ??= onClockTick(refreshAll);
}

export function unwatchLabel(label: LiveLabel): void {
  if (!labels.delete(label) || labels.size > 0) return;
  stopClock?.();
  stopClock = undefined;
}
