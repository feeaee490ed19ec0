import {css} from 'lit';

/**
 * Design tokens shared by every element. Pages theme Colloquy by setting the public
 * `--colloquy-*` properties on any ancestor (`:root` included); they are never declared
 * on `:host`, only read here with a fallback into private `--_*` copies. Colors follow
 * the page's `color-scheme` (set `color-scheme: dark` or `light dark` to get dark mode).
 */
export const themeStyles = css`
  :host {
    --_font: var(--colloquy-font-family, inherit);
    --_font-size: var(--colloquy-font-size, 1rem);
    --_line-height: var(--colloquy-line-height, 1.6);
    --_text: var(--colloquy-color-text, light-dark(#1d2327, #e7e9ea));
    --_muted: var(--colloquy-color-muted, light-dark(#50575e, #a7aaad));
    --_background: var(--colloquy-color-background, light-dark(#ffffff, #16181a));
    --_surface: var(--colloquy-color-surface, light-dark(#f6f7f7, #1f2226));
    --_border: var(--colloquy-color-border, light-dark(#c3c4c7, #3c434a));
    --_accent: var(--colloquy-color-accent, light-dark(#2271b1, #72aee6));
    --_on-accent: var(--colloquy-color-on-accent, light-dark(#ffffff, #101517));
    --_danger: var(--colloquy-color-danger, light-dark(#b32d2e, #f86368));
    --_highlight: var(--colloquy-color-highlight, light-dark(#fcf9e8, #3a3420));
    --_radius: var(--colloquy-radius, 6px);
    --_space: var(--colloquy-space, 1rem);
    --_avatar-size: var(--colloquy-avatar-size, 2.75rem);
    --_focus-ring: var(--colloquy-focus-ring, 2px solid var(--_accent));

    display: block;
    color-scheme: inherit;
    font-family: var(--_font);
    font-size: var(--_font-size);
    line-height: var(--_line-height);
    color: var(--_text);
    /* Inherited by everything inside: a backend's 1 MB word (a title, a name, a URL) wraps
       instead of pushing the page sideways. */
    overflow-wrap: anywhere;
    min-inline-size: 0;
  }

  :host([hidden]) {
    display: none;
  }

  :focus-visible {
    outline: var(--_focus-ring);
    outline-offset: 2px;
  }

  /* Fields look alike in every element, which sets their size. :where() keeps this rule
     weaker than any of the elements' own. */
  :where(input:not([type='checkbox'], [type='radio']), textarea, select) {
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_background);
    color: var(--_text);
    font: inherit;
  }

  .visually-hidden {
    position: absolute;
    inline-size: 1px;
    block-size: 1px;
    overflow: hidden;
    clip-path: inset(50%);
    white-space: nowrap;
  }

  /* Buttons: at least 24×24 CSS px (WCAG 2.2 target size), 44px tall where primary. */
  .button {
    display: inline-flex;
    align-items: center;
    justify-content: center;
    gap: 0.4em;
    min-block-size: 2.25rem;
    min-inline-size: 2.25rem;
    padding-block: 0.35em;
    padding-inline: 0.9em;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_background);
    color: var(--_text);
    font: inherit;
    cursor: pointer;
  }

  .button:hover {
    border-color: var(--_accent);
  }

  .button[disabled],
  .button[aria-disabled='true'] {
    opacity: 0.6;
    cursor: not-allowed;
  }

  .button.primary {
    border-color: var(--_accent);
    background: var(--_accent);
    color: var(--_on-accent);
    font-weight: 600;
  }

  .link-button {
    min-block-size: 1.5rem;
    min-inline-size: 1.5rem;
    padding: 0;
    border: 0;
    background: none;
    color: var(--_accent);
    font: inherit;
    text-decoration: underline;
    cursor: pointer;
  }
`;
