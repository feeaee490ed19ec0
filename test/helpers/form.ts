import {fixture, fixtureCleanup, html, waitUntil} from '@open-wc/testing';
import {createMemoryAdapter, type MemoryAdapter, type MemoryAdapterOptions} from '../../src/adapters/memory/index.js';
import type {CommentAdapter, NewComment} from '../../src/core/adapter.js';
import type {CommentFormElement} from '../../src/elements/comment-form/comment-form.js';
import '../../src/elements/comment-form/comment-form.js';
import {conversationSeed} from '../fixtures/seed-threads.js';
import './thread-host.js';
import type {TestThreadHostElement} from './thread-host.js';

/** Retries without real waiting: tests never sleep through a backoff. */
export const instantRetries = {maxAttempts: 3, baseDelayMs: 1, maxDelayMs: 2};

export function memoryAdapter(options: MemoryAdapterOptions = {}): MemoryAdapter {
  return createMemoryAdapter({threads: [conversationSeed()], ...options});
}

/** Records every `postComment` call the adapter receives, before it answers. */
export function recordPosts(adapter: CommentAdapter): NewComment[] {
  const calls: NewComment[] = [];
  const post = adapter.postComment.bind(adapter);
  adapter.postComment = (input, options) => {
    calls.push(input);
    return post(input, options);
  };
  return calls;
}

export function part<T extends Element = HTMLElement>(form: CommentFormElement, name: string): T | null {
  return form.shadowRoot!.querySelector<T>(`[part~="${name}"]`);
}

export function textarea(form: CommentFormElement): HTMLTextAreaElement {
  return part<HTMLTextAreaElement>(form, 'textarea')!;
}

/** Types into a field the way an `input` event reports it. */
export async function fill(form: CommentFormElement, partName: string, value: string): Promise<void> {
  const field = part<HTMLInputElement | HTMLTextAreaElement>(form, partName)!;
  field.value = value;
  field.dispatchEvent(new InputEvent('input', {bubbles: true, composed: true}));
  await form.updateComplete;
}

export async function fillGuest(form: CommentFormElement, text = 'A thoughtful comment.'): Promise<void> {
  await fill(form, 'textarea', text);
  await fill(form, 'name-input', 'Ada');
  await fill(form, 'email-input', 'ada@example.com');
}

/** Waits until the form knows the session and has its adapter, so it can post. */
export async function ready(form: CommentFormElement): Promise<CommentFormElement> {
  await waitUntil(
    () => part(form, 'submit-button')?.getAttribute('aria-disabled') === 'false' && part(form, 'identity'),
    'the form did not get ready',
  );
  return form;
}

export async function standaloneForm(adapter: CommentAdapter, thread = 'conversation'): Promise<CommentFormElement> {
  const form = await fixture<CommentFormElement>(
    html`<comment-form .adapter=${adapter} thread=${thread} .retryOptions=${instantRetries}></comment-form>`,
  );
  return ready(form);
}

/** A form inside a stand-in thread, as `<comment-thread>` would hold it. */
export async function formInThread(
  adapter: CommentAdapter,
  thread = 'conversation',
): Promise<{host: TestThreadHostElement; form: CommentFormElement}> {
  const host = await fixture<TestThreadHostElement>(
    html`<test-thread-host><comment-form .retryOptions=${instantRetries}></comment-form></test-thread-host>`,
  );
  await host.connect(adapter, thread);
  const form = host.querySelector('comment-form')!;
  await ready(form);
  return {host, form};
}

export function submit(form: CommentFormElement): void {
  part<HTMLButtonElement>(form, 'submit-button')!.click();
}

/** Presses a button of the form the way a person does: focus lands on it, then the click. */
export function press(form: CommentFormElement, partName = 'submit-button'): void {
  const button = part<HTMLButtonElement>(form, partName)!;
  button.focus();
  button.click();
}

export async function failureShown(form: CommentFormElement): Promise<void> {
  await waitUntil(() => part(form, 'alert')!.classList.contains('shown'), 'no failure was shown', {timeout: 3000});
}

/** Lets time pass, to see that nothing more happens meanwhile. */
export function quietFor(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

export function alertText(form: CommentFormElement): string {
  return part(form, 'alert')!.textContent!.replace(/\s+/g, ' ').trim();
}

export function announcement(): string {
  return document.querySelector('[data-colloquy-announcer]')?.textContent ?? '';
}

export function focusedInside(form: CommentFormElement): Element | null {
  return form.shadowRoot!.activeElement;
}

/** The drafts in localStorage, as saved. */
export function savedDrafts(): string[] {
  return Object.keys(localStorage)
    .filter((key) => key.startsWith('colloquy-draft:'))
    .map((key) => localStorage.getItem(key)!);
}

/**
 * Clears what tests leave behind: the fixtures first (a form leaving the page saves its
 * draft), then drafts, the memory adapter's session and its guest key.
 */
export function resetStorage(): void {
  fixtureCleanup();
  localStorage.clear();
  sessionStorage.clear();
}

/** The next `name` event on `target`, typed from `GlobalEventHandlersEventMap`. */
export function nextEvent<K extends keyof GlobalEventHandlersEventMap>(
  target: EventTarget,
  name: K,
): Promise<GlobalEventHandlersEventMap[K]> {
  return new Promise((resolve) => target.addEventListener(name, (event) => resolve(event as GlobalEventHandlersEventMap[K]), {once: true}));
}

/** Whether the form shows a part now. */
export function hasPart(form: CommentFormElement, name: string): boolean {
  return part(form, name) !== null;
}
