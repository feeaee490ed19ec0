// A React 19 app's TSX with `import type {} from 'colloquy/react'`.
import type {} from 'colloquy/react';
import type {CommentLoadEvent} from 'colloquy';
import {createMemoryAdapter} from 'colloquy/memory';

const adapter = createMemoryAdapter();

export const page = (
  <comment-thread
    adapter="memory"
    thread="t"
    storage-key="k"
    maxDepth={3}
    oncomment-load={(event) => {
      const load: CommentLoadEvent = event;
      return load.comments.length;
    }}
  >
    <comment-form adapter={adapter} heading-level="2" oncomment-posted={(event) => event.comment?.id} />
    <login-choice guests="optional" onlogin-logout={(event) => event.session.viewer.name} />
  </comment-thread>
);

// @ts-expect-error maxDepth is a number
export const wrongProperty = <comment-thread maxDepth="deep" />;

// @ts-expect-error the event has no such field
export const wrongEvent = <comment-thread oncomment-load={(event) => event.nothing} />;
