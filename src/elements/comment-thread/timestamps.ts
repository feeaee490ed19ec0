import {css} from 'lit';

/**
 * How a comment's time is written: `relative` ("3 minutes ago"), `absolute` ("August 6,
 * 2012 at 3:14 PM", as WordPress themes do) or `auto` (relative for a week, then the date).
 */
export type DateStyle = 'relative' | 'absolute' | 'auto';

const WEEK = 7 * 24 * 60 * 60_000;

/** Whether a comment written at `created` is shown as a relative time at `now`. */
export function showsRelative(style: DateStyle | string, created: number, now: number): boolean {
  if (style === 'absolute') return false;
  if (style === 'auto') return now - created < WEEK;
  return true;
}

/**
 * The full date beside a relative time: part of the permalink's name for screen readers
 * and shown under it to keyboard users, who never see a `title` tooltip. Hidden with the
 * theme's `.visually-hidden` until the permalink has keyboard focus.
 */
export const timestampStyles = css`
  .permalink {
    position: relative;
  }

  .permalink:focus-visible .full-date {
    inset-block-start: calc(100% + 0.25rem);
    inset-inline-start: 0;
    z-index: 1;
    inline-size: max-content;
    block-size: auto;
    padding-block: 0.25rem;
    padding-inline: 0.5rem;
    clip-path: none;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_background);
    color: var(--_text);
    box-shadow: 0 2px 6px rgb(0 0 0 / 0.15);
  }
`;
