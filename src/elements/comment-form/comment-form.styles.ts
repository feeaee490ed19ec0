import {css} from 'lit';

export const commentFormStyles = css`
  :host {
    --_textarea-min-height: var(--colloquy-textarea-min-height, calc(6lh + 1em));
    --_textarea-max-height: var(--colloquy-textarea-max-height, 60vh);

    margin-block: var(--_space);
  }

  .heading {
    margin-block: 0 calc(var(--_space) * 0.75);
    font-size: 1.25em;
    font-weight: 700;
    line-height: 1.3;
  }

  form {
    display: grid;
    gap: calc(var(--_space) * 0.75);
  }

  textarea {
    box-sizing: border-box;
    inline-size: 100%;
    padding-block: 0.5em;
    padding-inline: 0.75em;
    field-sizing: content;
    min-block-size: var(--_textarea-min-height);
    max-block-size: var(--_textarea-max-height);
    resize: vertical;
  }

  textarea[readonly] {
    background: var(--_surface);
  }

  :is(textarea, input)[aria-invalid='true'] {
    border-color: var(--_danger);
    box-shadow: 0 0 0 1px var(--_danger);
  }

  .count {
    margin: 0;
    justify-self: end;
    color: var(--_muted);
    font-size: 0.875em;
    font-variant-numeric: tabular-nums;
  }

  .count.over {
    color: var(--_danger);
    font-weight: 600;
  }

  .field-error {
    margin: 0;
    color: var(--_danger);
    font-size: 0.9375em;
  }

  .identity {
    display: grid;
    gap: calc(var(--_space) * 0.75);
  }

  .identity p {
    margin: 0;
  }

  .guest-fields {
    display: grid;
    gap: calc(var(--_space) * 0.75);
  }

  .notify {
    display: grid;
    gap: 0.25rem;
  }

  .checkbox {
    display: flex;
    align-items: center;
    gap: 0.5em;
    min-block-size: 1.5rem;
    font-weight: 400;
  }

  .checkbox input {
    inline-size: 1.125rem;
    block-size: 1.125rem;
    margin: 0;
    accent-color: var(--_accent);
  }

  .alert,
  .notify-notice {
    display: grid;
    justify-items: start;
    gap: 0.5rem;
    padding-block: 0.75em;
    padding-inline: 1em;
    border: 1px solid var(--_danger);
    border-inline-start-width: 4px;
    border-radius: var(--_radius);
    background: var(--_surface);
  }

  /* Kept in the page while empty (no box): an alert inserted with its text is not always read. */
  .alert:not(.shown) {
    padding: 0;
    border: 0;
  }

  .alert p,
  .notify-notice p {
    margin: 0;
  }

  .notify-notice {
    border-color: var(--_accent);
  }

  .actions {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5rem;
  }

  .actions .button {
    min-block-size: 2.75rem;
  }

  .closed {
    margin: 0;
    color: var(--_muted);
    font-style: italic;
  }
`;
