import {css} from 'lit';

export const styles = css`
  :host {
    --_indent: var(--colloquy-indent, clamp(0.75rem, 5cqi, 3rem));
    --_scroll-margin: var(--colloquy-scroll-margin, 1.5rem);
    --_avatar: var(--_avatar-size);
    --_pad: 0.75rem;

    container-type: inline-size;
  }

  .thread {
    margin-block: var(--_space);
  }

  .header {
    display: flex;
    flex-wrap: wrap;
    align-items: baseline;
    justify-content: space-between;
    gap: 0.5rem var(--_space);
    margin-block-end: var(--_space);
  }

  .heading {
    min-inline-size: 0;
    margin: 0;
    font-size: 1.375em;
    line-height: 1.3;
  }

  .sort {
    display: inline-flex;
    align-items: center;
    gap: 0.5em;
    color: var(--_muted);
    font-size: 0.9375em;
  }

  .sort select {
    min-block-size: 2.25rem;
    padding-block: 0.25em;
    padding-inline: 0.5em;
  }

  .comments,
  .replies {
    margin: 0;
    padding: 0;
    list-style: none;
  }

  /* The line down a conversation starts under the middle of the parent's avatar. */
  .replies {
    margin-inline-start: calc(var(--_pad) + var(--_avatar) / 2 - 1px);
    padding-inline-start: max(0.25rem, calc(var(--_indent) - var(--_pad) - var(--_avatar) / 2));
    border-inline-start: 2px solid var(--_border);
  }

  .item + .item,
  .replies {
    margin-block-start: 0.5rem;
  }

  /* Long threads: the browser skips layout and paint of conversations far off screen,
     while they stay in the accessibility tree and findable in the page. One not rendered
     yet is estimated from its number of comments; once rendered, its real size is
     remembered (auto), so the scrollbar does not jump as the reader goes back and forth. */
  .comments > .item {
    --_comment-estimate: 8.5rem;
    content-visibility: auto;
    contain-intrinsic-size: auto calc(var(--_comments, 1) * var(--_comment-estimate));
  }

  .comment {
    display: grid;
    grid-template-columns: var(--_avatar) minmax(0, 1fr);
    gap: 0.75rem;
    padding: var(--_pad);
    border-radius: var(--_radius);
    scroll-margin-block-start: var(--_scroll-margin);
  }

  .comment:focus {
    outline: none;
  }

  /* Inset: each conversation contains its paint (content-visibility), clipping outlines. */
  .comment:focus-visible,
  .comment.targeted:focus {
    outline: var(--_focus-ring);
    outline-offset: -2px;
  }

  .comment.targeted {
    background: var(--_highlight);
  }

  /* Not faded with opacity: muted text must keep its contrast. */
  .comment.sending {
    background: var(--_surface);
  }

  .comment.deleted {
    display: block;
  }

  .placeholder {
    margin: 0;
    color: var(--_muted);
    font-style: italic;
  }

  .main {
    min-inline-size: 0;
  }

  .meta {
    display: flex;
    flex-wrap: wrap;
    align-items: baseline;
    gap: 0.125rem 0.75rem;
  }

  .author {
    font-weight: 600;
    color: var(--_text);
    overflow-wrap: anywhere;
  }

  a.author {
    text-decoration-color: var(--_border);
  }

  .badge {
    padding-inline: 0.45em;
    border: 1px solid var(--_border);
    border-radius: 999px;
    color: var(--_muted);
    font-size: 0.75em;
  }

  .permalink,
  .sending-label,
  .edited {
    color: var(--_muted);
    font-size: 0.875em;
  }

  .permalink {
    display: inline-flex;
    align-items: center;
    min-block-size: 1.5rem;
    text-decoration: none;
  }

  .permalink:hover {
    text-decoration: underline;
  }

  .in-reply-to,
  .note {
    margin-block: 0.25rem 0;
    color: var(--_muted);
    font-size: 0.875em;
  }

  .in-reply-to a {
    display: inline-block;
    min-block-size: 1.5rem;
    color: inherit;
  }

  /* Said only where the indentation no longer shows it (see the narrow layout below). */
  .in-reply-to.narrow-only {
    display: none;
  }

  .note {
    font-style: italic;
  }

  .body {
    overflow-wrap: anywhere;
  }

  .body > :first-child {
    margin-block-start: 0.25rem;
  }

  .body > :last-child {
    margin-block-end: 0;
  }

  .body p {
    margin-block: 0.75em;
  }

  .body a {
    color: var(--_link);
  }

  .body img {
    max-inline-size: 100%;
    block-size: auto;
  }

  /* Smileys and emoji (WordPress's wp-smiley) sit in the line like a character. */
  .body img.inline-image {
    display: inline;
    inline-size: auto;
    block-size: 1em;
    max-block-size: 1em;
    margin-inline: 0.1em;
    vertical-align: -0.1em;
  }

  /* pre and blockquote: contentStyles (shared with the form's preview). */

  .actions {
    margin-block-start: 0.25rem;
  }

  .reply {
    font-size: 0.875em;
    font-weight: 600;
  }

  .reply-form {
    margin-block-start: var(--_space);
  }

  .status {
    margin-block: var(--_space);
    color: var(--_muted);
  }

  .error {
    margin-block: var(--_space);
    padding-block: 0.75rem;
    padding-inline: 1rem;
    border-inline-start: 4px solid var(--_danger);
    border-radius: var(--_radius);
    background: var(--_surface);
  }

  .error p {
    margin-block: 0 0.5rem;
  }

  .error .detail {
    color: var(--_muted);
  }

  .more {
    display: flex;
    justify-content: center;
    margin-block: var(--_space);
  }

  /* Fingers need bigger targets than mouse pointers (WCAG 2.5.5's 44 px). */
  @media (pointer: coarse) {
    .link-button,
    .permalink,
    .in-reply-to a {
      min-block-size: 2.75rem;
      min-inline-size: 2.75rem;
    }

    .permalink,
    .in-reply-to a {
      display: inline-flex;
      align-items: center;
    }
  }

  /* The host is the container, so narrow-width rules start one level down. A phone keeps
     a readable column (240 px at 360 px) by indenting three levels only, thinly; deeper
     replies line up with the third and say whom they answer. */
  @container (inline-size < 30rem) {
    .thread {
      --_avatar: calc(var(--_avatar-size) * 0.75);
      --_pad: 0.5rem;
    }

    .comment {
      gap: 0.5rem;
    }

    .replies {
      margin-inline-start: 0.25rem;
      padding-inline-start: 0.5rem;
    }

    .replies .replies .replies {
      margin-inline-start: 0;
      padding-inline-start: 0;
      border-inline-start: 0;
    }

    .in-reply-to.narrow-only {
      display: block;
    }

    .comments > .item {
      --_comment-estimate: 12rem;
    }
  }
`;
