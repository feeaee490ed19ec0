// The page each soak tab loads: one <comment-form> posting to the fault-injecting server
// through the REST adapter, with quick retries so a few hundred posts fit in a minute.
import {createRestAdapter} from '../../src/adapters/rest/index.js';
import type {CommentFormElement} from '../../src/elements/comment-form/comment-form.js';
import '../../src/elements/comment-form/comment-form.js';

declare global {
  interface Window {
    soak: {
      /** What the person sees: the field, whether it is sending, the alert, whether Retry is offered. */
      state(): {rendered: boolean; text: string; sending: boolean; alert: string; retry: boolean; ready: boolean};
      type(text: string): void;
      press(part: 'submit-button' | 'retry-button'): boolean;
    };
  }
}

const form = document.createElement('comment-form') as CommentFormElement;
form.thread = 'soak';
form.retryOptions = {maxAttempts: 3, baseDelayMs: 20, maxDelayMs: 200};
form.postTimeout = 500;
/** The service document may be read during an offline spell: try again, as a reload would. */
async function connect(): Promise<Awaited<ReturnType<typeof createRestAdapter>>> {
  for (;;) {
    try {
      return await createRestAdapter({endpoint: new URL('/api', location.href).href});
    } catch {
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
}
const adapter = await connect();
form.adapter = adapter;
document.body.append(form);
// What the form said, kept across reloads of this tab, for the report of a failure.
const log = (entry: string) => {
  try {
    sessionStorage.setItem('soak-log', `${sessionStorage.getItem('soak-log') ?? ''}${new Date().toISOString().slice(17, 23)} ${entry}\n`);
  } catch {
    // The log is only for reports.
  }
};
form.addEventListener('comment-submit', (event) => log(`submit ${event.comment.idempotencyKey} ${event.comment.text}`));
form.addEventListener('comment-posted', (event) => log(`posted ${event.comment?.content.value ?? ''}`));
form.addEventListener('comment-error', (event) => log(`error ${event.error instanceof Error ? event.error.message : ''}`));
window.addEventListener('pagehide', () => log('pagehide'));

const part = <T extends HTMLElement>(name: string) => form.shadowRoot?.querySelector<T>(`[part~="${name}"]`) ?? null;

function fill(name: string, value: string) {
  const field = part<HTMLInputElement | HTMLTextAreaElement>(name);
  if (!field) return;
  field.value = value;
  field.dispatchEvent(new InputEvent('input', {bubbles: true, composed: true}));
}

window.soak = {
  state() {
    const alert = part('alert');
    return {
      rendered: part('textarea') !== null,
      text: part<HTMLTextAreaElement>('textarea')?.value ?? '',
      sending: part('form')?.getAttribute('aria-busy') === 'true',
      alert: alert?.classList.contains('shown') ? (alert.textContent ?? '').replace(/\s+/g, ' ').trim() : '',
      retry: part('retry-button') !== null,
      ready: part('submit-button')?.getAttribute('aria-disabled') === 'false',
    };
  },
  type(text) {
    fill('textarea', text);
    if (!part<HTMLInputElement>('name-input')?.value) fill('name-input', 'Soak');
    if (!part<HTMLInputElement>('email-input')?.value) fill('email-input', 'soak@example.com');
  },
  press(name) {
    const button = part<HTMLButtonElement>(name);
    button?.click();
    return button !== null;
  },
};
