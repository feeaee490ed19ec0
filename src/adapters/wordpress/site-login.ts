import type {SignInProvider} from '../../core/types.js';
import {send, type Fetch} from '../shared/http.js';
import {asObject, asString, httpUrl} from '../shared/values.js';

/**
 * Sign-in through the site's own login (wp-login.php, or a login plugin's page), as the
 * Colloquy WordPress plugin offers it (integrations/wordpress): the popup logs the visitor
 * in to the site and ends on the plugin's callback page; all that comes back is the login
 * cookie, from which the page reads a REST nonce. No password or token reaches the page.
 */
export interface SiteLogin {
  /** Where each provider's sign-in starts; `redirect_to` is added. */
  providers: SiteLoginProvider[];
  /** `admin-ajax.php?action=rest-nonce`: the logged-in visitor's REST nonce, same-origin only. */
  nonceUrl: string;
}

export interface SiteLoginProvider extends SignInProvider {
  url: string;
}

const NONCE_DEADLINE_MS = 15_000;

/** Providers from the plugin's `wp-sign-in` attribute (JSON); malformed entries are dropped. */
export function parseSiteLoginProviders(json: string | undefined): SiteLoginProvider[] {
  let list: unknown;
  try {
    list = JSON.parse(json ?? '');
  } catch {
    return [];
  }
  if (!Array.isArray(list)) return [];
  const providers: SiteLoginProvider[] = [];
  for (const entry of list.slice(0, 20)) {
    const raw = asObject(entry);
    const id = asString(raw['id']);
    const name = asString(raw['name']).trim().slice(0, 100);
    const url = httpUrl(raw['url']);
    const iconUrl = asString(raw['iconUrl']);
    if (!/^[a-z0-9][a-z0-9.-]{0,39}$/.test(id) || !name || !url) continue;
    providers.push({id, name, url, ...(iconUrl ? {iconUrl} : {})});
  }
  return providers;
}

/** The provider's sign-in address, sending the browser back to the callback with `state`. */
export function siteLoginUrl(provider: SiteLoginProvider, callbackUrl: string, state: string): string {
  const back = new URL(callbackUrl);
  back.searchParams.set('state', state);
  const url = new URL(provider.url);
  url.searchParams.set('redirect_to', back.href);
  return url.href;
}

/**
 * The REST nonce of the visitor logged in to the site by cookie; `null` when nobody is
 * (WordPress answers `0`, with 400, to visitors who are not logged in).
 */
export async function fetchRestNonce(fetcher: Fetch, nonceUrl: string, signal?: AbortSignal): Promise<string | null> {
  const deadline = AbortSignal.timeout(NONCE_DEADLINE_MS);
  const combined = signal ? AbortSignal.any([signal, deadline]) : deadline;
  const response = await send(fetcher, nonceUrl, {credentials: 'same-origin', cache: 'no-store'}, combined);
  const text = (await response.text().catch(() => '')).trim();
  return response.ok && /^[0-9a-f]{10}$/.test(text) ? text : null;
}
