import {ConfigError} from '../config-error.js';
import {BUILT_IN_PROVIDERS, openIdConnect, type ProviderDefinition} from './providers/index.js';

/** A provider the site owner turned on, with the client registered at it. */
export interface ConfiguredProvider {
  definition: ProviderDefinition;
  clientId: string;
  clientSecret: string;
  /** OpenID Connect issuers found by discovery: the issuer URL. */
  issuer?: string;
}

export interface AuthConfig {
  providers: ConfiguredProvider[];
  /** `provider:subject` identities and verified email addresses (lower case). */
  moderators: string[];
  sessionSeconds: number;
  /** Email links sent per hour: to one address, and from one client address. */
  emailLinksPerAddress: number;
  emailLinksPerIp: number;
}

export const AUTH_VARIABLES: {name: string; default: string; meaning: string}[] = [
  {name: 'COLLOQUY_GITHUB_CLIENT_ID', default: '(none)', meaning: 'with `…_CLIENT_SECRET`: sign-in with GitHub (an OAuth app); the same pair for `COLLOQUY_GOOGLE_…`, `COLLOQUY_FACEBOOK_…`, `COLLOQUY_X_…` (X, formerly Twitter) and `COLLOQUY_WORDPRESS_…` (WordPress.com). Register `{COLLOQUY_PUBLIC_URL}/auth/providers/{github,google,facebook,twitter,wordpress}/callback` as the redirect URL'},
  {name: 'COLLOQUY_OIDC_PROVIDERS', default: '(none)', meaning: 'comma-separated ids of OpenID Connect issuers (`a-z0-9-`); for each id `corp`: `COLLOQUY_OIDC_CORP_ISSUER` (the issuer URL, discovered), `…_CLIENT_ID`, `…_CLIENT_SECRET`, `…_NAME` (shown on the button); redirect URL `{COLLOQUY_PUBLIC_URL}/auth/providers/corp/callback`'},
  {name: 'COLLOQUY_MODERATORS', default: '(none)', meaning: 'comma-separated moderators: provider identities (`github:12345`, `google:1098…`, the provider\'s stable id, not a handle) and/or verified email addresses'},
  {name: 'COLLOQUY_SESSION_HOURS', default: '168', meaning: 'how long a sign-in lasts before the person signs in again'},
  {name: 'COLLOQUY_EMAIL_LINKS_PER_ADDRESS', default: '5', meaning: 'sign-in emails per hour to one address (with `COLLOQUY_SMTP_URL` and `COLLOQUY_ORIGINS`, the `email` provider is offered)'},
  {name: 'COLLOQUY_EMAIL_LINKS_PER_IP', default: '20', meaning: 'sign-in emails per hour asked for from one client address'},
];

const PROVIDER_ID = /^[a-z0-9][a-z0-9-]{0,31}$/;
const RESERVED_IDS = new Set(['email', ...BUILT_IN_PROVIDERS.map((p) => p.definition.id)]);

export function readAuthConfig(env: Record<string, string | undefined>, origins: string[]): AuthConfig {
  const value = (name: string) => env[name]?.trim() || undefined;
  const providers: ConfiguredProvider[] = [];
  const pair = (prefix: string) => {
    const clientId = value(`${prefix}_CLIENT_ID`);
    const clientSecret = value(`${prefix}_CLIENT_SECRET`);
    if (!clientId !== !clientSecret) {
      throw new ConfigError(`${prefix}_CLIENT_ID and ${prefix}_CLIENT_SECRET go together: set both or neither.`);
    }
    return clientId && clientSecret ? {clientId, clientSecret} : undefined;
  };
  for (const {env: name, definition} of BUILT_IN_PROVIDERS) {
    const client = pair(`COLLOQUY_${name}`);
    if (client) providers.push({definition, ...client});
  }
  const oidcIds = (value('COLLOQUY_OIDC_PROVIDERS') ?? '').split(',').map((id) => id.trim()).filter(Boolean);
  for (const id of oidcIds) {
    if (!PROVIDER_ID.test(id)) throw new ConfigError(`COLLOQUY_OIDC_PROVIDERS: "${id}" is not an id of a-z, 0-9 and "-" (at most 32).`);
    if (RESERVED_IDS.has(id) || providers.some((p) => p.definition.id === id)) {
      throw new ConfigError(`COLLOQUY_OIDC_PROVIDERS: "${id}" is used twice or is a built-in provider's id; pick another.`);
    }
    const prefix = `COLLOQUY_OIDC_${id.toUpperCase().replace(/-/g, '_')}`;
    const client = pair(prefix);
    if (!client) throw new ConfigError(`${prefix}_CLIENT_ID and ${prefix}_CLIENT_SECRET are needed for the OpenID Connect provider "${id}".`);
    const issuer = issuerUrl(`${prefix}_ISSUER`, value(`${prefix}_ISSUER`));
    const name = (value(`${prefix}_NAME`) ?? id).slice(0, 100);
    providers.push({definition: openIdConnect(id, name), ...client, issuer});
  }
  if (providers.length > 0 && origins.length === 0) {
    // Codes go only to registered sites; with "any origin" anyone could collect them.
    throw new ConfigError('COLLOQUY_ORIGINS must list the sites using this server when sign-in providers are configured.');
  }
  const moderators = (value('COLLOQUY_MODERATORS') ?? '').split(',').map((entry) => entry.trim()).filter(Boolean).map((entry) => {
    if (/^[^\s@:]+@[^\s@]+\.[^\s@]+$/.test(entry)) return entry.toLowerCase();
    if (/^[a-z0-9-]{1,32}:\S{1,255}$/.test(entry)) return entry;
    throw new ConfigError(`COLLOQUY_MODERATORS: "${entry}" is neither a provider identity like github:12345 nor an email address.`);
  });
  return {
    providers,
    moderators,
    sessionSeconds: positive(env, 'COLLOQUY_SESSION_HOURS', 168) * 3600,
    emailLinksPerAddress: positive(env, 'COLLOQUY_EMAIL_LINKS_PER_ADDRESS', 5),
    emailLinksPerIp: positive(env, 'COLLOQUY_EMAIL_LINKS_PER_IP', 20),
  };
}

function positive(env: Record<string, string | undefined>, name: string, fallback: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!(value > 0) || !Number.isFinite(value)) throw new ConfigError(`${name} must be a number above 0, not "${raw}".`);
  return value;
}

function issuerUrl(name: string, raw: string | undefined): string {
  if (!raw) throw new ConfigError(`${name} is needed: the issuer URL of the OpenID Connect provider (https://…).`);
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new ConfigError(`${name}: "${raw}" is not a URL like https://login.example.`);
  }
  const loopback = ['127.0.0.1', 'localhost', '[::1]'].includes(url.hostname);
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && loopback)) {
    throw new ConfigError(`${name} must be an https URL (plain http only on this machine, for tests).`);
  }
  return url.href;
}
