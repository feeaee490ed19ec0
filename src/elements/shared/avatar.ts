import {css, html, type TemplateResult} from 'lit';
import {httpUrl} from '../../content/urls.js';
import {initialsOf, paletteIndexOf} from './initials.js';

/**
 * A person's picture (`part="avatar"`), or their initials on a color of their own when
 * there is none, it is not an http(s) address, or it is in `failed` (it did not load).
 * Decorative: their name is always written next to it. An element showing many avatars
 * listens for `error` once, capturing; one showing a single avatar passes `onError`.
 */
export function avatar(
  name: string,
  avatarUrl: string | undefined,
  locale: string,
  failed: ReadonlySet<string>,
  onError?: (url: string) => void,
): TemplateResult {
  return checkedAvatar(name, httpUrl(avatarUrl), locale, failed, onError);
}

/** `avatar` for an address already checked to be http(s) (see `authorUrls`). */
export function checkedAvatar(
  name: string,
  url: string | undefined,
  locale: string,
  failed: ReadonlySet<string>,
  onError?: (url: string) => void,
): TemplateResult {
  if (!url || failed.has(url)) return initialsOfAvatar(name, locale, 'avatar');
  // The initials wait underneath until the picture has loaded over them, rather than an
  // empty circle.
  return html`<span class="avatar-frame">${initialsOfAvatar(name, locale, 'avatar-initials')}<img
      part="avatar"
      class="avatar"
      src=${url}
      alt=""
      width="48"
      height="48"
      loading="lazy"
      decoding="async"
      referrerpolicy="no-referrer"
      @error=${onError && (() => onError(url))}
    />
  </span>`;
}

/**
 * `checkedAvatar` built as DOM nodes, for a thread of thousands of comments where each
 * template instance costs markers and part objects. Its `error` is caught by the host's
 * capturing listener.
 */
export function avatarElement(document: Document, name: string, url: string | undefined, locale: string, failed: ReadonlySet<string>): HTMLElement {
  const shown = url && !failed.has(url) ? url : undefined;
  const initials = initialsElement(document, name, locale, shown ? 'avatar-initials' : 'avatar');
  if (!shown) return initials;
  const frame = document.createElement('span');
  frame.className = 'avatar-frame';
  const image = document.createElement('img');
  for (const [attribute, value] of IMAGE_ATTRIBUTES) image.setAttribute(attribute, value);
  image.setAttribute('src', shown);
  frame.append(initials, image);
  return frame;
}

/** The address an `avatarElement` shows, or undefined for initials alone. */
export function avatarElementUrl(element: Element): string | undefined {
  return element.classList.contains('avatar-frame') ? (element.lastElementChild?.getAttribute('src') ?? undefined) : undefined;
}

const IMAGE_ATTRIBUTES = [
  ['part', 'avatar'],
  ['class', 'avatar'],
  ['alt', ''],
  ['width', '48'],
  ['height', '48'],
  ['loading', 'lazy'],
  ['decoding', 'async'],
  ['referrerpolicy', 'no-referrer'],
] as const;

function initialsElement(document: Document, name: string, locale: string, partName: string): HTMLElement {
  const initials = document.createElement('span');
  initials.setAttribute('part', partName);
  initials.className = `avatar initials palette-${paletteIndexOf(name)}`;
  initials.setAttribute('aria-hidden', 'true');
  initials.textContent = initialsOf(name, locale);
  return initials;
}

function initialsOfAvatar(name: string, locale: string, partName: string): TemplateResult {
  // Text as a property: no Lit marker beside it, in every comment of a thread.
  return html`<span part=${partName} class="avatar initials palette-${paletteIndexOf(name)}" aria-hidden="true" .textContent=${initialsOf(name, locale)}></span>`;
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
