import {AsyncDirective, directive} from 'lit/async-directive.js';
import {formatRelativeTime, relativeTimeChangesAt} from '../../i18n/format.js';
import {onClockTick} from './clock.js';

/**
 * "3 minutes ago" that keeps itself current on the page's shared clock, writing its own
 * text when, and only when, it reads differently: a tick then costs one comparison per
 * label instead of a re-render of everything around it.
 */
class LiveRelativeTime extends AsyncDirective {
  #created = 0;
  #locale = '';
  #changesAt = 0;
  #stop: (() => void) | undefined;

  render(created: number, locale: string): string {
    this.#created = created;
    this.#locale = locale;
    if (this.isConnected) this.#listen();
    return this.#label(Date.now());
  }

  #label(now: number): string {
    this.#changesAt = relativeTimeChangesAt(this.#created, now);
    return formatRelativeTime(this.#created, now, this.#locale);
  }

  #listen(): void {
    this.#stop ??= onClockTick((now) => {
      if (now >= this.#changesAt) this.setValue(this.#label(now));
    });
  }

  protected override disconnected(): void {
    this.#stop?.();
    this.#stop = undefined;
  }

  protected override reconnected(): void {
    this.#listen();
    this.setValue(this.#label(Date.now()));
  }
}

export const liveRelativeTime = directive(LiveRelativeTime);
