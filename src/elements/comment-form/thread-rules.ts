import {Task} from '@lit/task';
import type {ReactiveControllerHost} from 'lit';
import {withLoadDeadline} from '../../adapters/shared/deadline.js';
import type {CommentAdapter} from '../../core/adapter.js';
import type {PostingPolicy} from '../../core/types.js';
import type {ThreadLink} from '../shared/context.js';

/** What the form assumes until the backend has told it the thread's rules. */
const assumedPolicy: PostingPolicy = {
  open: true,
  guests: {allowed: true, requireName: true, requireEmail: true},
  notifications: {comments: false, posts: false},
};

/**
 * The posting rules of the thread a form posts to (open or closed, guests, the length
 * limit, notifications). An enclosing `<comment-thread>` showing that thread knows them; a
 * standalone form asks the backend for them (one comment of the first page, under the
 * page's load deadline). Until they are known the usual rules are assumed.
 */
export class ThreadRules {
  readonly #asked: Task<readonly [CommentAdapter | undefined, string, boolean], PostingPolicy | undefined>;

  /** @param source The adapter, the thread posted to, and the enclosing thread's link when it shows that thread. */
  constructor(
    host: ReactiveControllerHost,
    private readonly source: () => {adapter: CommentAdapter | undefined; thread: string; link: ThreadLink | undefined},
  ) {
    this.#asked = new Task(host, {
      task: async ([adapter, thread, linked], {signal}) => {
        if (!adapter || !thread || linked) return undefined;
        const page = await withLoadDeadline(signal, (withinDeadline) =>
          adapter.loadPage({thread, sort: 'oldest', limit: 1}, {signal: withinDeadline}),
        );
        return page.thread.posting;
      },
      args: () => {
        const {adapter, thread, link} = this.source();
        return [adapter, thread, link !== undefined] as const;
      },
    });
  }

  get policy(): PostingPolicy {
    return this.source().link?.info?.posting ?? this.#asked.value ?? assumedPolicy;
  }
}
