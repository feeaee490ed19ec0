import {css} from 'lit';

export const styles = css`
  :host {
    --_avatar: var(--_avatar-size);
    --_provider-size: var(--colloquy-provider-button-size, 2.75rem);
    --_icon-on-color: light-dark(#ffffff, #16181a);
  }

  .choice,
  .connecting,
  .signed-in {
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface);
    padding-block: calc(var(--_space) * 0.75);
    padding-inline: var(--_space);
  }

  .choice:focus,
  .signed-in:focus {
    outline: none;
  }

  .choice:focus-visible,
  .signed-in:focus-visible {
    outline: var(--_focus-ring);
  }

  .loading {
    min-block-size: calc(var(--_provider-size) + var(--_space) * 1.5);
  }

  .choice-header {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    justify-content: space-between;
    gap: calc(var(--_space) * 0.5);
  }

  .prompt {
    margin: 0;
    color: var(--_muted);
  }

  /* Where a row cannot hold every button, two even rows (3 + 3, not 5 + 1): a button alone
     on a line looks like an afterthought. The list is as wide as all its buttons where the
     panel has room for them, else as wide as half of them (rounded up), so they wrap evenly.
     clamp() picks between the two widths: a huge negative middle value when the full row is
     wider than the panel (100%), else one at least the full row. In a panel narrower than
     even half the buttons, up to eight (rows of four) stay even and overflow rather than
     leave one alone, as they always did; more than eight wrap within the panel. One rule
     for every count and every --colloquy-provider-button-size, where breakpoints had to
     assume one. */
  .providers {
    --_gap: 0.375rem;
    --_step: calc(var(--_provider-size) + var(--_gap));
    --_full-row: calc(var(--_count, 1) * var(--_step) - var(--_gap));
    --_half-row: calc(round(up, var(--_count, 1) / 2) * var(--_step) - var(--_gap));
    display: flex;
    flex-wrap: wrap;
    gap: var(--_gap);
    max-inline-size: clamp(var(--_half-row), (100% - var(--_full-row)) * 10000 + var(--_full-row), var(--_full-row));
    min-inline-size: calc(var(--_half-row) * clamp(0, 9 - var(--_count, 1), 1));
    margin: 0;
    padding: 0;
    list-style: none;
  }

  .provider-button {
    display: grid;
    place-items: center;
    inline-size: var(--_provider-size);
    block-size: var(--_provider-size);
    padding: 0;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_background);
    color: var(--_text);
    cursor: pointer;
  }

  .provider-button:hover {
    border-color: var(--_accent);
  }

  /* Brand colors where the brand has one that reads on both light and dark. */
  .provider-button[data-provider='wordpress'] {
    color: light-dark(#3858e9, #7b90ff);
  }
  .provider-button[data-provider='facebook'] {
    color: light-dark(#0866ff, #4a8dff);
  }
  .provider-button[data-provider='google'] {
    color: light-dark(#1a73e8, #8ab4f8);
  }

  .provider-icon {
    inline-size: 1.5rem;
    block-size: 1.5rem;
  }

  .provider-icon.initial {
    display: grid;
    place-items: center;
    border-radius: 50%;
    background: var(--_accent);
    color: var(--_on-accent);
    font-weight: 600;
    line-height: 1;
  }

  .providers-loading {
    inline-size: calc(var(--_provider-size) * 3);
    block-size: var(--_provider-size);
    border-radius: var(--_radius);
    background: var(--_border);
    opacity: 0.4;
  }

  .providers-error,
  .error {
    margin-block: 0.5rem 0;
    margin-inline: 0;
    color: var(--_danger);
  }

  /* As in <comment-form>: the same fields must look the same wherever they are. */
  .guest-fields {
    display: grid;
    gap: calc(var(--_space) * 0.75);
    margin: 0;
    margin-block-start: var(--_space);
    padding: 0;
    border: 0;
  }

  ::slotted([slot='guest-fields']) {
    margin-block-start: var(--_space);
  }

  input.checked:invalid {
    border-color: var(--_danger);
    box-shadow: inset 0 0 0 1px var(--_danger);
  }

  .email-link-form {
    display: flex;
    flex-wrap: wrap;
    align-items: end;
    gap: 0.5rem;
    margin-block: 0.75rem;
  }

  .email-link-form label {
    flex-basis: 100%;
  }

  .email-link-form input {
    flex: 1 1 14rem;
    inline-size: auto;
  }

  .connecting {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.75rem;
  }

  .connecting-text {
    flex: 1;
    margin: 0;
  }

  .spinner {
    inline-size: 1.25rem;
    block-size: 1.25rem;
    border: 2px solid var(--_border);
    border-block-start-color: var(--_accent);
    border-radius: 50%;
    animation: spin 0.9s linear infinite;
  }

  @media (prefers-reduced-motion: reduce) {
    .spinner {
      animation-duration: 3s;
    }
  }

  @keyframes spin {
    to {
      transform: rotate(1turn);
    }
  }

  .signed-in {
    display: flex;
    align-items: center;
    gap: 0.75rem;
  }

  .signed-in-text p {
    margin: 0;
  }

  .viewer-name {
    display: block;
  }

  .actions {
    white-space: nowrap;
  }
`;
