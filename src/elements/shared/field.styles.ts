import {css} from 'lit';

/**
 * Labelled fields as the form and the sign-in panel both show them: the guest's Name,
 * Email and Website look the same whichever element renders them.
 */
export const fieldStyles = css`
  .field {
    display: grid;
    gap: 0.25rem;
  }

  label {
    font-weight: 600;
  }

  .required {
    color: var(--_danger);
  }

  .hint {
    margin: 0;
    color: var(--_muted);
    font-size: 0.9375em;
    font-weight: normal;
  }

  input:not([type='checkbox']) {
    box-sizing: border-box;
    inline-size: 100%;
    min-block-size: 2.75rem;
    padding-block: 0.5em;
    padding-inline: 0.75em;
  }
`;
