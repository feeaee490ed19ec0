import {createMemoryAdapter} from '../src/adapters/memory/index.js';
import type {CommentThreadElement} from '../src/elements/comment-thread/comment-thread.js';
import {longThreadComments} from './long-thread-seed.js';
import {addPostingControl} from './posting-control.js';

const adapter = createMemoryAdapter({
  threads: [{id: 'long-thread', title: 'Sahel security: open discussion', comments: longThreadComments()}],
  latency: 300,
  live: true,
});

const thread = document.querySelector<CommentThreadElement>('comment-thread')!;
thread.adapter = adapter;

document.querySelector<HTMLSelectElement>('select[name="latency"]')?.addEventListener('change', (event) => {
  adapter.simulate.latency(Number((event.target as HTMLSelectElement).value));
});
document.querySelector('button[name="fail"]')?.addEventListener('click', () => {
  adapter.simulate.fail('load', {code: 'network'});
});
addPostingControl(adapter);

// Another reader, for the new-comments notice: a reply high up in the thread (held behind
// "Show 1 new comment" when the reader has scrolled past it) or a new comment at the end.
let otherComments = 0;
document.querySelector('button[name="other-reader"]')?.addEventListener('click', () => {
  otherComments++;
  const replyHighUp = otherComments % 2 === 1;
  adapter.receive('long-thread', {
    id: `other-${Date.now()}`,
    parentId: replyHighUp ? 'c1' : null,
    author: {name: replyHighUp ? 'Kofi Boateng' : 'Salma Idrissi'},
    createdAt: new Date().toISOString(),
    text: replyHighUp ? 'Coming back to the first comment: the markets point still stands.' : 'Just read the whole thread. Thanks, everyone.',
  });
});
