import {css} from 'lit';

/**
 * Block rules for a comment's rendered text, shared by the thread (a comment's `.body`)
 * and the form's Markdown preview (`.preview`), so a preview looks like the comment posted.
 */
export const contentStyles = css`
  :is(.body, .preview) pre {
    overflow-x: auto;
    padding: 0.75em;
    border-radius: var(--_radius);
    background: var(--_surface);
  }

  :is(.body, .preview) blockquote {
    margin-inline: 0;
    padding-inline-start: 1em;
    border-inline-start: 3px solid var(--_border);
    color: var(--_muted);
  }
`;
