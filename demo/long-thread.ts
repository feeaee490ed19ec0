import {createMemoryAdapter} from '../src/adapters/memory/index.js';
import type {CommentThreadElement} from '../src/elements/comment-thread/comment-thread.js';
import {longThreadComments} from './long-thread-seed.js';
import {addPostingControl} from './posting-control.js';

const adapter = createMemoryAdapter({
  threads: [{id: 'long-thread', title: 'Sahel security: open discussion', comments: longThreadComments()}],
  latency: 300,
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
