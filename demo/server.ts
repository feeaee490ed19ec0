// The demo against a real colloquy-server (`npm run server`): the thread is shown only once
// the server's service document answers, so a page without a server says how to start one.
const endpoint = new URLSearchParams(location.search).get('endpoint') ?? 'http://127.0.0.1:8787/';
const noServer = document.querySelector<HTMLElement>('#no-server')!;
const comments = document.querySelector<HTMLElement>('#comments')!;
document.querySelector('#endpoint')!.textContent = endpoint;

async function connect(): Promise<void> {
  try {
    const response = await fetch(endpoint, {headers: {Accept: 'application/json'}, signal: AbortSignal.timeout(5000)});
    const body = (await response.json()) as {protocol?: unknown};
    if (body.protocol !== 'colloquy-rest/1') throw new Error('not a Colloquy server');
  } catch {
    noServer.hidden = false;
    return;
  }
  noServer.hidden = true;
  await import('../src/bundle.js');
  const thread = document.createElement('comment-thread');
  thread.setAttribute('adapter', 'rest');
  thread.setAttribute('endpoint', endpoint);
  thread.setAttribute('thread', 'aqim-updates-aug-6');
  thread.setAttribute('page-size', '10');
  thread.append(document.createElement('comment-form'));
  comments.replaceChildren(thread);
  comments.hidden = false;
}

document.querySelector('#retry')!.addEventListener('click', () => void connect());
void connect();
