import {setupWorker} from 'msw/browser';
import {wordpressSite} from '../test/mocks/wordpress-site.js';

// `?endpoint=https://example.com&post=14` shows a live WordPress site's comments; without
// an endpoint, the recorded site answers in this page (`?post=15` picks its 300-comment post).
const params = new URLSearchParams(location.search);
const thread = document.querySelector('comment-thread')!;
const endpoint = liveEndpoint(params.get('endpoint'));
const post = params.get('post') ?? undefined;
// Any value given is used as it is: a post id that is no number shows the widget's own
// "could not be found" error instead of quietly showing another post.
if (post !== undefined) thread.setAttribute('post', post);

if (endpoint) {
  thread.setAttribute('endpoint', endpoint);
  const link = document.querySelector<HTMLAnchorElement>('a.wordpress-site')!;
  link.href = endpoint;
  link.textContent = new URL(endpoint).host;
  for (const note of document.querySelectorAll<HTMLElement>('.wordpress-source')) note.hidden = note.dataset['source'] !== 'live';
  document.querySelector<HTMLInputElement>('.wordpress-picker input[name="endpoint"]')!.value = endpoint;
  if (post) document.querySelector<HTMLInputElement>('.wordpress-picker input[name="post"]')!.value = post;
} else {
  const site = wordpressSite();
  await setupWorker(...site.handlers).start({quiet: true, onUnhandledRequest: 'bypass'});
}
await import('../src/bundle.js');

function liveEndpoint(value: string | null): string | undefined {
  if (!value) return undefined;
  try {
    const url = new URL(value);
    return url.protocol === 'https:' || url.protocol === 'http:' ? url.href : undefined;
  } catch {
    return undefined;
  }
}
