import {fixture, html, waitUntil} from '@open-wc/testing';
import {createMemoryAdapter, type MemoryAdapter, type MemoryAdapterOptions, type SeedComment} from '../../../src/adapters/memory/index.js';
import '../../../src/elements/comment-thread/comment-thread.js';
import {withoutIsolates} from '../../helpers/text.js';
import type {CommentThreadElement} from '../../../src/elements/comment-thread/comment-thread.js';

export const THREAD = 'post-1';

export interface ThreadSetup {
  comments?: SeedComment[];
  title?: string;
  open?: boolean;
  adapter?: Partial<MemoryAdapterOptions>;
  maxDepth?: number;
  pageSize?: number;
  sort?: string;
}

/** A comment by `name`, written an hour ago unless `extra` says otherwise. */
export function seedComment(id: string, name: string, text: string, extra: Partial<SeedComment> = {}): SeedComment {
  return {id, author: {name}, createdAt: new Date(Date.now() - 60 * 60_000).toISOString(), text, ...extra};
}

export function memoryAdapterFor(setup: ThreadSetup = {}): MemoryAdapter {
  return createMemoryAdapter({
    threads: [{id: THREAD, title: setup.title ?? 'AQIM Updates, August 6', open: setup.open ?? true, comments: setup.comments ?? []}],
    reactions: [],
    ...setup.adapter,
  });
}

/** Renders a thread on a fresh memory backend and waits for its first page. */
export async function renderThread(setup: ThreadSetup = {}): Promise<{element: CommentThreadElement; adapter: MemoryAdapter}> {
  const adapter = memoryAdapterFor(setup);
  const element = await fixture<CommentThreadElement>(html`
    <comment-thread
      thread=${THREAD}
      max-depth=${setup.maxDepth ?? 5}
      page-size=${setup.pageSize ?? 50}
      sort=${setup.sort ?? 'oldest'}
      .adapter=${adapter}
    ></comment-thread>
  `);
  await settled(element);
  return {element, adapter};
}

/**
 * Waits until the thread is no longer loading anything. The generous limit is for a loaded
 * machine rendering a thousand comments in steps; a thread that never settles still fails.
 */
export async function settled(element: CommentThreadElement): Promise<void> {
  await element.updateComplete;
  await waitUntil(() => part(element, 'base')?.getAttribute('aria-busy') === 'false', 'the thread did not finish loading', {timeout: 10_000});
  await element.updateComplete;
}

export function part(element: Element, name: string): HTMLElement | null {
  return element.shadowRoot!.querySelector<HTMLElement>(`[part~="${name}"]`);
}

export function parts(element: Element, name: string): HTMLElement[] {
  return [...element.shadowRoot!.querySelectorAll<HTMLElement>(`[part~="${name}"]`)];
}

/** The comment articles in document order, by comment id. */
export function commentIds(element: Element): string[] {
  return parts(element, 'comment').map((article) => article.dataset['commentId']!);
}

export function article(element: Element, commentId: string): HTMLElement {
  const found = parts(element, 'comment').find((candidate) => candidate.dataset['commentId'] === commentId);
  if (!found) throw new Error(`comment ${commentId} is not shown`);
  return found;
}

/** Visible text with the Unicode isolates around backend strings taken out. */
export function text(node: Element | null | undefined): string {
  return withoutIsolates(node?.textContent).replace(/\s+/g, ' ').trim();
}
