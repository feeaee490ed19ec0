// What svelte-check checks a Svelte 5 component's markup against, with `import type {} from 'colloquy/svelte'`.
import type {} from 'colloquy/svelte';
import type {SvelteHTMLElements} from 'svelte/elements';

export const thread: SvelteHTMLElements['comment-thread'] = {
  thread: 't',
  adapter: 'memory',
  'storage-key': 'k',
  maxDepth: 3,
  'oncomment-load': (event) => event.comments.length,
};

// @ts-expect-error maxDepth is a number
export const wrongProperty: SvelteHTMLElements['comment-thread'] = {maxDepth: 'deep'};

// @ts-expect-error the event has no such field
export const wrongEvent: SvelteHTMLElements['comment-thread'] = {'oncomment-load': (event) => event.nothing};
