import {setupWorker} from 'msw/browser';
import {aqimThread} from '../test/fixtures/rest-threads.js';
import {restServer} from '../test/mocks/rest-server.js';

// A Colloquy REST server in the page (the tests' reference server), so the demo needs no
// backend. Colloquy itself is loaded only once the worker answers, so its first request
// already reaches the server.
const thread = aqimThread();
const server = restServer({threads: [thread], latency: 250, maxLength: 2000});
await setupWorker(...server.handlers).start({quiet: true, onUnhandledRequest: 'bypass'});
await import('../src/bundle.js');

const visitors = ['Hana', 'Ivo', 'Jun', 'Kofi', 'Lina'];
let visits = 0;
document.querySelector('button[name="visitor"]')?.addEventListener('click', () => {
  const name = visitors[visits % visitors.length]!;
  visits += 1;
  server.addComment(thread.id, {
    id: `visitor-${visits}`,
    author: {name},
    text: `Hello from another browser (${name}, visit ${visits}).`,
  });
});
