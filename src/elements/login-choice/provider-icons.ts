import {svg, type SVGTemplateResult} from 'lit';
import {httpUrl} from '../../content/urls.js';

/**
 * The library's own icons for well-known providers: simple shapes drawn for Colloquy on a
 * 24×24 grid, in `currentColor` so a theme (or a provider's brand color) can recolor them.
 * They are decorative: the button carries the accessible name.
 */
const icons: Record<string, SVGTemplateResult> = {
  wordpress: svg`<circle cx="12" cy="12" r="9.5" fill="none" stroke="currentColor" stroke-width="2"/><path d="M6.5 8.5l2.6 8 2.9-7.2 2.9 7.2 2.6-8" fill="none" stroke="currentColor" stroke-width="2" stroke-linejoin="round"/>`,
  twitter: svg`<path d="M4 4h4.6l11.4 16h-4.6z" fill="currentColor"/><path d="M19 4l-6 6.6M5 20l6.1-6.6" stroke="currentColor" stroke-width="2" stroke-linecap="round"/>`,
  facebook: svg`<circle cx="12" cy="12" r="10" fill="currentColor"/><path d="M13.2 21v-6.8h2.3l.4-2.7h-2.7V9.9c0-.8.3-1.3 1.4-1.3h1.4V6.2a18 18 0 0 0-2.1-.1c-2 0-3.5 1.3-3.5 3.6v1.8H8.1v2.7h2.3V21z" fill="var(--_icon-on-color, #fff)"/>`,
  github: svg`<path d="M4.5 10.5L5.3 3.6l4.2 3.1h5l4.2-3.1.8 6.9a7.6 7.6 0 0 1-7.5 9.4 7.6 7.6 0 0 1-7.5-9.4z" fill="currentColor"/><circle cx="9.3" cy="12.6" r="1.3" fill="var(--_icon-on-color, #fff)"/><circle cx="14.7" cy="12.6" r="1.3" fill="var(--_icon-on-color, #fff)"/>`,
  google: svg`<path d="M18.6 7.4A8 8 0 1 0 20 12.3h-7.6" fill="none" stroke="currentColor" stroke-width="3"/>`,
  email: svg`<rect x="3" y="5.5" width="18" height="13" rx="2" fill="none" stroke="currentColor" stroke-width="2"/><path d="M3.8 7l8.2 6 8.2-6" fill="none" stroke="currentColor" stroke-width="2" stroke-linejoin="round"/>`,
};
icons['x'] = icons['twitter']!;
icons['wordpress.com'] = icons['wordpress']!;

/** The built-in icon for a provider id, or `undefined` when Colloquy has none. */
export function builtInProviderIcon(providerId: string): SVGTemplateResult | undefined {
  return Object.hasOwn(icons, providerId) ? icons[providerId] : undefined;
}

/**
 * `iconUrl` when an `<img>` may load it: http(s), or an SVG data URL (an `<img>` runs no
 * script inside SVG). Anything else (`javascript:`, other data types) is refused.
 */
export function safeIconUrl(iconUrl: string | undefined): string | undefined {
  if (!iconUrl) return undefined;
  return /^data:image\/svg\+xml[;,]/i.test(iconUrl) ? iconUrl : httpUrl(iconUrl);
}
