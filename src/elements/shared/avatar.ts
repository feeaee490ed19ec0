import {css, html, render} from 'lit';
import {initialsOf, paletteIndexOf} from './initials.js';

let prepared: {initials: HTMLElement; framed: HTMLElement} | undefined;

/**
 * A person's picture (`part="avatar"`) at `url`, an http(s) address, with their initials
 * underneath until it has loaded, or their initials alone on a color of their own without
 * one. Decorative: their name is always written next to it. Built as DOM nodes (`avatar()`
 * in avatar-template.ts is the Lit template) for a thread of thousands of comments, where
 * each template instance costs markers and part objects; a failed picture's `error`
 * reaches the host's capturing listener.
 */
export function avatarElement(name: string, url: string | undefined, locale: string): HTMLElement {
  if (!prepared) {
    // Parsed once by Lit (which the page's Trusted Types policy allows), then cloned.
    const fragment = document.createDocumentFragment();
    render(
      html`<span part="avatar" aria-hidden="true"></span><span class="avatar-frame"><span part="avatar-initials" aria-hidden="true"></span><img part="avatar" class="avatar" alt="" width="48" height="48" loading="lazy" decoding="async" referrerpolicy="no-referrer" /></span>`,
      fragment,
    );
    const [initials, framed] = fragment.children as unknown as HTMLElement[];
    prepared = {initials: initials!, framed: framed!};
  }
  const avatar = (url ? prepared.framed : prepared.initials).cloneNode(true) as HTMLElement;
  const initials = url ? (avatar.firstElementChild as HTMLElement) : avatar;
  initials.className = `avatar initials palette-${paletteIndexOf(name)}`;
  initials.textContent = initialsOf(name, locale);
  if (url) avatar.lastElementChild!.setAttribute('src', url);
  return avatar;
}

/** The avatar's looks, sized by the host's `--_avatar`. */
export const avatarStyles = css`
  .avatar {
    display: block;
    flex: none;
    inline-size: var(--_avatar);
    block-size: var(--_avatar);
    border-radius: 50%;
    object-fit: cover;
    background: var(--_surface);
  }

  .avatar-frame {
    display: grid;
    flex: none;
    inline-size: var(--_avatar);
    block-size: var(--_avatar);
  }

  .avatar-frame > .avatar {
    grid-area: 1 / 1;
  }

  .avatar-frame > img.avatar {
    background: transparent;
  }

  .initials {
    display: grid;
    place-items: center;
    font-size: calc(var(--_avatar) * 0.38);
    font-weight: 600;
    line-height: 1;
    user-select: none;
  }

  .palette-0 { background: light-dark(#dbe9f8, #1f3a57); color: light-dark(#163c63, #cfe3f8); }
  .palette-1 { background: light-dark(#e3f1df, #28422a); color: light-dark(#24502a, #d5ecd0); }
  .palette-2 { background: light-dark(#fbe6d5, #55351e); color: light-dark(#6b3510, #f8dcc5); }
  .palette-3 { background: light-dark(#efe0f5, #43294f); color: light-dark(#5a2670, #ecd6f5); }
  .palette-4 { background: light-dark(#f9dfe3, #552631); color: light-dark(#752035, #f6d3da); }
  .palette-5 { background: light-dark(#dff2f1, #1f4543); color: light-dark(#184d4a, #cdeeec); }
`;
