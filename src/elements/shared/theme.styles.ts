import {css} from 'lit';

/**
 * Design tokens shared by every element. Pages theme Colloquy by setting the public
 * `--colloquy-*` properties on any ancestor (`:root` included); they are never declared
 * on `:host`, only read here with a fallback into private `--_*` copies.
 *
 * The default colours inherit the page's: text is the page's text colour, muted text,
 * borders and surfaces are that colour made translucent, and fields and buttons let the
 * page's background through. So the widget reads on a dark page that sets only
 * `color` and `background` (no `color-scheme`), as well as on a light one, with no
 * dark-mode switch to keep in step. Links and errors mix a fixed hue with the text colour
 * (dark blue on light pages, light blue on dark ones); the primary button is a fixed blue
 * with white text, readable on any page.
 */
export const themeStyles = css`
  :host {
    --_font: var(--colloquy-font-family, inherit);
    --_font-size: var(--colloquy-font-size, 1rem);
    --_line-height: var(--colloquy-line-height, 1.6);
    /* currentColor in these resolves where they are used: to the inherited text colour. */
    --_text: var(--colloquy-color-text, currentColor);
    --_muted: var(--colloquy-color-muted, color-mix(in srgb, currentColor 76%, transparent));
    --_background: var(--colloquy-color-background, transparent);
    --_surface: var(--colloquy-color-surface, color-mix(in srgb, currentColor 7%, transparent));
    --_border: var(--colloquy-color-border, color-mix(in srgb, currentColor 45%, transparent));
    --_accent: var(--colloquy-color-accent, #2271b1);
    --_on-accent: var(--colloquy-color-on-accent, #ffffff);
    --_link: var(--colloquy-color-link, color-mix(in srgb, var(--_accent) 62%, currentColor));
    --_danger: var(--colloquy-color-danger, color-mix(in srgb, #d63638 66%, currentColor));
    --_highlight: var(--colloquy-color-highlight, color-mix(in srgb, #dba617 20%, transparent));
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

  /* A select's list is drawn by the browser in the page's colour scheme, not ours. */
  option {
    background-color: Canvas;
    color: CanvasText;
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
    color: var(--_link);
    font: inherit;
    text-decoration: underline;
    cursor: pointer;
  }
`;
