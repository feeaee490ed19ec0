import type {ReactiveController, ReactiveControllerHost} from 'lit';
import {guard} from 'lit/directives/guard.js';
import {repeat} from 'lit/directives/repeat.js';
import {subtreeSize, type ThreadNode} from './thread-tree.js';

/** Comments in the thread's first update: a screenful and more, in the first frame. */
export const COMMENTS_PER_STEP = 100;

/**
 * How long an update may spend rendering comments not rendered before: with style and
 * layout after it, well under a 200 ms long task.
 */
const UPDATE_BUDGET_MS = 60;
/** Bounds of the comments an update may add, whatever the device's speed. */
const MIN_NEW_PER_UPDATE = 100;
const MAX_NEW_PER_UPDATE = 1000;
/**
 * Rendering time per comment assumed until measured: a page of 100 conversations (about
 * 300 comments) in one update.
 */
const ASSUMED_MS_PER_COMMENT = 0.15;

/** How many comments may still be rendered in this pass, shared down a subtree. */
export interface RenderBudget {
  left: number;
  /**
   * Set below a conversation shown only in part ("Show N more replies"): running out of
   * this budget leaves replies out on purpose, not for a later step.
   */
  readonly capped?: boolean;
}

const controllers = new WeakMap<ReactiveControllerHost, ProgressiveRender>();

/**
 * Renders a big thread a step at a time, so that 10,000 replies never block the page for
 * seconds: the first update renders `COMMENTS_PER_STEP` comments (depth first, in reading
 * order), and each later one as many more as fit in `UPDATE_BUDGET_MS` at the speed
 * measured on the updates before; while some are left out, the next step comes in a new
 * task, letting the browser paint and handle input in between. On a desktop a new page of
 * 100 conversations thus takes one update, and the first page its first screenful at once
 * and the rest in one more; a slower device takes more, shorter steps.
 *
 * Comments already rendered are not rendered again (`guard` on the node, its share of the
 * budget and its conversation's version): a step, or a new page, costs its new comments
 * only. A change to one conversation bumps its version (the host's business); a change
 * that may touch every comment (locale, date style, a click handled by a controller) is
 * reported with `invalidateProgressiveRender`, and the next update renders them all.
 */
export class ProgressiveRender implements ReactiveController {
  #limit = 0;
  /** The budget of the last render pass: what it left tells how many comments it rendered. */
  #last: {limit: number; budget: RenderBudget; rendered: number; started: number; measured: boolean} | undefined;
  #msPerComment = ASSUMED_MS_PER_COMMENT;
  #generation = 0;
  #stepping = false;
  #truncated = false;
  #timer: ReturnType<typeof setTimeout> | undefined;
  #waiters: Array<() => void> = [];

  constructor(private readonly host: ReactiveControllerHost) {
    host.addController(this);
    controllers.set(host, this);
  }

  /** True while some comments are still waiting for their step. */
  get pending(): boolean {
    return this.#truncated;
  }

  /** A fresh budget for one render pass. */
  begin(): RenderBudget {
    this.#truncated = false;
    const rendered = this.#last ? renderedIn(this.#last) : 0;
    this.#limit = Math.max(this.#limit, rendered === 0 ? COMMENTS_PER_STEP : rendered + this.newPerUpdate);
    const budget = {left: this.#limit};
    this.#last = {limit: this.#limit, budget, rendered, started: performance.now(), measured: false};
    return budget;
  }

  /** Comments not rendered yet that the next update may add, at the speed measured so far. */
  get newPerUpdate(): number {
    const fitting = Math.floor(UPDATE_BUDGET_MS / this.#msPerComment);
    return Math.min(MAX_NEW_PER_UPDATE, Math.max(MIN_NEW_PER_UPDATE, fitting));
  }

  /** Learns how long a comment takes to render from an update that added enough of them. */
  #measure(): void {
    const last = this.#last;
    if (!last || last.measured) return;
    last.measured = true;
    const added = renderedIn(last) - last.rendered;
    // A few comments say more about the update's fixed costs than about theirs.
    if (added < 50) return;
    const perComment = (performance.now() - last.started) / added;
    this.#msPerComment = (this.#msPerComment + perComment) / 2;
  }

  /**
   * `nodes` keyed by comment, as many as `budget` allows, each with its replies. A node is
   * rendered again only when it, its share of the budget or `versionOf(node)` changed, or
   * after `invalidate()`. `shownOf(node)` is how many of the node's comments to show at
   * most (all of them by default).
   */
  list(
    nodes: readonly ThreadNode[],
    budget: RenderBudget,
    render: (node: ThreadNode, budget: RenderBudget) => unknown,
    versionOf: (node: ThreadNode) => number = () => 0,
    shownOf: (node: ThreadNode) => number = subtreeSize,
  ): unknown {
    const shown: Array<readonly [ThreadNode, number, boolean]> = [];
    for (const node of nodes) {
      if (budget.left <= 0) {
        if (!budget.capped) this.#truncated = true;
        break;
      }
      const size = shownOf(node);
      const quota = Math.min(size, budget.left);
      budget.left -= quota;
      if (quota < size && !budget.capped) this.#truncated = true;
      shown.push([node, quota, budget.capped === true || size < subtreeSize(node)]);
    }
    const generation = this.#generation;
    return repeat(
      shown,
      ([node]) => node.comment.id,
      ([node, quota, capped]) => guard([node, quota, generation, versionOf(node)], () => render(node, {left: quota - 1, capped})),
    );
  }

  /**
   * Lets the next update render `count` more comments than before, in one task: for a
   * batch the reader asked for, which would otherwise push comments below it out of the
   * budget until later steps. `count` stays at about one step's worth.
   */
  allow(count: number): void {
    this.#limit += count;
  }

  /** Everything must be rendered again on the next update. */
  invalidate(): void {
    if (!this.#stepping) this.#generation++;
  }

  /**
   * Runs `update` (which requests a host update) without invalidating: for changes whose
   * effect on rendered comments is carried by the nodes and versions given to `list`.
   */
  keeping(update: () => void): void {
    const stepping = this.#stepping;
    this.#stepping = true;
    try {
      update();
    } finally {
      this.#stepping = stepping;
    }
  }

  /** Resolves once `found()` is true after an update, or everything has been rendered. */
  async whenRendered(found: () => boolean): Promise<void> {
    while (this.#truncated && !found()) {
      await new Promise<void>((resolve) => this.#waiters.push(resolve));
    }
  }

  hostUpdated(): void {
    this.#measure();
    const waiters = this.#waiters;
    this.#waiters = [];
    for (const resolve of waiters) resolve();
    if (!this.#truncated || this.#timer !== undefined) return;
    this.#timer = setTimeout(() => {
      this.#timer = undefined;
      this.#stepping = true;
      this.host.requestUpdate();
      this.#stepping = false;
    });
  }

  hostDisconnected(): void {
    clearTimeout(this.#timer);
    this.#timer = undefined;
    const waiters = this.#waiters;
    this.#waiters = [];
    this.#truncated = false;
    for (const resolve of waiters) resolve();
  }

  hostConnected(): void {
    if (this.#truncated) this.host.requestUpdate();
  }
}

function renderedIn(pass: {limit: number; budget: RenderBudget}): number {
  return pass.limit - pass.budget.left;
}

/** Called from the host's `requestUpdate`: an update other than a step renders everything. */
export function invalidateProgressiveRender(host: ReactiveControllerHost): void {
  controllers.get(host)?.invalidate();
}
