import * as client from 'openid-client';
import type {ConfiguredProvider} from './auth-config.js';
import type {Profile} from './providers/index.js';

/** What `start` hands back to keep server-side until the provider returns. */
export interface StartedAuthorization {
  url: URL;
  providerState: string;
  codeVerifier: string;
  nonce?: string;
}

/** Deadline of every request to a provider, seconds. */
const PROVIDER_TIMEOUT = 10;
/** Larger profile answers are refused (a real one is a few kilobytes). */
const MAX_PROFILE_BYTES = 256 * 1024;

/**
 * The providers as openid-client sees them: one Configuration each, discovered once (an
 * OpenID Connect issuer) or built from fixed endpoints. Owned by one app, never global.
 */
export class ProviderClients {
  readonly #configurations = new Map<string, Promise<client.Configuration>>();

  constructor(readonly providers: ConfiguredProvider[]) {}

  find(id: string): ConfiguredProvider | undefined {
    return this.providers.find((provider) => provider.definition.id === id);
  }

  /** The provider's authorization URL, always with PKCE (S256) and `state`, and `nonce` for OpenID Connect. */
  async start(provider: ConfiguredProvider, redirectUri: string): Promise<StartedAuthorization> {
    const configuration = await this.#configuration(provider);
    const codeVerifier = client.randomPKCECodeVerifier();
    const providerState = client.randomState();
    const nonce = provider.definition.kind === 'oidc' ? client.randomNonce() : undefined;
    const url = client.buildAuthorizationUrl(configuration, {
      redirect_uri: redirectUri,
      scope: provider.definition.scope,
      code_challenge: await client.calculatePKCECodeChallenge(codeVerifier),
      code_challenge_method: 'S256',
      state: providerState,
      ...(nonce ? {nonce} : {}),
    });
    return {url, providerState, codeVerifier, ...(nonce ? {nonce} : {})};
  }

  /**
   * Exchanges the code in `callbackUrl` (checking state, PKCE, and for OpenID Connect the
   * ID token and its nonce) and reads who signed in.
   */
  async finish(
    provider: ConfiguredProvider,
    callbackUrl: URL,
    checks: {providerState: string; codeVerifier: string; nonce?: string | null},
  ): Promise<Profile> {
    const configuration = await this.#configuration(provider);
    const {definition} = provider;
    const oidc = definition.kind === 'oidc';
    const tokens = await client.authorizationCodeGrant(configuration, callbackUrl, {
      expectedState: checks.providerState,
      pkceCodeVerifier: checks.codeVerifier,
      ...(oidc ? {expectedNonce: checks.nonce ?? '', idTokenExpected: true} : {}),
    });
    if (oidc) {
      const claims = tokens.claims()!;
      if (!configuration.serverMetadata().userinfo_endpoint) return definition.mapProfile([claims]);
      const userinfo = await client.fetchUserInfo(configuration, tokens.access_token, claims.sub);
      return definition.mapProfile([userinfo]);
    }
    const answers: unknown[] = [];
    for (const [index, url] of (definition.profileUrls ?? []).entries()) {
      // The first answer is the person; later ones (GitHub's emails) only add to it.
      answers.push(await this.#readJson(configuration, tokens.access_token, url).catch((error: unknown) => {
        if (index === 0) throw error;
        return undefined;
      }));
    }
    return definition.mapProfile(answers);
  }

  async #readJson(configuration: client.Configuration, accessToken: string, url: string): Promise<unknown> {
    const response = await client.fetchProtectedResource(
      configuration, accessToken, new URL(url), 'GET', undefined, new Headers({Accept: 'application/json', 'User-Agent': 'colloquy-server'}),
    );
    if (!response.ok) throw new Error(`${url} answered ${response.status}`);
    const body = await response.text();
    if (body.length > MAX_PROFILE_BYTES) throw new Error(`${url} answered more than ${MAX_PROFILE_BYTES} bytes`);
    return JSON.parse(body);
  }

  #configuration(provider: ConfiguredProvider): Promise<client.Configuration> {
    const id = provider.definition.id;
    let found = this.#configurations.get(id);
    if (!found) {
      found = this.#create(provider);
      // A failed discovery (the issuer was down) is tried again on the next sign-in.
      found.catch(() => this.#configurations.delete(id));
      this.#configurations.set(id, found);
    }
    return found;
  }

  async #create(provider: ConfiguredProvider): Promise<client.Configuration> {
    const {definition, clientId, clientSecret, issuer} = provider;
    const authentication = definition.clientAuth === 'client_secret_basic' ? client.ClientSecretBasic(clientSecret) : client.ClientSecretPost(clientSecret);
    let configuration: client.Configuration;
    if (issuer) {
      // Plain http is only ever accepted for an issuer on this machine (see auth-config).
      const insecure = new URL(issuer).protocol === 'http:';
      configuration = await client.discovery(new URL(issuer), clientId, {client_secret: clientSecret}, authentication, {
        timeout: PROVIDER_TIMEOUT,
        ...(insecure ? {execute: [client.allowInsecureRequests]} : {}),
      });
    } else {
      configuration = new client.Configuration(definition.metadata!, clientId, {client_secret: clientSecret}, authentication);
    }
    configuration.timeout = PROVIDER_TIMEOUT;
    return configuration;
  }
}
