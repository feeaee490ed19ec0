import type {MemoryAdapter} from '../src/adapters/memory/index.js';

// A "Posting" switch for the demo bar: what the network does to the comments this visitor
// posts, through the memory adapter's failure simulation, to show that nothing typed is
// lost and nothing is stored twice.

type Mode = 'working' | 'slow' | 'offline' | 'lost-answer' | 'server-errors' | 'rate-limited';

const modes: Array<[Mode, string]> = [
  ['working', 'Works'],
  ['slow', 'Slow (3 s)'],
  ['offline', 'Offline'],
  ['lost-answer', 'Connection drops after the server stored it'],
  ['server-errors', 'Server errors (twice, then fine)'],
  ['rate-limited', 'Rate limited (20 s)'],
];

export function addPostingControl(adapter: MemoryAdapter): void {
  let mode: Mode = 'working';
  // Failures are planned per comment (per idempotency key), so that Retry can succeed.
  const planned = new Set<string>();
  const post = adapter.postComment.bind(adapter);
  adapter.postComment = async (input, options) => {
    const first = !planned.has(input.idempotencyKey);
    planned.add(input.idempotencyKey);
    if (mode === 'offline') adapter.simulate.fail('post', {code: 'network'});
    else if (first && mode === 'lost-answer') adapter.simulate.fail('post', {code: 'network', stage: 'after'});
    else if (first && mode === 'server-errors') adapter.simulate.fail('post', {code: 'server', times: 2});
    else if (first && mode === 'rate-limited') adapter.simulate.fail('post', {code: 'rate-limited', retryAfterMs: 20_000});
    if (mode === 'slow') await new Promise((resolve) => setTimeout(resolve, 3000));
    return post(input, options);
  };

  const select = document.createElement('select');
  select.name = 'posting';
  for (const [value, text] of modes) select.add(new Option(text, value));
  select.addEventListener('change', () => {
    const wasOffline = mode === 'offline';
    mode = select.value as Mode;
    // The browser says so when a real connection comes back; here the switch does.
    if (wasOffline && mode !== 'offline') window.dispatchEvent(new Event('online'));
  });
  const label = document.createElement('label');
  label.append('Posting ', select);
  document.querySelector('nav.demo-bar')?.append(label);
}
