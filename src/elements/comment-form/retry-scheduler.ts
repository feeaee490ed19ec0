import type {ReactiveController, ReactiveControllerHost} from 'lit';

type Plan = {kind: 'at'; at: number; run: () => void} | {kind: 'online'; run: () => void};

/**
 * Runs one planned follow-up of a failed post: at a time (a backoff, the end of a rate
 * limit) or when the browser is back online. The plan outlives a move of the host in the
 * DOM: timers and listeners are dropped on disconnect and set up again on reconnect.
 */
export class RetryScheduler implements ReactiveController {
  #plan: Plan | undefined;
  #timer: ReturnType<typeof setTimeout> | undefined;
  #connected = false;

  constructor(host: ReactiveControllerHost) {
    host.addController(this);
  }

  get planned(): boolean {
    return this.#plan !== undefined;
  }

  after(delayMs: number, run: () => void): void {
    this.#replace({kind: 'at', at: Date.now() + delayMs, run});
  }

  whenOnline(run: () => void): void {
    this.#replace({kind: 'online', run});
  }

  cancel(): void {
    this.#disarm();
    this.#plan = undefined;
  }

  hostConnected(): void {
    this.#connected = true;
    this.#arm();
  }

  hostDisconnected(): void {
    this.#connected = false;
    this.#disarm();
  }

  #replace(plan: Plan) {
    this.cancel();
    this.#plan = plan;
    if (this.#connected) this.#arm();
  }

  #arm() {
    const plan = this.#plan;
    if (plan?.kind === 'at') this.#timer = setTimeout(this.#fire, Math.max(0, plan.at - Date.now()));
    else if (plan?.kind === 'online') window.addEventListener('online', this.#fire);
  }

  #disarm() {
    clearTimeout(this.#timer);
    window.removeEventListener('online', this.#fire);
  }

  readonly #fire = () => {
    const plan = this.#plan;
    this.cancel();
    plan?.run();
  };
}
