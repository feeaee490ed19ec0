import type {MemoryAdapter} from '../src/adapters/memory/index.js';
import {resolveAdapter} from '../src/core/registry.js';
import {addPostingControl} from './posting-control.js';

// The thread names its adapter in attributes; asking the registry with the same
// configuration hands back the very instance the thread and its form use.
const thread = document.querySelector('comment-thread')!;
const config = Object.fromEntries(
  Array.from(thread.attributes)
    .filter(({name}) => name !== 'adapter')
    .map(({name, value}) => [name, value]),
);
addPostingControl((await resolveAdapter('memory', config)) as MemoryAdapter);
