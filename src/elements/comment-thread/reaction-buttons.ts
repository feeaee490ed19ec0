import {msg} from '@lit/localize';
import {css, html, nothing, svg, type TemplateResult} from 'lit';
import type {Comment, Reaction} from '../../core/types.js';
import {formatNumber} from '../../i18n/format.js';
import {plural} from '../../i18n/locale.js';

// The like buttons as every comment shows them. What a press does (sent in the background,
// refused, "Sign in to like comments") is reactions.ts, which loads with the thread's rarer
// controls: when the page is idle after its first comments, or at the first press.

const HEART = svg`<path d="M12 20.5s-7.5-4.6-7.5-10.1A4.4 4.4 0 0 1 12 7.6a4.4 4.4 0 0 1 7.5 2.8c0 5.5-7.5 10.1-7.5 10.1Z" />`;

/**
 * The reaction buttons of `comment` (one per key the backend offers, `keys`), each in the
 * state `shown` gives, or nothing when the backend has no reactions.
 */
export function renderReactionButtons(
  comment: Comment,
  keys: readonly string[],
  shown: (key: string) => Reaction,
  press: (reaction: Reaction) => void,
  locale: string,
): TemplateResult | typeof nothing {
  if (keys.length === 0 || comment.status !== 'approved') return nothing;
  return html`${keys.map((key) => renderButton(shown(key), press, locale))}`;
}

/** `comment`'s reaction `key` as the backend stored it. */
export function storedReaction(comment: Comment, key: string): Reaction {
  return comment.reactions?.find((reaction) => reaction.key === key) ?? {key, count: 0, viewerReacted: false};
}

/** "Your like could not be saved.", with why when the backend said. */
export function renderReactionFailure(message: string): TemplateResult {
  return html`<p part="reaction-error" class="reaction-message" role="alert">${message}</p>`;
}

function renderButton(reaction: Reaction, press: (reaction: Reaction) => void, locale: string): TemplateResult {
  const count = reaction.count;
  const isLike = reaction.key === 'like';
  // Read as "Like 3 likes": the visible words first (what voice control users say), then
  // what the number counts.
  const countLabel = plural(count, locale, {
    zero: () => msg('# likes', {id: 'thread.like.count.zero'}),
    one: () => msg('# like', {id: 'thread.like.count.one'}),
    two: () => msg('# likes', {id: 'thread.like.count.two'}),
    few: () => msg('# likes', {id: 'thread.like.count.few'}),
    many: () => msg('# likes', {id: 'thread.like.count.many'}),
    other: () => msg('# likes', {id: 'thread.like.count.other'}),
  });
  return html`<button
    type="button"
    part=${reaction.viewerReacted ? 'reaction-button reaction-button-pressed' : 'reaction-button'}
    class="reaction"
    data-reaction=${reaction.key}
    aria-pressed=${reaction.viewerReacted ? 'true' : 'false'}
    @click=${() => press(reaction)}
  >
    ${isLike
      ? html`<svg class="reaction-icon" viewBox="0 0 24 24" aria-hidden="true">${HEART}</svg>
          <span class="reaction-name">${msg('Like', {id: 'thread.like'})}</span>`
      : html`<span class="reaction-name" dir="auto">${reaction.key}</span>`}
    ${count > 0 ? html`<span class="reaction-count" aria-hidden="true">${formatNumber(count, locale)}</span>` : nothing}
    ${isLike ? html`<span class="visually-hidden">${countLabel}</span>` : nothing}
  </button>`;
}

export const reactionStyles = css`
  .reaction {
    display: inline-flex;
    align-items: center;
    gap: 0.3em;
    min-block-size: 1.5rem;
    min-inline-size: 1.5rem;
    padding-block: 0;
    padding-inline: 0.4em;
    border: 1px solid transparent;
    border-radius: 999px;
    background: none;
    color: var(--_muted);
    font: inherit;
    font-size: 0.875em;
    font-weight: 600;
    cursor: pointer;
  }

  .reaction:hover {
    border-color: var(--_border);
  }

  .reaction[aria-pressed='true'] {
    border-color: var(--_accent);
    color: var(--_accent);
  }

  .reaction-icon {
    inline-size: 1.1em;
    block-size: 1.1em;
    fill: none;
    stroke: currentColor;
    stroke-width: 2;
  }

  .reaction[aria-pressed='true'] .reaction-icon {
    fill: currentColor;
  }

  .reaction-count {
    font-variant-numeric: tabular-nums;
  }

  @media (pointer: coarse) {
    .reaction {
      min-block-size: 2.75rem;
      min-inline-size: 2.75rem;
    }
  }

  .reaction-message {
    flex-basis: 100%;
    margin-block: 0.25rem 0;
    font-size: 0.875em;
  }

  .reaction-message .sign-in {
    margin-inline-start: 0.5em;
  }
`;
