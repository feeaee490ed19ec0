import {html, type TemplateResult} from 'lit';
import {httpUrl} from '../../content/urls.js';
import {initialsOf, paletteIndexOf} from './initials.js';

// Apart from avatar.ts, whose DOM-built avatars every comment of a thread uses up front:
// this template serves elements that load later (the sign-in panel) and stays in their chunk.

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

/** `avatar` for an address already checked to be http(s). */
function checkedAvatar(
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

function initialsOfAvatar(name: string, locale: string, partName: string): TemplateResult {
  // Text as a property: no Lit marker beside it, in every comment of a thread.
  return html`<span part=${partName} class="avatar initials palette-${paletteIndexOf(name)}" aria-hidden="true" .textContent=${initialsOf(name, locale)}></span>`;
}
