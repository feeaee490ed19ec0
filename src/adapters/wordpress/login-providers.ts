import type {SignInProvider} from '../../core/types.js';
import {asObject, asString, httpUrl} from '../shared/values.js';

/**
 * A way to log in to the WordPress site other than its plain wp-login.php, as the Colloquy
 * WordPress plugin lists them (`wp-sign-in`, filled by its `colloquy_sign_in_providers`
 * filter): the site's login page under whatever address a security plugin gave it, or a
 * social-login plugin's page. Each ends like wp-login.php: the visitor logged in to the
 * site by cookie and sent to `redirect_to`, the callback page.
 */
export interface LoginProvider extends SignInProvider {
  /** Where the sign-in starts; `redirect_to` is added. */
  url: string;
}

/** Providers from the plugin's `wp-sign-in` attribute (JSON); malformed entries are dropped. */
export function parseLoginProviders(json: string | undefined): LoginProvider[] {
  let list: unknown;
  try {
    list = JSON.parse(json ?? '');
  } catch {
    return [];
  }
  if (!Array.isArray(list)) return [];
  const providers: LoginProvider[] = [];
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
export function loginProviderUrl(provider: LoginProvider, callbackUrl: string, state: string): string {
  return loginPageUrl(provider.url, callbackUrl, state);
}

/** A login page's address (a provider's, wp-login.php's) with `redirect_to` the callback with `state`. */
export function loginPageUrl(page: string, callbackUrl: string, state: string): string {
  const back = new URL(callbackUrl);
  back.searchParams.set('state', state);
  const url = new URL(page);
  url.searchParams.set('redirect_to', back.href);
  return url.href;
}
