import {css} from 'lit';

// The styles of the thread's controls that load on demand (lazy-controls.ts): kept in the
// entry, so a comment shows styled the moment its controls arrive.

export const ownCommentActionsStyles = css`
  .actions {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    column-gap: 1em;
  }

  .own-action {
    font-size: 0.875em;
    font-weight: 600;
  }

  .own-action.danger {
    color: var(--_danger);
  }

  .confirm {
    display: inline-flex;
    flex-wrap: wrap;
    align-items: center;
    column-gap: 1em;
    font-size: 0.875em;
  }

  .confirm .own-action {
    font-size: inherit;
  }

  /* A failed Edit, Delete, Approve or Spam, on its own line under the comment's actions. */
  .action-error {
    flex-basis: 100%;
    margin-block: 0.25rem 0;
    color: var(--_danger);
    font-size: 0.875em;
  }
`;

export const newCommentsStyles = css`
  /* Stays in sight while the reader is anywhere in the thread. */
  .new-notice {
    position: sticky;
    inset-block-start: var(--_scroll-margin);
    z-index: 1;
    display: flex;
    justify-content: center;
    margin-block-end: var(--_space);
  }

  .new-notice .button {
    border-radius: 999px;
    box-shadow: 0 2px 8px rgb(0 0 0 / 0.2);
  }

  .comment.new {
    box-shadow: inset 3px 0 0 var(--_accent);
  }

  .comment.new:dir(rtl) {
    box-shadow: inset -3px 0 0 var(--_accent);
  }

  .new-label {
    padding-inline: 0.45em;
    border-radius: 999px;
    background: var(--_accent);
    color: var(--_on-accent);
    font-size: 0.75em;
    font-weight: 600;
  }
`;

export const moderationStyles = css`
  .held-filter[aria-pressed='true'] {
    background: var(--_accent);
    color: var(--_on-accent, #fff);
  }

  .moderation {
    display: inline-flex;
    flex-wrap: wrap;
    align-items: center;
    column-gap: 1em;
  }

  .moderation-action {
    font-size: 0.875em;
    font-weight: 600;
  }

  .moderation-action.danger {
    color: var(--_danger);
  }

  .held-label {
    font-style: normal;
    font-weight: 600;
  }
`;

export const moreRepliesStyles = css`
  /* Lined up with the replies it adds to (past the conversation's line, see .replies). */
  .more-replies {
    margin-block-start: 0.5rem;
    margin-inline-start: calc(var(--_pad) + var(--_avatar) / 2 + 1px);
    padding-inline-start: calc(max(0.25rem, calc(var(--_indent) - var(--_pad) - var(--_avatar) / 2)) + var(--_pad));
  }

  .more-replies-button {
    font-size: 0.875em;
    font-weight: 600;
  }
`;
